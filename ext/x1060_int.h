/*
** x1060: internal declarations shared by the extension's source files.
**
** Nothing here is part of the public interface (that is x1060.h).  Every
** symbol declared here is hidden, so that two extensions loaded into the same
** process with RTLD_GLOBAL cannot interpose each other's helpers.
**
** One section per source file, in the order of ext/LAYERS (bottom to top):
** a file uses only the sections above its own.
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
/* The flag of functions whose result carries a subtype (JSON: 'J'), which
** SQLite 3.45 asks for and older headers lack (0 there: no such check). */
#ifndef SQLITE_RESULT_SUBTYPE
# define SQLITE_RESULT_SUBTYPE 0x001000000
#endif


/* Rowids that pack two numbers, named once: hi<<bits | lo, and the two
** read back.  x1060_cdcs packs the schema's number and the CDC's id
** (X1060_CDCS_BITS), x1060_cdc_services the CDC's id and the service's
** seq_no (CDC_SEQ_BITS). */
#define X1060_PACK(hi, lo, bits) (((sqlite3_int64)(hi)<<(bits)) | (lo))
#define X1060_PACK_HI(r, bits) ((r)>>(bits))
#define X1060_PACK_LO(r, bits) ((r) & ((((sqlite3_int64)1)<<(bits))-1))
#define X1060_CDCS_BITS 32

/* The number of elements of array a. */
#define X1060_ARRAY_SIZE(a) ((int)(sizeof(a)/sizeof((a)[0])))

/* A number as a string literal (X1060_STR(100) is "100"). */
#define X1060_STR_(x) #x
#define X1060_STR(x) X1060_STR_(x)

/* Limits of what users write, named once. */
#define X1060_ID_MAX     64   /* characters of a custom service id */
#define X1060_LABEL_MAX 100   /* characters of a snapshot label */

/* A value: text, integer or NULL.  Whether z is owned depends on where
** the value lives (reference tables: static; CDC rows: owned). */
typedef struct X1060Value X1060Value;
struct X1060Value {
  int eType;              /* SQLITE_TEXT, _INTEGER, _FLOAT or SQLITE_NULL */
  sqlite3_int64 i;        /* the integer */
  double r;               /* the real number */
  const char *z;          /* the text, NUL-terminated */
};

/***************************************************************************
** Interface to code in text.c: UTF-8, control characters, values described
*/
X1060_HIDDEN int x1060Utf8CharLength(const unsigned char *z, int n);
X1060_HIDDEN int x1060IsControl(const unsigned char *z, int nc);
X1060_HIDDEN int x1060CleanText(const char *z, int n, const char *zAllowed);
X1060_HIDDEN int x1060Utf8Valid(const char *z, int n);
X1060_HIDDEN char *x1060DescribeValue(sqlite3_value*);
X1060_HIDDEN char *x1060DescribeText(const char *z, int n);
/* The formats of the documents x1060 writes: text is escaped for each by
** x1060AppendEscaped so that nothing in it is live (markup, links,
** terminal escapes, bytes that are not UTF-8). */
#define X1060_FMT_MARKDOWN 0
#define X1060_FMT_HTML     1
#define X1060_FMT_JSON     2
X1060_HIDDEN void x1060AppendEscaped(sqlite3_str*, int eFmt, const char *z);
/* The same for the n bytes at z. */
X1060_HIDDEN void x1060AppendEscapedN(sqlite3_str*, int eFmt, const char *z,
                                      int n);

/***************************************************************************
** Interface to code in sqlbase.c: SQL, savepoints, results, messages
*/
/* Prepare zSql (from sqlite3_mprintf, freed here; NULL means out of
** memory) into *ppStmt: the one way x1060 prepares SQL it has built. */
X1060_HIDDEN int x1060Prepare(sqlite3*, char *zSql, sqlite3_stmt **ppStmt);

/* Run one statement zSql (from sqlite3_mprintf, freed here; NULL means
** out of memory) with text parameters ?1 and ?2 when not NULL, to its
** end.  Returns its result code. */
X1060_HIDDEN int x1060Exec(sqlite3*, char *zSql, const char *z1,
                           const char *z2);

/* The connection's state: what x1060 found sound.  x1060ConnNew links a
** new one for db (NULL on OOM), x1060ConnFree (a destructor: the
** registration that owns it calls it) unlinks and frees it.
** x1060ConnIsChecked says whether the storage of zSchema was found sound
** at schema cookie iCookie of the same file; x1060ConnSetChecked records
** it. */
typedef struct X1060Conn X1060Conn;
X1060_HIDDEN X1060Conn *x1060ConnNew(sqlite3*);
X1060_HIDDEN void x1060ConnFree(void*);
X1060_HIDDEN int x1060ConnIsChecked(sqlite3*, const char *zSchema,
                                    sqlite3_int64 iCookie);
X1060_HIDDEN int x1060ConnSetChecked(sqlite3*, const char *zSchema,
                                     sqlite3_int64 iCookie);

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
** ROLLBACK (docs/formats.md, "Upgrading"). */
typedef struct X1060Savepoint X1060Savepoint;
struct X1060Savepoint { sqlite3_stmt *ap[3]; };
X1060_HIDDEN int x1060SavepointBegin(sqlite3*, const char *zName,
                                     X1060Savepoint*);
X1060_HIDDEN int x1060SavepointEnd(X1060Savepoint*, int rc);

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
** message.  x1060RegisterWriteOp registers its SQL function.
*/
#define X1060_NULL_RESULT SQLITE_DONE
typedef struct X1060WriteOp X1060WriteOp;
struct X1060WriteOp {
  const char *zFunc;        /* "x1060_snapshot" ... */
  const char *zCommand;     /* its command of x1060_cdcs, or NULL */
  int nArgMin, nArgMax;     /* the SQL function's numbers of arguments */
  int (*xRun)(sqlite3*, int nArg, sqlite3_value **apArg,
              const char *zSavepoint, sqlite3_int64 *pn, char **pzErr);
};
/* Register the SQL function of writing operation p, for each number of
** arguments it takes: DIRECTONLY, as everything that writes. */
X1060_HIDDEN int x1060RegisterWriteOp(sqlite3*, const X1060WriteOp *p);

/*
** A statement kept idle between uses, for one schema: the one pattern by
** which a virtual table keeps SQL it prepares per schema (its CDC or other
** keys bound anew at each use).  x1060IdleTake gives the idle statement
** of zSchema and leaves the slot empty, or NULL when it holds none for that
** schema; x1060IdleGive keeps pStmt (reset, bindings cleared) for zSchema,
** finalizing the one it replaces (or pStmt, when it cannot keep it);
** x1060IdleFree finalizes what is kept.
*/
typedef struct X1060Idle X1060Idle;
struct X1060Idle { char *zSchema; sqlite3_stmt *pStmt; };
X1060_HIDDEN sqlite3_stmt *x1060IdleTake(X1060Idle*, const char *zSchema);
X1060_HIDDEN void x1060IdleGive(X1060Idle*, const char *zSchema,
                                sqlite3_stmt *pStmt);
X1060_HIDDEN void x1060IdleFree(X1060Idle*);

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

/* Prepare zSql (NULL: out of memory) with sqlite3_prepare_v3's flags,
** which reads table zTable of schema zSchema: SQLITE_NOTFOUND (and no
** statement) when that table is not there (zTable NULL: never).  Whether a storage exists is
** asked this way. */
X1060_HIDDEN int x1060PrepareStorage(sqlite3*, const char *zSql,
                                     unsigned int flags, sqlite3_stmt**,
                                     const char *zSchema, const char *zTable);

/*
** The one message of bad input: "<zWho>: <zArg> <zValue> is not <zKind>;
** allowed: <zAllowed>", each part left out when NULL ("is not allowed"
** without zKind), from sqlite3_mprintf (NULL on OOM).  x1060NotAllowedValue
** describes value v (x1060DescribeValue) as zValue.
*/
X1060_HIDDEN char *x1060NotAllowed(const char *zWho, const char *zArg,
                                   const char *zValue, const char *zKind,
                                   const char *zAllowed);
X1060_HIDDEN char *x1060NotAllowedValue(const char *zWho, const char *zArg,
                                        sqlite3_value *v, const char *zKind,
                                        const char *zAllowed);

/* The language argument of every function that takes one: NULL (or not
** given: v NULL) is English; 'en' and 'ja' in any case.  Sets *pbJa, or
** *pzErr (owned) naming function zFunc and returns SQLITE_ERROR. */
#define X1060_LANG_ALLOWED "'en' or 'ja'"
X1060_HIDDEN int x1060LangArg(sqlite3_value *v, const char *zFunc, int *pbJa,
                              char **pzErr);


/***************************************************************************
** Interface to code in jsonread.c: a small JSON reader
*/
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
/* Walking the members or elements of a checked text, as spans of it. */
typedef struct X1060JsonItems X1060JsonItems;
struct X1060JsonItems {
  const char *z;          /* the whole text */
  int n;                  /* its length */
  int bArray;             /* walking an array (else an object) */
  int iNext;              /* where reading goes on */
  int iIndex;             /* the index of the current item, from 0 */
  int iKey, nKey;         /* a member's key: its JSON string, quotes too */
  int iValue, nValue;     /* the item's value */
};
X1060_HIDDEN void x1060JsonItemsBegin(X1060JsonItems*, const char *z, int n,
                                      int i);
X1060_HIDDEN int x1060JsonItemsNext(X1060JsonItems*);
X1060_HIDDEN const char *x1060JsonType(const char *z, int n);
X1060_HIDDEN int x1060JsonSkipSpace(const char *z, int n, int i);
X1060_HIDDEN char *x1060JsonString(const char *z, int n);

/***************************************************************************
** Interface to code in framework.c: the framework data of X.1060
*/
/* Sizes of the framework data (checked against the arrays at compile time). */
#define X1060_NCATEGORY   9
#define X1060_NSERVICE   64
#define X1060_NLEVEL      5
#define X1060_NASSIGNMENT 4
#define X1060_NRUBRIC    12
#define X1060_NQUADRANT   4
#define X1060_NPHASE      3
#define X1060_NCYCLE      2
#define X1060_NSTATUS     5   /* statuses of an improvement action */

/* Sourcing axes of Figure 5 (project's reading, see README.md). */
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
X1060_DATA const X1060Stage x1060ActionStatuses[X1060_NSTATUS];
X1060_DATA const X1060Axis x1060Information[2];
X1060_DATA const X1060Axis x1060Expertise[2];
/* Lookups in the framework data (framework.c). */
X1060_HIDDEN int x1060CategoryIndex(char cId);
X1060_HIDDEN int x1060CategoryCount(int iCategory);

/***************************************************************************
** Interface to code in crosswalk.c: NIST CSF 2.0, FIRST, and the mapping
*/
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

/***************************************************************************
** Interface to code in organisation.c: what describes an organisation
*/
/* A term: a canonical value, its name for a reader in English and
** Japanese, and what it means: an attribute (x1060_attributes), a process
** of the evaluation or a severity of its findings (findings.c). */
typedef struct X1060Term X1060Term;
struct X1060Term {
  const char *zValue;       /* "sector" ..., "catalogue" ..., "error" ... */
  const char *zName, *zNameJa;
  const char *zDesc, *zDescJa;
};
/* The attributes of an organisation, shared ones (those an anonymised
** export carries) first, and the canonical values of those that have them,
** grouped by attribute (x1060_attribute_values). */
#define X1060_NATTRIBUTE 4
#define X1060_NATTRIBUTE_SHARED 3
#define X1060_ATTR_SECTOR_FIRST 0
#define X1060_ATTR_SECTOR_N 21
#define X1060_ATTR_SIZE_FIRST 21
#define X1060_ATTR_SIZE_N 4
#define X1060_ATTR_REGION_FIRST 25
#define X1060_ATTR_REGION_N 17
#define X1060_NATTRIBUTE_VALUE 42
typedef struct X1060AttributeValue X1060AttributeValue;
struct X1060AttributeValue {
  X1060Word w;              /* the value, its Japanese name, other spellings */
  int iAttribute;           /* index in x1060Attributes */
  const char *zCode;        /* ISIC section, size band, M49 code */
};
X1060_DATA const X1060Term x1060Attributes[X1060_NATTRIBUTE];
X1060_DATA const X1060AttributeValue
    x1060AttributeValues[X1060_NATTRIBUTE_VALUE];

/***************************************************************************
** Interface to code in normalise.c: forgiving input, canonical output
*/
/* Matching user input against a vocabulary (normalise.c). */
typedef struct X1060Vocabulary X1060Vocabulary;
struct X1060Vocabulary {
  const char *zWhat;      /* "a recommendation level", for messages */
  const char *zTable;     /* the reference table that lists it */
  const void *aRow;       /* array of structs that start with an X1060Word */
  size_t szRow;           /* sizeof one struct */
  int nRow;
  size_t offCode;         /* offset of a code (const char*) that spells a
                          ** word too, in any case; 0: none */
};
#define X1060_FOLD_MAX 256   /* longer than any name in any language */
X1060_HIDDEN int x1060Fold(const char *z, int n, char *zOut);
X1060_HIDDEN int x1060HalfWidthAt(const unsigned char *z, int n);
X1060_HIDDEN int x1060VocabularyFind(const X1060Vocabulary*, const char*, int);
X1060_HIDDEN const X1060Word *x1060VocabularyWord(const X1060Vocabulary*, int);
X1060_HIDDEN char *x1060VocabularyAllowed(const X1060Vocabulary*);
X1060_HIDDEN int x1060ServiceFind(const char *z, int n);
X1060_DATA const X1060Vocabulary x1060LevelVocabulary;
X1060_DATA const X1060Vocabulary x1060AssignmentVocabulary;
X1060_DATA const X1060Vocabulary x1060CategoryVocabulary;
X1060_DATA const X1060Vocabulary x1060PhaseVocabulary;
X1060_DATA const X1060Vocabulary x1060InformationVocabulary;
X1060_DATA const X1060Vocabulary x1060ExpertiseVocabulary;
X1060_DATA const X1060Vocabulary x1060CycleVocabulary;
X1060_DATA const X1060Vocabulary x1060StatusVocabulary;
X1060_DATA const X1060Vocabulary x1060SectorVocabulary;
X1060_DATA const X1060Vocabulary x1060SizeVocabulary;
X1060_DATA const X1060Vocabulary x1060RegionVocabulary;

/* Reading a score written by a user (normalise.c): 1..5 as integer,
** integral real or text; 'N/A' (or NA, 評価外) gives X1060_SCORE_NA. */
#define X1060_SCORE_NA 1000
X1060_HIDDEN int x1060ReadScore(sqlite3_value*, sqlite3_int64 *piOut);
X1060_HIDDEN int x1060RegisterNormalisers(sqlite3*);

/***************************************************************************
** Interface to code in rules.c: the rules over the data
*/
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

/*
** The predicates and formulas of the evaluation, as SQL over the columns
** of a CDC table's rows of alias a (a string literal): every query of
** x1060 that counts services is built from these.  A service is
** catalogued when its level is set and not Unnecessary; performed when
** Insourcing, Outsourcing or Combination; assigned when both; scored when
** catalogued with both scores and not excluded (rubric N/A).
*/
#define X1060_SQL_CATALOGUED(a) \
  "(" a ".level IS NOT NULL AND " a ".level<>'Unnecessary')"
#define X1060_SQL_PERFORMED(a) \
  a ".assignment IN ('Insourcing','Outsourcing','Combination')"
#define X1060_SQL_ASSIGNED(a) \
  "(" X1060_SQL_CATALOGUED(a) " AND " X1060_SQL_PERFORMED(a) ")"
#define X1060_SQL_SCORED(a) \
  "(" X1060_SQL_CATALOGUED(a) " AND " a ".as_is IS NOT NULL AND " a \
  ".to_be IS NOT NULL AND " a ".excluded=0)"
/* An improvement action of alias a is open while planned, in progress or
** blocked; overdue when open past its due date (today in UTC). */
#define X1060_SQL_OPEN(a) "(" a ".status NOT IN ('done','dropped'))"
#define X1060_SQL_OVERDUE(a) \
  "(" X1060_SQL_OPEN(a) " AND coalesce(" a ".due<date('now'),0))"
/* The severity of a finding "by level": error for Basic, warning for
** Standard, info for the others. */
#define X1060_SQL_BY_LEVEL(a) \
  "CASE " a ".level WHEN 'Basic' THEN 'error' WHEN 'Standard' THEN " \
  "'warning' ELSE 'info' END"
/* The figures over rows with columns as_is, to_be and sco (the scored
** flag, 0 or 1): scored, avg_as_is, avg_to_be, achievement (the share of
** the scored at or above target), gap_total (a score above target does
** not offset another's gap); NULL where nothing is scored. */
#define X1060_SQL_SCORES \
  "count(CASE WHEN sco THEN 1 END) AS scored, avg(CASE WHEN sco THEN " \
  "as_is END) AS avg_as_is, avg(CASE WHEN sco THEN to_be END) AS " \
  "avg_to_be, CAST(count(CASE WHEN sco AND as_is>=to_be THEN 1 END) AS " \
  "REAL)/nullif(count(CASE WHEN sco THEN 1 END), 0) AS achievement"
/* The same formulas in two steps, for figures at several levels from one
** pass over the rows: the sums of a group of rows (flag sco), then the
** figures of groups of those sums. */
#define X1060_SQL_SCORE_SUMS \
  "count(CASE WHEN sco THEN 1 END) AS n_sco, sum(CASE WHEN sco THEN as_is " \
  "END) AS s_as_is, sum(CASE WHEN sco THEN to_be END) AS s_to_be, " \
  "count(CASE WHEN sco AND as_is>=to_be THEN 1 END) AS n_met"
#define X1060_SQL_SCORES_OF_SUMS \
  "sum(n_sco) AS scored, CAST(sum(s_as_is) AS REAL)/nullif(sum(n_sco), 0) " \
  "AS avg_as_is, CAST(sum(s_to_be) AS REAL)/nullif(sum(n_sco), 0) AS " \
  "avg_to_be, CAST(sum(n_met) AS REAL)/nullif(sum(n_sco), 0) AS achievement"
/* The quantile p (SQL text) of the values v ranked r (1..n) of a group of
** n, interpolating linearly between ranks (Hyndman and Fan's type 7, as
** spreadsheets' PERCENTILE.INC): an aggregate over the group's rows. */
#define X1060_SQL_QH(p)  "((n-1)*" p ")"
#define X1060_SQL_QLO(p) "CAST(" X1060_SQL_QH(p) " AS INTEGER)"
#define X1060_SQL_QUANTILE(p) \
  "sum(CASE r WHEN " X1060_SQL_QLO(p) "+1 THEN v*(1-(" X1060_SQL_QH(p) "-" \
  X1060_SQL_QLO(p) ")) WHEN " X1060_SQL_QLO(p) "+2 THEN v*(" \
  X1060_SQL_QH(p) "-" X1060_SQL_QLO(p) ") ELSE 0 END)"
#define X1060_SQL_GAP_TOTAL \
  "sum(CASE WHEN sco THEN max(to_be-as_is, 0) END) AS gap_total"

/* The derived columns of a CDC table in core SQL over the stored columns
** of alias zA, made from the rules above and the framework data: "gap,
** quadrant, suggested_assignment, cycle" as a select list (from
** sqlite3_mprintf), for readers without x1060 (the BI views). */
X1060_HIDDEN char *x1060DerivedSql(const char *zA);


/***************************************************************************
** Interface to code in findings.c: the evaluation's findings, as data
*/
/* (a test build adds one finding, to show that one row of the table is
** enough for it to appear everywhere: tests/findings.test) */
#ifdef X1060_TEST_EXTRA_FINDING
# define X1060_NFINDING 21
#else
# define X1060_NFINDING 20
#endif
typedef struct X1060Finding X1060Finding;
struct X1060Finding {
  const char *zCode;        /* "no-level" ... */
  const char *zProcess;     /* "catalogue", "profile", "portfolio" or
                            ** "management" */
  const char *zSeverity;    /* "warning", "info" or "by level" */
  const char *zScope;       /* what it is about: "service", "cdc", "action" */
  const char *zTitle;       /* what it means, in words a board reads */
  const char *zTitleJa;     /* the same in Japanese (the project's own) */
  const char *zCondition;   /* when it is found, in words */
  const char *zConditionJa; /* the same in Japanese (the project's own) */
  const char *zSelect;      /* about the whole CDC: its SELECT, or NULL */
  const char *zWhere;       /* about a service: the condition on row d */
  const char *zMessage;     /* ... and its message, English, as SQL */
  const char *zMessageJa;   /* ... and Japanese */
};
X1060_DATA const X1060Finding x1060Findings[X1060_NFINDING];

#define X1060_NPROCESS  4
#define X1060_NSEVERITY 3
X1060_DATA const X1060Term x1060Processes[X1060_NPROCESS];
X1060_DATA const X1060Term x1060Severities[X1060_NSEVERITY];

/* What the findings read (table expressions; findings.c's placeholders):
** the services' rows (every column of a CDC table, with cdc its name and
** seq_no), the categories table, the team-load limit (SQL: "?2", "0.5"),
** the improvement actions (cdc the CDC's name, k its id, action_id and the
** stored columns), the settings and the services' history (with cdc the
** CDC's id), the assessments (cdc the CDC's name, seq_no, side,
** assignment, score).  x1060FindingsSql makes of them one compound SELECT of
** (process, service_id, severity, code, message, message_ja, ord, cdc);
** from sqlite3_mprintf, NULL on OOM. */
typedef struct X1060FindingsFrom X1060FindingsFrom;
struct X1060FindingsFrom {
  const char *zRows, *zCategories, *zShare, *zActions, *zSettings, *zHistory;
  const char *zAssessments;
};
X1060_HIDDEN char *x1060FindingsSql(const X1060FindingsFrom*);
/* The default limit on the effort of a short-cycle action, in
** person-days (a CDC sets its own: short_effort_max). */
#define X1060_SHORT_EFFORT_MAX 20

/***************************************************************************
** Interface to code in version.c, rulefuncs.c, score.c, reftables.c,
** library.c: SQL functions and tables over the data
*/
X1060_HIDDEN int x1060RegisterRuleFunctions(sqlite3*);
X1060_HIDDEN int x1060RegisterScore(sqlite3*);
/* The questions of the rubric as SQL "VALUES(rubric, ord, key, label,
** label_ja),...": what a report calls each answer (from sqlite3_str,
** NULL on OOM). */
X1060_HIDDEN char *x1060QuestionsSql(void);
/* The points the answers zAnswers (n bytes of JSON, x1060_score's form)
** give on the rubric of assignment iAsg (one that has a rubric): 1..5 in
** *piPoints, 0 for N/A; an error (SQLITE_ERROR) has its message, beginning
** "x1060_score(): ", in *pzErr. */
X1060_HIDDEN int x1060ScoreAnswers(int iAsg, const char *zAnswers, int n,
                                   int *piPoints, char **pzErr);
X1060_HIDDEN int x1060RegisterReferenceTables(sqlite3*);
X1060_HIDDEN int x1060RegisterLibrary(sqlite3*);
X1060_HIDDEN int x1060RegisterVersion(sqlite3*);

/***************************************************************************
** Interface to code in cdc_row.c: the CDC table's columns and values
*/
#define STORE_FORMAT 4    /* format of the storage (store.c) */
/* The oldest format of the storage that x1060 reads and upgrades in place
** (format 2, x1060 0.3.0: it lacks the objects of format 3, which reads of
** a schema of format 2 take as empty). */
#define STORE_FORMAT_UPGRADABLE 2
#define CDC_NAME_MAX 200  /* longest name of a CDC, in bytes */
#define CDC_SEQ_MAX 1048575  /* highest seq_no of a service in a CDC */
#define CDC_ID_MAX 2147483647  /* highest id of a CDC in x1060_store_cdc */
/* True if v, read from the storage, is a key x1060 writes: an integer
** 1..max (a crafted one may be anything: 0, negative, huge, text). */
#define CDC_KEY_OK(v, max) (sqlite3_value_type(v)==SQLITE_INTEGER \
  && sqlite3_value_int64(v)>=1 && sqlite3_value_int64(v)<=(max))
#define CDC_SEQ_BITS 20   /* rowid of x1060_cdc_services: cdc<<20 | seq_no */

/* The function that a CDC table overloads to tell its name (cdcResolve). */
#define CDC_NAME_FUNC "x1060_cdc_name"

/* The time of a change, in SQL: as an sqlite3_mprintf format (CDC_NOW)
** and as plain SQL (CDC_NOW_SQL). */
#define CDC_NOW "strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now')"
#define CDC_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
/*
** The elements of the crosswalks' frameworks and the Annex A services
** mapped to each, as two common table expressions over the reference
** tables (reftables.c, crosswalk.c):
**   e(framework, kind, ref_id, name, parent, ord)  CSF 2.0 functions and
**     categories, FIRST areas and services, ord their published order;
**   m(framework, ref_id, service_id)  the services of x1060_crosswalk,
**     those of a category or FIRST service counted again, once, for its
**     function or area ("not related to" rows have no ref_id: none).
** Used by x1060_crosswalk_summary and to fill x1060_bi_framework_services.
*/
#define CDC_CROSSWALK_WITH \
  "WITH e(framework, kind, ref_id, name, parent, ord) AS (" \
  "SELECT 'csf', 'function', function, name, NULL, rowid*100 FROM " \
  "x1060_csf_functions UNION ALL SELECT 'csf', 'category', c.category, " \
  "c.name, c.function, f.rowid*100+c.rowid FROM x1060_csf_categories c " \
  "JOIN x1060_csf_functions f ON f.function=c.function UNION ALL SELECT " \
  "'first', 'area', area, name, NULL, 10000+rowid*100 FROM " \
  "x1060_first_areas UNION ALL SELECT 'first', 'service', s.service, " \
  "s.name, s.area, 10000+a.rowid*100+s.rowid FROM x1060_first_services s " \
  "JOIN x1060_first_areas a ON a.area=s.area), " \
  "m(framework, ref_id, service_id) AS (SELECT framework, ref_id, " \
  "service_id FROM x1060_crosswalk WHERE ref_id IS NOT NULL UNION SELECT " \
  "x.framework, e.parent, x.service_id FROM x1060_crosswalk x JOIN e ON " \
  "e.framework=x.framework AND e.ref_id=x.ref_id) "

/* The columns of a CDC table, in declared order. */
enum {
  CDC_SERVICE_ID, CDC_CATEGORY, CDC_NAME, CDC_NAME_JA, CDC_LEVEL,
  CDC_ASSIGNMENT, CDC_TEAM, CDC_OUTSOURCER, CDC_AS_IS, CDC_TO_BE,
  CDC_EXCLUDED, CDC_INFORMATION, CDC_EXPERTISE, CDC_PHASE, CDC_OWNER,
  CDC_DUE, CDC_EVIDENCE, CDC_NOTE,
  CDC_QUADRANT, CDC_SUGGESTED, CDC_GAP, CDC_CYCLE, CDC_CRITERION,
  CDC_CUSTOM, CDC_UPDATED_AT,
  CDC_NCOL
};
#define CDC_NSTORED 20    /* columns kept in <name>_data (all but derived) */
#define CDC_ALL_STORED ((1u<<CDC_NSTORED)-1)  /* a mask of them all */
/* Stored position k of a column before CDC_QUADRANT is its column number;
** the two stored columns after the derived ones are kept at: */
#define CDC_S_CUSTOM     18
#define CDC_S_UPDATED_AT 19

/* What a column holds, which decides how input is read and checked. */
enum {
  K_ID, K_CATEGORY, K_NAME, K_TEXT, K_VOCABULARY, K_SCORE, K_FLAG, K_DATE,
  K_DERIVED, K_STAMP, K_PERCENT, K_AMOUNT, K_CURRENCY
};
/* The largest amount (effort in person-days, cost) a column holds. */
#define X1060_AMOUNT_MAX 1e15
#define X1060_AMOUNT_MAX_TEXT "1e15"

typedef struct CdcColumn CdcColumn;
struct CdcColumn {
  const char *zName;
  const char *zType;      /* declared type */
  int eKind;              /* K_* */
  int iStored;            /* index in <name>_data after seq_no, or -1 */
  int bCustomOnly;        /* writable on custom services only */
  int bNotNull;           /* stored value is never NULL */
  const X1060Vocabulary *pVocab;  /* for K_VOCABULARY */
};
X1060_DATA const CdcColumn cdcColumns[CDC_NCOL];

/* The stored columns of an improvement action, in declared order (the
** keys cdc and action_id come before them in x1060_store_action). */
enum {
  ACT_SERVICE_ID, ACT_CATEGORY, ACT_TITLE, ACT_CYCLE, ACT_STATUS, ACT_OWNER,
  ACT_STARTED, ACT_DUE, ACT_COMPLETED, ACT_PROGRESS, ACT_TARGET, ACT_EFFORT,
  ACT_COST, ACT_CURRENCY, ACT_NOTE, ACT_UPDATED_AT,
  ACT_NCOL
};
#define ACT_ID_MAX CDC_SEQ_MAX   /* highest action_id within a CDC */
X1060_DATA const CdcColumn x1060ActionColumns[ACT_NCOL];
/* The action columns' names, comma-separated, each after zPrefix. */
X1060_HIDDEN char *x1060ActionColumnList(const char *zPrefix);

/* The settings a CDC may have (x1060_set, x1060_get; x1060_store_setting):
** each one's key and kind as a column (col.zName, col.eKind), its default
** (SQL), and what it means. */
#define X1060_NSETTING 1
typedef struct X1060Setting X1060Setting;
struct X1060Setting {
  CdcColumn col;
  const char *zDefault;
  const char *zMeaning;
  const char *zMeaningJa;
};
X1060_DATA const X1060Setting x1060Settings[X1060_NSETTING];
/* The attributes of an organisation (organisation.c) as stored columns. */
X1060_DATA const CdcColumn x1060AttributeColumns[X1060_NATTRIBUTE];
/* "'sector',<p>sector,'size',<p>size,...": the first n attributes as the
** arguments of json_object (zPrefix before each column, or NULL); from
** sqlite3_mprintf. */
X1060_HIDDEN char *x1060AttributePairs(const char *zPrefix, int n);
/* "key='a' OR key='b'...": the keys of the settings, for a CHECK. */
X1060_HIDDEN char *x1060SettingKeysCheck(void);

/* One column of either table, described by c: x1060ColumnRead reads user
** input v forgivingly into *pOut (text owned by the caller) and returns
** SQLITE_OK, X1060_SCORE_NA (a score written 'N/A': NULL), SQLITE_NOMEM or
** SQLITE_CONSTRAINT with *pzWhy ("is not a ...; allowed: ..."); NULL reads
** as NULL.  x1060ColumnValid says whether a stored value is one x1060
** writes; x1060ColumnProblem describes a stored value that is not ("status
** holds 'x', expected ...", NULL when valid); x1060ColumnDdl appends the
** column's definition with its CHECK in core SQL; x1060ColumnsDdl those of
** every stored column of aCol. */
X1060_HIDDEN int x1060ColumnRead(const CdcColumn *c, sqlite3_value *v,
                                 X1060Value *pOut, char **pzWhy);
X1060_HIDDEN int x1060ColumnValid(const CdcColumn *c, const X1060Value *v);
X1060_HIDDEN char *x1060ColumnProblem(const CdcColumn *c, sqlite3_value *v,
                                      int *pRc);
X1060_HIDDEN void x1060ColumnDdl(sqlite3_str *pStr, const CdcColumn *c);
X1060_HIDDEN char *x1060ColumnsDdl(const CdcColumn *aCol, int nCol);

/* A stored row: rowid (seq_no) and its CDC_NSTORED values, in stored
** order; text values are owned (sqlite3_malloc). */
typedef struct CdcRow CdcRow;
struct CdcRow {
  sqlite3_int64 iRowid;
  X1060Value a[CDC_NSTORED];
};

X1060_HIDDEN int cdcStored(int iCol);
X1060_HIDDEN void cdcRowClear(CdcRow*);
X1060_HIDDEN int cdcRowSet(CdcRow*, int iStored, const X1060Value*);
X1060_HIDDEN int cdcValueEqual(const X1060Value*, const X1060Value*);
X1060_HIDDEN int cdcValueFromSql(sqlite3_value*, X1060Value*);
X1060_HIDDEN char *cdcStoredProblem(sqlite3_stmt*, int iFirst,
                                    unsigned int mask, int *pRc);
X1060_HIDDEN char *cdcStoredValueProblem(sqlite3_value*, int iStored, int *pRc);
X1060_HIDDEN int cdcRowLoad(CdcRow*, sqlite3_stmt*);
X1060_HIDDEN int cdcRowDefaults(CdcRow*, int eExcluded);
X1060_HIDDEN int cdcInput(CdcRow*, int iCol, sqlite3_value*, char **pzWhy);
X1060_HIDDEN int cdcSnapshotLabel(sqlite3_value*, char **pzLabel);
/* True if v is a time as x1060 writes one (CDC_NOW): text
** YYYY-MM-DDTHH:MM:SSZ, a real date and time of day. */
X1060_HIDDEN int cdcIsStamp(sqlite3_value *v);
X1060_HIDDEN int cdcColumnIndex(const char *zName);
/* The document of x1060_export and x1060_import: its format and version. */
#define X1060_JSON_FORMAT "x1060-cdc"
#define X1060_JSON_VERSION 3   /* 2: actions and settings; 3 (both x1060
                               ** 0.4.0): attributes */
/* The largest document x1060_import reads, in bytes (64 MiB). */
#define X1060_IMPORT_MAX 67108864

#define CDC_LABEL_ALLOWED "printable text of 1 to " X1060_STR(X1060_LABEL_MAX) \
  " characters other than " \
  "'current' (which stands for the table as it is now)"
X1060_HIDDEN const char *cdcCanonical(int iCol, const char *z, int n);
X1060_HIDDEN char *cdcCollationName(int iCol, int *pRc);
X1060_HIDDEN int cdcRegisterCollations(sqlite3*);
X1060_HIDDEN void cdcDerive(const X1060Value *aStored, int iCol, X1060Value*);
X1060_HIDDEN int cdcWordIndex(const X1060Vocabulary*, const X1060Value*);
X1060_HIDDEN char *cdcDataColumnsDdl(void);
X1060_HIDDEN char *cdcStoredColumnList(const char *zPrefix);
X1060_HIDDEN int cdcReservedId(const char *z);
X1060_DATA const char *const cdcTriggerOps[3];
X1060_HIDDEN int cdcServiceById(const char *zId);


/***************************************************************************
** Interface to code in store.c: the storage shared by the CDCs of a schema
*/
/* zSql with the placeholders of CDC zName of schema zSchema filled in,
** from sqlite3_mprintf (NULL on OOM): $T its services as the CDC table
** reads them (checked, with the derived columns; rowid is seq_no), $D, $N,
** $H, $C, $X and $G its rows of x1060_store_service, _snapshot, _history,
** _cdc, _action and _setting,
** $I its id, $Q its name as an SQL string, $S the quoted schema, $A the
** schema's x1060_cdc_services.  With zName NULL the name is the parameter
** X1060_CDC_PARAM instead, to bind: one statement then serves every CDC
** of the schema. */
#define X1060_CDC_PARAM "?99"   /* numbered: clear of the ?1.. of the SQL */
X1060_HIDDEN char *x1060FillSql(const char *zSql, const char *zSchema,
                                const char *zName);
/* The same for a storage of format iFormat.  Format 3 added $X, $Z, $W,
** $G, $U and $B: the CDC's actions, their snapshots and history, its
** settings, its assessments and their snapshots (x1060_store_action,
** _action_snapshot, _action_history, _setting, _assessment,
** _assessment_snapshot): no rows in a storage of an older format, which
** has no such tables. */
/* The columns of x1060_store_assessment after cdc (its snapshot has label
** between). */
#define X1060_ASSESSMENT_COLUMNS \
  "seq_no,side,assignment,answers,evidence,score,assessed_at"
X1060_HIDDEN char *x1060FillSqlAt(const char *zSql, const char *zSchema,
                                  const char *zName, int iFormat);
/* The format of the storage of zSchema (a readable one: checked by
** x1060StoreGate first), 0 when there is none. */
X1060_HIDDEN int x1060StoreFormat(sqlite3*, const char *zSchema,
                                  int *piFormat);
/* What is said of a CDC whose id in x1060_store_cdc is not one x1060
** writes (x1060StoreFind: SQLITE_CORRUPT_VTAB). */
#define CDC_ID_DAMAGE "its id in x1060_store_cdc is out of the range x1060 " \
  "writes (1.." X1060_STR(CDC_ID_MAX) "): the file was changed outside " \
  "x1060, and x1060 reads and writes nothing of that CDC"

/* store.c: the storage of a schema.  x1060StoreEnsure makes it when
** missing (an error names a storage of another format); x1060StoreFind
** looks a CDC up by name (SQLITE_NOTFOUND: none, or no storage;
** SQLITE_CORRUPT_VTAB: one whose id is out of range, CDC_ID_DAMAGE), giving
** its id and, when pzName is not NULL, its name as stored; the others
** create and drop a CDC (bTable: made by CREATE VIRTUAL TABLE) and set its
** name and, unless zOrg is NULL, its org, each in one write;
** x1060StorePublish makes the BI views and copies (bReplace: drop
** and make the views anew). */
X1060_HIDDEN int x1060StoreEnsure(sqlite3*, const char *zSchema, char **pzErr);
/* The one rule for the name of a CDC, however it gets one (CREATE VIRTUAL
** TABLE, INSERT INTO x1060_cdcs, ALTER TABLE ... RENAME, UPDATE
** x1060_cdcs): SQLITE_OK when zName is one, else SQLITE_CONSTRAINT with
** the message (after zWho:) in *pzErr, or SQLITE_NOMEM.  A dot would read
** as schema.name; a control or bidirectional-override character, or
** surrounding spaces, would make it read otherwise than it is; x1060_ and
** sqlite_ names are taken. */
#define X1060_CDC_NAME_ALLOWED "1 to " X1060_STR(CDC_NAME_MAX) " bytes of " \
  "printable UTF-8 without a dot, control or bidirectional-override " \
  "characters or surrounding spaces, not beginning with x1060_ or sqlite_"
X1060_HIDDEN int x1060CdcNameCheck(const char *zWho, const char *zName,
                                   char **pzErr);
X1060_HIDDEN int x1060StoreFind(sqlite3*, const char *zSchema,
                                const char *zName, sqlite3_int64 *piCdc,
                                char **pzName);
X1060_HIDDEN int x1060StoreCreateCdc(sqlite3*, const char *zSchema,
                                     const char *zName, const char *zOrg,
                                     int bTable, sqlite3_int64 *piCdc,
                                     char **pzErr);
X1060_HIDDEN int x1060StoreDropCdc(sqlite3*, const char *zSchema,
                                   sqlite3_int64 iCdc);
X1060_HIDDEN int x1060StoreSetCdc(sqlite3*, const char *zSchema,
                                  sqlite3_int64 iCdc, const char *zName,
                                  const char *zOrg, char **pzErr);
X1060_HIDDEN int cdcIsX1060Sql(const char *zSql);
/* The virtual tables of schema %w (name, sql), for cdcIsX1060Sql to choose
** x1060's.  x1060's own SQL uses no LIKE or GLOB: an application's
** like_pattern_length limit or its own like() must not change what x1060
** reads. */
#define X1060_SQL_VTABS "SELECT name, sql FROM \"%w\".sqlite_schema WHERE " \
  "type='table' AND upper(substr(sql,1,20))='CREATE VIRTUAL TABLE' ORDER BY name"
X1060_HIDDEN int x1060StoreIsCdcTable(sqlite3*, const char *zSchema,
                                      const char *zName, int *pbYes);
/* Set *pbYes when CDC table zName of zSchema has tables of format 1
** (x1060 0.2.0: <name>_config, _data, _history, _snapshot; any one of
** them, readable or not). */
X1060_HIDDEN int x1060StoreIsFormat1(sqlite3*, const char *zSchema,
                                     const char *zName, int *pbYes);
/* Make what is missing of the storage of zSchema (tables, index,
** triggers, views: empty where they were gone), keeping what is there. */
X1060_HIDDEN int x1060StoreRepair(sqlite3*, const char *zSchema);
/* The storage's objects (store.c): each one's name, kind ("virtual",
** "table", "index", "trigger"), the table an index or trigger is on, what
** is lost without it, and its DDL (NULL: made otherwise). */
#define X1060_NSTORE_OBJECT 27
typedef struct X1060StoreObject X1060StoreObject;
struct X1060StoreObject {
  const char *zName;
  const char *zKind;
  const char *zOn;
  const char *zLost;
  const char *zDdl;
  int eColumns;           /* its DDL's %s: the service columns (0), the
                          ** action columns (1), the settings' keys (2) */
  int iSince;             /* the format that added it (0: the first) */
};
X1060_DATA const X1060StoreObject x1060StoreObjects[X1060_NSTORE_OBJECT];
/* x1060StoreProblems calls xProblem with each way the storage of zSchema
** is not what x1060 made (the message owned by xProblem, NULL on OOM):
** eKind X1060_STORE_MISSING, an object missing; X1060_STORE_FOREIGN, an
** object of another kind or definition, another's trigger on a storage
** table, or a table or view named as one of x1060's eponymous tables.
** x1060StoreGate is the check of every reader and writer before it reads
** zSchema's storage: SQLITE_OK (a storage sound, or none); else an error
** with *pzErr (owned) naming what is foreign (SQLITE_CORRUPT_VTAB; found
** once per schema change, x1060ConnIsChecked) or the format (newer: an
** error; damaged: SQLITE_CORRUPT_VTAB), read on every call. */
#define X1060_STORE_MISSING 1
#define X1060_STORE_FOREIGN 2
X1060_HIDDEN int x1060StoreProblems(sqlite3*, const char *zSchema,
    void (*xProblem)(void*, int eKind, char *zProblem), void *pArg);
X1060_HIDDEN int x1060StoreGate(sqlite3*, const char *zSchema, char **pzErr);
X1060_HIDDEN int x1060StorePublish(sqlite3*, const char *zSchema,
                                   int bReplace);
X1060_HIDDEN int x1060RegisterStore(sqlite3*);

/***************************************************************************
** Interface to code in cdc.c: the CDC table and x1060_cdc_services
*/
X1060_HIDDEN int x1060RegisterCdc(sqlite3*);

/***************************************************************************
** Interface to code in cdc_admin.c: CDCs by name: resolve, check, snapshot
*/
X1060_HIDDEN int cdcResolve(sqlite3*, sqlite3_value*, const char *zFunc,
                            char **pzSchema, char **pzName, char **pzErr);
/* The argument cdcResolve takes for CDC pName of schema pSchema: pName
** itself when either is NULL, else "schema.name", a value of *ppStmt
** (finalize it after use; NULL when none was needed). */
X1060_HIDDEN int cdcQualified(sqlite3*, sqlite3_value *pSchema,
                              sqlite3_value *pName, sqlite3_stmt **ppStmt,
                              sqlite3_value **ppVal);
X1060_HIDDEN char *cdcIntegrity(sqlite3*, const char *zSchema,
                                const char *zName, int *pRc);
/* The parts of a CDC's storage that cdcCheckRead checks. */
#define CDC_CHECK_STORAGE   0x01  /* the storage's objects, and as _CDC */
#define CDC_CHECK_SERVICES  0x02
#define CDC_CHECK_SNAPSHOTS 0x04  /* of the services */
#define CDC_CHECK_HISTORY   0x08  /* of services and actions */
#define CDC_CHECK_CDC       0x10  /* the format row, the CDC's org and times */
#define CDC_CHECK_ACTIONS   0x20  /* its actions and assessments */
#define CDC_CHECK_RECORD_SNAPSHOTS 0x40  /* the snapshots of those */
#define CDC_CHECK_ALL       0x7f
X1060_HIDDEN int cdcCheckRead(sqlite3*, const char *zSchema,
                              const char *zName, int mParts,
                              const char *zFunc, char **pzErr);
X1060_HIDDEN int x1060RegisterCdcAdmin(sqlite3*);
/* True if an error reading the storage is a finding (the storage is not
** what it should be: a table gone, a column missing, damage) rather than
** an error to return as it is (busy, locked, I/O, out of memory...). */
X1060_HIDDEN int cdcIsFinding(int rc);
X1060_DATA const X1060WriteOp x1060SnapshotOp;
X1060_DATA const X1060WriteOp x1060SetOp;
/* Write the settings of JSON object pObj ({"key": value or null, ...}) to
** CDC iCdc of zSchema, each checked as x1060_set checks it; *pn counts
** them; an error has its message in *pzErr (a bad value's after zWho).
** Opens no savepoint. */
X1060_HIDDEN int x1060SettingsApply(sqlite3*, const char *zSchema,
                                    sqlite3_int64 iCdc, sqlite3_value *pObj,
                                    const char *zWho, sqlite3_int64 *pn,
                                    char **pzErr);

/***************************************************************************
** Interface to code in actions.c, assess.c: the improvement actions, the
** assessment behind a score
*/
X1060_HIDDEN int x1060RegisterActions(sqlite3*);
X1060_DATA const X1060WriteOp x1060AssessOp;
/* Check answers pAnswers (JSON text) and evidence pEvidence (NULL pointer,
** SQL NULL or JSON text) of an assessment made for assignment zAssignment
** (canonical) as x1060_assess checks them: the score they give in
** *piPoints (0: N/A); else SQLITE_ERROR with *pzErr. */
X1060_HIDDEN int x1060AssessmentCheck(sqlite3*, const char *zAssignment,
                                      sqlite3_value *pAnswers,
                                      sqlite3_value *pEvidence,
                                      int *piPoints, char **pzErr);
X1060_HIDDEN int x1060RegisterAssess(sqlite3*);

/***************************************************************************
** Interface to code in evaluate.c, import.c, interchange.c, publish.c,
** chart.c, report.c, oscal.c: analysis and outputs
*/
X1060_HIDDEN int x1060RegisterEvaluate(sqlite3*);
X1060_DATA const X1060WriteOp x1060ImportOp;
X1060_HIDDEN int x1060RegisterImport(sqlite3*);
X1060_HIDDEN int x1060RegisterInterchange(sqlite3*);
X1060_DATA const X1060WriteOp x1060PublishOp;
X1060_HIDDEN int x1060RegisterPublish(sqlite3*);

/* chart.c: a chart of the report, the average as-is against to-be of n
** groups on the rubric's scale 1..5 (a value outside it, such as
** X1060_CHART_NONE, is "not scored": drawn as no value, labelled zNone).
** zId names the chart in the page (the ids of its title and text
** alternative).  The radar takes the nine categories; the bars any groups
** (the management phases); the line the snapshots in order. */
#define X1060_CHART_NONE 0.0
typedef struct X1060Chart X1060Chart;
struct X1060Chart {
  const char *zId, *zTitle;
  int n;
  const char **azLabel;
  const double *aAsIs, *aToBe;
  const char *zAsIs, *zToBe, *zNone;
};
X1060_HIDDEN void x1060ChartRadar(sqlite3_str*, const X1060Chart*);
X1060_HIDDEN void x1060ChartBars(sqlite3_str*, const X1060Chart*);
X1060_HIDDEN void x1060ChartLine(sqlite3_str*, const X1060Chart*);

X1060_HIDDEN int x1060RegisterReport(sqlite3*);
X1060_HIDDEN int x1060RegisterOscal(sqlite3*);

/* The template (x1060FillSql's placeholders) of the document of
** x1060_export_anonymised (anonymise.c); from sqlite3_mprintf. */
X1060_HIDDEN char *x1060AnonymisedSql(void);

/* A filter of CDCs (benchmark.c): x1060_benchmark's peers, x1060_overview's
** filter (bOverview), given as a JSON object (docs/peers.md).  Read by
** x1060FilterRead (v NULL: none; set zFunc, zArg, bOverview first; bad
** input fails with *pzErr naming zFunc and zArg); x1060FilterSql makes of
** it a SELECT of (k, cdc, org, sector, size, region), the CDCs of zSchema
** that match, but the CDC whose id is the SQL zSelf (or none), from
** sqlite3_mprintf. */
#define X1060_PAGE_SIZE 50     /* the overview's organisations per page */
#define X1060_PAGE_MAX 1000
typedef struct X1060Filter X1060Filter;
struct X1060Filter {
  const char *zFunc, *zArg;   /* "x1060_benchmark", "peers", for messages */
  int bOverview;              /* page and page_size, else min_peers */
  char *zSchema;              /* "schema", or NULL */
  char *azIn[X1060_NATTRIBUTE_SHARED];  /* the values as SQL lists, or NULL */
  int nMin, iPage, nPageSize;
};
X1060_HIDDEN int x1060FilterRead(sqlite3*, sqlite3_value *v, X1060Filter*,
                                 char **pzErr);
X1060_HIDDEN char *x1060FilterSql(sqlite3*, const X1060Filter*,
                                  const char *zSelf);
X1060_HIDDEN void x1060FilterFree(X1060Filter*);

/* x1060_benchmark (benchmark.c): prepare in *ppStmt the comparison of CDC
** zSchema.zName with its peers, as peers filter pPeers (NULL: all the other
** CDCs of its schema) asks; bad input fails with *pzErr (owned). */
#define X1060_PEERS_MIN 5      /* fewest peers whose figures are shown */
X1060_HIDDEN int x1060BenchmarkPrepare(sqlite3 *db, const char *zSchema,
                                       const char *zName, sqlite3_value *pPeers,
                                       sqlite3_stmt **ppStmt, char **pzErr);

/***************************************************************************
** Interface to code in cdcs.c: x1060_cdcs and its commands
*/
X1060_HIDDEN int x1060RegisterCdcs(sqlite3*);

#endif /* X1060_INT_H */
