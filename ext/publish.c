/*
** x1060: the views for BI tools, which open the database without x1060.
**
**   SELECT x1060_publish();        -- in main
**   SELECT x1060_publish('aux');   -- in an attached database
**
** The views are part of the storage (store.c): made with it, over the
** tables every CDC of the schema shares, in core SQL only, and always
** current, so that creating, renaming or dropping a CDC needs nothing
** more.  x1060_publish() is for a schema that has none yet, or whose views
** or reference copies were dropped or are older than this x1060: it makes
** the storage if needed (or what is missing of it), makes the views anew
** and refreshes the copies, all or nothing, and returns the number of
** CDCs the views cover.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The number of CDCs in the storage of zDb, into *pn. */
static int publishCount(sqlite3 *db, const char *zDb, int *pn){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT count(*) FROM \"%w\".x1060_store_cdc",
                               zDb);
  int rc = x1060Prepare(db, zSql, &pStmt);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pn = sqlite3_column_int(pStmt, 0);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* x1060_publish([schema]): the BI views and copies in schema (default
** main), in a savepoint; its result: the number of CDCs they cover. */
static int publishRun(sqlite3 *db, int nArg, sqlite3_value **apArg,
                      const char *zSavepoint, sqlite3_int64 *pn, char **pzErr){
  const char *zDb = nArg>0 ? (const char*)sqlite3_value_text(apArg[0])
                           : "main";
  X1060Savepoint sp;
  int rc = SQLITE_OK, n = 0;
  if( nArg>0 && sqlite3_value_type(apArg[0])==SQLITE_NULL ){
    return X1060_NULL_RESULT;
  }
  if( zDb==0 ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = x1060SavepointBegin(db, zSavepoint, &sp);
  if( rc==SQLITE_OK ){
    rc = x1060StoreEnsure(db, zDb, pzErr);
    /* a damaged storage gets what it lacks, empty: a table, a trigger */
    if( rc==SQLITE_OK ) rc = x1060StoreRepair(db, zDb);
    if( rc==SQLITE_OK ) rc = x1060StorePublish(db, zDb, 1);
    if( rc==SQLITE_OK ) rc = publishCount(db, zDb, &n);
    if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
      /* x1060's own message when there is one (the connection's may say
      ** "not an error" then), else SQLite's */
      char *zWhy = *pzErr;
      char *zLit = sqlite3_mprintf("%Q", zDb);
      *pzErr = zLit ? x1060Msg(db, X1060_MSG_PUBLISH_FAILED, zLit,
                               zWhy ? zWhy : sqlite3_errmsg(db)) : 0;
      sqlite3_free(zLit);
      sqlite3_free(zWhy);
    }
    rc = x1060SavepointEnd(&sp, rc);
  }
  *pn = n;
  return rc;
}
X1060_DATA_DEF const X1060WriteOp x1060PublishOp = {
  "x1060_publish", "publish", 0, 1, publishRun
};

/* Register x1060_publish: it writes the schema, so DIRECTONLY. */
int x1060RegisterPublish(sqlite3 *db){
  return x1060RegisterWriteOp(db, &x1060PublishOp);
}
