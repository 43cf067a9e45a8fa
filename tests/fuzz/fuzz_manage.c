/*
** Fuzz target (e): the writes of the management process fed arbitrary
** input, read as a JSON object of an action's fields, an assessment and
** settings: an INSERT into x1060_actions and an UPDATE of its first action
** from those fields, x1060_assess in its object form, x1060_set.  Whatever
** the input, each write applies or changes nothing, the CDC stays sound
** (x1060_integrity() says 'ok', else the harness aborts), and what reads
** the actions runs.  One connection, each input in a savepoint rolled back
** after it.  Seeds: tests/fuzz/corpus/manage.
*/
#include "fuzz_common.h"
#include <stdlib.h>

static sqlite3 *db = 0;
static int nStep = 0;

/* The statements run on each input (?1). */
static const char *const azWrite[] = {
  "INSERT INTO x1060_actions(cdc, action_id, service_id, category, title, "
  "cycle, status, owner, started, due, completed, progress, target, effort, "
  "cost, currency, note) SELECT 'acme', json_extract(?1,'$.action_id'), "
  "json_extract(?1,'$.service_id'), json_extract(?1,'$.category'), "
  "json_extract(?1,'$.title'), json_extract(?1,'$.cycle'), "
  "json_extract(?1,'$.status'), json_extract(?1,'$.owner'), "
  "json_extract(?1,'$.started'), json_extract(?1,'$.due'), "
  "json_extract(?1,'$.completed'), json_extract(?1,'$.progress'), "
  "json_extract(?1,'$.target'), json_extract(?1,'$.effort'), "
  "json_extract(?1,'$.cost'), json_extract(?1,'$.currency'), "
  "json_extract(?1,'$.note') WHERE json_valid(?1)",
  "UPDATE x1060_actions SET status=coalesce(json_extract(?1,'$.status'), "
  "status), progress=coalesce(json_extract(?1,'$.progress'), progress), "
  "completed=json_extract(?1,'$.completed'), service_id=coalesce("
  "json_extract(?1,'$.service_id'), service_id) WHERE cdc='acme' AND "
  "action_id=1 AND json_valid(?1)",
  "SELECT x1060_assess('acme', json_extract(?1,'$.assessment')) WHERE "
  "json_valid(?1)",
  "SELECT x1060_set('acme', json_extract(?1,'$.settings')) WHERE "
  "json_valid(?1)",
  "SELECT x1060_snapshot('acme', json_extract(?1,'$.label')) WHERE "
  "json_valid(?1)",
  "DELETE FROM x1060_actions WHERE cdc='acme' AND action_id=json_extract("
  "?1,'$.delete') AND json_valid(?1)",
};

/* What reads them: must run (an error is allowed, a crash is not). */
static const char *const azRead[] = {
  "SELECT count(*) FROM x1060_evaluate('acme')",
  "SELECT count(*) FROM x1060_cycle_summary('acme')",
  "SELECT count(*) FROM x1060_roadmap('acme')",
  "SELECT count(*) FROM x1060_compare('acme', 'S1', 'current')",
};

/* Run zSql with ?1 bound to the input, to its end. */
static void run(const char *zSql, const unsigned char *a, size_t n){
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK ){
    if( sqlite3_bind_parameter_count(pStmt)>0 ){
      sqlite3_bind_text(pStmt, 1, (const char*)a, (int)n, SQLITE_TRANSIENT);
    }
    while( sqlite3_step(pStmt)==SQLITE_ROW ){}
  }
  sqlite3_finalize(pStmt);
}

int LLVMFuzzerTestOneInput(const unsigned char *a, size_t n){
  sqlite3_stmt *pStmt = 0;
  size_t i;
  if( db==0 ){
    db = fuzzOpen(&nStep);
    sqlite3_exec(db, "INSERT INTO x1060_actions(cdc, service_id, title) "
                 "VALUES ('acme', 'D-2', 'Playbook')", 0, 0, 0);
  }
  if( db==0 || sqlite3_exec(db, "SAVEPOINT fuzz", 0, 0, 0)!=SQLITE_OK ){
    return 0;
  }
  for(i=0; i<sizeof(azWrite)/sizeof(azWrite[0]); i++){
    nStep = 0;
    run(azWrite[i], a, n);
  }
  for(i=0; i<sizeof(azRead)/sizeof(azRead[0]); i++){
    nStep = 0;
    run(azRead[i], a, n);
  }
  nStep = -1000000;      /* the check itself is not budgeted */
  if( sqlite3_prepare_v2(db, "SELECT x1060_integrity('acme')", -1, &pStmt,
                         0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 0);
    if( z && strcmp(z, "ok")!=0 ) abort();   /* a write left damage */
  }
  sqlite3_finalize(pStmt);
  sqlite3_exec(db, "ROLLBACK TO fuzz; RELEASE fuzz", 0, 0, 0);
  return 0;
}
