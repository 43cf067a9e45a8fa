/*
** Fuzz target (a): the input is SQL, run against a database with x1060
** and a populated CDC table.  Seeds: tests/fuzz/corpus/sql.
*/
#include "fuzz_common.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *aData, size_t nData){
  int nStep = 0;
  sqlite3 *db;
  char *zSql;
  if( nData>50000 ) return 0;
  zSql = malloc(nData+1);
  if( zSql==0 ) return 0;
  memcpy(zSql, aData, nData);
  zSql[nData] = 0;
  db = fuzzOpen(&nStep);
  if( db ) sqlite3_exec(db, zSql, 0, 0, 0);
  sqlite3_close(db);
  free(zSql);
  return 0;
}
