/*
** Fuzz target (d): x1060_import fed arbitrary documents, under the one rule
** for all JSON input.  Whatever the input, the import either applies or
** changes nothing, and the CDC stays sound: x1060_integrity() says 'ok'
** afterwards, or the harness aborts (a finding).  One connection serves
** every input, each in a savepoint rolled back after it.  Seeds:
** tests/fuzz/corpus/import (documents of x1060_export and variants).
*/
#include "fuzz_common.h"
#include <stdlib.h>

/* The connection, opened once: making the CDC for every input took most
** of the time.  Each input runs inside a savepoint that is rolled back
** after the check, so that every input meets the same CDC. */
static sqlite3 *db = 0;
static int nStep = 0;

int LLVMFuzzerTestOneInput(const unsigned char *a, size_t n){
  sqlite3_stmt *pStmt = 0;
  if( db==0 ) db = fuzzOpen(&nStep);
  if( db==0 || sqlite3_exec(db, "SAVEPOINT fuzz", 0, 0, 0)!=SQLITE_OK ){
    return 0;
  }
  nStep = 0;
  if( sqlite3_prepare_v2(db, "SELECT x1060_import('acme', ?1)", -1, &pStmt,
                         0)==SQLITE_OK ){
    sqlite3_bind_text(pStmt, 1, (const char*)a, (int)n, SQLITE_TRANSIENT);
    while( sqlite3_step(pStmt)==SQLITE_ROW ){}
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  nStep = -1000000;      /* the check itself is not budgeted */
  if( sqlite3_prepare_v2(db, "SELECT x1060_integrity('acme')", -1, &pStmt,
                         0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 0);
    if( z && strcmp(z, "ok")!=0 ) abort();   /* an import left damage */
  }
  sqlite3_finalize(pStmt);
  sqlite3_exec(db, "ROLLBACK TO fuzz; RELEASE fuzz", 0, 0, 0);
  return 0;
}
