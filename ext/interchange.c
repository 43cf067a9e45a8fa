/*
** x1060: what leaves the database as JSON (export; import.c reads it
** back).
**
**   SELECT x1060_export('acme');               -- a JSON document (subtype J)
**   SELECT x1060_export('acme', 1);            -- ... with the history
**   SELECT x1060_csv_cell(team) FROM acme;     -- safe in a spreadsheet
**
** The export format ("x1060-cdc", format_version 2) is documented in
** docs/formats.md.  (The views for tools that never load x1060 are the
** storage's: store.c, and x1060_publish() in publish.c.)
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3


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

/* The fields of an improvement action in the export, in order: action_id
** and the stored columns. */
static char *actionObjectSql(const char *zAlias){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  sqlite3_str_appendf(pStr, "json_object('action_id',%s.action_id", zAlias);
  for(i=0; i<ACT_NCOL; i++){
    const char *z = x1060ActionColumns[i].zName;
    sqlite3_str_appendf(pStr, ",'%s',%s.%s", z, zAlias, z);
  }
  sqlite3_str_appendall(pStr, ")");
  return sqlite3_str_finish(pStr);
}

/* The assessments of the CDC ($U, with its services $D) or of its
** snapshot l ($B, with $N) as the export writes them: a JSON array. */
#define EXPORT_ASSESSMENTS(from, svc, where) \
  "(SELECT json_group_array(json_object('service_id', service_id, 'side', " \
  "side, 'assignment', assignment, 'answers', json(answers), 'evidence', " \
  "json(evidence), 'score', score, 'assessed_at', assessed_at)) FROM " \
  "(SELECT s.service_id AS service_id, q.side AS side, q.assignment AS " \
  "assignment, q.answers AS answers, q.evidence AS evidence, q.score AS " \
  "score, q.assessed_at AS assessed_at FROM " from " q JOIN " svc " s ON " \
  "s.seq_no=q.seq_no" where " ORDER BY q.seq_no, q.side))"

/* The history of services ($H) or of actions ($W) as the export writes it:
** a JSON array, from sqlite3_mprintf. */
static char *historySql(int bActions){
  return sqlite3_mprintf("(SELECT json_group_array(json_object('changed_at',"
      "changed_at,'%s',%s,'operation',operation,'column_name',column_name,"
      "'old_value',old_value,'new_value',new_value)) FROM (SELECT * FROM %s "
      "ORDER BY id))", bActions ? "action_id" : "service_id",
      bActions ? "action_id" : "service_id", bActions ? "$W" : "$H");
}

/* The template of x1060_export's document (x1060FillSql's placeholders):
** format, versions, org, the services, the improvement actions, the
** settings, the attributes, the snapshots (each with its actions) and, when
** bHistory, the history of services and of actions.  From sqlite3_mprintf,
** NULL on OOM. */
static char *exportSql(int bHistory){
  char *zObj = serviceObjectSql("d"), *zSnap = serviceObjectSql("s");
  char *zAct = actionObjectSql("a"), *zActSnap = actionObjectSql("z");
  char *zHist = bHistory ? historySql(0) : sqlite3_mprintf("NULL");
  char *zActHist = bHistory ? historySql(1) : sqlite3_mprintf("NULL");
  char *zAttr = x1060AttributePairs(0, X1060_NATTRIBUTE), *zTpl = 0;
  if( zObj && zSnap && zAct && zActSnap && zHist && zActHist && zAttr ){
    /* (json_object drops no key: the history keys go when not asked for,
    ** by json_remove) */
    zTpl = sqlite3_mprintf("SELECT json_remove(json_object("
        "'format','" X1060_JSON_FORMAT "','format_version',%d,"
        "'x1060_version','%s','edition',(SELECT edition FROM $C),'org',"
        "(SELECT org FROM $C),'exported_at'," CDC_NOW ","
        "'services',(SELECT json_group_array(json(o)) FROM (SELECT %s AS o "
        "FROM $D d ORDER BY seq_no)),"
        "'actions',(SELECT json_group_array(json(o)) FROM (SELECT %s AS o "
        "FROM $X a ORDER BY action_id)),"
        "'settings',(SELECT json_group_object(key,value) FROM (SELECT * FROM "
        "$G ORDER BY key)),'attributes',(SELECT json_object(%s) FROM (SELECT 1) "
        "LEFT JOIN $K ON 1),"
        "'assessments'," EXPORT_ASSESSMENTS("$U", "$D", "") ","
        "'snapshots',(SELECT json_group_array(json_object('label',label,"
        "'taken_at',taken_at,'services',json(services),'actions',(SELECT "
        "json_group_array(json(o)) FROM (SELECT %s AS o FROM $Z z WHERE "
        "z.label=l.label ORDER BY action_id)),'assessments',"
        EXPORT_ASSESSMENTS("$B", "$N", " AND s.label=q.label WHERE "
        "q.label=l.label") ")) FROM (SELECT label, "
        "min(taken_at) AS taken_at, json_group_array(json(o)) AS services FROM "
        "(SELECT s.label, s.taken_at, %s AS o FROM $N s "
        "ORDER BY s.label, s.seq_no) GROUP BY label ORDER BY taken_at, label) "
        "l),'history',json(%s),'action_history',json(%s))%s)",
        X1060_JSON_VERSION, X1060_VERSION, zObj, zAct, zAttr, zActSnap, zSnap,
        zHist, zActHist, bHistory ? "" : ",'$.history','$.action_history'");
  }
  sqlite3_free(zObj);
  sqlite3_free(zSnap);
  sqlite3_free(zAct);
  sqlite3_free(zActSnap);
  sqlite3_free(zHist);
  sqlite3_free(zActHist);
  sqlite3_free(zAttr);
  return zTpl;
}

/*
** The result of function zFunc: the JSON document that template zTpl
** (owned; NULL: OOM) makes of CDC pCdc, of any schema.  It reads the
** storage directly: what mCheck names is checked first, so that a damaged
** value is an error and what is written is always valid JSON (no Inf, no
** blob).
*/
static void documentResult(sqlite3_context *ctx, sqlite3_value *pCdc,
                           const char *zFunc, int mCheck, char *zTpl){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zSchema = 0, *zName = 0, *zErr = 0, *zOut = 0;
  int rc = zTpl ? SQLITE_OK : SQLITE_NOMEM, iFormat = 0;
  if( rc==SQLITE_OK ){
    rc = cdcOpenRead(db, pCdc, zFunc, mCheck, &zSchema, &zName, &iFormat,
                     &zErr);
  }
  if( rc==SQLITE_OK ){
    rc = x1060QueryText(db, x1060FillSqlAt(zTpl, zSchema, zName, iFormat),
                        &zOut);
  }
  x1060ResultDocument(ctx, rc, zOut, zErr, 'J');
  sqlite3_free(zTpl);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/*
** x1060_export(cdc [, with_history]): the whole CDC as one JSON document
** (exportSql); x1060_export_anonymised(cdc): its figures without what
** identifies it (anonymise.c).
*/
static void exportFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bHistory = argc>1 && sqlite3_value_int(argv[1])!=0;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  documentResult(ctx, argv[0], "x1060_export", CDC_CHECK_ALL & (bHistory
                 ? ~0 : ~CDC_CHECK_HISTORY), exportSql(bHistory));
}
static void anonymisedFunc(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  documentResult(ctx, argv[0], "x1060_export_anonymised", CDC_CHECK_ALL
                 & ~CDC_CHECK_HISTORY, x1060AnonymisedSql());
}

/* True if text z would run as a formula in a spreadsheet (it starts with
** one of = + - @, a tab or a carriage return), or starts with the
** apostrophe that x1060_csv_cell puts before such text: both get an
** apostrophe, so that x1060_csv_value(x1060_csv_cell(v)) is v for every
** text v. */
static int csvLive(const unsigned char *z){
  return z && z[0] && strchr("=+-@\t\r'", z[0])!=0;
}

/*
** x1060_csv_cell(v): v as a safe spreadsheet cell: text that a spreadsheet
** would run as a formula, or that starts with an apostrophe, gets a
** leading apostrophe, which spreadsheets show as text; numbers, NULL and
** other text are v.  x1060_csv_value(v) undoes it: an apostrophe before
** such a character goes.
*/
static void csvFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bCell = sqlite3_user_data(ctx)!=0;
  const unsigned char *z;
  (void)argc;
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT ){
    sqlite3_result_value(ctx, argv[0]);
    return;
  }
  z = sqlite3_value_text(argv[0]);
  if( z==0 ){
    sqlite3_result_error_nomem(ctx);
  }else if( bCell && csvLive(z) ){
    char *zOut = sqlite3_mprintf("'%s", z);
    if( zOut ) sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
    else sqlite3_result_error_nomem(ctx);
  }else if( !bCell && z[0]=='\'' && csvLive(z+1) ){
    sqlite3_result_text(ctx, (const char*)z+1, -1, SQLITE_TRANSIENT);
  }else{
    sqlite3_result_value(ctx, argv[0]);
  }
}

/* Register export, its anonymised form, and import (import.c).  They take a CDC's name, which
** may name any schema's CDC, so both are DIRECTONLY: a trigger or view of
** one database never reaches another's CDC (docs/security.md). */
int x1060RegisterInterchange(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_export", 1,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, exportFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_export", 2,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, exportFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_export_anonymised",
      1, SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0,
      anonymisedFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_csv_cell", 1,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, (void*)1, csvFunc,
      0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_csv_value", 1,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, csvFunc, 0, 0);
  return rc;
}
