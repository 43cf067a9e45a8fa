/*
** Fuzz target (d): x1060_import fed arbitrary documents, under the one rule
** for all JSON input.  Whatever the input, the import either applies or
** changes nothing, and the CDC stays sound: x1060_integrity() says 'ok'
** afterwards, or the harness aborts (a finding).  Seeds:
** tests/fuzz/corpus/import (documents of x1060_export and variants).
*/
#include "fuzz_common.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *a, size_t n){
  int nStep = 0;
  sqlite3 *db = fuzzOpen(&nStep);
  sqlite3_stmt *pStmt = 0;
  if( db && sqlite3_prepare_v2(db, "SELECT x1060_import('acme', ?1)", -1,
                               &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_text(pStmt, 1, (const char*)a, (int)n, SQLITE_TRANSIENT);
    while( sqlite3_step(pStmt)==SQLITE_ROW ){}
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  nStep = -1000000;      /* the check itself is not budgeted */
  if( db && sqlite3_prepare_v2(db, "SELECT x1060_integrity('acme')", -1,
                               &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 0);
    if( z && strcmp(z, "ok")!=0 ) abort();   /* an import left damage */
  }
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  return 0;
}
