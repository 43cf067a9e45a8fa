/*
** x1060: reading back what x1060_export wrote.
**
**   SELECT x1060_import('copy', readfile('acme.json'));
**
** A document is checked whole before anything is written, by one rule for
** all JSON input (x1060JsonCheck: strict JSON, UTF-8, no NUL, no lone
** surrogate, each key once) and then field by field: every field known
** and exactly of its documented JSON type, format_version 1, snapshots
** held to x1060_snapshot's rules (labels) and to the storage's (values,
** X.1060's names of Annex A services).  Services are then applied through
** x1060_cdc_services, so every value is checked as an INSERT checks it,
** all inside a savepoint: on the first error nothing is applied and the
** message names the JSON path.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3


/* The fields of a document: name, JSON type (as json_each names it),
** required. */
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
};

/* The fields of a snapshot, the same way. */
static const struct ImportField aSnapshotField[] = {
  { "label",    "text",  1 },
  { "taken_at", "text",  0 },
  { "services", "array", 1 },
};

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
static int importNotAllowed(char **pzErr, const char *zPath, const char *zKey,
                            char *zVal, const char *zKind,
                            const char *zAllowed){
  char *zWho = zKey ? sqlite3_mprintf("%s.%s", zPath, zKey)
                    : sqlite3_mprintf("%s", zPath);
  int rc = importFail(pzErr, zWho && zVal ? x1060NotAllowed(zWho, 0, zVal,
                                            zKind, zAllowed) : 0);
  sqlite3_free(zWho);
  sqlite3_free(zVal);
  return rc;
}

/* A JSON value of type zType (json_each's name) for messages, from
** sqlite3_mprintf. */
static char *importDescribe(const char *zType, sqlite3_value *pVal){
  if( strcmp(zType, "object")==0 ) return sqlite3_mprintf("an object");
  if( strcmp(zType, "array")==0 ) return sqlite3_mprintf("an array");
  if( strcmp(zType, "true")==0 || strcmp(zType, "false")==0
   || strcmp(zType, "null")==0 ){
    return sqlite3_mprintf("%s", zType);
  }
  return x1060DescribeValue(pVal);
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

/*
** Check a field of a document: key zKey of the object at zPath, of JSON
** type zType with value pVal, against aField (nField entries); *piField
** gets its index.
*/
static int importCheckField(const struct ImportField *aField, int nField,
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
      sqlite3_str_appendf(pStr, "%s%s", j ? ", " : "", aField[j].zName);
    }
    {
      char *zAllowed = sqlite3_str_finish(pStr);
      int rc = zAllowed ? importNotAllowed(pzErr, zPath, zKey,
          sqlite3_mprintf("%s", zKey), "a field here", zAllowed) : SQLITE_NOMEM;
      sqlite3_free(zAllowed);
      return rc;
    }
  }
  if( strcmp(aField[i].zType, zType)!=0 ){
    char *zWant = sqlite3_mprintf("%s %s",
        aField[i].zType[0]=='a' || aField[i].zType[0]=='i' ? "an" : "a",
        strcmp(aField[i].zType, "text")==0 ? "string" : aField[i].zType);
    int rc = zWant ? importNotAllowed(pzErr, zPath, zKey,
        importDescribe(zType, pVal), 0, zWant) : SQLITE_NOMEM;
    sqlite3_free(zWant);
    return rc;
  }
  return SQLITE_OK;
}

/*
** Check that the fields of the object zObj (JSON, at zPath) are those of
** aField with their types, the required ones there.  pEach is
** "SELECT key, type, value FROM json_each(?1)".
*/
static int importCheckFields(sqlite3_stmt *pEach, const char *zObj,
                             const char *zPath,
                             const struct ImportField *aField, int nField,
                             char **pzErr){
  unsigned int mSeen = 0;
  int rc = sqlite3_bind_text(pEach, 1, zObj, -1, SQLITE_STATIC), i;
  while( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
    const char *zKey = (const char*)sqlite3_column_text(pEach, 0);
    const char *zType = (const char*)sqlite3_column_text(pEach, 1);
    if( zKey==0 || zType==0 ){ rc = SQLITE_NOMEM; break; }
    rc = importCheckField(aField, nField, zPath, zKey, zType,
                          sqlite3_column_value(pEach, 2), &i, pzErr);
    if( rc==SQLITE_OK ) mSeen |= 1u<<i;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_reset(pEach);
  else sqlite3_reset(pEach);
  for(i=0; rc==SQLITE_OK && i<nField; i++){
    if( aField[i].bRequired && (mSeen & (1u<<i))==0 ){
      rc = importFail(pzErr, sqlite3_mprintf("%s: the field %s is missing",
                                             zPath, aField[i].zName));
    }
  }
  return rc;
}

/*
** Check service zObj (at zPath) of the document: its fields are stored
** columns of JSON types that importColumnType says (bSnapshot: a row of a
** snapshot, which must moreover hold every NOT NULL column, values as the
** storage holds them, and X.1060's category and names for an Annex A
** service; else a live service, which may not set custom or updated_at
** but may give them, and needs a service_id).
*/
static int importCheckService(sqlite3_stmt *pEach, const char *zObj,
                              const char *zPath, int bSnapshot, char **pzErr){
  sqlite3_value *aVal[CDC_NSTORED];
  int rc = sqlite3_bind_text(pEach, 1, zObj, -1, SQLITE_STATIC), k, iSvc;
  memset(aVal, 0, sizeof(aVal));
  while( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
    const char *zKey = (const char*)sqlite3_column_text(pEach, 0);
    const char *zType = (const char*)sqlite3_column_text(pEach, 1);
    sqlite3_value *pVal = sqlite3_column_value(pEach, 2);
    int iCol = zKey ? importColumn(zKey) : -1, bNull = 0;
    const char *zWant;
    if( zKey==0 || zType==0 ){ rc = SQLITE_NOMEM; break; }
    if( iCol<0 ){
      char *zCols = cdcStoredColumnList("");
      rc = zCols ? importNotAllowed(pzErr, zPath, zKey, sqlite3_mprintf("%s",
          zKey), "a field of a service", zCols) : SQLITE_NOMEM;
      sqlite3_free(zCols);
      break;
    }
    zWant = importColumnType(iCol, &bNull);
    if( strcmp(zType, zWant)!=0 && !(bNull && strcmp(zType, "null")==0) ){
      rc = importNotAllowed(pzErr, zPath, zKey, importDescribe(zType, pVal),
          0, zWant[0]=='i' ? (bNull ? "an integer or null" : "an integer")
                           : (bNull ? "a string or null" : "a string"));
      break;
    }
    k = cdcColumns[iCol].iStored;
    if( bSnapshot && aVal[k]==0 && strcmp(zType, "null")!=0 ){
      aVal[k] = sqlite3_value_dup(pVal);
      if( aVal[k]==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_reset(pEach);
  else sqlite3_reset(pEach);
  for(k=0; rc==SQLITE_OK && bSnapshot && k<CDC_NSTORED; k++){
    const CdcColumn *c = &cdcColumns[cdcStored(k)];
    if( aVal[k]==0 ){
      if( c->bNotNull ){
        rc = importFail(pzErr, sqlite3_mprintf("%s: the field %s is missing "
            "(a snapshot row holds every column, as x1060_export writes "
            "it)", zPath, c->zName));
      }
    }else{
      char *zWhy = cdcStoredValueProblem(aVal[k], k, &rc);
      if( zWhy ) rc = importFail(pzErr, sqlite3_mprintf("%s.%s: %s (a "
          "snapshot row holds values as x1060_export writes them)", zPath,
          c->zName, zWhy));
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
      if( zCat[0]!=s->zId[0] || strcmp(zNm, s->w.zName)!=0
       || strcmp(zJa, s->w.zNameJa)!=0
       || sqlite3_value_int(aVal[CDC_S_CUSTOM])!=0 ){
        rc = importFail(pzErr, sqlite3_mprintf("%s: Annex A service %s must "
            "have X.1060's category %c, name %Q, name_ja %Q and custom 0",
            zPath, s->zId, s->zId[0], s->w.zName, s->w.zNameJa));
      }
    }else if( cdcReservedId(zId) || sqlite3_value_int(aVal[CDC_S_CUSTOM])!=1 ){
      rc = importFail(pzErr, sqlite3_mprintf("%s: %Q is not an Annex A "
          "service, so it must be custom (1) and have an id not of the form "
          "A-1 .. I-99", zPath, zId));
    }
  }
  for(k=0; k<CDC_NSTORED; k++) sqlite3_value_free(aVal[k]);
  return rc;
}

static int importCheckSnapshot(sqlite3*, sqlite3_stmt*, const char*,
                               const char*, char**);

/* Check the elements of the array at zArrayPath of zJson (whose own path
** in the document is zPrefix, "" for the document): each an object, each
** checked by importCheckService (bSnapshot) or, for the snapshots
** (bSnapshot 2), as a snapshot with its services. */
static int importCheckArray(sqlite3 *db, sqlite3_stmt *pEach,
                            const char *zJson, const char *zPrefix,
                            const char *zArrayPath, int bSnapshot,
                            char **pzErr){
  sqlite3_stmt *pList = 0;
  int rc = sqlite3_prepare_v2(db, "SELECT ?3||substr(fullkey,2), type, "
                              "value FROM json_each(?1, ?2)", -1, &pList, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pList, 1, zJson, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pList, 2, zArrayPath, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pList, 3, zPrefix[0] ? zPrefix
                                             : "$", -1, SQLITE_STATIC);
  while( rc==SQLITE_OK && sqlite3_step(pList)==SQLITE_ROW ){
    const char *zPath = (const char*)sqlite3_column_text(pList, 0);
    const char *zType = (const char*)sqlite3_column_text(pList, 1);
    const char *zObj = (const char*)sqlite3_column_text(pList, 2);
    if( zPath==0 || zType==0 || zObj==0 ){ rc = SQLITE_NOMEM; break; }
    if( strcmp(zType, "object")!=0 ){
      rc = importNotAllowed(pzErr, zPath, 0, importDescribe(zType,
          sqlite3_column_value(pList, 2)), 0, "an object");
    }else if( bSnapshot==2 ){
      rc = importCheckSnapshot(db, pEach, zObj, zPath, pzErr);
    }else{
      rc = importCheckService(pEach, zObj, zPath, bSnapshot, pzErr);
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_reset(pList);
  sqlite3_finalize(pList);
  return rc;
}
/* The columns an imported service may set, as the CDC table names them. */
static const char zImportColumns[] =
  "service_id,category,name,name_ja,level,assignment,team,outsourcer,as_is,"
  "to_be,excluded,information,expertise,phase,owner,due,evidence,note";

/* Run zSql (owned) with ?1 bound to zJson; its first row's values go to
** the caller through *ppStmt (finalize it), SQLITE_ROW when there is one. */
static int importQuery(sqlite3 *db, char *zSql, const char *zJson,
                       sqlite3_stmt **ppStmt){
  int rc = x1060Prepare(db, zSql, ppStmt);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(*ppStmt, 1, zJson, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK ){
    rc = sqlite3_step(*ppStmt);
    if( rc==SQLITE_DONE ) rc = SQLITE_OK;
    else if( rc!=SQLITE_ROW ) rc = sqlite3_reset(*ppStmt);
  }
  return rc;
}

/* Check snapshot zObj (at zPath): its fields, its label by
** x1060_snapshot's rule, its taken_at a timestamp, its services rows. */
static int importCheckSnapshot(sqlite3 *db, sqlite3_stmt *pEach,
                               const char *zObj, const char *zPath,
                               char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char *zLabel = 0;
  int rc = importCheckFields(pEach, zObj, zPath, aSnapshotField,
                    X1060_ARRAY_SIZE(aSnapshotField),
                    pzErr);
  if( rc==SQLITE_OK ){
    /* through julianday(): SQLite 3.40's strftime() keeps 02-30 as written */
    rc = importQuery(db, sqlite3_mprintf("SELECT json_extract(?1,'$.label'),"
        " json_extract(?1,'$.taken_at'), strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ',"
        " julianday(json_extract(?1,'$.taken_at'))) IS json_extract(?1,"
        "'$.taken_at')"),
        zObj, &pStmt);
  }
  if( rc==SQLITE_ROW ){
    sqlite3_value *pLabel = sqlite3_column_value(pStmt, 0);
    rc = cdcSnapshotLabel(pLabel, &zLabel);
    if( rc==SQLITE_OK && strcmp(zLabel,
                                (const char*)sqlite3_value_text(pLabel))!=0 ){
      rc = SQLITE_CONSTRAINT;    /* with spaces around: not as stored */
    }
    if( rc==SQLITE_CONSTRAINT ){
      rc = importNotAllowed(pzErr, zPath, "label", x1060DescribeValue(pLabel),
          "a snapshot label", CDC_LABEL_ALLOWED ", without spaces around it");
    }else if( rc==SQLITE_OK && sqlite3_column_type(pStmt, 1)!=SQLITE_NULL
           && sqlite3_column_int(pStmt, 2)==0 ){
      rc = importNotAllowed(pzErr, zPath, "taken_at",
          x1060DescribeValue(sqlite3_column_value(pStmt, 1)), "a time",
          "YYYY-MM-DDTHH:MM:SSZ (UTC, as x1060_snapshot writes it), or no "
          "taken_at (the time of the import)");
    }
  }
  sqlite3_free(zLabel);
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ){
    rc = importCheckArray(db, pEach, zObj, zPath, "$.services", 1, pzErr);
  }
  return rc;
}

/* SQL that finds the first service given twice (in any spelling the CDC
** table reads as the same id: x1060_service's collation) among the
** services of the document, or among those of one of its snapshots, and
** the first snapshot label given twice: path and value. */
static const char zImportTwice[] =
  "SELECT '$.services', json_extract(value,'$.service_id') COLLATE "
  "x1060_service k FROM json_each(?1,'$.services') GROUP BY k HAVING "
  "count(*)>1 UNION ALL SELECT n.fullkey||'.services', json_extract(s.value,"
  "'$.service_id') COLLATE x1060_service k FROM json_each(?1,'$.snapshots') "
  "n, "
  "json_each(n.value,'$.services') s GROUP BY n.key, k HAVING count(*)>1 "
  "UNION ALL SELECT '$.snapshots', json_extract(value,'$.label') k FROM "
  "json_each(?1,'$.snapshots') GROUP BY k HAVING count(*)>1 LIMIT 1";

/* SQL that finds the first snapshot of the document without one of the
** Annex A services (a snapshot is the whole CDC, as x1060_snapshot takes
** it; one without a service would give a trend of other figures): path
** and service id. */
static const char zImportPartial[] =
  "SELECT n.fullkey||'.services', a.service_id FROM json_each(?1,"
  "'$.snapshots') n, x1060_services a WHERE NOT EXISTS (SELECT 1 FROM "
  "json_each(n.value,'$.services') s WHERE json_extract(s.value,"
  "'$.service_id')=a.service_id) LIMIT 1";

/* The first row of zSql over document zJson (importQuery), its two text
** columns in *pzWhere and *pzWhat (values of *ppStmt): SQLITE_ROW, or
** SQLITE_OK when there is none. */
static int importFirst(sqlite3 *db, const char *zSql, const char *zJson,
                       sqlite3_stmt **ppStmt, const char **pzWhere,
                       const char **pzWhat){
  int rc = importQuery(db, sqlite3_mprintf("%s", zSql), zJson, ppStmt);
  if( rc==SQLITE_ROW ){
    *pzWhere = (const char*)sqlite3_column_text(*ppStmt, 0);
    *pzWhat = (const char*)sqlite3_column_text(*ppStmt, 1);
    if( *pzWhere==0 || *pzWhat==0 ) rc = SQLITE_NOMEM;
  }
  return rc;
}

/*
** Check document zJson whole before anything is applied: the JSON rule,
** the fields and their types, the format and its version, the org, every
** service and snapshot, nothing given twice.  *pzErr names the path.
*/
static int importCheck(sqlite3 *db, const char *zJson, char **pzErr){
  sqlite3_stmt *pEach = 0, *pStmt = 0;
  const char *zWhere = 0, *zWhat = 0;
  char *zWhy = 0;
  int rc = x1060JsonCheck(zJson, (int)strlen(zJson), &zWhy);
  if( rc==SQLITE_ERROR ){
    rc = importFail(pzErr, sqlite3_mprintf("the document is not valid JSON: "
                                           "%s", zWhy));
    sqlite3_free(zWhy);
    return rc;
  }
  if( rc==SQLITE_OK ) rc = importQuery(db, sqlite3_mprintf("SELECT "
      "json_type(?1), json_extract(?1,'$.format') IS '" X1060_JSON_FORMAT "',"
      " json_extract(?1,'$.format_version'), json_extract(?1,'$.org')"),
      zJson, &pStmt);
  if( rc==SQLITE_ROW ){
    const char *zType = (const char*)sqlite3_column_text(pStmt, 0);
    rc = zType ? SQLITE_OK : SQLITE_NOMEM;
    if( zType && strcmp(zType, "object")!=0 ){
      rc = importFail(pzErr, sqlite3_mprintf("$: not a JSON object; allowed: "
          "a document made by x1060_export"));
    }
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_prepare_v2(db, "SELECT key, type, value FROM json_each(?1)",
                            -1, &pEach, 0);
  }
  if( rc==SQLITE_OK && sqlite3_column_int(pStmt, 1)==0 ){
    /* first: a document of something else is told so */
    rc = importFail(pzErr, sqlite3_mprintf("$.format: expected \""
        X1060_JSON_FORMAT "\" (a document made by x1060_export)"));
  }
  if( rc==SQLITE_OK ) rc = importCheckFields(pEach, zJson, "$", aTopField,
                          X1060_ARRAY_SIZE(aTopField), pzErr);
  if( rc==SQLITE_OK && (sqlite3_column_int64(pStmt, 2)<1
                     || sqlite3_column_int64(pStmt, 2)>X1060_JSON_VERSION) ){
    sqlite3_int64 v = sqlite3_column_int64(pStmt, 2);
    rc = importFail(pzErr, v>X1060_JSON_VERSION ? sqlite3_mprintf(
        "$.format_version: %lld is newer than this x1060 reads (%d); upgrade "
        "x1060", v, X1060_JSON_VERSION) : x1060NotAllowed("$.format_version",
        0, sqlite3_column_text(pStmt, 2) ? (const char*)sqlite3_column_text(
        pStmt, 2) : "?", "a format version", "1 to " X1060_STR(
        X1060_JSON_VERSION)));
  }
  if( rc==SQLITE_OK && sqlite3_column_type(pStmt, 3)==SQLITE_TEXT ){
    const char *zOrg = (const char*)sqlite3_column_text(pStmt, 3);
    int n = sqlite3_column_bytes(pStmt, 3);
    if( zOrg==0 ){
      rc = SQLITE_NOMEM;
    }else if( n<1 || n>CDC_NAME_MAX || !x1060CleanText(zOrg, n, "") ){
      rc = importNotAllowed(pzErr, "$", "org", x1060DescribeValue(
          sqlite3_column_value(pStmt, 3)), 0, "printable UTF-8 text of 1 to "
          X1060_STR(CDC_NAME_MAX) " bytes");
    }
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==SQLITE_OK ){
    rc = importCheckArray(db, pEach, zJson, "", "$.services", 0, pzErr);
  }
  if( rc==SQLITE_OK ){
    rc = importCheckArray(db, pEach, zJson, "", "$.snapshots", 2, pzErr);
  }
  if( rc==SQLITE_OK ){
    rc = importFirst(db, zImportTwice, zJson, &pStmt, &zWhere, &zWhat);
    if( rc==SQLITE_ROW ){
      rc = importFail(pzErr, sqlite3_mprintf("%s: %Q is given twice; "
          "allowed: each %s once", zWhere, zWhat, strcmp(zWhere,
          "$.snapshots")==0 ? "label" : "service (in any spelling: id, name, "
          "case, full width)"));
    }
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==SQLITE_OK ){
    rc = importFirst(db, zImportPartial, zJson, &pStmt, &zWhere, &zWhat);
    if( rc==SQLITE_ROW ){
      rc = importFail(pzErr, sqlite3_mprintf("%s: Annex A service %s is "
          "missing; allowed: a snapshot of every service, as x1060_snapshot "
          "takes it and x1060_export writes it", zWhere, zWhat));
    }
  }
  sqlite3_finalize(pStmt);
  sqlite3_finalize(pEach);
  return rc;
}

/*
** Apply every service of zJson through the CDC table zSchema.zName (INSERT
** OR REPLACE: Annex A services and existing custom ones are set, new
** custom ones added).  *pnDone counts them; a refusal names its path.
*/
static int importServices(sqlite3 *db, const char *zSchema, const char *zName,
                          const char *zJson, int *pnDone, char **pzErr){
  sqlite3_stmt *pEach = 0, *pIns = 0;
  sqlite3_str *pStr = sqlite3_str_new(0);
  const char *z;
  char *zSql;
  int rc;
  sqlite3_str_appendf(pStr, "INSERT OR REPLACE INTO \"%w\".x1060_cdc_services"
                      "(cdc,%s) VALUES(%Q,", zSchema, zImportColumns, zName);
  for(z=zImportColumns; *z; ){
    const char *zEnd = strchr(z, ',');
    int n = zEnd ? (int)(zEnd-z) : (int)strlen(z);
    sqlite3_str_appendf(pStr, "json_extract(?1,'$.%.*s')%s", n, z,
                        zEnd ? "," : ")");
    z += n + (zEnd!=0);
  }
  zSql = sqlite3_str_finish(pStr);
  rc = x1060Prepare(db, zSql, &pIns);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, "SELECT fullkey, value, "
      "json_extract(value,'$.service_id') FROM json_each(?1,'$.services')",
      -1, &pEach, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pEach, 1, zJson, -1,
                                             SQLITE_STATIC);
  while( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
    rc = sqlite3_bind_value(pIns, 1, sqlite3_column_value(pEach, 1));
    if( rc==SQLITE_OK ){
      sqlite3_step(pIns);
      rc = sqlite3_reset(pIns);
    }
    if( rc==SQLITE_OK ){
      (*pnDone)++;
    }else if( rc!=SQLITE_NOMEM ){
      *pzErr = sqlite3_mprintf("x1060_import(): %s (service %s): %s",
          sqlite3_column_text(pEach, 0), sqlite3_column_text(pEach, 2),
          sqlite3_errmsg(db));
    }
  }
  if( rc==SQLITE_OK && pEach ) rc = sqlite3_reset(pEach);
  sqlite3_finalize(pEach);
  sqlite3_finalize(pIns);
  return rc;
}

/* Replace the snapshots of the same labels with those of zJson, and set
** the org when the document has one. */
static int importSnapshots(sqlite3 *db, const char *zSchema,
                           const char *zName, const char *zJson,
                           char **pzErr){
  char *zCols = cdcStoredColumnList("");
  sqlite3_str *pStr = sqlite3_str_new(0);
  char *zVals;
  int rc, k;
  for(k=0; k<CDC_NSTORED; k++){
    sqlite3_str_appendf(pStr, "%sjson_extract(s.value,'$.%s')", k ? "," : "",
                        cdcColumns[cdcStored(k)].zName);
  }
  zVals = sqlite3_str_finish(pStr);
  rc = (zCols && zVals) ? SQLITE_OK : SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = x1060Exec(db, x1060FillSql("DELETE FROM "
      "$S.x1060_store_snapshot WHERE cdc=$I AND label IN (SELECT "
      "json_extract(value,'$.label') FROM json_each(?1,'$.snapshots'))",
      zSchema, zName), zJson, 0);
  if( rc==SQLITE_OK ){
    char *zTpl = sqlite3_mprintf("INSERT INTO $S.x1060_store_snapshot(cdc,"
        "label,taken_at,seq_no,%s) SELECT $I, json_extract(n.value,'$.label'),"
        " coalesce(json_extract(n.value,'$.taken_at')," CDC_NOW "), s.key+1, "
        "%s FROM json_each(?1,'$.snapshots') n, json_each(n.value,"
        "'$.services') s", zCols, zVals);
    rc = zTpl ? x1060Exec(db, x1060FillSql(zTpl, zSchema, zName), zJson, 0)
              : SQLITE_NOMEM;
    sqlite3_free(zTpl);
  }
  if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
    *pzErr = sqlite3_mprintf("x1060_import(): $.snapshots: %s (snapshot rows "
        "hold canonical values, as x1060_export writes them)",
        sqlite3_errmsg(db));
  }
  if( rc==SQLITE_OK ) rc = x1060Exec(db, x1060FillSql("UPDATE "
      "$S.x1060_store_cdc SET org=json_extract(?1,'$.org') WHERE cdc=$I AND "
      "json_type(?1,'$.org')='text'", zSchema, zName), zJson, 0);
  sqlite3_free(zCols);
  sqlite3_free(zVals);
  return rc;
}

/*
** Apply zJson to CDC table zSchema.zName inside savepoint zSavepoint (or
** none, see X1060WriteOp), rolled back on any error.  The three savepoint
** statements are prepared before anything is written, so that the
** rollback itself needs no memory.
*/
static int importInSavepoint(sqlite3 *db, const char *zSchema,
                             const char *zName, const char *zJson,
                             const char *zSavepoint, int *pnDone,
                             char **pzErr){
  X1060Savepoint sp;
  int rc = x1060SavepointBegin(db, zSavepoint, &sp);
  if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
    *pzErr = sqlite3_mprintf("x1060_import(): call it in a SELECT of its "
        "own (SELECT x1060_import(...)), not inside another write");
    rc = SQLITE_ERROR;
  }else if( rc==SQLITE_OK ){
    rc = importServices(db, zSchema, zName, zJson, pnDone, pzErr);
    if( rc==SQLITE_OK ) rc = importSnapshots(db, zSchema, zName, zJson,
                                             pzErr);
    rc = x1060SavepointEnd(&sp, rc);
  }
  return rc;
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
  const char *zJson;
  int rc, nDone = 0;
  (void)nArg;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return X1060_NULL_RESULT;
  rc = cdcResolve(db, apArg[0], "x1060_import", &zSchema, &zName, pzErr);
  if( rc==SQLITE_OK && sqlite3_value_type(apArg[1])==SQLITE_NULL ){
    /* readfile() of a file that is not there, most often */
    *pzErr = sqlite3_mprintf("x1060_import(): the document is NULL "
        "(readfile() gives NULL for a file it cannot read); allowed: a JSON "
        "document made by x1060_export");
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  zJson = (const char*)sqlite3_value_text(apArg[1]);
  if( rc==SQLITE_OK && zJson==0 ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = importCheck(db, zJson, pzErr);
  if( rc==SQLITE_OK ) rc = importInSavepoint(db, zSchema, zName, zJson,
                                              zSavepoint, &nDone, pzErr);
  *pn = nDone;
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
