/*
** x1060: what leaves the database and comes back: JSON export and import,
** and the BI views.
**
**   SELECT x1060_export('acme');               -- a JSON document (subtype J)
**   SELECT x1060_export('acme', 1);            -- ... with the history
**   SELECT x1060_import('copy', readfile('acme.json'));
**   SELECT x1060_publish();                    -- views for BI tools
**
** The export format ("x1060-cdc", format_version 1) is documented in
** README.md.  Import applies a document through the CDC table itself, so
** every value is checked exactly as an INSERT checks it, inside a
** savepoint: on the first error everything is rolled back and the message
** names the JSON path.  (The views for tools that never load x1060 are
** the storage's: store.c, and x1060_publish() in publish.c.)
*/
#include "cdc.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define X1060_JSON_FORMAT "x1060-cdc"
#define X1060_JSON_VERSION 1

#ifndef SQLITE_RESULT_SUBTYPE
# define SQLITE_RESULT_SUBTYPE 0x001000000
#endif

/* The fields of a service in the export, in order: the stored columns. */
static char *serviceObjectSql(const char *zAlias){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int k;
  sqlite3_str_appendall(pStr, "json_object(");
  for(k=0; k<CDC_NSTORED; k++){
    const char *z = cdcColumns[cdcStored(k)].zName;
    sqlite3_str_appendf(pStr, "%s'%s',%s.%s", k ? "," : "", z, zAlias, z);
  }
  sqlite3_str_appendall(pStr, ")");
  return sqlite3_str_finish(pStr);
}

/* Run zSql (owned) and return its one text value in *pzOut (owned). */
static int queryText(sqlite3 *db, char *zSql, char **pzOut){
  sqlite3_stmt *pStmt = 0;
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  *pzOut = 0;
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pzOut = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
    if( *pzOut==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/*
** x1060_export(cdc [, with_history]): the whole CDC table as one JSON
** document: format, versions, org, the services, the snapshots and, when
** with_history is true, the history.
*/
static void exportFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zSchema = 0, *zName = 0, *zErr = 0, *zObj = 0, *zSnap = 0, *zOut = 0;
  char *zTpl = 0;
  int bHistory = argc>1 && sqlite3_value_int(argv[1])!=0, rc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  rc = cdcResolve(db, argv[0], "x1060_export", &zSchema, &zName, &zErr);
  if( rc==SQLITE_OK ){
    zObj = serviceObjectSql("d");
    zSnap = serviceObjectSql("s");
    if( zObj==0 || zSnap==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    zTpl = sqlite3_mprintf("SELECT json_object("
        "'format','" X1060_JSON_FORMAT "','format_version',%d,"
        "'x1060_version','%s','edition',(SELECT edition FROM $C),'org',"
        "(SELECT org FROM $C),'exported_at'," CDC_NOW ","
        "'services',(SELECT json_group_array(json(o)) FROM (SELECT %s AS o "
        "FROM $D d ORDER BY seq_no)),"
        "'snapshots',(SELECT json_group_array(json_object('label',label,"
        "'taken_at',taken_at,'services',json(services))) FROM (SELECT label, "
        "min(taken_at) AS taken_at, json_group_array(json(o)) AS services FROM "
        "(SELECT s.label, s.taken_at, %s AS o FROM $N s "
        "ORDER BY s.label, s.seq_no) GROUP BY label ORDER BY taken_at, label))"
        "%s)", X1060_JSON_VERSION, X1060_VERSION, zObj, zSnap,
        bHistory ? ",'history',(SELECT json_group_array(json_object("
        "'changed_at',changed_at,'service_id',service_id,'operation',"
        "operation,'column_name',column_name,'old_value',old_value,"
        "'new_value',new_value)) FROM (SELECT * FROM $H ORDER BY id))" : "");
    rc = zTpl ? queryText(db, x1060FillSql(zTpl, zSchema, zName), &zOut)
              : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
    sqlite3_result_subtype(ctx, 'J');
    zOut = 0;
  }else{
    x1060ResultError(ctx, rc, zErr);
  }
  sqlite3_free(zOut);
  sqlite3_free(zTpl);
  sqlite3_free(zObj);
  sqlite3_free(zSnap);
  sqlite3_free(zErr);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/* The columns an imported service may set, as the CDC table names them. */
static const char zImportColumns[] =
  "service_id,category,name,name_ja,level,assignment,team,outsourcer,as_is,"
  "to_be,excluded,information,expertise,phase,owner,due,evidence,note";

/*
** Check the shape of document zJson: JSON, the format and its version,
** services an array of objects with known fields, snapshots an array of
** objects with a label and services.  *pzErr names the path of a problem.
*/
static int importShape(sqlite3 *db, const char *zJson, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db,
    "SELECT CASE"
    " WHEN NOT json_valid(?1) THEN 'the document is not valid JSON'"
    " WHEN json_type(?1)<>'object' THEN '$: not a JSON object'"
    " WHEN json_extract(?1,'$.format') IS NOT '" X1060_JSON_FORMAT "' THEN"
    "  '$.format: expected \"" X1060_JSON_FORMAT "\" (a document made by "
    "x1060_export)'"
    " WHEN json_type(?1,'$.format_version') IS NOT 'integer' THEN"
    "  '$.format_version: missing or not an integer'"
    " WHEN json_extract(?1,'$.format_version')>1 THEN printf('$.format_version:"
    " %d is newer than this x1060 reads (1); upgrade x1060',"
    " json_extract(?1,'$.format_version'))"
    " WHEN json_type(?1,'$.services') IS NOT 'array' THEN"
    "  '$.services: missing or not an array'"
    " WHEN json_type(?1,'$.snapshots') NOT IN ('array') THEN"
    "  '$.snapshots: not an array'"
    " ELSE (SELECT printf('%s: not an object', fullkey) FROM json_each(?1,"
    "  '$.services') WHERE type<>'object' UNION ALL SELECT printf('%s.%s: %s "
    "is not a field of a service; allowed: %s', s.fullkey, f.key, f.key, ?2)"
    "  FROM"
    "  json_each(?1,'$.services') s, json_each(s.value) f WHERE instr(','||"
    "  ?2||',custom,updated_at,', ','||f.key||',')=0 UNION ALL SELECT"
    "  printf('%s: a snapshot needs a label and services', fullkey) FROM"
    "  json_each(?1,'$.snapshots') WHERE type<>'object' OR"
    "  json_type(value,'$.label') IS NOT 'text' OR"
    "  json_type(value,'$.services') IS NOT 'array' LIMIT 1)"
    " END, NOT json_valid(?1)", -1, &pStmt, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zJson, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 2, zImportColumns, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW
   && sqlite3_column_type(pStmt, 0)!=SQLITE_NULL ){
    const char *zWhat = (const char*)sqlite3_column_text(pStmt, 0);
    *pzErr = sqlite3_mprintf("x1060_import(): %s", zWhat);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    if( rc==SQLITE_ERROR && (sqlite3_column_int(pStmt, 1) || zWhat==0
     || strcmp(zWhat, "the document is not valid JSON")==0) ){
      /* json_valid() of SQLite 3.40 answers 0 when out of memory: json()
      ** fails then, and json_valid() asked again says 1 when the memory
      ** came back */
      sqlite3_stmt *pCheck = 0;
      int rc2 = sqlite3_prepare_v2(db, "SELECT json_valid(?1), json(?1)", -1,
                                   &pCheck, 0);
      int bValid = 0;
      if( rc2==SQLITE_OK ) rc2 = sqlite3_bind_text(pCheck, 1, zJson, -1,
                                                   SQLITE_STATIC);
      if( rc2==SQLITE_OK ){
        if( sqlite3_step(pCheck)==SQLITE_ROW ){
          bValid = sqlite3_column_int(pCheck, 0);
        }
        rc2 = sqlite3_reset(pCheck);
      }
      sqlite3_finalize(pCheck);
      if( (rc2&0xff)==SQLITE_NOMEM || bValid ){
        sqlite3_free(*pzErr);
        *pzErr = 0;
        rc = SQLITE_NOMEM;
      }
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
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
  rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pIns, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
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
** Apply zJson to CDC table zSchema.zName inside a savepoint, rolled back
** on any error.  The three savepoint statements are prepared before
** anything is written, so that the rollback itself needs no memory.
*/
static int importInSavepoint(sqlite3 *db, const char *zSchema,
                             const char *zName, const char *zJson,
                             int *pnDone, char **pzErr){
  X1060Savepoint sp;
  int rc = x1060SavepointBegin(db, "x1060_import", &sp);
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
** cdc, all or nothing (a savepoint around it all).  Returns the number of
** services applied.  NULL arguments: NULL.
*/
static void importFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zSchema = 0, *zName = 0, *zErr = 0;
  const char *zJson;
  int rc, nDone = 0;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL
   || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  rc = cdcResolve(db, argv[0], "x1060_import", &zSchema, &zName, &zErr);
  zJson = (const char*)sqlite3_value_text(argv[1]);
  if( rc==SQLITE_OK && zJson==0 ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = importShape(db, zJson, &zErr);
  if( rc==SQLITE_OK ) rc = importInSavepoint(db, zSchema, zName, zJson,
                                              &nDone, &zErr);
  if( rc==SQLITE_OK ){
    sqlite3_result_int(ctx, nDone);
  }else{
    x1060ResultError(ctx, rc, zErr);
  }
  sqlite3_free(zErr);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/* Register export and import.  Both take a CDC's name, which may name
** any schema's CDC, so both are DIRECTONLY: a trigger or view of one
** database never reaches another's CDC (README, "Security model"). */
int x1060RegisterInterchange(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_export", 1,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, exportFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_export", 2,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, exportFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_import", 2,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, importFunc, 0, 0);
  return rc;
}
