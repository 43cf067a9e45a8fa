/*
** x1060: reading back what x1060_export wrote.
**
**   SELECT x1060_import('copy', readfile('acme.json'));
**
** A document is checked whole before anything is written, by one rule for
** all JSON input (x1060JsonCheck: strict JSON, UTF-8, no NUL, no lone
** surrogate, each key once) and then field by field: every field known
** and exactly of its documented JSON type, format_version 1 or 2 (2 adds
** the improvement actions and the settings), snapshots
** held to x1060_snapshot's rules (labels) and to the storage's (values,
** X.1060's names of Annex A services).  Services are then applied through
** x1060_cdc_services, so every value is checked as an INSERT checks it,
** all inside a savepoint: on the first error nothing is applied and the
** message names the JSON path.  The document (at most X1060_IMPORT_MAX
** bytes) is read in place, never parsed whole by SQLite (ImportDoc), so
** that an import holds about twice the document's size in memory.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3


/* The fields of a document: name, JSON type (as json_each names it; a
** field that may be null too says "type|null"), required. */
static const struct ImportField {
  const char *zName;
  const char *zType;
  int bRequired;
} aTopField[] = {
  { "format",         "text",    1 },
  { "format_version", "integer", 1 },
  { "x1060_version",  "text",    0 },
  { "edition",        "text",    0 },
  { "org",            "text",    0 },
  { "exported_at",    "text",    0 },
  { "services",       "array",   1 },
  { "snapshots",      "array",   0 },
  { "history",        "array",   0 },   /* read by people, not imported */
  { "actions",        "array",   0 },   /* format_version 2 on */
  { "settings",       "object",  0 },
  { "action_history", "array",   0 },   /* read by people, not imported */
  { "assessments",    "array",   0 },
  { "attributes",     "object",  0 },   /* format_version 3 on */
  { "anonymised",     "true",    0 },   /* x1060_export_anonymised's */
};

/* The fields of a snapshot, the same way. */
static const struct ImportField aSnapshotField[] = {
  { "label",    "text",  1 },
  { "taken_at", "text",  0 },
  { "services", "array", 1 },
  { "actions",  "array", 0 },
  { "assessments", "array", 0 },
};

/* The fields of an assessment (x1060_assess's), the same way. */
static const struct ImportField aAssessField[] = {
  { "service_id",  "text",    1 },
  { "side",        "text",    1 },
  { "assignment",  "text",    1 },
  { "answers",     "object",  1 },
  { "evidence",    "object|null",  0 },
  { "score",       "integer|null", 0 },
  { "assessed_at", "text",    1 },
};

/* The JSON types of aTopField and the others, each as its phrase in the
** catalogue. */
static int importTypePhrase(const char *zType){
  static const struct { const char *zType; int eMsg; } a[] = {
    { "text", X1060_MSG_JT_STRING },   { "text|null", X1060_MSG_JT_STRING_NULL },
    { "integer", X1060_MSG_JT_INTEGER },
    { "integer|null", X1060_MSG_JT_INTEGER_NULL },
    { "object", X1060_MSG_JT_OBJECT }, { "object|null", X1060_MSG_JT_OBJECT_NULL },
    { "array", X1060_MSG_JT_ARRAY },   { "true", X1060_MSG_JT_TRUE },
  };
  int i;
  for(i=0; i<X1060_ARRAY_SIZE(a)-1 && strcmp(a[i].zType, zType)!=0; i++){}
  return a[i].eMsg;
}

/* Set *pzErr to "x1060_import(): " and zWhat (owned); SQLITE_ERROR. */
static int importFail(char **pzErr, char *zWhat){
  if( zWhat==0 ) return SQLITE_NOMEM;
  *pzErr = sqlite3_mprintf("x1060_import(): %s", zWhat);
  sqlite3_free(zWhat);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Fail with the message of bad input (x1060NotAllowed) of the value zVal
** (owned: a description; NULL is out of memory) at JSON path zPath, key
** zKey (or NULL). */
static int importNotAllowed(int bJa, char **pzErr, const char *zPath,
                            const char *zKey, char *zVal, const char *zKind,
                            const char *zAllowed){
  char *zWho = zKey ? sqlite3_mprintf("%s.%s", zPath, zKey)
                    : sqlite3_mprintf("%s", zPath);
  int rc = importFail(pzErr, zWho && zVal ? x1060NotAllowedIn(bJa, zWho, 0,
                                            zVal, zKind, zAllowed) : 0);
  sqlite3_free(zWho);
  sqlite3_free(zVal);
  return rc;
}

/* A JSON value of type zType (json_each's name) for messages, from
** sqlite3_mprintf. */
static char *importDescribe(int bJa, const char *zType, sqlite3_value *pVal){
  if( strcmp(zType, "object")==0 ) return x1060MsgIn(bJa, X1060_MSG_JT_OBJECT);
  if( strcmp(zType, "array")==0 ) return x1060MsgIn(bJa, X1060_MSG_JT_ARRAY);
  if( strcmp(zType, "true")==0 || strcmp(zType, "false")==0
   || strcmp(zType, "null")==0 ){
    return sqlite3_mprintf("%s", zType);
  }
  return x1060DescribeValueIn(pVal, bJa);
}

/* The JSON types column iCol takes in a document, as a phrase; *pbNull:
** null too. */
static const char *importColumnType(int iCol, int *pbNull){
  switch( cdcColumns[iCol].eKind ){
    case K_ID: case K_CATEGORY: case K_NAME: case K_STAMP:
      *pbNull = 0;
      return "text";
    case K_SCORE:
      *pbNull = 1;
      return "integer";
    case K_FLAG: case K_DERIVED:
      *pbNull = 0;
      return "integer";
    default:
      *pbNull = 1;
      return "text";
  }
}

/* The index in cdcColumns of the stored column named zName, or -1. */
static int importColumn(const char *zName){
  int k;
  for(k=0; k<CDC_NSTORED; k++){
    if( strcmp(cdcColumns[cdcStored(k)].zName, zName)==0 ) return cdcStored(k);
  }
  return -1;
}

/* A value in the document: where it starts, its length (0: absent). */
typedef struct ImportSpan ImportSpan;
struct ImportSpan {
  int i, n;
};

/* Fields of aTopField and aSnapshotField, by their index there. */
#define IMPORT_NTOP       X1060_ARRAY_SIZE(aTopField)
#define IMPORT_VERSION    1
#define IMPORT_ORG        4
#define IMPORT_SERVICES   6
#define IMPORT_SNAPSHOTS  7
#define IMPORT_ACTIONS    9
#define IMPORT_SETTINGS   10
#define IMPORT_ASSESSMENTS 12
#define IMPORT_ATTRIBUTES 13
#define IMPORT_NSNAPFIELD X1060_ARRAY_SIZE(aSnapshotField)

/*
** A document being imported.  It is read in place: its objects and arrays
** are walked as spans of its text (x1060JsonItemsNext) and only a scalar,
** a service or a snapshot at a time goes through SQLite's JSON functions,
** so that the memory an import needs stays near the document's own size.
*/
typedef struct ImportDoc ImportDoc;

/* The queries a check runs many times, over a part of the document (?1),
** prepared once per import (ImportDoc.apStmt, in this order). */
enum { IMPORT_SCALAR, IMPORT_TIME, IMPORT_TWICE_ID, IMPORT_TWICE_LABEL,
       IMPORT_SERVICE_ID, IMPORT_NSTMT };
static const char *const azImportSql[IMPORT_NSTMT] = {
  /* a scalar's value */
  "SELECT json_extract(?1,'$')",
  /* a time, and whether it is one (through julianday(): SQLite 3.40's
  ** strftime() keeps 02-30 as written) */
  "SELECT json_extract(?1,'$'), strftime('%Y-%m-%dT%H:%M:%SZ', "
  "julianday(json_extract(?1,'$'))) IS json_extract(?1,'$')",
  /* the first value of a JSON array given twice: service ids in any
  ** spelling the CDC table reads as the same id, labels as they are */
  "SELECT value COLLATE x1060_service k FROM json_each(?1) GROUP BY k "
  "HAVING count(*)>1 LIMIT 1",
  "SELECT value k FROM json_each(?1) GROUP BY k HAVING count(*)>1 LIMIT 1",
  /* the id of a service (for a message) */
  "SELECT json_extract(?1,'$.service_id')",
};

struct ImportDoc {
  sqlite3 *db;
  const char *z;          /* the document */
  int n;                  /* its length in bytes */
  sqlite3_stmt *apStmt[IMPORT_NSTMT];   /* azImportSql, prepared */
  ImportSpan aTop[sizeof(aTopField)/sizeof(aTopField[0])]; /* its fields */
  char **pzErr;
  int bJa;                /* messages in Japanese */
};

/* Run pStmt with ?1 bound to the n bytes at z (n -1: up to its NUL):
** SQLITE_ROW with its first row; else its result code, SQLITE_OK when it
** ran to its end. */
static int importRow(sqlite3_stmt *pStmt, const char *z, int n){
  int rc;
  sqlite3_reset(pStmt);
  rc = sqlite3_bind_text(pStmt, 1, z, n, SQLITE_STATIC);
  if( rc==SQLITE_OK && (rc = sqlite3_step(pStmt))!=SQLITE_ROW ){
    rc = sqlite3_reset(pStmt);
  }
  return rc;
}

/* The value of the scalar JSON text at p->z+i (n bytes), a column of
** IMPORT_SCALAR (valid until its next run); NULL with *pRc on error. */
static sqlite3_value *importScalar(ImportDoc *p, int i, int n, int *pRc){
  sqlite3_stmt *pStmt = p->apStmt[IMPORT_SCALAR];
  int rc = importRow(pStmt, p->z+i, n);
  *pRc = rc==SQLITE_ROW ? SQLITE_OK : rc ? rc : SQLITE_ERROR;  /* a row */
  return rc==SQLITE_ROW ? sqlite3_column_value(pStmt, 0) : 0;
}

/* The value at p->z+i (n bytes) described for a message, from
** sqlite3_mprintf (NULL: out of memory). */
static char *importDescribeAt(ImportDoc *p, int i, int n){
  const char *zType = x1060JsonType(p->z+i, n);
  int rc = SQLITE_OK;
  sqlite3_value *pVal = 0;
  if( zType[0]!='o' && zType[0]!='a' ) pVal = importScalar(p, i, n, &rc);
  return rc==SQLITE_OK ? importDescribe(p->bJa, zType, pVal) : 0;
}

/* Reading the members of one object of a document one by one: each
** one's key (decoded), its JSON type and, for a scalar, its value. */
typedef struct ImportEach ImportEach;
struct ImportEach {
  ImportDoc *pDoc;
  X1060JsonItems it;      /* where the walk is */
  char *zKey;             /* the member's key, decoded (owned) */
  const char *zType;      /* its JSON type, as json_each names it */
  sqlite3_value *pVal;    /* a scalar's value; NULL for an object, array */
};

/* Start reading the object at p->z[i]. */
static void importEachBegin(ImportEach *pEach, ImportDoc *p, int i){
  memset(pEach, 0, sizeof(*pEach));
  pEach->pDoc = p;
  x1060JsonItemsBegin(&pEach->it, p->z, p->n, i);
}

/* Read the next member: 1, and pEach holds it; 0 at the end, or on an
** error (in *pRc), or when *pRc is an error already. */
static int importEachNext(ImportEach *pEach, int *pRc){
  const X1060JsonItems *it = &pEach->it;
  sqlite3_free(pEach->zKey);
  pEach->zKey = 0;
  pEach->pVal = 0;
  if( *pRc!=SQLITE_OK || !x1060JsonItemsNext(&pEach->it) ) return 0;
  pEach->zType = x1060JsonType(it->z + it->iValue, it->nValue);
  pEach->zKey = x1060JsonString(it->z + it->iKey, it->nKey);
  if( pEach->zKey==0 ){
    *pRc = SQLITE_NOMEM;
  }else if( pEach->zType[0]!='o' && pEach->zType[0]!='a' ){
    pEach->pVal = importScalar(pEach->pDoc, it->iValue, it->nValue, pRc);
  }
  return *pRc==SQLITE_OK;
}

/* Stop reading: what the last member held is released. */
static void importEachEnd(ImportEach *pEach){
  sqlite3_free(pEach->zKey);
  pEach->zKey = 0;
  sqlite3_reset(pEach->pDoc->apStmt[IMPORT_SCALAR]);
}

/* True if JSON type zType is one of zTypes ("integer", "object|null"). */
static int importTypeIs(const char *zTypes, const char *zType){
  size_t n = strlen(zType);
  const char *z;
  for(z=zTypes; z; z=strchr(z, '|'), z = z ? z+1 : 0){
    if( strncmp(z, zType, n)==0 && (z[n]==0 || z[n]=='|') ) return 1;
  }
  return 0;
}

/*
** Check a field of a document: key zKey of the object at zPath, of JSON
** type zType with value pVal, against aField (nField entries); *piField
** gets its index.
*/
static int importCheckField(int bJa, const struct ImportField *aField,
                            int nField,
                            const char *zPath, const char *zKey,
                            const char *zType, sqlite3_value *pVal,
                            int *piField, char **pzErr){
  int i;
  for(i=0; i<nField && strcmp(aField[i].zName, zKey)!=0; i++){}
  *piField = i;
  if( i==nField ){
    sqlite3_str *pStr = sqlite3_str_new(0);
    int j;
    for(j=0; j<nField; j++){
      if( j ) x1060AppendMsg(pStr, bJa, X1060_MSG_LIST_SEP);
      sqlite3_str_appendall(pStr, aField[j].zName);
    }
    {
      char *zAllowed = sqlite3_str_finish(pStr);
      int rc = zAllowed ? importNotAllowed(bJa, pzErr, zPath, zKey,
          sqlite3_mprintf("%s", zKey), x1060Text(bJa, X1060_MSG_A_FIELD_HERE),
          zAllowed) : SQLITE_NOMEM;
      sqlite3_free(zAllowed);
      return rc;
    }
  }
  if( !importTypeIs(aField[i].zType, zType) ){
    return importNotAllowed(bJa, pzErr, zPath, zKey, importDescribe(bJa,
        zType, pVal), 0, x1060Text(bJa, importTypePhrase(aField[i].zType)));
  }
  return SQLITE_OK;
}

/*
** Check that the fields of the object at p->z[i] (at zPath) are those of
** aField with their types, the required ones there; aSpan[k] gets the
** value of field k (n 0 when it is not there).
*/
static int importCheckFields(ImportDoc *p, int i, const char *zPath,
                             const struct ImportField *aField, int nField,
                             ImportSpan *aSpan){
  ImportEach e;
  unsigned int mSeen = 0;
  int rc = SQLITE_OK, k;
  memset(aSpan, 0, sizeof(ImportSpan)*(size_t)nField);
  importEachBegin(&e, p, i);
  while( importEachNext(&e, &rc) ){
    rc = importCheckField(p->bJa, aField, nField, zPath, e.zKey, e.zType,
                          e.pVal, &k, p->pzErr);
    if( rc==SQLITE_OK ){
      mSeen |= 1u<<k;
      aSpan[k].i = e.it.iValue;
      aSpan[k].n = e.it.nValue;
    }
  }
  importEachEnd(&e);
  for(k=0; rc==SQLITE_OK && k<nField; k++){
    if( aField[k].bRequired && (mSeen & (1u<<k))==0 ){
      rc = importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_FIELD_MISSING,
                                           zPath, aField[k].zName));
    }
  }
  return rc;
}

/* Add the JSON text at p->z+i (n bytes) to the list pList (the elements
** of a JSON array, without its brackets). */
static void importListAdd(sqlite3_str *pList, ImportDoc *p, int i, int n){
  if( sqlite3_str_length(pList)>1 ) sqlite3_str_appendchar(pList, 1, ',');
  sqlite3_str_append(pList, p->z+i, n);
}

/*
** Check service at p->z[i] (at zPath): its fields are stored columns of
** JSON types that importColumnType says (bSnapshot: a row of a snapshot,
** which must moreover hold every NOT NULL column, values as the storage
** holds them, and X.1060's category and names for an Annex A service,
** marked in aSeen; else a live service, which may not set custom or
** updated_at but may give them).  Its service_id goes to pIds.
*/
static int importCheckService(ImportDoc *p, int i, const char *zPath,
                              int bSnapshot, sqlite3_str *pIds,
                              unsigned char *aSeen){
  sqlite3_value *aVal[CDC_NSTORED];
  char **pzErr = p->pzErr;
  ImportEach e;
  int rc = SQLITE_OK, k, iSvc;
  memset(aVal, 0, sizeof(aVal));
  importEachBegin(&e, p, i);
  while( importEachNext(&e, &rc) ){
    int iCol = importColumn(e.zKey), bNull = 0;
    const char *zWant;
    if( iCol<0 ){
      char *zCols = cdcStoredColumnList("");
      rc = zCols ? importNotAllowed(p->bJa, pzErr, zPath, e.zKey,
          sqlite3_mprintf("%s", e.zKey),
          x1060Text(p->bJa, X1060_MSG_A_SERVICE_FIELD), zCols) : SQLITE_NOMEM;
      sqlite3_free(zCols);
      break;
    }
    zWant = importColumnType(iCol, &bNull);
    if( strcmp(e.zType, zWant)!=0 && !(bNull && strcmp(e.zType, "null")==0) ){
      rc = importNotAllowed(p->bJa, pzErr, zPath, e.zKey, importDescribe(
          p->bJa, e.zType, e.pVal), 0, x1060Text(p->bJa, zWant[0]=='i'
          ? (bNull ? X1060_MSG_JT_INTEGER_NULL : X1060_MSG_JT_INTEGER)
          : (bNull ? X1060_MSG_JT_STRING_NULL : X1060_MSG_JT_STRING)));
      break;
    }
    k = cdcColumns[iCol].iStored;
    if( k==CDC_SERVICE_ID ) importListAdd(pIds, p, e.it.iValue, e.it.nValue);
    if( bSnapshot && strcmp(e.zType, "null")!=0 ){
      aVal[k] = sqlite3_value_dup(e.pVal);
      if( aVal[k]==0 ) rc = SQLITE_NOMEM;
    }
  }
  importEachEnd(&e);
  for(k=0; rc==SQLITE_OK && bSnapshot && k<CDC_NSTORED; k++){
    const CdcColumn *c = &cdcColumns[cdcStored(k)];
    if( aVal[k]==0 ){
      if( c->bNotNull ){
        rc = importFail(pzErr, x1060MsgIn(p->bJa,
            X1060_MSG_SNAPSHOT_FIELD_MISSING, zPath, c->zName));
      }
    }else{
      char *zWhy = cdcStoredValueProblem(p->bJa, aVal[k], k, &rc);
      if( zWhy ) rc = importFail(pzErr, x1060MsgIn(p->bJa,
          X1060_MSG_SNAPSHOT_VALUE_BAD, zPath, c->zName, zWhy));
      sqlite3_free(zWhy);
    }
  }
  if( rc==SQLITE_OK && bSnapshot ){
    const char *zId = (const char*)sqlite3_value_text(aVal[CDC_SERVICE_ID]);
    iSvc = cdcServiceById(zId);
    if( iSvc>=0 ){
      const X1060Service *s = &x1060Services[iSvc];
      const char *zCat = (const char*)sqlite3_value_text(aVal[CDC_CATEGORY]);
      const char *zNm = (const char*)sqlite3_value_text(aVal[CDC_NAME]);
      const char *zJa = aVal[CDC_NAME_JA] ? (const char*)sqlite3_value_text(
                            aVal[CDC_NAME_JA]) : s->w.zNameJa;
      aSeen[iSvc] = 1;
      if( zCat[0]!=s->zId[0] || strcmp(zNm, s->w.zName)!=0
       || strcmp(zJa, s->w.zNameJa)!=0
       || sqlite3_value_int(aVal[CDC_S_CUSTOM])!=0 ){
        char zCat[2] = { s->zId[0], 0 };
        char *zN = sqlite3_mprintf("%Q", s->w.zName);
        char *zNJ = sqlite3_mprintf("%Q", s->w.zNameJa);
        rc = importFail(pzErr, zN && zNJ ? x1060MsgIn(p->bJa,
            X1060_MSG_ANNEX_MUST_MATCH, zPath, s->zId, zCat, zN, zNJ) : 0);
        sqlite3_free(zN);
        sqlite3_free(zNJ);
      }
    }else if( cdcReservedId(zId) || sqlite3_value_int(aVal[CDC_S_CUSTOM])!=1 ){
      char *zLit = sqlite3_mprintf("%Q", zId);
      rc = importFail(pzErr, zLit ? x1060MsgIn(p->bJa,
          X1060_MSG_NOT_ANNEX_CUSTOM, zPath, zLit) : 0);
      sqlite3_free(zLit);
    }
  }
  for(k=0; k<CDC_NSTORED; k++) sqlite3_value_free(aVal[k]);
  return rc;
}

/* Whether JSON type zType (json_each's name) may hold action column c:
** null, or a number for a number column, a string for the others; *pzWant
** says what may. */
static int importActionType(const CdcColumn *c, const char *zType,
                            int *peWant){
  if( strcmp(zType, "null")==0 ) return 1;
  switch( c->eKind ){
    case K_PERCENT: case K_SCORE:
      *peWant = X1060_MSG_JT_INTEGER_NULL;
      return strcmp(zType, "integer")==0;
    case K_AMOUNT:
      *peWant = X1060_MSG_JT_NUMBER_NULL;
      return strcmp(zType, "integer")==0 || strcmp(zType, "real")==0;
  }
  *peWant = X1060_MSG_JT_STRING_NULL;
  return strcmp(zType, "text")==0;
}

/* The index in x1060ActionColumns of the column named zName, or -1. */
static int importActionColumn(const char *zName){
  int i;
  for(i=0; i<ACT_NCOL; i++){
    if( strcmp(x1060ActionColumns[i].zName, zName)==0 ) return i;
  }
  return -1;
}

/* Check the values aVal of an action of a snapshot (at zPath): every NOT
** NULL column there, every value as the storage holds it. */
static int importCheckActionValues(ImportDoc *p, const char *zPath,
                                   sqlite3_value **aVal){
  int rc = SQLITE_OK, i;
  for(i=0; rc==SQLITE_OK && i<ACT_NCOL; i++){
    const CdcColumn *c = &x1060ActionColumns[i];
    char *zWhy;
    if( aVal[i]==0 ){
      if( c->bNotNull ) rc = importFail(p->pzErr, x1060MsgIn(p->bJa,
          X1060_MSG_ACTION_FIELD_MISSING, zPath, c->zName));
      continue;
    }
    zWhy = x1060ColumnProblem(p->bJa, c, aVal[i], &rc);
    if( zWhy ) rc = importFail(p->pzErr, x1060MsgIn(p->bJa,
        X1060_MSG_ACTION_VALUE_BAD, zPath, c->zName, zWhy));
    sqlite3_free(zWhy);
  }
  return rc;
}

/*
** Check improvement action at p->z[i] (at zPath): an action_id 1..
** ACT_ID_MAX (to pIds) and action columns of the JSON types they take
** (bSnapshot: an action of a snapshot, which holds values as the storage
** holds them; else a live one, whose values x1060_actions checks as it
** applies them).
*/
static int importCheckAction(ImportDoc *p, int i, const char *zPath,
                             int bSnapshot, sqlite3_str *pIds){
  sqlite3_value *aVal[ACT_NCOL];
  ImportEach e;
  int rc = SQLITE_OK, k, bId = 0;
  memset(aVal, 0, sizeof(aVal));
  importEachBegin(&e, p, i);
  while( importEachNext(&e, &rc) ){
    int eWant = 0;
    int iCol = importActionColumn(e.zKey);
    if( strcmp(e.zKey, "action_id")==0 ){
      bId = 1;
      if( strcmp(e.zType, "integer")!=0 || sqlite3_value_int64(e.pVal)<1
       || sqlite3_value_int64(e.pVal)>ACT_ID_MAX ){
        char *zRange = x1060MsgIn(p->bJa, X1060_MSG_ACTION_ID_RANGE,
                                  X1060_STR(ACT_ID_MAX));
        rc = zRange ? importNotAllowed(p->bJa, p->pzErr, zPath, e.zKey,
            importDescribe(p->bJa, e.zType, e.pVal), 0, zRange) : SQLITE_NOMEM;
        sqlite3_free(zRange);
      }
      importListAdd(pIds, p, e.it.iValue, e.it.nValue);
    }else if( iCol<0 ){
      char *zCols = x1060ActionColumnList("");
      rc = zCols ? importNotAllowed(p->bJa, p->pzErr, zPath, e.zKey,
          sqlite3_mprintf("%s", e.zKey),
          x1060Text(p->bJa, X1060_MSG_AN_ACTION_FIELD), zCols) : SQLITE_NOMEM;
      sqlite3_free(zCols);
    }else if( !importActionType(&x1060ActionColumns[iCol], e.zType, &eWant) ){
      rc = importNotAllowed(p->bJa, p->pzErr, zPath, e.zKey, importDescribe(
          p->bJa, e.zType, e.pVal), 0, x1060Text(p->bJa, eWant));
    }else if( bSnapshot && strcmp(e.zType, "null")!=0 ){
      aVal[iCol] = sqlite3_value_dup(e.pVal);
      if( aVal[iCol]==0 ) rc = SQLITE_NOMEM;
    }
  }
  importEachEnd(&e);
  if( rc==SQLITE_OK && !bId ){
    rc = importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_FIELD_MISSING,
                                         zPath, "action_id"));
  }
  if( rc==SQLITE_OK && bSnapshot ) rc = importCheckActionValues(p, zPath,
                                                                aVal);
  for(k=0; k<ACT_NCOL; k++) sqlite3_value_free(aVal[k]);
  return rc;
}

/*
** Check assessment at p->z[i] (n bytes, at zPath): its fields (aAssessField; score
** and evidence may be null), side and assignment as x1060_assess writes
** them, its answers those of the assignment's rubric giving its score,
** its evidence references to answers given, its time a timestamp.  The
** service and side go to pIds.
*/
static int importCheckAssessment(ImportDoc *p, int i, int n,
                                 const char *zPath, sqlite3_str *pIds){
  ImportSpan aSpan[X1060_ARRAY_SIZE(aAssessField)];
  sqlite3_stmt *pStmt = 0;
  int rc = importCheckFields(p, i, zPath, aAssessField,
                             X1060_ARRAY_SIZE(aAssessField), aSpan);
  int iPoints = 0;
  if( rc==SQLITE_OK ){
    /* side, assignment, time; the answers' score; the evidence */
    rc = sqlite3_prepare_v2(p->db, "SELECT json_extract(?1,'$.side') IN "
        "('as_is','to_be'), json_extract(?1,'$.assignment') IN ('Insourcing',"
        "'Outsourcing','Combination'), strftime('%Y-%m-%dT%H:%M:%SZ', "
        "julianday(json_extract(?1,'$.assessed_at'))) IS json_extract(?1,"
        "'$.assessed_at'), json_extract(?1,'$.answers'), json_extract(?1,"
        "'$.evidence'), json_extract(?1,'$.assignment'), json_extract(?1,"
        "'$.score'), json_array(json_extract(?1,'$.service_id'), "
        "json_extract(?1,'$.side'))", -1, &pStmt, 0);
    if( rc==SQLITE_OK ) rc = importRow(pStmt, p->z+i, n);
    if( rc==SQLITE_ROW ) rc = SQLITE_OK;
  }
  if( rc==SQLITE_OK && (!sqlite3_column_int(pStmt, 0)
                        || !sqlite3_column_int(pStmt, 1)
                        || !sqlite3_column_int(pStmt, 2)) ){
    int j = !sqlite3_column_int(pStmt, 0) ? 1
          : !sqlite3_column_int(pStmt, 1) ? 2 : 6;
    rc = importNotAllowed(p->bJa, p->pzErr, zPath, aAssessField[j].zName,
        importDescribeAt(p, aSpan[j].i, aSpan[j].n), 0, x1060Text(p->bJa,
        j==1 ? X1060_MSG_SIDE_VALUES : j==2 ? X1060_MSG_ASSIGNMENT_VALUES
        : X1060_MSG_A_TIME_UTC));
  }
  if( rc==SQLITE_OK ){
    char *zWhy = 0;
    rc = x1060AssessmentCheck(p->db, (const char*)sqlite3_column_text(pStmt,
        5), sqlite3_column_value(pStmt, 3), sqlite3_column_value(pStmt, 4),
        &iPoints, &zWhy);
    if( rc==SQLITE_OK && (iPoints ? sqlite3_column_int(pStmt, 6)!=iPoints
                          : sqlite3_column_type(pStmt, 6)!=SQLITE_NULL) ){
      char zPts[16];
      sqlite3_snprintf(sizeof(zPts), zPts, "%d", iPoints);
      zWhy = x1060MsgIn(p->bJa, X1060_MSG_SCORE_NOT_ANSWERS,
          sqlite3_column_type(pStmt, 6)==SQLITE_NULL ? "null"
          : (const char*)sqlite3_column_text(pStmt, 6), zPts);
      rc = zWhy ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if( rc==SQLITE_ERROR ) rc = importFail(p->pzErr, x1060MsgIn(p->bJa,
                                           X1060_MSG_PATH_WHY, zPath, zWhy));
    sqlite3_free(zWhy);
  }
  if( rc==SQLITE_OK ){
    const char *zKey = (const char*)sqlite3_column_text(pStmt, 7);
    if( zKey && sqlite3_str_length(pIds)>1 ) sqlite3_str_appendchar(pIds, 1,
                                                                    ',');
    if( zKey ) sqlite3_str_appendall(pIds, zKey);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Check the settings (bAttr 0) or attributes (1) object at p->z[i]: each
** key a setting or an attribute, each value a number (settings), text
** (attributes) or null; x1060_set checks the value as it applies it. */
static int importCheckSettings(ImportDoc *p, int i, int bAttr){
  const char *zPath = bAttr ? "$.attributes" : "$.settings";
  ImportEach e;
  int rc = SQLITE_OK, k, n = bAttr ? X1060_NATTRIBUTE : X1060_NSETTING;
  importEachBegin(&e, p, i);
  while( importEachNext(&e, &rc) ){
    for(k=0; k<n && strcmp(bAttr ? x1060AttributeColumns[k].zName
                           : x1060Settings[k].col.zName, e.zKey)!=0; k++){}
    if( k==n ){
      rc = importNotAllowed(p->bJa, p->pzErr, zPath, e.zKey, sqlite3_mprintf(
          "%s", e.zKey), x1060Text(p->bJa, bAttr ? X1060_MSG_AN_ATTRIBUTE
          : X1060_MSG_A_SETTING), x1060Text(p->bJa, bAttr
          ? X1060_MSG_ATTRIBUTE_KEYS : X1060_MSG_SETTING_KEYS_DOC));
    }else if( strcmp(e.zType, "null")!=0 && (bAttr
        ? strcmp(e.zType, "text")!=0 : (strcmp(e.zType, "integer")!=0
                                        && strcmp(e.zType, "real")!=0)) ){
      rc = importNotAllowed(p->bJa, p->pzErr, zPath, e.zKey, importDescribe(
          p->bJa, e.zType, e.pVal), 0, x1060Text(p->bJa, bAttr
          ? X1060_MSG_JT_TEXT_NULL : X1060_MSG_JT_NUMBER_NULL));
    }
  }
  importEachEnd(&e);
  return rc;
}

/* Check that the list pList (owned: the services' ids, the snapshots'
** labels or the actions' numbers of the array at zPath, of elements of
** kind eKind as importCheckArray says) names each one once, services in
** every spelling the CDC table reads as the same id. */
static int importCheckTwice(ImportDoc *p, sqlite3_str *pList,
                            const char *zPath, int eKind){
  static const int aWhat[] = {
    X1060_MSG_TWICE_SERVICE, X1060_MSG_TWICE_SERVICE, X1060_MSG_TWICE_LABEL,
    X1060_MSG_TWICE_ACTION, X1060_MSG_TWICE_ACTION,
    X1060_MSG_TWICE_ASSESSMENT, X1060_MSG_TWICE_ASSESSMENT
  };
  int bLabel = eKind>=2;
  sqlite3_stmt *pStmt = p->apStmt[bLabel ? IMPORT_TWICE_LABEL
                                         : IMPORT_TWICE_ID];
  int rc;
  char *zList;
  sqlite3_str_appendchar(pList, 1, ']');
  zList = sqlite3_str_finish(pList);
  rc = zList ? importRow(pStmt, zList, -1) : SQLITE_NOMEM;
  if( rc==SQLITE_ROW ){
    const char *zWhat = (const char*)sqlite3_column_text(pStmt, 0);
    char *zLit = zWhat ? sqlite3_mprintf("%Q", zWhat) : 0;
    rc = zLit==0 ? SQLITE_NOMEM : importFail(p->pzErr, x1060MsgIn(p->bJa,
        X1060_MSG_GIVEN_TWICE, zPath, zLit, x1060Text(p->bJa,
        aWhat[eKind])));
    sqlite3_free(zLit);
  }
  sqlite3_reset(pStmt);
  sqlite3_free(zList);
  return rc;
}

static int importCheckSnapshot(ImportDoc*, int, const char*, sqlite3_str*);

/* Check the elements of the array at p->z[i] (at zPath): each an object,
** each a service (eKind 0: of the CDC, 1: of a snapshot, marked in aSeen),
** a snapshot (eKind 2), an action (eKind 3: of the CDC, 4: of a snapshot)
** or an assessment (5, 6 the same); none given twice. */
static int importCheckArray(ImportDoc *p, int i, const char *zPath,
                            int eKind, unsigned char *aSeen){
  X1060JsonItems it;
  sqlite3_str *pList = sqlite3_str_new(0);
  int rc = SQLITE_OK;
  sqlite3_str_appendchar(pList, 1, '[');
  x1060JsonItemsBegin(&it, p->z, p->n, i);
  while( rc==SQLITE_OK && x1060JsonItemsNext(&it) ){
    char *zElem = sqlite3_mprintf("%s[%d]", zPath, it.iIndex);
    if( zElem==0 ){
      rc = SQLITE_NOMEM;
    }else if( p->z[it.iValue]!='{' ){
      rc = importNotAllowed(p->bJa, p->pzErr, zElem, 0, importDescribeAt(p,
          it.iValue, it.nValue), 0, x1060Text(p->bJa, X1060_MSG_JT_OBJECT));
    }else if( eKind==2 ){
      rc = importCheckSnapshot(p, it.iValue, zElem, pList);
    }else if( eKind>=5 ){
      rc = importCheckAssessment(p, it.iValue, it.nValue, zElem, pList);
    }else if( eKind>=3 ){
      rc = importCheckAction(p, it.iValue, zElem, eKind==4, pList);
    }else{
      rc = importCheckService(p, it.iValue, zElem, eKind, pList, aSeen);
    }
    sqlite3_free(zElem);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_str_errcode(pList);
  if( rc==SQLITE_OK ) return importCheckTwice(p, pList, zPath, eKind);
  sqlite3_free(sqlite3_str_finish(pList));
  return rc;
}

/* Check snapshot at p->z[i] (at zPath): its fields, its label by
** x1060_snapshot's rule (to pLabels), its taken_at a timestamp, its
** services rows, every Annex A service among them. */
static int importCheckSnapshot(ImportDoc *p, int i, const char *zPath,
                               sqlite3_str *pLabels){
  ImportSpan aSpan[sizeof(aSnapshotField)/sizeof(aSnapshotField[0])];
  const ImportSpan *pLab = &aSpan[0], *pAt = &aSpan[1], *pSvc = &aSpan[2];
  unsigned char aSeen[X1060_NSERVICE];
  sqlite3_stmt *pStmt = 0;
  sqlite3_value *pLabel = 0;
  char *zLabel = 0, *zArray = 0;
  int rc = importCheckFields(p, i, zPath, aSnapshotField, IMPORT_NSNAPFIELD,
                             aSpan), k;
  if( rc==SQLITE_OK ){
    importListAdd(pLabels, p, pLab->i, pLab->n);
    pLabel = importScalar(p, pLab->i, pLab->n, &rc);
  }
  if( rc==SQLITE_OK ) rc = cdcSnapshotLabel(pLabel, &zLabel);
  if( rc==SQLITE_OK && strcmp(zLabel,
                              (const char*)sqlite3_value_text(pLabel))!=0 ){
    rc = SQLITE_CONSTRAINT;    /* with spaces around: not as stored */
  }
  if( rc==SQLITE_CONSTRAINT ){
    char *zAllowed = x1060MsgIn(p->bJa, X1060_MSG_LABEL_ALLOWED_TRIMMED,
                                X1060_STR(X1060_LABEL_MAX));
    rc = zAllowed ? importNotAllowed(p->bJa, p->pzErr, zPath, "label",
        x1060DescribeValueIn(pLabel, p->bJa),
        x1060Text(p->bJa, X1060_MSG_A_SNAPSHOT_LABEL), zAllowed)
        : SQLITE_NOMEM;
    sqlite3_free(zAllowed);
  }
  if( rc==SQLITE_OK && pAt->n>0 ){
    pStmt = p->apStmt[IMPORT_TIME];
    rc = importRow(pStmt, p->z+pAt->i, pAt->n);
    if( rc==SQLITE_ROW ){
      rc = sqlite3_column_int(pStmt, 1) ? SQLITE_OK : importNotAllowed(
          p->bJa, p->pzErr, zPath, "taken_at", x1060DescribeValueIn(
          sqlite3_column_value(pStmt, 0), p->bJa),
          x1060Text(p->bJa, X1060_MSG_A_TIME),
          x1060Text(p->bJa, X1060_MSG_TAKEN_AT_ALLOWED));
    }
  }
  if( rc==SQLITE_OK ){
    zArray = sqlite3_mprintf("%s.services", zPath);
    memset(aSeen, 0, sizeof(aSeen));
    rc = zArray ? importCheckArray(p, pSvc->i, zArray, 1, aSeen)
                : SQLITE_NOMEM;
  }
  for(k=0; rc==SQLITE_OK && k<X1060_NSERVICE && aSeen[k]; k++){}
  if( rc==SQLITE_OK && k<X1060_NSERVICE ){
    rc = importFail(p->pzErr, x1060MsgIn(p->bJa,
        X1060_MSG_SNAPSHOT_INCOMPLETE, zArray, x1060Services[k].zId));
  }
  if( rc==SQLITE_OK && aSpan[3].n>0 ){
    sqlite3_free(zArray);
    zArray = sqlite3_mprintf("%s.actions", zPath);
    rc = zArray ? importCheckArray(p, aSpan[3].i, zArray, 4, 0)
                : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK && aSpan[4].n>0 ){
    sqlite3_free(zArray);
    zArray = sqlite3_mprintf("%s.assessments", zPath);
    rc = zArray ? importCheckArray(p, aSpan[4].i, zArray, 6, 0)
                : SQLITE_NOMEM;
  }
  sqlite3_free(zArray);
  sqlite3_free(zLabel);
  sqlite3_reset(pStmt);
  return rc;
}

/* Check that the document's format is x1060's, before anything else: a
** document of something else is told so first. */
static int importCheckFormat(ImportDoc *p, int i){
  ImportEach e;
  int rc = SQLITE_OK, bOurs = 0;
  importEachBegin(&e, p, i);
  while( importEachNext(&e, &rc) ){
    if( strcmp(e.zKey, "format")==0 && strcmp(e.zType, "text")==0 ){
      const char *z = (const char*)sqlite3_value_text(e.pVal);
      if( z==0 ){ rc = SQLITE_NOMEM; break; }
      bOurs = strcmp(z, X1060_JSON_FORMAT)==0;
    }
  }
  importEachEnd(&e);
  if( rc==SQLITE_OK && !bOurs ){
    rc = importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_FORMAT_EXPECTED,
                                         X1060_JSON_FORMAT));
  }
  return rc;
}

/* Check the format version and the org of the document (fields of their
** types already). */
static int importCheckVersionOrg(ImportDoc *p){
  const ImportSpan *pV = &p->aTop[IMPORT_VERSION], *pOrg = &p->aTop[IMPORT_ORG];
  int rc = SQLITE_OK;
  sqlite3_value *pVal = importScalar(p, pV->i, pV->n, &rc);
  sqlite3_int64 v = pVal ? sqlite3_value_int64(pVal) : 0;
  if( rc==SQLITE_OK && (v<1 || v>X1060_JSON_VERSION) ){
    char zV[24];
    sqlite3_snprintf(sizeof(zV), zV, "%lld", v);
    if( v>X1060_JSON_VERSION ){
      rc = importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_FORMAT_TOO_NEW,
                                           zV, X1060_STR(X1060_JSON_VERSION)));
    }else{
      char *zRange = x1060MsgIn(p->bJa, X1060_MSG_FORMAT_VERSIONS,
                                X1060_STR(X1060_JSON_VERSION));
      rc = importFail(p->pzErr, zRange ? x1060NotAllowedIn(p->bJa,
          "$.format_version", 0, sqlite3_value_text(pVal)
          ? (const char*)sqlite3_value_text(pVal) : "?",
          x1060Text(p->bJa, X1060_MSG_A_FORMAT_VERSION), zRange) : 0);
      sqlite3_free(zRange);
    }
  }
  if( rc==SQLITE_OK && pOrg->n>0 ){
    const char *zOrg;
    int n;
    pVal = importScalar(p, pOrg->i, pOrg->n, &rc);
    zOrg = pVal ? (const char*)sqlite3_value_text(pVal) : 0;
    n = pVal ? sqlite3_value_bytes(pVal) : 0;
    if( rc==SQLITE_OK && zOrg==0 ){
      rc = SQLITE_NOMEM;
    }else if( rc==SQLITE_OK && (n<1 || n>CDC_NAME_MAX
                             || !x1060CleanText(zOrg, n, "")) ){
      char *zAllowed = x1060MsgIn(p->bJa, X1060_MSG_ORG_TEXT,
                                  X1060_STR(CDC_NAME_MAX));
      rc = zAllowed ? importNotAllowed(p->bJa, p->pzErr, "$", "org",
          x1060DescribeValueIn(pVal, p->bJa), 0, zAllowed) : SQLITE_NOMEM;
      sqlite3_free(zAllowed);
    }
  }
  sqlite3_reset(p->apStmt[IMPORT_SCALAR]);
  return rc;
}

/*
** Check document p whole before anything is applied: the JSON rule, the
** fields and their types, the format and its version, the org, every
** service and snapshot, nothing given twice.  *p->pzErr names the path.
*/
static int importCheck(ImportDoc *p){
  const ImportSpan *pSnaps = &p->aTop[IMPORT_SNAPSHOTS];
  char *zWhy = 0;
  int i, rc = x1060JsonCheck(p->z, p->n, p->bJa, &zWhy);
  if( rc==SQLITE_ERROR ){
    rc = importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_DOC_NOT_JSON,
                                         zWhy));
    sqlite3_free(zWhy);
    return rc;
  }
  i = x1060JsonSkipSpace(p->z, p->n, 0);
  if( rc==SQLITE_OK && p->z[i]!='{' ){
    return importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_DOC_NOT_OBJECT));
  }
  if( rc==SQLITE_OK ) rc = importCheckFormat(p, i);
  if( rc==SQLITE_OK ) rc = importCheckFields(p, i, "$", aTopField,
                                             IMPORT_NTOP, p->aTop);
  if( rc==SQLITE_OK ) rc = importCheckVersionOrg(p);
  if( rc==SQLITE_OK ){
    rc = importCheckArray(p, p->aTop[IMPORT_SERVICES].i, "$.services", 0, 0);
  }
  if( rc==SQLITE_OK && pSnaps->n>0 ){
    rc = importCheckArray(p, pSnaps->i, "$.snapshots", 2, 0);
  }
  if( rc==SQLITE_OK && p->aTop[IMPORT_ACTIONS].n>0 ){
    rc = importCheckArray(p, p->aTop[IMPORT_ACTIONS].i, "$.actions", 3, 0);
  }
  if( rc==SQLITE_OK && p->aTop[IMPORT_SETTINGS].n>0 ){
    rc = importCheckSettings(p, p->aTop[IMPORT_SETTINGS].i, 0);
  }
  if( rc==SQLITE_OK && p->aTop[IMPORT_ATTRIBUTES].n>0 ){
    rc = importCheckSettings(p, p->aTop[IMPORT_ATTRIBUTES].i, 1);
  }
  if( rc==SQLITE_OK && p->aTop[IMPORT_ASSESSMENTS].n>0 ){
    rc = importCheckArray(p, p->aTop[IMPORT_ASSESSMENTS].i, "$.assessments",
                          5, 0);
  }
  for(i=0; i<IMPORT_NSTMT; i++) sqlite3_reset(p->apStmt[i]);  /* read done */
  return rc;
}

/* The columns an imported service may set, as the CDC table names them. */
static const char zImportColumns[] =
  "service_id,category,name,name_ja,level,assignment,team,outsourcer,as_is,"
  "to_be,excluded,information,expertise,phase,owner,due,evidence,note";

/* Append to pStr, comma-separated, json_extract(zFrom,'$.c') for each
** column c of the comma-separated list zCols. */
static void importExtracts(sqlite3_str *pStr, const char *zFrom,
                           const char *zCols){
  const char *z = zCols;
  while( *z ){
    int n = (int)strcspn(z, ",");
    sqlite3_str_appendf(pStr, "%sjson_extract(%s,'$.%.*s')",
                        z==zCols ? "" : ",", zFrom, n, z);
    z += n + (z[n]==',');
  }
}

/* The statement that applies a service (?1, its JSON object) to CDC table
** zSchema.zName: INSERT OR REPLACE through x1060_cdc_services. */
static int importServiceStmt(sqlite3 *db, const char *zSchema,
                             const char *zName, sqlite3_stmt **ppIns){
  sqlite3_str *pStr = sqlite3_str_new(0);
  sqlite3_str_appendf(pStr, "INSERT OR REPLACE INTO \"%w\".x1060_cdc_services"
                      "(cdc,%s) VALUES(%Q,", zSchema, zImportColumns, zName);
  importExtracts(pStr, "?1", zImportColumns);
  sqlite3_str_appendchar(pStr, 1, ')');
  return x1060Prepare(db, sqlite3_str_finish(pStr), ppIns);
}

/* Say why service iIndex of the document (the n bytes at p->z+i) was
** refused (SQLite's message, in the error of the statement that applied
** it). */
static int importServiceRefused(ImportDoc *p, int i, int n, int iIndex){
  sqlite3_stmt *pId = p->apStmt[IMPORT_SERVICE_ID];
  char *zWhy = sqlite3_mprintf("%s", sqlite3_errmsg(p->db));
  int rc = zWhy ? importRow(pId, p->z+i, n) : SQLITE_NOMEM;
  if( rc==SQLITE_ROW || rc==SQLITE_OK ){
    char zIdx[16];
    sqlite3_snprintf(sizeof(zIdx), zIdx, "%d", iIndex);
    rc = importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_SERVICE_REFUSED,
        zIdx, rc==SQLITE_ROW ? (const char*)sqlite3_column_text(pId, 0)
        : "(null)", zWhy));
  }
  sqlite3_reset(pId);
  sqlite3_free(zWhy);
  return rc;
}

/*
** Apply every service of document p through the CDC table zSchema.zName
** (INSERT OR REPLACE: Annex A services and existing custom ones are set,
** new custom ones added).  *pnDone counts them; a refusal names its path.
*/
static int importServices(ImportDoc *p, const char *zSchema,
                          const char *zName, int *pnDone){
  X1060JsonItems it;
  sqlite3_stmt *pIns = 0;
  int rc = importServiceStmt(p->db, zSchema, zName, &pIns);
  x1060JsonItemsBegin(&it, p->z, p->n, p->aTop[IMPORT_SERVICES].i);
  while( rc==SQLITE_OK && x1060JsonItemsNext(&it) ){
    rc = importRow(pIns, p->z+it.iValue, it.nValue);
    if( rc==SQLITE_OK ){
      (*pnDone)++;
    }else if( rc!=SQLITE_NOMEM ){
      rc = importServiceRefused(p, it.iValue, it.nValue, it.iIndex);
    }
  }
  sqlite3_finalize(pIns);
  return rc;
}

/* The rows of a snapshot, each kind in its table: the services (seq_no
** their place in the array) and the actions (their action_id). */
static const struct ImportSnapRows {
  const char *zTab, *zKey, *zKeyValue, *zArray;
} aSnapRows[] = {
  { "x1060_store_snapshot", "seq_no", "s.key+1", "services" },
  { "x1060_store_action_snapshot", "action_id",
    "json_extract(s.value,'$.action_id')", "actions" },
};

/* The two statements that replace the rows of kind k (aSnapRows) of a
** snapshot (?1, its JSON object) of CDC zSchema.zName: those of its label
** go, its own come. */
static int importSnapshotStmts(sqlite3 *db, const char *zSchema,
                               const char *zName, int k, sqlite3_stmt **ppDel,
                               sqlite3_stmt **ppIns){
  const struct ImportSnapRows *r = &aSnapRows[k];
  char *zCols = k ? x1060ActionColumnList("") : cdcStoredColumnList("");
  sqlite3_str *pStr = sqlite3_str_new(0);
  char *zVals, *zTpl, *zDel;
  int rc;
  if( zCols ) importExtracts(pStr, "s.value", zCols);
  zVals = sqlite3_str_finish(pStr);
  zTpl = zCols==0 || zVals==0 ? 0 : sqlite3_mprintf("INSERT INTO "
      "$S.%s(cdc,label,taken_at,%s,%s) SELECT $I, json_extract(?1,'$.label'),"
      " coalesce(json_extract(?1,'$.taken_at')," CDC_NOW "), %s, %s FROM "
      "json_each(?1,'$.%s') s", r->zTab, r->zKey, zCols, r->zKeyValue, zVals,
      r->zArray);
  zDel = sqlite3_mprintf("DELETE FROM $S.%s WHERE cdc=$I AND label="
                         "json_extract(?1,'$.label')", r->zTab);
  rc = zTpl ? x1060Prepare(db, x1060FillSql(zTpl, zSchema, zName), ppIns)
            : SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = zDel ? x1060Prepare(db, x1060FillSql(zDel,
                                  zSchema, zName), ppDel) : SQLITE_NOMEM;
  sqlite3_free(zTpl);
  sqlite3_free(zDel);
  sqlite3_free(zCols);
  sqlite3_free(zVals);
  return rc;
}

/* The statement that writes an assessment (?1, its JSON object) of CDC
** zSchema.zName (bSnapshot: of the snapshot whose JSON object is ?2), its
** service found by id among the CDC's (or the snapshot's) services. */
static int importAssessmentStmt(sqlite3 *db, const char *zSchema,
                                const char *zName, int bSnapshot,
                                sqlite3_stmt **ppIns){
  char *zTpl = sqlite3_mprintf("INSERT OR REPLACE INTO $S.%s(cdc,%s"
      X1060_ASSESSMENT_COLUMNS ") SELECT $I,%s(SELECT seq_no FROM %s WHERE "
      "service_id=json_extract(?1,'$.service_id')%s),json_extract(?1,"
      "'$.side'),json_extract(?1,'$.assignment'),json(json_extract(?1,"
      "'$.answers')),json(json_extract(?1,'$.evidence')),json_extract(?1,"
      "'$.score'),json_extract(?1,'$.assessed_at')", bSnapshot
      ? "x1060_store_assessment_snapshot" : "x1060_store_assessment",
      bSnapshot ? "label," : "", bSnapshot ? "json_extract(?2,'$.label'),"
      : "", bSnapshot ? "$N" : "$D", bSnapshot ? " AND label=json_extract("
      "?2,'$.label')" : "");
  int rc = zTpl ? x1060Prepare(db, x1060FillSql(zTpl, zSchema, zName), ppIns)
                : SQLITE_NOMEM;
  sqlite3_free(zTpl);
  return rc;
}

/* Write the assessments of the array at p->z[i] (at zPath) to CDC
** zSchema.zName (iSnap: the snapshot's object at p->z[iSnap], nSnap
** bytes; else the CDC's own). */
static int importAssessments(ImportDoc *p, const char *zSchema,
                             const char *zName, int i, const char *zPath,
                             int iSnap, int nSnap){
  sqlite3_stmt *pIns = 0;
  X1060JsonItems it;
  int rc = importAssessmentStmt(p->db, zSchema, zName, nSnap>0, &pIns);
  if( rc==SQLITE_OK && nSnap>0 ){
    rc = sqlite3_bind_text(pIns, 2, p->z+iSnap, nSnap, SQLITE_STATIC);
  }
  x1060JsonItemsBegin(&it, p->z, p->n, i);
  while( rc==SQLITE_OK && x1060JsonItemsNext(&it) ){
    rc = sqlite3_bind_text(pIns, 1, p->z+it.iValue, it.nValue, SQLITE_STATIC);
    if( rc==SQLITE_OK ){
      sqlite3_step(pIns);
      rc = sqlite3_reset(pIns);
    }
    if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
      char zIdx[16];
      sqlite3_snprintf(sizeof(zIdx), zIdx, "%d", it.iIndex);
      if( importFail(p->pzErr, sqlite3_extended_errcode(p->db)
          ==SQLITE_CONSTRAINT_NOTNULL ? x1060MsgIn(p->bJa, nSnap>0
          ? X1060_MSG_NOT_A_SERVICE_OF_SNAPSHOT : X1060_MSG_NOT_A_SERVICE_OF,
          zPath, zIdx, zName) : x1060MsgIn(p->bJa, X1060_MSG_ELEMENT_WHY,
          zPath, zIdx, sqlite3_errmsg(p->db)))==SQLITE_NOMEM ){
        rc = SQLITE_NOMEM;      /* (else rc stays the failed step's code) */
      }
    }
  }
  sqlite3_finalize(pIns);
  return rc;
}

/* The member zKey of the object at p->z[i] (checked): its span in *pSpan
** (n 0 when there is none). */
static int importMember(ImportDoc *p, int i, const char *zKey,
                        ImportSpan *pSpan){
  ImportEach e;
  int rc = SQLITE_OK;
  memset(pSpan, 0, sizeof(*pSpan));
  importEachBegin(&e, p, i);
  while( importEachNext(&e, &rc) ){
    if( strcmp(e.zKey, zKey)==0 ){
      pSpan->i = e.it.iValue;
      pSpan->n = e.it.nValue;
    }
  }
  importEachEnd(&e);
  return rc;
}

/* Replace the snapshots of the same labels with those of document p (their
** services and actions), and set the org when the document has one. */
static int importSnapshots(ImportDoc *p, const char *zSchema,
                           const char *zName){
  const ImportSpan *pSnaps = &p->aTop[IMPORT_SNAPSHOTS];
  const ImportSpan *pOrg = &p->aTop[IMPORT_ORG];
  sqlite3_stmt *pDel = 0, *pIns = 0, *pOrgSet = 0, *pADel = 0, *pAIns = 0;
  sqlite3_stmt *pQDel = 0;
  ImportSpan assess;
  X1060JsonItems it;
  int rc = importSnapshotStmts(p->db, zSchema, zName, 0, &pDel, &pIns);
  if( rc==SQLITE_OK ) rc = importSnapshotStmts(p->db, zSchema, zName, 1,
                                               &pADel, &pAIns);
  if( rc==SQLITE_OK ) rc = x1060Prepare(p->db, x1060FillSql("DELETE FROM "
      "$S.x1060_store_assessment_snapshot WHERE cdc=$I AND label="
      "json_extract(?1,'$.label')", zSchema, zName), &pQDel);
  if( rc==SQLITE_OK && pSnaps->n>0 ){
    x1060JsonItemsBegin(&it, p->z, p->n, pSnaps->i);
    while( rc==SQLITE_OK && x1060JsonItemsNext(&it) ){
      rc = importRow(pDel, p->z+it.iValue, it.nValue);
      if( rc==SQLITE_OK ) rc = importRow(pIns, p->z+it.iValue, it.nValue);
      if( rc==SQLITE_OK ) rc = importRow(pADel, p->z+it.iValue, it.nValue);
      if( rc==SQLITE_OK ) rc = importRow(pAIns, p->z+it.iValue, it.nValue);
      if( rc==SQLITE_OK ) rc = importRow(pQDel, p->z+it.iValue, it.nValue);
      if( rc==SQLITE_OK ) rc = importMember(p, it.iValue, "assessments",
                                            &assess);
      if( rc==SQLITE_OK && assess.n>0 ){
        char *zPath = sqlite3_mprintf("$.snapshots[%d].assessments",
                                      it.iIndex);
        rc = zPath ? importAssessments(p, zSchema, zName, assess.i, zPath,
                                       it.iValue, it.nValue) : SQLITE_NOMEM;
        sqlite3_free(zPath);
        if( rc!=SQLITE_OK ) break;
      }
      if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
        char zIdx[16];
        sqlite3_snprintf(sizeof(zIdx), zIdx, "%d", it.iIndex);
        if( importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_SNAPSHOT_REFUSED,
                       zIdx, sqlite3_errmsg(p->db)))==SQLITE_NOMEM ){
          rc = SQLITE_NOMEM;
        }
      }
    }
  }
  if( rc==SQLITE_OK && pOrg->n>0 ){
    rc = x1060Prepare(p->db, x1060FillSql("UPDATE $S.x1060_store_cdc SET "
        "org=json_extract(?1,'$') WHERE cdc=$I", zSchema, zName), &pOrgSet);
    if( rc==SQLITE_OK ) rc = importRow(pOrgSet, p->z+pOrg->i, pOrg->n);
  }
  sqlite3_finalize(pDel);
  sqlite3_finalize(pIns);
  sqlite3_finalize(pADel);
  sqlite3_finalize(pAIns);
  sqlite3_finalize(pQDel);
  sqlite3_finalize(pOrgSet);
  return rc;
}

/* The two statements that apply an action (?1, its JSON object) to CDC
** zSchema.zName through x1060_actions: an UPDATE of the action of its
** number, and an INSERT when there is none. */
static int importActionStmts(sqlite3 *db, const char *zSchema,
                             const char *zName, sqlite3_stmt **ppUpd,
                             sqlite3_stmt **ppIns){
  sqlite3_str *pUpd = sqlite3_str_new(0), *pIns = sqlite3_str_new(0);
  int i, rc;
  sqlite3_str_appendall(pUpd, "UPDATE x1060_actions SET ");
  sqlite3_str_appendf(pIns, "INSERT INTO x1060_actions(schema,cdc,action_id");
  for(i=0; i<ACT_UPDATED_AT; i++){
    const char *z = x1060ActionColumns[i].zName;
    sqlite3_str_appendf(pUpd, "%s%s=json_extract(?1,'$.%s')", i ? "," : "",
                        z, z);
    sqlite3_str_appendf(pIns, ",%s", z);
  }
  sqlite3_str_appendf(pUpd, " WHERE cdc=%Q AND schema=%Q AND action_id="
                      "json_extract(?1,'$.action_id')", zName, zSchema);
  sqlite3_str_appendf(pIns, ") VALUES(%Q,%Q,json_extract(?1,'$.action_id')",
                      zSchema, zName);
  for(i=0; i<ACT_UPDATED_AT; i++){
    sqlite3_str_appendf(pIns, ",json_extract(?1,'$.%s')",
                        x1060ActionColumns[i].zName);
  }
  sqlite3_str_appendall(pIns, ")");
  rc = x1060Prepare(db, sqlite3_str_finish(pUpd), ppUpd);
  if( rc==SQLITE_OK ) rc = x1060Prepare(db, sqlite3_str_finish(pIns), ppIns);
  else sqlite3_free(sqlite3_str_finish(pIns));
  return rc;
}

/* Apply every action of document p to CDC zSchema.zName (an upsert by
** action_id: the others are kept); a refusal names its path. */
static int importActions(ImportDoc *p, const char *zSchema,
                         const char *zName){
  const ImportSpan *pActs = &p->aTop[IMPORT_ACTIONS];
  sqlite3_stmt *pUpd = 0, *pIns = 0;
  X1060JsonItems it;
  int rc;
  if( pActs->n==0 ) return SQLITE_OK;
  rc = importActionStmts(p->db, zSchema, zName, &pUpd, &pIns);
  x1060JsonItemsBegin(&it, p->z, p->n, pActs->i);
  while( rc==SQLITE_OK && x1060JsonItemsNext(&it) ){
    rc = importRow(pUpd, p->z+it.iValue, it.nValue);
    if( rc==SQLITE_OK && sqlite3_changes(p->db)==0 ){
      rc = importRow(pIns, p->z+it.iValue, it.nValue);
    }
    if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
      char zIdx[16];
      sqlite3_snprintf(sizeof(zIdx), zIdx, "%d", it.iIndex);
      if( importFail(p->pzErr, x1060MsgIn(p->bJa, X1060_MSG_ELEMENT_WHY,
                     "$.actions", zIdx, sqlite3_errmsg(p->db)))==SQLITE_NOMEM ){
        rc = SQLITE_NOMEM;
      }
    }
  }
  sqlite3_finalize(pUpd);
  sqlite3_finalize(pIns);
  return rc;
}

/* Apply the settings (iTop IMPORT_SETTINGS) or the attributes
** (IMPORT_ATTRIBUTES) of document p to CDC zSchema.zName. */
static int importSettings(ImportDoc *p, const char *zSchema,
                          const char *zName, int iTop){
  const ImportSpan *pSet = &p->aTop[iTop];
  sqlite3_stmt *pObj = 0;
  sqlite3_int64 iCdc = 0, n = 0;
  int rc;
  if( pSet->n==0 ) return SQLITE_OK;
  rc = x1060StoreFind(p->db, zSchema, zName, &iCdc, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(p->db, "SELECT ?1", -1, &pObj,
                                              0);
  if( rc==SQLITE_OK ) rc = importRow(pObj, p->z+pSet->i, pSet->n);
  if( rc==SQLITE_ROW ){
    rc = x1060SettingsApply(p->db, zSchema, iCdc, sqlite3_column_value(pObj,
        0), iTop==IMPORT_SETTINGS ? "x1060_import(): $.settings."
        : "x1060_import(): $.attributes.", &n, p->pzErr);
    if( rc==SQLITE_ERROR && n==0 ){       /* {}: none to apply */
      sqlite3_free(*p->pzErr);
      *p->pzErr = 0;
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(pObj);
  return rc;
}

/*
** Apply document p to CDC table zSchema.zName inside savepoint zSavepoint
** (or none, see X1060WriteOp), rolled back on any error.  The three
** savepoint statements are prepared before anything is written, so that
** the rollback itself needs no memory.
*/
static int importInSavepoint(ImportDoc *p, const char *zSchema,
                             const char *zName, const char *zSavepoint,
                             int *pnDone){
  X1060Savepoint sp;
  int rc = x1060SavepointBegin(p->db, zSavepoint, &sp);
  if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
    *p->pzErr = x1060MsgIn(p->bJa, X1060_MSG_IMPORT_NESTED);
    rc = *p->pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }else if( rc==SQLITE_OK ){
    rc = x1060StoreEnsure(p->db, zSchema, p->pzErr);   /* format 4 */
    if( rc==SQLITE_OK ) rc = importServices(p, zSchema, zName, pnDone);
    if( rc==SQLITE_OK ) rc = importActions(p, zSchema, zName);
    if( rc==SQLITE_OK ) rc = importSettings(p, zSchema, zName,
                                            IMPORT_SETTINGS);
    if( rc==SQLITE_OK ) rc = importSettings(p, zSchema, zName,
                                            IMPORT_ATTRIBUTES);
    if( rc==SQLITE_OK && p->aTop[IMPORT_ASSESSMENTS].n>0 ){
      rc = importAssessments(p, zSchema, zName, p->aTop[IMPORT_ASSESSMENTS].i,
                             "$.assessments", 0, 0);
    }
    if( rc==SQLITE_OK ) rc = importSnapshots(p, zSchema, zName);
    rc = x1060SavepointEnd(&sp, rc);
  }
  return rc;
}

/* Check that argument pDoc is a document x1060_import reads: not NULL
** (readfile() of a file that is not there, most often), not larger than
** X1060_IMPORT_MAX bytes. */
static int importCheckSize(int bJa, sqlite3_value *pDoc, char **pzErr){
  char zN[16];
  if( sqlite3_value_type(pDoc)==SQLITE_NULL ){
    return importFail(pzErr, x1060MsgIn(bJa, X1060_MSG_DOC_NULL));
  }
  if( sqlite3_value_bytes(pDoc)>X1060_IMPORT_MAX ){
    sqlite3_snprintf(sizeof(zN), zN, "%d", sqlite3_value_bytes(pDoc));
    return importFail(pzErr, x1060MsgIn(bJa, X1060_MSG_DOC_TOO_BIG, zN,
                                        X1060_STR(X1060_IMPORT_MAX)));
  }
  return SQLITE_OK;
}

/*
** x1060_import(cdc, json): apply a document of x1060_export to CDC table
** cdc, all or nothing (a savepoint around it all).  Its result: the
** number of services applied.  A NULL cdc gives NULL; a NULL document is
** an error.
*/
static int importRun(sqlite3 *db, int nArg, sqlite3_value **apArg,
                     const char *zSavepoint, sqlite3_int64 *pn, char **pzErr){
  char *zSchema = 0, *zName = 0;
  ImportDoc doc;
  int rc, k, nDone = 0;
  (void)nArg;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return X1060_NULL_RESULT;
  memset(&doc, 0, sizeof(doc));
  doc.db = db;
  doc.pzErr = pzErr;
  doc.bJa = x1060ConnLanguage(db);
  rc = cdcResolve(db, apArg[0], "x1060_import", &zSchema, &zName, pzErr);
  if( rc==SQLITE_OK ) rc = importCheckSize(doc.bJa, apArg[1], pzErr);
  if( rc==SQLITE_OK ){
    doc.z = (const char*)sqlite3_value_text(apArg[1]);
    doc.n = sqlite3_value_bytes(apArg[1]);
    if( doc.z==0 ) rc = SQLITE_NOMEM;
  }
  for(k=0; rc==SQLITE_OK && k<IMPORT_NSTMT; k++){
    rc = sqlite3_prepare_v2(db, azImportSql[k], -1, &doc.apStmt[k], 0);
  }
  if( rc==SQLITE_OK ) rc = importCheck(&doc);
  if( rc==SQLITE_OK ) rc = importInSavepoint(&doc, zSchema, zName,
                                              zSavepoint, &nDone);
  *pn = nDone;
  for(k=0; k<IMPORT_NSTMT; k++) sqlite3_finalize(doc.apStmt[k]);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
  return rc;
}
X1060_DATA_DEF const X1060WriteOp x1060ImportOp = {
  "x1060_import", "import", 2, 2, importRun
};

/* Register x1060_import: it writes the CDC it is named, of any schema, so
** it is DIRECTONLY. */
int x1060RegisterImport(sqlite3 *db){
  return x1060RegisterWriteOp(db, &x1060ImportOp);
}
