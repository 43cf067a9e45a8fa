/*
** The embedding path: a program linked with libx1060.a (built with
** -DSQLITE_CORE) registers x1060 for every connection it opens, then
** queries it.  Run by tests/load.test, cdc_life.test and others.
**
**   embed                 run a few queries on :memory:, one line a row
**   embed DB SQL          run SQL on database DB; print the rows, then
**                         "rc=N" with N the extended result code and, on
**                         error, the message
*/
#include <stdio.h>
#include "sqlite3.h"
#include "x1060.h"

/* Run the statements of zSql, printing every row, columns separated by
** '|'; return the extended result code of the first failure. */
static int show(sqlite3 *db, const char *zSql){
  int rc = SQLITE_OK;
  while( rc==SQLITE_OK && zSql && zSql[0] ){
    sqlite3_stmt *pStmt = 0;
    rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, &zSql);
    while( rc==SQLITE_OK && pStmt && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
      int i;
      for(i=0; i<sqlite3_column_count(pStmt); i++){
        const unsigned char *z = sqlite3_column_text(pStmt, i);
        printf("%s%s", i ? "|" : "", z ? (const char*)z : "NULL");
      }
      printf("\n");
      rc = SQLITE_OK;
    }
    if( rc==SQLITE_DONE ) rc = SQLITE_OK;
    sqlite3_finalize(pStmt);
  }
  return rc==SQLITE_OK ? rc : sqlite3_extended_errcode(db);
}

int main(int argc, char **argv){
  sqlite3 *db = 0;
  int rc = sqlite3_auto_extension((void(*)(void))sqlite3_x1060_init);
  if( rc==SQLITE_OK ) rc = sqlite3_open(argc==3 ? argv[1] : ":memory:", &db);
  if( rc==SQLITE_OK && argc==3 ){
    sqlite3_extended_result_codes(db, 1);
    rc = show(db, argv[2]);
    printf("rc=%d%s%s\n", rc, rc ? " " : "", rc ? sqlite3_errmsg(db) : "");
    sqlite3_close(db);
    return 0;
  }
  if( rc==SQLITE_OK ) rc = show(db, "SELECT x1060_version()");
  if( rc==SQLITE_OK ) rc = show(db, "SELECT count(*) FROM x1060_services");
  if( rc==SQLITE_OK ) rc = show(db,
      "SELECT x1060_service('handling enquiry on report')");
  if( rc==SQLITE_OK ) rc = show(db, "SELECT x1060_level(' basic ')");
  sqlite3_close(db);
  return rc==SQLITE_OK ? 0 : 1;
}
