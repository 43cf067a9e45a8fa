/*
** Shared by the fuzz harnesses: a connection with x1060 (linked in, with
** SQLITE_CORE) and a populated CDC table, under the limits SQLite's own
** ossfuzz harness uses: a length limit, a heap limit, a step budget
** (progress handler), and no ATTACH (nothing leaves memory).
*/
#include <string.h>
#include "sqlite3.h"
#include "x1060.h"

static int fuzzProgress(void *p){
  return ++*(int*)p > 200000;     /* stop runaway statements */
}

static int fuzzAuth(void *p, int op, const char *a, const char *b,
                    const char *c, const char *d){
  (void)p; (void)a; (void)b; (void)c; (void)d;
  return (op==SQLITE_ATTACH || op==SQLITE_DETACH) ? SQLITE_DENY : SQLITE_OK;
}

/* Open the fuzzing connection; *pnStep counts VDBE progress calls. */
static sqlite3 *fuzzOpen(int *pnStep){
  sqlite3 *db = 0;
  sqlite3_hard_heap_limit64(64*1024*1024);
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ) return db;
  sqlite3_x1060_init(db, 0, 0);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 100000);
  sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_exec(db,
    "CREATE VIRTUAL TABLE acme USING x1060(org='ACME');"
    "UPDATE acme SET level='Basic', assignment='Insourcing', team='SOC',"
    "  as_is=2, to_be=4 WHERE category='D';"
    "UPDATE acme SET level='Unnecessary' WHERE category='H';"
    "INSERT INTO acme(service_id, category, name, level, assignment, "
    "  outsourcer, as_is, to_be) VALUES('X-1','B','OT','Advanced',"
    "  'Outsourcing','Z',1,3);"
    "SELECT x1060_snapshot('acme', 'S1');", 0, 0, 0);
  *pnStep = 0;
  sqlite3_progress_handler(db, 100, fuzzProgress, pnStep);
  sqlite3_set_authorizer(db, fuzzAuth, 0);
  return db;
}
