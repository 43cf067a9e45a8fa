/*
** x1060: the SQL function of a writing operation (x1060_snapshot,
** x1060_import, x1060_publish, x1060_upgrade, x1060_set, x1060_assess),
** one body for all of them; the operations themselves are in their files.
*/
#include "x1060_int.h"

SQLITE_EXTENSION_INIT3

/* The SQL function of every writing operation (its user data the
** X1060WriteOp): runs xRun on its arguments, its result the count.  Built
** with X1060_CLUSTER (for an engine that replicates only the statements it
** sees as writes, which a SELECT is not), it refuses to run outside a
** transaction, where its writes would be lost, and names the forms that
** are safe. */
static void x1060WriteFunc(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv){
  const X1060WriteOp *p = (const X1060WriteOp*)sqlite3_user_data(ctx);
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  sqlite3_int64 n = 0;
  char *zErr = 0;
  int rc;
#ifdef X1060_CLUSTER
  if( sqlite3_get_autocommit(db) ){
    zErr = x1060Msg(db, p->zCommand ? X1060_MSG_CLUSTER_AUTOCOMMIT_COMMAND
                    : X1060_MSG_CLUSTER_AUTOCOMMIT, p->zFunc, p->zCommand);
    x1060ResultError(ctx, zErr ? SQLITE_ERROR : SQLITE_NOMEM, zErr);
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
int x1060RegisterWriteOp(sqlite3 *db, const X1060WriteOp *p){
  int rc = SQLITE_OK, n;
  for(n=p->nArgMin; rc==SQLITE_OK && n<=p->nArgMax; n++){
    rc = x1060CreateFunction(db, p->zFunc, n, SQLITE_UTF8|SQLITE_DIRECTONLY,
                             (void*)p, x1060WriteFunc, 0, 0);
  }
  return rc;
}
