/*
** x1060: internal declarations shared by the extension's source files.
**
** Nothing here is part of the public interface (that is x1060.h).  Every
** symbol declared here is hidden, so that two extensions loaded into the same
** process with RTLD_GLOBAL cannot interpose each other's helpers.
*/
#ifndef X1060_INT_H
#define X1060_INT_H

#include "sqlite3ext.h"
#include "x1060.h"
#include <stddef.h>

/* X1060_HIDDEN marks internal functions, X1060_DATA the declarations of
** internal data and X1060_DATA_DEF their definitions.  In the one-file
** distribution (tools/mkdist defines X1060_AMALGAMATION) they are static,
** so that nothing but the entry points is visible even when the file is
** linked into a program. */
#if defined(X1060_AMALGAMATION)
# define X1060_HIDDEN static
# define X1060_DATA static
# define X1060_DATA_DEF static
#elif defined(__GNUC__)
# define X1060_HIDDEN __attribute__((visibility("hidden")))
# define X1060_DATA extern X1060_HIDDEN
# define X1060_DATA_DEF
#else
# define X1060_HIDDEN
# define X1060_DATA extern
# define X1060_DATA_DEF
#endif

/* Oldest SQLite the extension runs on (3.40.0, Debian 12).  A test build
** raises it to prove that the refusal works. */
#ifndef X1060_MIN_SQLITE
# define X1060_MIN_SQLITE 3040000
#endif

/* The last slot of sqlite3_module, xIntegrity, exists from SQLite 3.44
** (X1060_HAVE_INTEGRITY: the headers have it): modules without one end
** their initializer with X1060_NO_INTEGRITY. */
#define X1060_INTEGRITY_SQLITE 3044000
#define X1060_HAVE_INTEGRITY (SQLITE_VERSION_NUMBER>=X1060_INTEGRITY_SQLITE)
#if X1060_HAVE_INTEGRITY
# define X1060_NO_INTEGRITY , 0
#else
# define X1060_NO_INTEGRITY
#endif


/* Sizes of the framework data (checked against the arrays at compile time). */
#define X1060_NCATEGORY   9
#define X1060_NSERVICE   64
#define X1060_NLEVEL      5
#define X1060_NASSIGNMENT 4
#define X1060_NRUBRIC    12
#define X1060_NQUADRANT   4
#define X1060_NPHASE      3
#define X1060_NCYCLE      2

/* Sourcing axes of Figure 5 (project's reading, see README). */
#define X1060_INTERNAL    0
#define X1060_EXTERNAL    1
#define X1060_GENERAL     0
#define X1060_SPECIALISED 1

/*
** A word of a vocabulary: its canonical spelling, its Japanese name and
** other accepted spellings separated by '|' (or NULL).  Every entity that
** users can name starts with one, so that one matcher serves them all.
*/
typedef struct X1060Word X1060Word;
struct X1060Word {
  const char *zName;      /* canonical spelling, as output */
  const char *zNameJa;    /* Japanese name */
  const char *zAlso;      /* other accepted spellings, '|'-separated, or NULL */
};

typedef struct X1060Category X1060Category;
struct X1060Category {
  X1060Word w;            /* w.zName is the category's title */
  char cId;               /* 'A'..'I' */
  int iPhase;             /* default phase: index into x1060Phases */
};

typedef struct X1060Service X1060Service;
struct X1060Service {
  X1060Word w;            /* name, Japanese name, published variants */
  const char *zId;        /* "A-1".."I-7" */
  int iSeq;               /* number within the category */
  int eInformation;       /* X1060_INTERNAL or X1060_EXTERNAL */
  int eExpertise;         /* X1060_GENERAL or X1060_SPECIALISED */
  const char *zSummary;   /* one line, project's own words */
  const char *zSummaryJa; /* the same in Japanese, project's own */
};

typedef struct X1060Level X1060Level;
struct X1060Level {
  X1060Word w;
  int iPriority;          /* 1 (Basic) .. 4 (Optional); 0 = none (Unnecessary) */
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Assignment X1060Assignment;
struct X1060Assignment {
  X1060Word w;
  const char *zRubric;    /* "insourcing", "outsourcing", "both" or NULL */
  int bNamesTeam;         /* the team in charge must be named */
  int bNamesOutsourcer;   /* the outsourcer must be named */
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Rubric X1060Rubric;  /* one of the two rubrics */
struct X1060Rubric {
  const char *zName;      /* "insourcing" or "outsourcing" */
  const char *zQuestion;  /* what the rubric asks, project's translation */
  const char *zQuestionJa;/* as the seed gives it */
};

typedef struct X1060Criterion X1060Criterion;
struct X1060Criterion {
  int iRubric;            /* index into x1060Rubrics */
  int iPoints;            /* 5..1, or 0 for N/A (excluded from evaluation) */
  const char *zText;      /* as the seed gives it */
  const char *zTextJa;    /* as the seed gives it */
};

typedef struct X1060Quadrant X1060Quadrant;
struct X1060Quadrant {
  int eInformation;
  int eExpertise;
  int iAssignment;        /* suggested assignment: index into x1060Assignments */
  const char *zLead;      /* who leads the work */
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Stage X1060Stage;  /* a management phase or a cycle */
struct X1060Stage {
  X1060Word w;
  const char *zDesc;
  const char *zDescJa;
};

typedef struct X1060Axis X1060Axis;    /* one value of a sourcing axis */
struct X1060Axis {
  X1060Word w;
};

/* A value: text, integer or NULL.  Whether z is owned depends on where
** the value lives (reference tables: static; CDC rows: owned). */
typedef struct X1060Value X1060Value;
struct X1060Value {
  int eType;              /* SQLITE_TEXT, SQLITE_INTEGER or SQLITE_NULL */
  sqlite3_int64 i;        /* the integer */
  const char *z;          /* the text, NUL-terminated */
};

/* The framework data (framework.c). */
X1060_DATA const X1060Category x1060Categories[X1060_NCATEGORY];
X1060_DATA const X1060Service x1060Services[X1060_NSERVICE];
X1060_DATA const X1060Level x1060Levels[X1060_NLEVEL];
X1060_DATA const X1060Assignment x1060Assignments[X1060_NASSIGNMENT];
X1060_DATA const X1060Rubric x1060Rubrics[2];
X1060_DATA const X1060Criterion x1060Criteria[X1060_NRUBRIC];
X1060_DATA const X1060Quadrant x1060Quadrants[X1060_NQUADRANT];
X1060_DATA const X1060Stage x1060Phases[X1060_NPHASE];
X1060_DATA const X1060Stage x1060Cycles[X1060_NCYCLE];
X1060_DATA const X1060Axis x1060Information[2];
X1060_DATA const X1060Axis x1060Expertise[2];

/*
** The crosswalks (crosswalk.c): the frameworks that X.1060's services are
** mapped to, their elements as they publish them, and the mapping, which
** is the project's own judgement.
*/
#define X1060_CSF   0     /* NIST Cybersecurity Framework 2.0 */
#define X1060_FIRST 1     /* FIRST CSIRT Services Framework 2.1 */
#define X1060_NFRAMEWORK 2
#define X1060_NCSF_FUNCTION   6
#define X1060_NCSF_CATEGORY  22
#define X1060_NFIRST_AREA     5
#define X1060_NFIRST_SERVICE 21
#define X1060_NMAPPING      174
/* What x1060_crosswalk.judgement says of every row. */
#define X1060_JUDGEMENT "the x1060 project's own, not ITU-T's, NIST's or " \
                        "FIRST's"

/* Relations of the mapping (NIST IR 8278's set-theory relationships). */
#define X1060_EQUAL       0
#define X1060_SUBSET      1   /* the X.1060 service is part of the element */
#define X1060_SUPERSET    2
#define X1060_INTERSECTS  3
#define X1060_UNRELATED   4   /* mapped to nothing: the rationale says why */
#define X1060_NRELATION   5

typedef struct X1060Framework X1060Framework;
struct X1060Framework {
  const char *zId;        /* "csf" or "first", as x1060_crosswalk names it */
  const char *zName;
  const char *zVersion;
  const char *zPublisher;
  const char *zSource;    /* where its ids and names were taken from */
  const char *zTop;       /* its upper level: "function", "area" */
  const char *zLeaf;      /* its lower level: "category", "service" */
};

/* An element of another framework: its id and name as published, and the
** id of the element above it (NULL at the top). */
typedef struct X1060RefItem X1060RefItem;
struct X1060RefItem {
  const char *zId;
  const char *zParent;
  const char *zName;
};

/* One row of the mapping: an Annex A service, a framework, the element of
** its lower level (NULL when unrelated), the relation and why. */
typedef struct X1060Mapping X1060Mapping;
struct X1060Mapping {
  const char *zService;
  int eFramework;
  const char *zRef;
  int eRelation;
  const char *zRationale;
};

X1060_DATA const X1060Framework x1060Frameworks[X1060_NFRAMEWORK];
X1060_DATA const char *const x1060Relations[X1060_NRELATION];
X1060_DATA const X1060RefItem x1060CsfFunctions[X1060_NCSF_FUNCTION];
X1060_DATA const X1060RefItem x1060CsfCategories[X1060_NCSF_CATEGORY];
X1060_DATA const X1060RefItem x1060FirstAreas[X1060_NFIRST_AREA];
X1060_DATA const X1060RefItem x1060FirstServices[X1060_NFIRST_SERVICE];
X1060_DATA const X1060Mapping x1060Mappings[X1060_NMAPPING];

/* Lookups in the framework data (framework.c). */
X1060_HIDDEN int x1060CategoryIndex(char cId);
X1060_HIDDEN int x1060CategoryCount(int iCategory);

/* The rules over the data (rules.c), shared by the CDC table's derived
** columns and the analysis functions.  X1060_NONE stands for NULL. */
#define X1060_NONE (-1)
#define X1060_NO_GAP (-100)   /* x1060GapOf: no gap (a gap is -4..4) */
X1060_HIDDEN int x1060QuadrantOf(int eInformation, int eExpertise);
X1060_HIDDEN int x1060GapOf(int iAsIs, int iToBe, int bExcluded);
X1060_HIDDEN int x1060CycleOf(int iAssignment, int iAsIs, int iToBe,
                              int bExcluded);
X1060_HIDDEN const char *x1060CriterionOf(int iAssignment, int iPoints,
                                          int bExcluded, int bJa);

/* Matching user input against a vocabulary (normalise.c). */
typedef struct X1060Vocabulary X1060Vocabulary;
struct X1060Vocabulary {
  const char *zWhat;      /* "a recommendation level", for messages */
  const char *zTable;     /* the reference table that lists it */
  const void *aRow;       /* array of structs that start with an X1060Word */
  size_t szRow;           /* sizeof one struct */
  int nRow;
};
#define X1060_FOLD_MAX 256   /* longer than any name in any language */
X1060_HIDDEN int x1060Fold(const char *z, int n, char *zOut);
X1060_HIDDEN int x1060HalfWidthAt(const unsigned char *z, int n);
X1060_HIDDEN int x1060Utf8CharLength(const unsigned char *z, int n);
X1060_HIDDEN int x1060IsControl(const unsigned char *z, int nc);
X1060_HIDDEN int x1060CleanText(const char *z, int n, const char *zAllowed);
X1060_HIDDEN int x1060Utf8Valid(const char *z, int n);
X1060_HIDDEN int x1060VocabularyFind(const X1060Vocabulary*, const char*, int);
X1060_HIDDEN const X1060Word *x1060VocabularyWord(const X1060Vocabulary*, int);
X1060_HIDDEN char *x1060VocabularyAllowed(const X1060Vocabulary*);
X1060_HIDDEN int x1060ServiceFind(const char *z, int n);
X1060_HIDDEN char *x1060DescribeValue(sqlite3_value*);
X1060_DATA const X1060Vocabulary x1060LevelVocabulary;
X1060_DATA const X1060Vocabulary x1060AssignmentVocabulary;
X1060_DATA const X1060Vocabulary x1060CategoryVocabulary;
X1060_DATA const X1060Vocabulary x1060PhaseVocabulary;
X1060_DATA const X1060Vocabulary x1060InformationVocabulary;
X1060_DATA const X1060Vocabulary x1060ExpertiseVocabulary;

/* Reading a score written by a user (normalise.c): 1..5 as integer,
** integral real or text; 'N/A' (or NA, 評価外) gives X1060_SCORE_NA. */
#define X1060_SCORE_NA 1000
X1060_HIDDEN int x1060ReadScore(sqlite3_value*, sqlite3_int64 *piOut);

/* A small JSON reader (jsonread.c), for the answers of x1060_score(). */
#define X1060_JSON_MAX_NODE  64
#define X1060_JSON_MAX_DEPTH 4
enum {
  X1060_JSON_OBJECT, X1060_JSON_STRING, X1060_JSON_TRUE, X1060_JSON_FALSE,
  X1060_JSON_NULL, X1060_JSON_NUMBER, X1060_JSON_ARRAY
};
typedef struct X1060JsonNode X1060JsonNode;
struct X1060JsonNode {
  int eType;              /* X1060_JSON_* */
  int iParent;            /* index of the enclosing object, -1 for the root */
  int iKey;               /* offset of its key in zText, -1 for the root */
  int iText;              /* offset of a string's text in zText */
};
typedef struct X1060Json X1060Json;
struct X1060Json {
  X1060JsonNode aNode[X1060_JSON_MAX_NODE];
  int nNode;
  char *zText;            /* decoded keys and strings */
  char *zErr;             /* what is wrong, after SQLITE_ERROR */
};
X1060_HIDDEN int x1060JsonRead(const char *z, int n, X1060Json*);
X1060_HIDDEN int x1060JsonCheck(const char *z, int n, char **pzErr);
X1060_HIDDEN void x1060JsonFree(X1060Json*);
X1060_HIDDEN const char *x1060JsonKey(const X1060Json*, int i);
X1060_HIDDEN const char *x1060JsonText(const X1060Json*, int i);

/* Run one statement zSql (from sqlite3_mprintf, freed here; NULL means
** out of memory) with text parameters ?1 and ?2 when not NULL, to its
** end.  Returns its result code. */
X1060_HIDDEN int x1060Exec(sqlite3*, char *zSql, const char *z1,
                           const char *z2);

/* A savepoint around what a function writes: Begin prepares SAVEPOINT,
** ROLLBACK TO and RELEASE first (so that undoing needs no memory) and runs
** the first; End, given the work's result rc, undoes when rc is an error,
** releases, and returns rc (or why it could not release, having undone).
** Not inside a statement that writes (SQLite refuses a savepoint then);
** zName NULL opens none (End then only returns rc), for work that such a
** statement's journal covers.
** Out of memory is the exception: SQLite fails every statement after it
** until the calling statement ends, so the undo cannot run; the
** transaction the savepoint began is then left open for the user's
** ROLLBACK (README, "Upgrading"). */
typedef struct X1060Savepoint X1060Savepoint;
struct X1060Savepoint { sqlite3_stmt *ap[3]; };
X1060_HIDDEN int x1060SavepointBegin(sqlite3*, const char *zName,
                                     X1060Savepoint*);
X1060_HIDDEN int x1060SavepointEnd(X1060Savepoint*, int rc);

/* zSql with the placeholders of CDC zName of schema zSchema filled in,
** from sqlite3_mprintf (NULL on OOM): $T its services as the CDC table
** reads them (checked, with the derived columns; rowid is seq_no), $D, $N,
** $H and $C its rows of x1060_store_service, _snapshot, _history and _cdc,
** $I its id, $Q its name as an SQL string, $S the quoted schema, $A the
** schema's x1060_cdc_services.  With zName NULL the name is the parameter
** X1060_CDC_PARAM instead, to bind: one statement then serves every CDC
** of the schema. */
#define X1060_CDC_PARAM "?99"   /* numbered: clear of the ?1.. of the SQL */
X1060_HIDDEN char *x1060FillSql(const char *zSql, const char *zSchema,
                                const char *zName);

/*
** A writing operation (x1060_snapshot, x1060_import, x1060_publish,
** x1060_upgrade): the body of its SQL function, which its command form
** INSERT INTO x1060_cdcs(command, ...) runs too (cdc_admin.c), so that
** both check and say the same.  xRun runs it on the function's arguments
** apArg[0..nArg-1].  With zSavepoint it opens a savepoint of that name
** around its writes (the SQL function); with NULL it opens none (the
** command: no savepoint can be opened inside a statement that writes, and
** the INSERT's statement journal makes it all or nothing).  It returns
** SQLITE_OK with its result in *pn, X1060_NULL_RESULT when the result is
** NULL (a NULL argument), or an error, with *pzErr (owned) when it has a
** message.  x1060WriteFunc is the SQL function of any of them (its user
** data the X1060WriteOp).
*/
#define X1060_NULL_RESULT SQLITE_DONE
typedef struct X1060WriteOp X1060WriteOp;
struct X1060WriteOp {
  const char *zFunc;        /* "x1060_snapshot" ... */
  const char *zCommand;     /* its command of x1060_cdcs, or NULL */
  int (*xRun)(sqlite3*, int nArg, sqlite3_value **apArg,
              const char *zSavepoint, sqlite3_int64 *pn, char **pzErr);
};
X1060_DATA const X1060WriteOp x1060ImportOp;    /* import.c */
X1060_DATA const X1060WriteOp x1060PublishOp;   /* publish.c */
X1060_HIDDEN void x1060WriteFunc(sqlite3_context*, int, sqlite3_value**);

/* Run zSql (owned, from sqlite3_mprintf; NULL is out of memory) and give
** its first row's first column as text in *pzOut (owned; NULL when there
** is no row, empty for a NULL value). */
X1060_HIDDEN int x1060QueryText(sqlite3*, char *zSql, char **pzOut);

/* Make a function fail after rc: with message zErr when there is one, as
** out of memory for SQLITE_NOMEM, else with the connection's message. */
X1060_HIDDEN void x1060ResultError(sqlite3_context*, int rc, const char *zErr);

/* Registration (one function per source file).  x1060CreateFunction is
** sqlite3_create_function, except that a function of ours that exists
** already and cannot be replaced while SQL runs (SQLITE_BUSY: loading the
** extension again from SELECT load_extension()) is kept, not an error. */
X1060_HIDDEN int x1060CreateFunction(sqlite3*, const char*, int, int, void*,
    void (*)(sqlite3_context*,int,sqlite3_value**),
    void (*)(sqlite3_context*,int,sqlite3_value**),
    void (*)(sqlite3_context*));
X1060_HIDDEN int x1060RegisterReferenceTables(sqlite3*);
X1060_HIDDEN int x1060RegisterNormalisers(sqlite3*);
X1060_HIDDEN int x1060RegisterRuleFunctions(sqlite3*);
X1060_HIDDEN int x1060RegisterScore(sqlite3*);
X1060_HIDDEN int x1060RegisterEvaluate(sqlite3*);
X1060_HIDDEN int x1060RegisterInterchange(sqlite3*);
X1060_HIDDEN int x1060RegisterImport(sqlite3*);
X1060_HIDDEN int x1060RegisterPublish(sqlite3*);
X1060_HIDDEN int x1060RegisterReport(sqlite3*);
X1060_HIDDEN int x1060RegisterLibrary(sqlite3*);
X1060_HIDDEN int x1060RegisterOscal(sqlite3*);

#endif /* X1060_INT_H */
