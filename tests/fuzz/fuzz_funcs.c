/*
** Fuzz target (b): the pure functions fed arbitrary values.  The first
** byte picks a function, the next ones say each argument's type (NULL,
** integer, real, text, blob) and bytes.  Seeds: tests/fuzz/corpus/funcs.
*/
#include "fuzz_common.h"

static const struct { const char *zName; int nArg; } aFunc[] = {
  { "x1060_level", 1 }, { "x1060_assignment", 1 }, { "x1060_service", 1 },
  { "x1060_score", 2 }, { "x1060_criterion", 3 }, { "x1060_quadrant", 2 },
  { "x1060_suggest", 2 }, { "x1060_gap", 2 }, { "x1060_cycle", 3 },
  { "x1060_achievement", 2 }, { "x1060_report", 3 }, { "x1060_export", 2 },
  { "x1060_snapshot", 2 }, { "x1060_integrity", 1 }, { "x1060_import", 2 },
  { "x1060_oscal", 2 }, { "x1060_uuid", 1 },
};

int LLVMFuzzerTestOneInput(const unsigned char *a, size_t n){
  int nStep = 0, i, f;
  size_t k = 1;
  sqlite3 *db;
  sqlite3_stmt *pStmt = 0;
  char *zSql;
  if( n<1 ) return 0;
  f = a[0] % (int)(sizeof(aFunc)/sizeof(aFunc[0]));
  db = fuzzOpen(&nStep);
  zSql = sqlite3_mprintf("SELECT %s(%s)", aFunc[f].zName,
                         aFunc[f].nArg==1 ? "?" : aFunc[f].nArg==2 ? "?,?"
                                                                   : "?,?,?");
  if( db && zSql && sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK ){
    for(i=1; i<=aFunc[f].nArg && k<n; i++){
      int eType = a[k++] % 5;
      size_t nLen = k<n ? a[k++] : 0;
      if( nLen>n-k ) nLen = n-k;
      switch( eType ){
        case 0: sqlite3_bind_null(pStmt, i); break;
        case 1: {
          sqlite3_int64 v = 0;
          memcpy(&v, a+k, nLen<8 ? nLen : 8);
          sqlite3_bind_int64(pStmt, i, v);
          break;
        }
        case 2: {
          double r = 0;
          memcpy(&r, a+k, nLen<8 ? nLen : 8);
          sqlite3_bind_double(pStmt, i, r);
          break;
        }
        case 3: sqlite3_bind_text(pStmt, i, (const char*)a+k, (int)nLen,
                                  SQLITE_TRANSIENT); break;
        default: sqlite3_bind_blob(pStmt, i, a+k, (int)nLen, SQLITE_TRANSIENT);
      }
      k += nLen;
    }
    while( sqlite3_step(pStmt)==SQLITE_ROW ){}
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zSql);
  sqlite3_close(db);
  return 0;
}
