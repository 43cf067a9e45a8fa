/*
** Fuzz target (c): shadow tables damaged from the input, then every read
** path of x1060.  The input is a list of records: a byte choosing the
** table and the column, a byte choosing the row, a byte for the type and
** length, then the value's bytes.  Seeds: tests/fuzz/corpus/shadow.
*/
#include "fuzz_common.h"

static const char *const azTarget[] = {
  "x1060_store_service", "x1060_store_snapshot", "x1060_store_config",
  "x1060_store_history"
};
static const char *const azCol[] = {
  "service_id", "category", "name", "name_ja", "level", "assignment", "team",
  "outsourcer", "as_is", "to_be", "excluded", "information", "expertise",
  "phase", "owner", "due", "evidence", "note", "custom", "updated_at"
};
static const char *const azRead[] = {
  "SELECT * FROM acme",
  "SELECT * FROM acme WHERE service_id='D-2'",
  "SELECT * FROM acme WHERE category='D'",
  "SELECT x1060_integrity('acme')",
  "SELECT * FROM x1060_evaluate('acme')",
  "SELECT * FROM x1060_summary('acme')",
  "SELECT * FROM x1060_roadmap('acme')",
  "SELECT * FROM x1060_trend('acme')",
  "SELECT * FROM x1060_crosswalk_summary('acme')",
  "SELECT * FROM x1060_compare('acme','S1','current')",
  "SELECT x1060_report('acme','html')",
  "SELECT x1060_export('acme',1)",
  "SELECT * FROM x1060_cdcs",
  "UPDATE acme SET note='x' WHERE category='D'",
  "INSERT INTO acme(service_id,category,name) VALUES('Y-1','C','y')",
  "SELECT x1060_snapshot('acme','S2')",
  "SELECT x1060_publish()",
};

int LLVMFuzzerTestOneInput(const unsigned char *a, size_t n){
  int nStep = 0;
  size_t k = 0, i;
  sqlite3 *db = fuzzOpen(&nStep);
  if( db==0 ) return 0;
  sqlite3_exec(db, "PRAGMA ignore_check_constraints=1", 0, 0, 0);
  while( k+3<=n ){
    int iT = a[k] % 4, iC = (a[k]/4) % 20, iRow = a[k+1] % 70 + 1;
    int eType = a[k+2] % 4;
    size_t nLen = (a[k+2]/4) % 32;
    sqlite3_stmt *pStmt = 0;
    char *zSql;
    k += 3;
    if( nLen>n-k ) nLen = n-k;
    zSql = iT==2 ? (iRow%2 ? sqlite3_mprintf("UPDATE x1060_store_config SET "
                       "value=?1 WHERE key IN (SELECT key FROM "
                       "x1060_store_config LIMIT 1 OFFSET %d)", iRow%3)
                   : sqlite3_mprintf("UPDATE x1060_store_cdc SET %s=?1",
                       iRow%4==0 ? "cdc_name" : iRow%4==2 ? "org" : "kind"))
         : iT==3 ? sqlite3_mprintf("DELETE FROM x1060_store_history WHERE "
                                   "id=%d", iRow)
         : sqlite3_mprintf("UPDATE %s SET %s=?1 WHERE seq_no=%d",
                           azTarget[iT], azCol[iC], iRow);
    if( zSql && sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK
     && sqlite3_bind_parameter_count(pStmt)>0 ){
      if( eType==0 ) sqlite3_bind_null(pStmt, 1);
      else if( eType==1 ) sqlite3_bind_int(pStmt, 1, nLen ? a[k] - 64 : 0);
      else if( eType==2 ) sqlite3_bind_text(pStmt, 1, (const char*)a+k,
                                            (int)nLen, SQLITE_TRANSIENT);
      else sqlite3_bind_blob(pStmt, 1, a+k, (int)nLen, SQLITE_TRANSIENT);
    }
    if( pStmt ) sqlite3_step(pStmt);
    sqlite3_finalize(pStmt);
    sqlite3_free(zSql);
    k += nLen;
  }
  for(i=0; i<sizeof(azRead)/sizeof(azRead[0]); i++){
    sqlite3_exec(db, azRead[i], 0, 0, 0);
  }
  sqlite3_close(db);
  return 0;
}
