/*
** x1060: the reference tables, eponymous and read-only.
**
**   SELECT service_id, name, name_ja FROM x1060_services WHERE category = 'D';
**   SELECT points, criterion FROM x1060_rubric WHERE rubric = 'outsourcing';
**   SELECT level, priority FROM x1060_levels ORDER BY rowid;
**
** Every table is described by one RefTable (its name, its columns, how many
** rows, and a function that gives the value of a cell) and served by the
** one module below.  The tables exist in every schema once the extension is
** loaded; CREATE VIRTUAL TABLE ... USING them is refused by SQLite because
** the module has no xCreate.  rowid is the natural order, 1-based.
**
** Plans (idxNum, with idxStr "<column>=?" for EXPLAIN QUERY PLAN):
**   0      full scan, nRow rows
**   1      rowid = ?, at most one row
**   2+c    column c = ?, where column c is a key (one row) or a grouping
**          column (nRow/nGroup rows; its rows are contiguous in the data)
** A constraint is only used when it compares with SQLite's BINARY collation
** (or the column is an integer).  It is never marked omit, so SQLite checks
** every row again; a value of another type than the column's therefore
** makes xFilter fall back to a full scan rather than guess at affinity.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define REF_PLAIN  0      /* not indexed */
#define REF_KEY    1      /* unique */
#define REF_GROUP  2      /* repeated, its rows contiguous */

typedef struct RefColumn RefColumn;
struct RefColumn {
  const char *zName;
  const char *zType;      /* "TEXT" or "INTEGER" */
  int eIndex;             /* REF_PLAIN, REF_KEY or REF_GROUP */
};

typedef struct RefTable RefTable;
struct RefTable {
  const char *zName;      /* table (and module) name */
  const RefColumn *aCol;
  int nCol;
  int nRow;
  int nGroup;             /* distinct values of the REF_GROUP column */
  const void *pData;      /* the framework array it shows */
  void (*xValue)(const RefTable*, int iRow, int iCol, X1060Value*);
};

static void setText(X1060Value *p, const char *z){
  p->eType = z ? SQLITE_TEXT : SQLITE_NULL;
  p->z = z;
}
static void setInt(X1060Value *p, sqlite3_int64 i){
  p->eType = SQLITE_INTEGER;
  p->i = i;
}

/* Show a flag 0 as NULL (used for "no priority", "N/A" points). */
static void setIntOrNull(X1060Value *p, sqlite3_int64 i){
  if( i ) setInt(p, i); else p->eType = SQLITE_NULL;
}

/* The category, phase and quadrant that service row iRow belongs to. */
static const X1060Category *serviceCategory(int iRow){
  return &x1060Categories[x1060CategoryIndex(x1060Services[iRow].zId[0])];
}
static const X1060Quadrant *serviceQuadrant(int iRow){
  const X1060Service *p = &x1060Services[iRow];
  return &x1060Quadrants[x1060QuadrantOf(p->eInformation, p->eExpertise)-1];
}

/*************************************************************** the tables */

static const RefColumn aCategoryCol[] = {
  { "category", "TEXT", REF_KEY },
  { "name", "TEXT", REF_PLAIN },
  { "name_ja", "TEXT", REF_PLAIN },
  { "phase", "TEXT", REF_PLAIN },
  { "services", "INTEGER", REF_PLAIN },
};
static void categoryValue(const RefTable *pTab, int iRow, int iCol,
                          X1060Value *p){
  const X1060Category *c = &x1060Categories[iRow];
  static const char azId[X1060_NCATEGORY][2] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I"
  };
  (void)pTab;
  switch( iCol ){
    case 0: setText(p, azId[x1060CategoryIndex(c->cId)]); break;
    case 1: setText(p, c->w.zName); break;
    case 2: setText(p, c->w.zNameJa); break;
    case 3: setText(p, x1060Phases[c->iPhase].w.zName); break;
    default: setInt(p, x1060CategoryCount(iRow)); break;
  }
}

static const RefColumn aServiceCol[] = {
  { "service_id", "TEXT", REF_KEY },
  { "category", "TEXT", REF_GROUP },
  { "seq", "INTEGER", REF_PLAIN },
  { "name", "TEXT", REF_PLAIN },
  { "name_ja", "TEXT", REF_PLAIN },
  { "variants", "TEXT", REF_PLAIN },
  { "summary", "TEXT", REF_PLAIN },
  { "summary_ja", "TEXT", REF_PLAIN },
  { "phase", "TEXT", REF_PLAIN },
  { "information", "TEXT", REF_PLAIN },
  { "expertise", "TEXT", REF_PLAIN },
  { "quadrant", "INTEGER", REF_PLAIN },
  { "suggested_assignment", "TEXT", REF_PLAIN },
  { "edition", "TEXT", REF_PLAIN },
};
static void serviceValue(const RefTable *pTab, int iRow, int iCol,
                         X1060Value *p){
  const X1060Service *s = &x1060Services[iRow];
  const X1060Quadrant *q = serviceQuadrant(iRow);
  (void)pTab;
  switch( iCol ){
    case 0:  setText(p, s->zId); break;
    case 1:  categoryValue(0, (int)(serviceCategory(iRow)-x1060Categories),
                           0, p); break;
    case 2:  setInt(p, s->iSeq); break;
    case 3:  setText(p, s->w.zName); break;
    case 4:  setText(p, s->w.zNameJa); break;
    case 5:  setText(p, s->w.zAlso); break;
    case 6:  setText(p, s->zSummary); break;
    case 7:  setText(p, s->zSummaryJa); break;
    case 8:  setText(p, x1060Phases[serviceCategory(iRow)->iPhase].w.zName);
             break;
    case 9:  setText(p, x1060Information[s->eInformation].w.zName); break;
    case 10: setText(p, x1060Expertise[s->eExpertise].w.zName); break;
    case 11: setInt(p, x1060QuadrantOf(s->eInformation, s->eExpertise));
             break;
    case 12: setText(p, x1060Assignments[q->iAssignment].w.zName); break;
    default: setText(p, X1060_EDITION); break;
  }
}

static const RefColumn aLevelCol[] = {
  { "level", "TEXT", REF_KEY },
  { "name_ja", "TEXT", REF_PLAIN },
  { "priority", "INTEGER", REF_PLAIN },
  { "description", "TEXT", REF_PLAIN },
  { "description_ja", "TEXT", REF_PLAIN },
};
static void levelValue(const RefTable *pTab, int iRow, int iCol,
                       X1060Value *p){
  const X1060Level *l = &x1060Levels[iRow];
  (void)pTab;
  switch( iCol ){
    case 0: setText(p, l->w.zName); break;
    case 1: setText(p, l->w.zNameJa); break;
    case 2: setIntOrNull(p, l->iPriority); break;
    case 3: setText(p, l->zDesc); break;
    default: setText(p, l->zDescJa); break;
  }
}

static const RefColumn aAssignmentCol[] = {
  { "assignment", "TEXT", REF_KEY },
  { "name_ja", "TEXT", REF_PLAIN },
  { "rubric", "TEXT", REF_PLAIN },
  { "names_team", "INTEGER", REF_PLAIN },
  { "names_outsourcer", "INTEGER", REF_PLAIN },
  { "description", "TEXT", REF_PLAIN },
  { "description_ja", "TEXT", REF_PLAIN },
};
static void assignmentValue(const RefTable *pTab, int iRow, int iCol,
                            X1060Value *p){
  const X1060Assignment *a = &x1060Assignments[iRow];
  (void)pTab;
  switch( iCol ){
    case 0: setText(p, a->w.zName); break;
    case 1: setText(p, a->w.zNameJa); break;
    case 2: setText(p, a->zRubric); break;
    case 3: setInt(p, a->bNamesTeam); break;
    case 4: setInt(p, a->bNamesOutsourcer); break;
    case 5: setText(p, a->zDesc); break;
    default: setText(p, a->zDescJa); break;
  }
}

static const RefColumn aRubricCol[] = {
  { "rubric", "TEXT", REF_GROUP },
  { "points", "INTEGER", REF_PLAIN },
  { "criterion", "TEXT", REF_PLAIN },
  { "criterion_ja", "TEXT", REF_PLAIN },
  { "question", "TEXT", REF_PLAIN },
  { "question_ja", "TEXT", REF_PLAIN },
};
static void rubricValue(const RefTable *pTab, int iRow, int iCol,
                        X1060Value *p){
  const X1060Criterion *c = &x1060Criteria[iRow];
  const X1060Rubric *r = &x1060Rubrics[c->iRubric];
  (void)pTab;
  switch( iCol ){
    case 0: setText(p, r->zName); break;
    case 1: setIntOrNull(p, c->iPoints); break;
    case 2: setText(p, c->zText); break;
    case 3: setText(p, c->zTextJa); break;
    case 4: setText(p, r->zQuestion); break;
    default: setText(p, r->zQuestionJa); break;
  }
}

static const RefColumn aQuadrantCol[] = {
  { "quadrant", "INTEGER", REF_KEY },
  { "information", "TEXT", REF_PLAIN },
  { "expertise", "TEXT", REF_PLAIN },
  { "suggested_assignment", "TEXT", REF_PLAIN },
  { "lead", "TEXT", REF_PLAIN },
  { "description", "TEXT", REF_PLAIN },
  { "description_ja", "TEXT", REF_PLAIN },
};
static void quadrantValue(const RefTable *pTab, int iRow, int iCol,
                          X1060Value *p){
  const X1060Quadrant *q = &x1060Quadrants[iRow];
  (void)pTab;
  switch( iCol ){
    case 0: setInt(p, x1060QuadrantOf(q->eInformation, q->eExpertise)); break;
    case 1: setText(p, x1060Information[q->eInformation].w.zName); break;
    case 2: setText(p, x1060Expertise[q->eExpertise].w.zName); break;
    case 3: setText(p, x1060Assignments[q->iAssignment].w.zName); break;
    case 4: setText(p, q->zLead); break;
    case 5: setText(p, q->zDesc); break;
    default: setText(p, q->zDescJa); break;
  }
}

/* Phases, cycles and action statuses share a shape: pTab->pData says which array. */
static const RefColumn aStageCol[] = {
  { "name", "TEXT", REF_KEY },
  { "name_ja", "TEXT", REF_PLAIN },
  { "description", "TEXT", REF_PLAIN },
  { "description_ja", "TEXT", REF_PLAIN },
};
static void stageValue(const RefTable *pTab, int iRow, int iCol,
                       X1060Value *p){
  const X1060Stage *s = &((const X1060Stage*)pTab->pData)[iRow];
  switch( iCol ){
    case 0: setText(p, s->w.zName); break;
    case 1: setText(p, s->w.zNameJa); break;
    case 2: setText(p, s->zDesc); break;
    default: setText(p, s->zDescJa); break;
  }
}

/* The frameworks of the crosswalks. */
static const RefColumn aFrameworkCol[] = {
  { "framework", "TEXT", REF_KEY },
  { "name", "TEXT", REF_PLAIN },
  { "version", "TEXT", REF_PLAIN },
  { "publisher", "TEXT", REF_PLAIN },
  { "source", "TEXT", REF_PLAIN },
  { "url", "TEXT", REF_PLAIN },
  { "upper_level", "TEXT", REF_PLAIN },
  { "lower_level", "TEXT", REF_PLAIN },
};
static void frameworkValue(const RefTable *pTab, int iRow, int iCol,
                           X1060Value *p){
  const X1060Framework *f = &x1060Frameworks[iRow];
  const char *az[] = { f->zId, f->zName, f->zVersion, f->zPublisher,
                       f->zSource, f->zUrl, f->zTop, f->zLeaf };
  (void)pTab;
  setText(p, az[iCol]);
}

/* The elements of the other frameworks share a shape: id, name and (in
** the lower levels) the id of the element above; pTab->pData says which
** array.  Column names differ by table. */
static const RefColumn aCsfFunctionCol[] = {
  { "function", "TEXT", REF_KEY },
  { "name", "TEXT", REF_PLAIN },
  { "name_ja", "TEXT", REF_PLAIN },
};
static const RefColumn aCsfCategoryCol[] = {
  { "category", "TEXT", REF_KEY },
  { "name", "TEXT", REF_PLAIN },
  { "function", "TEXT", REF_GROUP },
  { "name_ja", "TEXT", REF_PLAIN },
};
static const RefColumn aFirstAreaCol[] = {
  { "area", "TEXT", REF_KEY },
  { "name", "TEXT", REF_PLAIN },
  { "name_ja", "TEXT", REF_PLAIN },
};
static const RefColumn aFirstServiceCol[] = {
  { "service", "TEXT", REF_KEY },
  { "name", "TEXT", REF_PLAIN },
  { "area", "TEXT", REF_GROUP },
  { "name_ja", "TEXT", REF_PLAIN },
};
/* A crosswalk element: its id, its name, then its parent (an element of
** the lower level) and its Japanese name, as the table has them. */
static void itemValue(const RefTable *pTab, int iRow, int iCol,
                      X1060Value *p){
  const X1060RefItem *r = &((const X1060RefItem*)pTab->pData)[iRow];
  setText(p, iCol==0 ? r->zId : iCol==1 ? r->zName
           : strcmp(pTab->aCol[iCol].zName, "name_ja")==0 ? r->zNameJa
           : r->zParent);
}

/* The name of element zRef of framework eFramework's lower level. */
static const char *mappedName(int eFramework, const char *zRef){
  const X1060RefItem *a = eFramework==X1060_CSF ? x1060CsfCategories
                                                : x1060FirstServices;
  int i, n = eFramework==X1060_CSF ? X1060_NCSF_CATEGORY
                                   : X1060_NFIRST_SERVICE;
  for(i=0; zRef && i<n; i++){
    if( strcmp(a[i].zId, zRef)==0 ) return a[i].zName;
  }
  return 0;
}

static const RefColumn aCrosswalkCol[] = {
  { "service_id", "TEXT", REF_GROUP },
  { "framework", "TEXT", REF_PLAIN },
  { "ref_id", "TEXT", REF_PLAIN },
  { "ref_name", "TEXT", REF_PLAIN },
  { "relation", "TEXT", REF_PLAIN },
  { "rationale", "TEXT", REF_PLAIN },
  { "judgement", "TEXT", REF_PLAIN },
};
static void crosswalkValue(const RefTable *pTab, int iRow, int iCol,
                           X1060Value *p){
  const X1060Mapping *m = &x1060Mappings[iRow];
  (void)pTab;
  switch( iCol ){
    case 0: setText(p, m->zService); break;
    case 1: setText(p, x1060Frameworks[m->eFramework].zId); break;
    case 2: setText(p, m->zRef); break;
    case 3: setText(p, mappedName(m->eFramework, m->zRef)); break;
    case 4: setText(p, x1060Relations[m->eRelation]); break;
    case 5: setText(p, m->zRationale); break;
    default: setText(p, X1060_JUDGEMENT); break;
  }
}

/* The findings of the evaluation process (findings.c): what x1060_evaluate
** and x1060_bi_findings are made from. */
static const RefColumn aFindingCol[] = {
  { "code", "TEXT", REF_KEY },
  { "process", "TEXT", REF_GROUP },
  { "severity", "TEXT", REF_PLAIN },
  { "scope", "TEXT", REF_PLAIN },
  { "title", "TEXT", REF_PLAIN },
  { "title_ja", "TEXT", REF_PLAIN },
  { "condition", "TEXT", REF_PLAIN },
  { "condition_ja", "TEXT", REF_PLAIN },
  { "sql", "TEXT", REF_PLAIN },
  { "message_sql", "TEXT", REF_PLAIN },
  { "message_ja_sql", "TEXT", REF_PLAIN },
};
static void findingValue(const RefTable *pTab, int iRow, int iCol,
                         X1060Value *p){
  const X1060Finding *f = &x1060Findings[iRow];
  const char *az[] = { f->zCode, f->zProcess, f->zSeverity, f->zScope,
                       f->zTitle, f->zTitleJa, f->zCondition,
                       f->zConditionJa, f->zSelect ? f->zSelect : f->zWhere,
                       f->zMessage, f->zMessageJa };
  (void)pTab;
  setText(p, az[iCol]);
}

static const RefColumn aTermCol[] = {
  { "name", "TEXT", REF_KEY },
  { "title", "TEXT", REF_PLAIN },
  { "title_ja", "TEXT", REF_PLAIN },
  { "description", "TEXT", REF_PLAIN },
  { "description_ja", "TEXT", REF_PLAIN },
};
static void termValue(const RefTable *pTab, int iRow, int iCol,
                      X1060Value *p){
  const X1060Term *t = &((const X1060Term*)pTab->pData)[iRow];
  const char *az[] = { t->zValue, t->zName, t->zNameJa, t->zDesc,
                       t->zDescJa };
  setText(p, az[iCol]);
}

/* The canonical values of the attributes of an organisation
** (organisation.c). */
static const RefColumn aAttributeValueCol[] = {
  { "attribute", "TEXT", REF_GROUP },
  { "value", "TEXT", REF_PLAIN },
  { "code", "TEXT", REF_PLAIN },
  { "name_ja", "TEXT", REF_PLAIN },
};
static void attributeValue(const RefTable *pTab, int iRow, int iCol,
                           X1060Value *p){
  const X1060AttributeValue *a = &x1060AttributeValues[iRow];
  const char *az[] = { x1060Attributes[a->iAttribute].zValue, a->w.zName,
                       a->zCode, a->w.zNameJa };
  (void)pTab;
  setText(p, az[iCol]);
}

/* The message catalogue (messages.c): every text x1060 says to users, in
** English and Japanese, with how many arguments it takes. */
static const RefColumn aMessageCol[] = {
  { "id", "TEXT", REF_KEY },
  { "en", "TEXT", REF_PLAIN },
  { "ja", "TEXT", REF_PLAIN },
  { "args", "INTEGER", REF_PLAIN },
};
static void messageValue(const RefTable *pTab, int iRow, int iCol,
                         X1060Value *p){
  const X1060Message *m = &x1060Messages[iRow];
  (void)pTab;
  switch( iCol ){
    case 0: setText(p, m->zId); break;
    case 1: setText(p, m->zEn); break;
    case 2: setText(p, m->zJa); break;
    default: {
      int a = x1060MessageArgs(m->zEn), b = x1060MessageArgs(m->zJa);
      setInt(p, a>b ? a : b);
    }
  }
}

#define COLUMNS(a) a, X1060_ARRAY_SIZE(a)
static const RefTable aRefTable[] = {
  { "x1060_categories", COLUMNS(aCategoryCol), X1060_NCATEGORY, 1,
    x1060Categories, categoryValue },
  { "x1060_services", COLUMNS(aServiceCol), X1060_NSERVICE, X1060_NCATEGORY,
    x1060Services, serviceValue },
  { "x1060_levels", COLUMNS(aLevelCol), X1060_NLEVEL, 1,
    x1060Levels, levelValue },
  { "x1060_assignments", COLUMNS(aAssignmentCol), X1060_NASSIGNMENT, 1,
    x1060Assignments, assignmentValue },
  { "x1060_rubric", COLUMNS(aRubricCol), X1060_NRUBRIC, 2,
    x1060Criteria, rubricValue },
  { "x1060_quadrants", COLUMNS(aQuadrantCol), X1060_NQUADRANT, 1,
    x1060Quadrants, quadrantValue },
  { "x1060_phases", COLUMNS(aStageCol), X1060_NPHASE, 1,
    x1060Phases, stageValue },
  { "x1060_cycles", COLUMNS(aStageCol), X1060_NCYCLE, 1,
    x1060Cycles, stageValue },
  { "x1060_action_statuses", COLUMNS(aStageCol), X1060_NSTATUS, 1,
    x1060ActionStatuses, stageValue },
  { "x1060_frameworks", COLUMNS(aFrameworkCol), X1060_NFRAMEWORK, 1,
    x1060Frameworks, frameworkValue },
  { "x1060_csf_functions", COLUMNS(aCsfFunctionCol), X1060_NCSF_FUNCTION, 1,
    x1060CsfFunctions, itemValue },
  { "x1060_csf_categories", COLUMNS(aCsfCategoryCol), X1060_NCSF_CATEGORY,
    X1060_NCSF_FUNCTION, x1060CsfCategories, itemValue },
  { "x1060_first_areas", COLUMNS(aFirstAreaCol), X1060_NFIRST_AREA, 1,
    x1060FirstAreas, itemValue },
  { "x1060_first_services", COLUMNS(aFirstServiceCol), X1060_NFIRST_SERVICE,
    X1060_NFIRST_AREA, x1060FirstServices, itemValue },
  { "x1060_crosswalk", COLUMNS(aCrosswalkCol), X1060_NMAPPING,
    X1060_NSERVICE, x1060Mappings, crosswalkValue },
  { "x1060_findings", COLUMNS(aFindingCol), X1060_NFINDING, 3,
    x1060Findings, findingValue },
  { "x1060_processes", COLUMNS(aTermCol), X1060_NPROCESS, 1,
    x1060Processes, termValue },
  { "x1060_severities", COLUMNS(aTermCol), X1060_NSEVERITY, 1,
    x1060Severities, termValue },
  { "x1060_attributes", COLUMNS(aTermCol), X1060_NATTRIBUTE, 1,
    x1060Attributes, termValue },
  { "x1060_attribute_values", COLUMNS(aAttributeValueCol),
    X1060_NATTRIBUTE_VALUE, 3, x1060AttributeValues, attributeValue },
  { "x1060_messages", COLUMNS(aMessageCol), X1060_NMSG, 1,
    x1060Messages, messageValue },
};

/*************************************************************** the module */

typedef struct RefVtab RefVtab;
struct RefVtab {
  sqlite3_vtab base;      /* base class, must be first */
  const RefTable *pTab;
};

typedef struct RefCursor RefCursor;
struct RefCursor {
  sqlite3_vtab_cursor base; /* base class, must be first */
  const RefTable *pTab;
  int iRow;               /* current row, 0-based */
  int iEnd;               /* one past the last row to visit */
};

/* Connect to reference table pAux: declare its schema, built from its
** column list. */
static int refConnect(sqlite3 *db, void *pAux, int argc,
                      const char *const *argv, sqlite3_vtab **ppVtab,
                      char **pzErr){
  const RefTable *pTab = (const RefTable*)pAux;
  sqlite3_str *pSchema = sqlite3_str_new(db);
  RefVtab *pVtab = 0;
  char *zSchema;
  int rc, i;
  (void)argc; (void)argv; (void)pzErr;
  sqlite3_str_appendall(pSchema, "CREATE TABLE x(");
  for(i=0; i<pTab->nCol; i++){
    sqlite3_str_appendf(pSchema, "%s%s %s", i ? ", " : "",
                        pTab->aCol[i].zName, pTab->aCol[i].zType);
  }
  sqlite3_str_appendall(pSchema, ")");
  zSchema = sqlite3_str_finish(pSchema);
  rc = zSchema ? sqlite3_declare_vtab(db, zSchema) : SQLITE_NOMEM;
  sqlite3_free(zSchema);
  if( rc==SQLITE_OK ){
    pVtab = sqlite3_malloc64(sizeof(*pVtab));
    if( pVtab==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    memset(pVtab, 0, sizeof(*pVtab));
    pVtab->pTab = pTab;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  }
  *ppVtab = (sqlite3_vtab*)pVtab;
  return rc;
}

static int refDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int refOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  RefCursor *pCur = sqlite3_malloc64(sizeof(*pCur));
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pCur->pTab = ((RefVtab*)pVtab)->pTab;
  *ppCursor = &pCur->base;
  return SQLITE_OK;
}

static int refClose(sqlite3_vtab_cursor *cur){
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int refNext(sqlite3_vtab_cursor *cur){
  ((RefCursor*)cur)->iRow++;
  return SQLITE_OK;
}

static int refEof(sqlite3_vtab_cursor *cur){
  RefCursor *pCur = (RefCursor*)cur;
  return pCur->iRow>=pCur->iEnd;
}

static int refColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  RefCursor *pCur = (RefCursor*)cur;
  X1060Value v;
  pCur->pTab->xValue(pCur->pTab, pCur->iRow, i, &v);
  switch( v.eType ){
    case SQLITE_TEXT:    sqlite3_result_text(ctx, v.z, -1, SQLITE_STATIC); break;
    case SQLITE_INTEGER: sqlite3_result_int64(ctx, v.i); break;
    default:             sqlite3_result_null(ctx); break;
  }
  return SQLITE_OK;
}

static int refRowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid){
  *pRowid = ((RefCursor*)cur)->iRow + 1;
  return SQLITE_OK;
}

/* True if the cell (iRow, iCol) equals the integer i or the n bytes of
** text z (whichever is the column's type). */
static int refCellEquals(const RefTable *pTab, int iRow, int iCol,
                         sqlite3_int64 i, const char *z, int n){
  X1060Value c;
  pTab->xValue(pTab, iRow, iCol, &c);
  if( c.eType==SQLITE_INTEGER ) return z==0 && c.i==i;
  if( c.eType==SQLITE_TEXT ){
    return z && c.z[0]==z[0] && (int)strlen(c.z)==n && memcmp(c.z, z, n)==0;
  }
  return 0;
}

/* The type of value v as a text column sees it: numbers compare as their
** text (the column's affinity), blobs never equal text. */
static int refTextType(int eType){
  return (eType==SQLITE_INTEGER || eType==SQLITE_FLOAT) ? SQLITE_TEXT : eType;
}

/*
** Position the cursor on the rows that plan idxNum selects for value v
** (see the top of this file).  A text key is matched as SQLite matches a
** TEXT column (numbers as their text, blobs never): SQLite does not check
** it again.  On a grouping or integer column, a value of another type
** gives every row, for SQLite to check.
*/
static int refFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  RefCursor *pCur = (RefCursor*)cur;
  const RefTable *pTab = pCur->pTab;
  int eType = argc>0 ? sqlite3_value_type(argv[0]) : SQLITE_NULL;
  int iCol = idxNum - 2;
  int bText = iCol>=0 && pTab->aCol[iCol].zType[0]=='T';
  (void)idxStr;
  pCur->iRow = 0;
  pCur->iEnd = pTab->nRow;
  if( idxNum==0 ) return SQLITE_OK;
  if( eType==SQLITE_NULL ){
    pCur->iEnd = 0;                       /* x = NULL is never true */
  }else if( iCol<0 ){                     /* rowid = ? */
    if( eType==SQLITE_INTEGER ){
      sqlite3_int64 r = sqlite3_value_int64(argv[0]);
      pCur->iRow = (r>=1 && r<=pTab->nRow) ? (int)r-1 : 0;
      pCur->iEnd = (r>=1 && r<=pTab->nRow) ? (int)r : 0;
    }
  }else if( (bText ? refTextType(eType) : eType)
            !=(bText ? SQLITE_TEXT : SQLITE_INTEGER) ){
    /* a text key is not checked again by SQLite: a blob matches no row;
    ** elsewhere every row is given, for SQLite to check */
    if( bText && pTab->aCol[iCol].eIndex==REF_KEY ) pCur->iEnd = 0;
  }else{
    const char *z = bText ? (const char*)sqlite3_value_text(argv[0]) : 0;
    int n = bText ? sqlite3_value_bytes(argv[0]) : 0;
    sqlite3_int64 iKey = bText ? 0 : sqlite3_value_int64(argv[0]);
    int i = 0;
    if( bText && z==0 ) return SQLITE_NOMEM;
    while( i<pTab->nRow && !refCellEquals(pTab, i, iCol, iKey, z, n) ) i++;
    pCur->iRow = i;
    if( i<pTab->nRow ) i++;
    while( pTab->aCol[iCol].eIndex==REF_GROUP && i<pTab->nRow
        && refCellEquals(pTab, i, iCol, iKey, z, n) ) i++;
    pCur->iEnd = i;
  }
  return SQLITE_OK;
}

/*
** Choose a plan: an equality on rowid or a key column (one row) before one
** on a grouping column (nRow/nGroup rows) before a full scan (nRow rows).
** Costs equal row counts, so that joins with other tables order honestly.
*/
static int refBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  const RefTable *pTab = ((RefVtab*)pVtab)->pTab;
  int i, iBest = -1, eBest = REF_PLAIN;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *p = &pInfo->aConstraint[i];
    int e;
    if( !p->usable || p->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( p->iColumn<0 ){
      e = REF_KEY;
    }else{
      e = pTab->aCol[p->iColumn].eIndex;
      if( e!=REF_PLAIN && pTab->aCol[p->iColumn].zType[0]=='T'
       && sqlite3_stricmp(sqlite3_vtab_collation(pInfo, i), "BINARY")!=0 ){
        e = REF_PLAIN;                   /* e.g. COLLATE NOCASE */
      }
    }
    if( e==REF_KEY || (e==REF_GROUP && eBest==REF_PLAIN) ){
      iBest = i;
      eBest = e;
      if( e==REF_KEY ) break;
    }
  }
  pInfo->estimatedRows = pTab->nRow;
  if( iBest>=0 ){
    int iCol = pInfo->aConstraint[iBest].iColumn;
    pInfo->aConstraintUsage[iBest].argvIndex = 1;
    pInfo->idxNum = iCol + 2;
    pInfo->idxStr = sqlite3_mprintf("%s=?",
                                    iCol<0 ? "rowid" : pTab->aCol[iCol].zName);
    if( pInfo->idxStr==0 ) return SQLITE_NOMEM;
    pInfo->needToFreeIdxStr = 1;
    if( eBest==REF_KEY ){
      pInfo->estimatedRows = 1;
      pInfo->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
      /* a text key is matched exactly as SQLite would (BINARY, the
      ** column's affinity): no need for SQLite to check it again */
      if( iCol>=0 && pTab->aCol[iCol].zType[0]=='T' ){
        pInfo->aConstraintUsage[iBest].omit = 1;
      }
    }else{
      pInfo->estimatedRows = (pTab->nRow + pTab->nGroup - 1)/pTab->nGroup;
    }
  }
  pInfo->estimatedCost = (double)pInfo->estimatedRows;
  if( pInfo->nOrderBy==1 && pInfo->aOrderBy[0].iColumn<0
   && !pInfo->aOrderBy[0].desc ){
    pInfo->orderByConsumed = 1;          /* rows come in rowid order */
  }
  return SQLITE_OK;
}

static sqlite3_module refModule = {
  0,                /* iVersion */
  0,                /* xCreate: none, so the tables are eponymous-only */
  refConnect,       /* xConnect */
  refBestIndex,     /* xBestIndex */
  refDisconnect,    /* xDisconnect */
  0,                /* xDestroy */
  refOpen,          /* xOpen */
  refClose,         /* xClose */
  refFilter,        /* xFilter */
  refNext,          /* xNext */
  refEof,           /* xEof */
  refColumn,        /* xColumn */
  refRowid,         /* xRowid */
  0,                /* xUpdate: read-only */
  0,                /* xBegin */
  0,                /* xSync */
  0,                /* xCommit */
  0,                /* xRollback */
  0,                /* xFindFunction */
  0,                /* xRename */
  0,                /* xSavepoint */
  0,                /* xRelease */
  0,                /* xRollbackTo */
  0                 /* xShadowName */
  X1060_NO_INTEGRITY
};

/* Register every reference table on db. */
int x1060RegisterReferenceTables(sqlite3 *db){
  int rc = SQLITE_OK;
  size_t i;
  for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(aRefTable); i++){
    rc = sqlite3_create_module(db, aRefTable[i].zName, &refModule,
                               (void*)&aRefTable[i]);
  }
  return rc;
}
