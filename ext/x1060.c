/*
** x1060: the extension's entry point.
**
** Checks that the running SQLite is new enough, then registers the
** reference tables and the functions, one source file per concern:
**
**   framework.c   the framework data of X.1060, compiled in
**   crosswalk.c   NIST CSF 2.0, the FIRST CSIRT Services Framework 2.1 and
**                 the mapping of Annex A to them (the project's judgement)
**   reftables.c   the eponymous read-only reference tables
**   normalise.c   forgiving input: x1060_level, x1060_assignment,
**                 x1060_service
**   rules.c       the rules over the data (quadrant, gap, cycle, criterion)
**   rulefuncs.c   those rules as SQL functions, and x1060_achievement
**   score.c       x1060_score: the rubric as a decision procedure, on
**                 jsonread.c (a small JSON reader)
**   store.c       the storage that the CDCs of a schema share (format 2),
**                 its BI views, x1060_upgrade from format 1
**   cdc.c         the CDC table (module x1060) and x1060_cdc_services, on
**                 cdc_row.c (their columns and values) and cdc_admin.c
**                 (x1060_snapshot, x1060_integrity, x1060_cdcs)
**   evaluate.c    the evaluation process: x1060_evaluate, x1060_summary,
**                 x1060_roadmap, x1060_trend, x1060_compare,
**                 x1060_crosswalk_summary
**   interchange.c x1060_export, x1060_import (JSON)
**   publish.c     x1060_publish: views for BI tools without x1060
**   report.c      x1060_report: Markdown, HTML (with an SVG chart), JSON
*/
#include "cdc.h"
#include <string.h>
SQLITE_EXTENSION_INIT1
#include "x1060.h"

/* x1060_version(): the extension's version (X1060_VERSION in x1060.h). */
static void versionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_text(ctx, X1060_VERSION, -1, SQLITE_STATIC);
}

/*
** x1060_debug(): what this x1060 is and what it runs on, one "key: value"
** a line: its version, the framework data, the SQLite it was compiled
** against and the one it runs on, how it was built, and whether PRAGMA
** integrity_check reaches CDC tables (xIntegrity: compiled against and
** running on SQLite 3.44 or newer).
*/
static void debugFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bIntegrity = X1060_HAVE_INTEGRITY
                && sqlite3_libversion_number()>=X1060_INTEGRITY_SQLITE;
  char *z;
  (void)argc; (void)argv;
  z = sqlite3_mprintf(
      "x1060: %s\n"
      "framework: ITU-T X.1060 (%s), Annex A: %d services in %d categories, "
      "%d levels, %d assignments, %d rubric rows\n"
      "sqlite compiled: %s\n"
      "sqlite running: %s\n"
      "build: %s\n"
      "integrity_check: %s",
      X1060_VERSION, X1060_EDITION, X1060_NSERVICE, X1060_NCATEGORY,
      X1060_NLEVEL, X1060_NASSIGNMENT, X1060_NRUBRIC,
      SQLITE_VERSION, sqlite3_libversion(),
#ifdef SQLITE_CORE
      "linked into the program (SQLITE_CORE)",
#else
      "loadable extension",
#endif
      bIntegrity ? "yes (xIntegrity)" : "no (needs SQLite 3.44 or newer)");
  if( z==0 ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_result_text(ctx, z, -1, sqlite3_free);
  }
}

/* See x1060_int.h. */
int x1060Exec(sqlite3 *db, char *zSql, const char *z1, const char *z2){
  sqlite3_stmt *pStmt = 0;
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if( rc==SQLITE_OK && z1 ) rc = sqlite3_bind_text(pStmt, 1, z1, -1,
                                                   SQLITE_STATIC);
  if( rc==SQLITE_OK && z2 ) rc = sqlite3_bind_text(pStmt, 2, z2, -1,
                                                   SQLITE_STATIC);
  if( rc==SQLITE_OK ){
    while( sqlite3_step(pStmt)==SQLITE_ROW ){}
    rc = sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* The placeholders of x1060FillSql: what each stands for, as a format of
** the schema (%w, nSchema times) and then the CDC's name (%s, bName: an
** SQL string or the parameter X1060_CDC_PARAM). */
static const struct FillPart {
  char c; int nSchema; int bName; const char *zFmt;
} aFill[] = {
  { 'T', 1, 1, "(SELECT seq_no AS rowid,* FROM \"%w\".x1060_cdc_services "
               "WHERE cdc=%s)" },
  { 'N', 2, 1, "(SELECT * FROM \"%w\".x1060_store_snapshot WHERE cdc=(SELECT"
               " cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'H', 2, 1, "(SELECT * FROM \"%w\".x1060_store_history WHERE cdc=(SELECT "
               "cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'D', 2, 1, "(SELECT * FROM \"%w\".x1060_store_service WHERE cdc=(SELECT "
               "cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'C', 1, 1, "(SELECT * FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s)" },
  { 'I', 1, 1, "(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s)" },
  { 'S', 1, 0, "\"%w\"" },
  { 'A', 1, 0, "\"%w\".x1060_cdc_services" },
  { 'Q', 0, 1, "%s" },
};

/* See x1060_int.h. */
char *x1060FillSql(const char *zSql, const char *zSchema, const char *zName){
  sqlite3_str *pStr = sqlite3_str_new(0);
  char *zLit = zName ? sqlite3_mprintf("%Q", zName) : 0;
  const char *zN = zName ? zLit : X1060_CDC_PARAM;
  const char *z;
  if( zN==0 ){
    sqlite3_free(sqlite3_str_finish(pStr));
    return 0;
  }
  for(z=zSql; *z; z++){
    const struct FillPart *pPart = 0;
    size_t i;
    for(i=0; z[0]=='$' && pPart==0 && i<sizeof(aFill)/sizeof(aFill[0]); i++){
      if( aFill[i].c==z[1] ) pPart = &aFill[i];
    }
    if( pPart==0 ){
      sqlite3_str_appendchar(pStr, 1, *z);
    }else if( pPart->nSchema==2 ){
      sqlite3_str_appendf(pStr, pPart->zFmt, zSchema, zSchema, zN);
    }else if( pPart->nSchema==1 && pPart->bName ){
      sqlite3_str_appendf(pStr, pPart->zFmt, zSchema, zN);
    }else{
      sqlite3_str_appendf(pStr, pPart->zFmt, pPart->bName ? zN : zSchema);
    }
    if( pPart ) z++;
  }
  sqlite3_free(zLit);
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
int x1060QueryText(sqlite3 *db, char *zSql, char **pzOut){
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

/* See x1060_int.h. */
int x1060SavepointBegin(sqlite3 *db, const char *zName, X1060Savepoint *p){
  static const char *const azOp[] = { "SAVEPOINT", "ROLLBACK TO", "RELEASE" };
  int i, rc = SQLITE_OK;
  memset(p, 0, sizeof(*p));
  for(i=0; zName && rc==SQLITE_OK && i<3; i++){
    char *zSql = sqlite3_mprintf("%s %s", azOp[i], zName);
    rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &p->ap[i], 0) : SQLITE_NOMEM;
    sqlite3_free(zSql);
  }
  if( zName && rc==SQLITE_OK ){
    sqlite3_step(p->ap[0]);
    rc = sqlite3_reset(p->ap[0]);
  }
  if( rc!=SQLITE_OK ){
    for(i=0; i<3; i++) sqlite3_finalize(p->ap[i]);
    memset(p, 0, sizeof(*p));
  }
  return rc;
}

/* Run statement i of savepoint p; its result code. */
static int savepointRun(X1060Savepoint *p, int i){
  sqlite3_step(p->ap[i]);
  return sqlite3_reset(p->ap[i]);
}

/* See x1060_int.h. */
int x1060SavepointEnd(X1060Savepoint *p, int rc){
  int i, rc2;
  if( rc!=SQLITE_OK ) savepointRun(p, 1);
  rc2 = savepointRun(p, 2);
  if( rc==SQLITE_OK && rc2!=SQLITE_OK ){
    /* not released: undo, and say why */
    savepointRun(p, 1);
    savepointRun(p, 2);
    rc = rc2;
  }
  for(i=0; i<3; i++) sqlite3_finalize(p->ap[i]);
  return rc;
}

/* See x1060_int.h.  Built with X1060_CLUSTER (for an engine that
** replicates only the statements it sees as writes, which a SELECT is
** not), the function refuses to run outside a transaction, where its
** writes would be lost, and names the forms that are safe. */
void x1060WriteFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const X1060WriteOp *p = (const X1060WriteOp*)sqlite3_user_data(ctx);
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  sqlite3_int64 n = 0;
  char *zErr = 0;
  int rc;
#ifdef X1060_CLUSTER
  if( sqlite3_get_autocommit(db) ){
    zErr = sqlite3_mprintf("%s(): on a cluster a SELECT is not replicated, "
        "so its writes would be lost; call it between BEGIN and COMMIT%s%s%s",
        p->zFunc, p->zCommand ? ", or use INSERT INTO x1060_cdcs(command, "
        "...) VALUES ('" : "", p->zCommand ? p->zCommand : "",
        p->zCommand ? "', ...)" : "");
    x1060ResultError(ctx, SQLITE_ERROR, zErr);
    sqlite3_free(zErr);
    return;
  }
#endif
  rc = p->xRun(db, argc, argv, p->zFunc, &n, &zErr);
  if( rc==SQLITE_OK ) sqlite3_result_int64(ctx, n);
  else if( rc!=X1060_NULL_RESULT ) x1060ResultError(ctx, rc, zErr);
  sqlite3_free(zErr);
}

/* See x1060_int.h. */
void x1060ResultError(sqlite3_context *ctx, int rc, const char *zErr){
  if( zErr ){
    sqlite3_result_error(ctx, zErr, -1);
  }else if( (rc&0xff)==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_result_error(ctx,
        sqlite3_errmsg(sqlite3_context_db_handle(ctx)), -1);
  }
}

/* See x1060_int.h. */
int x1060CreateFunction(sqlite3 *db, const char *zName, int nArg, int flags,
    void *pApp, void (*xFunc)(sqlite3_context*,int,sqlite3_value**),
    void (*xStep)(sqlite3_context*,int,sqlite3_value**),
    void (*xFinal)(sqlite3_context*)){
  int rc = sqlite3_create_function(db, zName, nArg, flags, pApp, xFunc, xStep,
                                   xFinal);
  return rc==SQLITE_BUSY ? SQLITE_OK : rc;
}

/*
** Register x1060 on db.  Refuses, with a message in *pzErrMsg, to run on
** a SQLite older than X1060_MIN_SQLITE: every sqlite3_* call goes through
** the host's API table, and an older host lacks entries we use.
**
** Loading again into a connection that has x1060 registers everything
** afresh, but for the functions that SQLite cannot replace while SQL runs
** (SQLITE_BUSY), which are kept; so a load that failed half-way (out of
** memory) can simply be repeated.
**
** Both exported entry points call this static function, never each other:
** with RTLD_GLOBAL a call to an exported name could reach another copy of
** x1060 loaded earlier in the process.
*/
static int x1060Init(sqlite3 *db, char **pzErrMsg,
                     const sqlite3_api_routines *pApi){
  int rc;
  SQLITE_EXTENSION_INIT2(pApi);
  if( sqlite3_libversion_number()<X1060_MIN_SQLITE ){
    if( pzErrMsg ){
      *pzErrMsg = sqlite3_mprintf("x1060 %s needs SQLite %d.%d.%d or newer; "
          "this is SQLite %s", X1060_VERSION, X1060_MIN_SQLITE/1000000,
          (X1060_MIN_SQLITE/1000)%1000, X1060_MIN_SQLITE%1000,
          sqlite3_libversion());
    }
    return SQLITE_ERROR;
  }
  rc = x1060CreateFunction(db, "x1060_version", 0,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, versionFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_debug", 0,
      SQLITE_UTF8|SQLITE_INNOCUOUS, 0, debugFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060RegisterReferenceTables(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterNormalisers(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterRuleFunctions(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterStore(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterCdc(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterCdcAdmin(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterEvaluate(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterInterchange(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterPublish(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterReport(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterLibrary(db);
  if( rc==SQLITE_OK ) rc = x1060RegisterOscal(db);
  if( rc!=SQLITE_OK && pzErrMsg ){
    *pzErrMsg = sqlite3_mprintf("%s", sqlite3_errstr(rc));
  }
  return rc;
}

int sqlite3_x1060_init(sqlite3 *db, char **pzErrMsg,
                       const sqlite3_api_routines *pApi){
  return x1060Init(db, pzErrMsg, pApi);
}

int sqlite3_x_init(sqlite3 *db, char **pzErrMsg,
                   const sqlite3_api_routines *pApi){
  return x1060Init(db, pzErrMsg, pApi);
}
