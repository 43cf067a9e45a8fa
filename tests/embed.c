/*
** The embedding path: a program linked with libx1060.a (built with
** -DSQLITE_CORE) registers x1060 for every connection it opens, then
** queries it.  Run by tests/load.test; prints one line per query.
*/
#include <stdio.h>
#include "sqlite3.h"
#include "x1060.h"

/* Print every row of zSql, columns separated by '|'; return an rc. */
static int show(sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    int i;
    for(i=0; i<sqlite3_column_count(pStmt); i++){
      const unsigned char *z = sqlite3_column_text(pStmt, i);
      printf("%s%s", i ? "|" : "", z ? (const char*)z : "NULL");
    }
    printf("\n");
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  if( rc!=SQLITE_OK ) printf("error: %s\n", sqlite3_errmsg(db));
  return rc;
}

int main(void){
  sqlite3 *db = 0;
  int rc = sqlite3_auto_extension((void(*)(void))sqlite3_x1060_init);
  if( rc==SQLITE_OK ) rc = sqlite3_open(":memory:", &db);
  if( rc==SQLITE_OK ) rc = show(db, "SELECT x1060_version()");
  if( rc==SQLITE_OK ) rc = show(db, "SELECT count(*) FROM x1060_services");
  if( rc==SQLITE_OK ) rc = show(db,
      "SELECT x1060_service('handling enquiry on report')");
  if( rc==SQLITE_OK ) rc = show(db, "SELECT x1060_level(' basic ')");
  sqlite3_close(db);
  return rc==SQLITE_OK ? 0 : 1;
}
