/*
** bench: x1060 against plain SQLite doing the same work, in the same run.
**
**   build/x1060-bench [--quick] [--orgs N] [--reps R] [--only NAME] [--dir DIR]
**                     [--ext PATH]
**
** Each workload has an x1060 side and a plain side (ordinary tables, core
** SQL).  After a warm-up, the two run alternately, R times each (default
** 7; at most 3 for the workloads on the N-organisation databases; the
** order swapped every repetition), and the table shows the median times,
** their ratio, the target, the x1060 side's rows per second and the most
** memory SQLite held above what it held before the run (sqlite3_status64,
** so SQLite's allocations only).  Where both sides compute the same
** figures, a difference fails the run.  --quick divides the sizes by ten
** (for callgrind); --only runs the workloads whose name starts with NAME.
** The import workload also prints the most memory it held over the size
** of its document, the document counted once (target: 4 times).  Built with -DBENCH_CALLGRIND,
** every side is one callgrind dump named "<workload>|x1060" or
** "<workload>|plain" (see tools/bench-callgrind).
**
** The data are tools/synth.c's synthetic organisations; the databases are
** written under DIR (default build/bench-data).
*/
#include "synth.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef BENCH_CALLGRIND
# include <valgrind/callgrind.h>
#endif

#define SEED 1060ULL

typedef struct Bench Bench;
struct Bench {
  sqlite3 *db;             /* work.db with the extension, plain.db attached */
  Synth *pSynth;
  const char *zExt;        /* path of the extension */
  const char *zDir;        /* where the databases go */
  int nOrg;                /* organisations in the scale databases */
  int nScale;              /* 10, or 1 with --quick */
  sqlite3_int64 nRow;      /* rows the last run processed */
  sqlite3 *dbCdcs;         /* cdcs.db with the extension, once built */
  sqlite3 *dbPlains;       /* plains.db without it */
  sqlite3_int64 iAnswer;   /* what the last run computed, where both sides
                           ** of a workload must compute the same */
  const char *zArg;        /* the running side's zArgX or zArgP: the table
                           ** it reads, or the expression it sums */
  char *zDoc;              /* the document the import workload reads */
  int nDoc, nDocRow;       /* its bytes, its service and snapshot rows */
};

/* One side of a workload: do the work on p->db or its own connection,
** set p->nRow, return an SQLite code. */
typedef int (*BenchFn)(Bench *p);

typedef struct Workload Workload;
struct Workload {
  const char *zName;
  BenchFn xX1060, xPlain;  /* xPlain NULL: no baseline can be written */
  double mxRatio;          /* the target ratio, 0 for none */
  int bBig;                /* uses the N-organisation databases */
  int bSame;               /* both sides compute the same answer (checked) */
  const char *zArgX, *zArgP;  /* each side's table or expression (p->zArg) */
  double mxDocRatio;       /* reads p->zDoc: target of peak memory / size */
};

/*---------------------------------------------------------------------------
** Helpers
*/

/* Seconds on a monotonic clock. */
static double now(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec*1e-9;
}

/* Run SQL (from sqlite3_mprintf when bFree) on db; report failures. */
static int run(sqlite3 *db, const char *zSql){
  char *zErr = 0;
  int rc = sqlite3_exec(db, zSql, 0, 0, &zErr);
  if( rc!=SQLITE_OK ) fprintf(stderr, "bench: %s\n  in: %.200s\n", zErr, zSql);
  sqlite3_free(zErr);
  return rc;
}

/* Run a query, stepping through every row; the first and second columns
** of the last row are left in *piFirst and *piSecond when not NULL. */
static int query(sqlite3 *db, const char *zSql, sqlite3_int64 *piFirst,
                 sqlite3_int64 *piSecond){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  while( rc==SQLITE_OK && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    if( piFirst ) *piFirst = sqlite3_column_int64(pStmt, 0);
    if( piSecond ) *piSecond = sqlite3_column_int64(pStmt, 1);
    rc = SQLITE_OK;
  }
  if( rc==SQLITE_DONE ) rc = SQLITE_OK;
  if( rc!=SQLITE_OK ){
    fprintf(stderr, "bench: %s\n  in: %.200s\n", sqlite3_errmsg(db), zSql);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Open database file zFile with (bExt) or without the extension. */
static int openDb(Bench *p, const char *zFile, int bExt, sqlite3 **pDb){
  char *zErr = 0;
  int rc = sqlite3_open(zFile, pDb);
  if( rc==SQLITE_OK && bExt ){
    sqlite3_enable_load_extension(*pDb, 1);
    rc = sqlite3_load_extension(*pDb, p->zExt, 0, &zErr);
    if( rc ) fprintf(stderr, "bench: loading %s: %s\n", p->zExt, zErr);
    sqlite3_free(zErr);
  }
  return rc;
}

static char *path(Bench *p, const char *zFile){
  return sqlite3_mprintf("%s/%s", p->zDir, zFile);
}

/* A recursive CTE counting 1..n, to repeat a scan n times. */
#define COUNTER "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n "\
                "WHERE i<%d) "

/*---------------------------------------------------------------------------
** Reference tables: scans and key lookups
*/
/* Scan table p->zArg 2,000 x nScale times (as t), computing zCols. */
static int repeatScan(Bench *p, const char *zCols){
  int nScan = 2000*p->nScale;
  char *zSql = sqlite3_mprintf(COUNTER "SELECT %s FROM n CROSS JOIN %s t",
                               nScan, zCols, p->zArg);
  int rc = query(p->db, zSql, 0, &p->iAnswer);
  sqlite3_free(zSql);
  p->nRow = (sqlite3_int64)nScan*64;
  return rc;
}
static int refScan(Bench *p){
  return repeatScan(p, "count(*), sum(length(t.name)), max(t.phase)");
}

static int refLookup(Bench *p){
  const char *zTable = p->zArg;
  char *zSql = sqlite3_mprintf("SELECT count(*), sum(length(s.name)) FROM "
      "plain.lookup_keys k CROSS JOIN %s s ON s.service_id=k.id", zTable);
  int rc = query(p->db, zSql, &p->nRow, &p->iAnswer);
  sqlite3_free(zSql);
  return rc;
}

/*---------------------------------------------------------------------------
** One CDC table: scans and point updates
*/
static int cdcScan(Bench *p){
  return repeatScan(p, "count(*), sum(t.as_is), sum(t.to_be), max(t.level), "
                    "max(t.assignment), max(t.team)");
}

/* 10,000 x nScale UPDATEs of as_is by service_id in one transaction; each
** changes the value, so every one is written (and, on x1060, recorded). */
static int pointUpdate(Bench *p){
  const char *zTable = p->zArg;
  int n = 10000*p->nScale, i, rc;
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("UPDATE %s SET as_is=?1 WHERE service_id=?2",
                               zTable);
  rc = run(p->db, "BEGIN");
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(p->db, zSql, -1, &pStmt, 0);
  for(i=0; rc==SQLITE_OK && i<n; i++){
    int k = i % 64;
    sqlite3_bind_int(pStmt, 1, 1 + (i/64) % 5);
    sqlite3_bind_text(pStmt, 2, synthServiceId(p->pSynth, k), -1,
                      SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_DONE ) rc = sqlite3_reset(pStmt);
    else rc = sqlite3_reset(pStmt);
  }
  if( rc!=SQLITE_OK ) fprintf(stderr, "bench: %s\n", sqlite3_errmsg(p->db));
  sqlite3_finalize(pStmt);
  sqlite3_free(zSql);
  run(p->db, rc==SQLITE_OK ? "COMMIT" : "ROLLBACK");
  p->nRow = n;
  return rc;
}

/* A point UPDATE of an improvement action, 10,000 times (x1000 --quick),
** in one transaction: p->zArg is the UPDATE, ?1 the progress, ?2 the
** action_id (1..64). */
static int actionUpdate(Bench *p){
  int n = 10000*p->nScale, i, rc;
  sqlite3_stmt *pStmt = 0;
  rc = run(p->db, "BEGIN");
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(p->db, p->zArg, -1, &pStmt, 0);
  for(i=0; rc==SQLITE_OK && i<n; i++){
    sqlite3_bind_int(pStmt, 1, (i/64) % 101);
    sqlite3_bind_int(pStmt, 2, 1 + i % 64);
    sqlite3_step(pStmt);
    rc = sqlite3_reset(pStmt);
  }
  if( rc!=SQLITE_OK ) fprintf(stderr, "bench: %s\n", sqlite3_errmsg(p->db));
  sqlite3_finalize(pStmt);
  run(p->db, rc==SQLITE_OK ? "COMMIT" : "ROLLBACK");
  p->nRow = n;
  return rc;
}

/*---------------------------------------------------------------------------
** Creating and filling many organisations (tools/synth.c), each in a new
** database file, which the later workloads then use.
*/
static int buildMany(Bench *p, SynthMode eMode, const char *zFile){
  char *zPath = path(p, zFile);
  sqlite3 *db = 0;
  int i, rc;
  sqlite3_close(eMode==SYNTH_X1060 ? p->dbCdcs : p->dbPlains);
  if( eMode==SYNTH_X1060 ) p->dbCdcs = 0; else p->dbPlains = 0;
  remove(zPath);
  rc = openDb(p, zPath, 1, &db);
  if( rc==SQLITE_OK ) rc = run(db, "BEGIN");
  for(i=0; rc==SQLITE_OK && i<p->nOrg; i++){
    rc = synthOrg(p->pSynth, db, eMode, SEED, i);
    if( rc ) fprintf(stderr, "bench: %s: %s\n", zFile, sqlite3_errmsg(db));
  }
  if( rc==SQLITE_OK && eMode==SYNTH_PLAIN ){
    /* what the hand-written reports join with */
    rc = run(db, "CREATE TABLE ref_categories AS SELECT * FROM "
        "x1060_categories; CREATE TABLE ref_levels AS SELECT * FROM "
        "x1060_levels");
  }
  if( rc==SQLITE_OK ) rc = run(db, "COMMIT");
  sqlite3_close(db);
  sqlite3_free(zPath);
  p->nRow = (sqlite3_int64)p->nOrg*64;
  return rc;
}
static int buildX(Bench *p){ return buildMany(p, SYNTH_X1060, "cdcs.db"); }
static int buildP(Bench *p){ return buildMany(p, SYNTH_PLAIN, "plains.db"); }

/*---------------------------------------------------------------------------
** Pure functions over a million rows (plain.fn_input)
*/
/* The sum of expression p->zArg (a function or the SQL that does the
** same) over every input row. */
static int fnQuery(Bench *p){
  char *zSql = sqlite3_mprintf("SELECT count(*), sum(%s) FROM "
                               "plain.fn_input", p->zArg);
  int rc = query(p->db, zSql, &p->nRow, &p->iAnswer);
  sqlite3_free(zSql);
  return rc;
}

/*---------------------------------------------------------------------------
** Evaluation: one organisation, and every organisation of the scale
** databases.  The plain side is hand-written SQL over the plain tables (%s
** is the table); the evaluation's SQL covers the ten per-service finding
** codes (not the two per-category/per-team ones).
*/
static const char zSummarySql[] =
  "SELECT c.category, c.name, c.phase, count(*) FILTER (WHERE cat),"
  " count(*) FILTER (WHERE cat AND d.assignment IN ('Insourcing',"
  "'Outsourcing','Combination')), count(*) FILTER (WHERE sc),"
  " avg(d.as_is) FILTER (WHERE sc), avg(d.to_be) FILTER (WHERE sc),"
  " avg(d.as_is>=d.to_be) FILTER (WHERE sc),"
  " sum(max(d.to_be-d.as_is,0)) FILTER (WHERE sc)"
  " FROM ref_categories c LEFT JOIN (SELECT *, cat AND as_is IS NOT NULL AND"
  " to_be IS NOT NULL AND NOT excluded AS sc FROM (SELECT *, level IS NOT"
  " NULL AND level<>'Unnecessary' AS cat FROM \"%w\")) d"
  " ON d.category=c.category GROUP BY c.category ORDER BY c.category";

static const char zRoadmapSql[] =
  "SELECT row_number() OVER (ORDER BY l.priority, gap DESC, cyc='long',"
  " due IS NULL, due, seq_no), service_id, name, level, assignment, as_is,"
  " to_be, gap, cyc, owner, due FROM (SELECT *, to_be-as_is AS gap,"
  " CASE WHEN assignment IS NULL THEN NULL WHEN assignment='Unassigned' OR"
  " as_is=1 THEN 'long' ELSE 'short' END AS cyc FROM \"%w\" WHERE level IS"
  " NOT NULL AND level<>'Unnecessary' AND NOT excluded AND to_be>as_is)"
  " JOIN ref_levels l USING(level) ORDER BY 1";

static const char zEvaluateSql[] =
  "WITH d AS (SELECT *, level IS NOT NULL AND level<>'Unnecessary' AS cat,"
  " CASE WHEN information='internal' AND expertise='general' THEN"
  " 'Insourcing' WHEN information='external' AND expertise='specialised'"
  " THEN 'Outsourcing' ELSE 'Combination' END AS sug,"
  " CASE level WHEN 'Basic' THEN 'error' WHEN 'Standard' THEN 'warning'"
  " ELSE 'info' END AS sev FROM \"%w\")"
  " SELECT 'catalogue', service_id, 'warning', 'no-level', service_id||' '||"
  "name||': no recommendation level yet' FROM d WHERE level IS NULL"
  " UNION ALL SELECT 'profile', service_id, sev, 'unassigned', service_id||"
  "' '||name||' ('||level||'): no assignment decided' FROM d WHERE cat AND"
  " (assignment IS NULL OR assignment='Unassigned')"
  " UNION ALL SELECT 'profile', service_id, 'warning', 'no-team', service_id"
  "||' '||name||': '||assignment||', no team named' FROM d WHERE cat AND"
  " assignment IN ('Insourcing','Combination') AND team IS NULL"
  " UNION ALL SELECT 'profile', service_id, 'warning', 'no-outsourcer',"
  " service_id||' '||name||': '||assignment||', no outsourcer named' FROM d"
  " WHERE cat AND assignment IN ('Outsourcing','Combination') AND"
  " outsourcer IS NULL"
  " UNION ALL SELECT 'profile', service_id, 'info', 'against-quadrant',"
  " service_id||' '||name||': '||assignment||', while its quadrant suggests "
  "'||sug FROM d WHERE cat AND assignment IN ('Insourcing','Outsourcing',"
  "'Combination') AND assignment<>sug"
  " UNION ALL SELECT 'portfolio', service_id, 'warning', 'not-scored',"
  " service_id||' '||name||': not scored' FROM d WHERE cat AND NOT excluded"
  " AND (as_is IS NULL OR to_be IS NULL)"
  " UNION ALL SELECT 'portfolio', service_id, 'warning',"
  " 'target-below-current', service_id||' '||name||': to-be '||to_be||"
  "' below as-is '||as_is FROM d WHERE cat AND to_be<as_is"
  " UNION ALL SELECT 'portfolio', service_id, sev, 'gap', service_id||' '||"
  "name||' ('||level||'): as-is '||as_is||', to-be '||to_be||', gap '||"
  "(to_be-as_is) FROM d WHERE cat AND NOT excluded AND to_be>as_is"
  " UNION ALL SELECT 'portfolio', service_id, 'warning',"
  " 'scored-not-catalogued', service_id||' '||name||': scored, not "
  "catalogued' FROM d WHERE NOT cat AND (as_is IS NOT NULL OR to_be IS NOT"
  " NULL)"
  " UNION ALL SELECT 'portfolio', service_id, 'warning', 'scored-excluded',"
  " service_id||' '||name||': scored, excluded' FROM d WHERE excluded AND"
  " (as_is IS NOT NULL OR to_be IS NOT NULL)";

/* The connection to scale database zFile (cdcs.db or plains.db), opened on
** first use with its schema read, so that the evaluations time only the
** evaluation (opening is a workload of its own). */
static int scaleDb(Bench *p, int bPlain, sqlite3 **pDb){
  sqlite3 **pp = bPlain ? &p->dbPlains : &p->dbCdcs;
  int rc = SQLITE_OK;
  if( *pp==0 ){
    char *zPath = path(p, bPlain ? "plains.db" : "cdcs.db");
    rc = openDb(p, zPath, !bPlain, pp);
    if( rc==SQLITE_OK ) rc = query(*pp, "SELECT count(*) FROM sqlite_schema", 0, 0);
    sqlite3_free(zPath);
  }
  *pDb = *pp;
  return rc;
}

/* The single-organisation evaluations run N_ONE times (one is too short
** to time), and the linearity check divides by it. */
#define N_ONE 100

/* Run the x1060 table-valued function zFunc on one organisation (bAll 0,
** N_ONE times) or on every CDC of the scale database (through x1060_cdcs). */
static int evalX(Bench *p, const char *zFunc, int bAll){
  sqlite3 *db = 0;
  char *zSql = bAll
    ? sqlite3_mprintf("SELECT count(*) FROM x1060_cdcs c, %s(c.name) f", zFunc)
    : sqlite3_mprintf("SELECT count(*) FROM %s('org_0001')", zFunc);
  int i, rc = scaleDb(p, 0, &db);
  for(i=0; rc==SQLITE_OK && i<(bAll ? 1 : N_ONE); i++) rc = query(db, zSql, 0, 0);
  p->nRow = bAll ? (sqlite3_int64)p->nOrg*64 : 64*N_ONE;
  sqlite3_free(zSql);
  return rc;
}

/* The hand-written query zTemplate over one plain table (bAll 0, N_ONE
** times) or each of them in turn (prepared for each, as x1060 does). */
static int evalP(Bench *p, const char *zTemplate, int bAll){
  sqlite3 *db = 0;
  int i, rc = scaleDb(p, 1, &db);
  for(i=0; rc==SQLITE_OK && i<(bAll ? p->nOrg : N_ONE); i++){
    char *zName = synthName(bAll ? i : 0);
    char *zSql = zName ? sqlite3_mprintf(zTemplate, zName) : 0;
    rc = zSql ? query(db, zSql, 0, 0) : SQLITE_NOMEM;
    sqlite3_free(zSql);
    sqlite3_free(zName);
  }
  p->nRow = bAll ? (sqlite3_int64)p->nOrg*64 : 64*N_ONE;
  return rc;
}

static int evaluate1X(Bench *p){ return evalX(p, "x1060_evaluate", 0); }
static int evaluate1P(Bench *p){ return evalP(p, zEvaluateSql, 0); }
static int evaluateNX(Bench *p){ return evalX(p, "x1060_evaluate", 1); }
static int evaluateNP(Bench *p){ return evalP(p, zEvaluateSql, 1); }
static int summary1X(Bench *p){ return evalX(p, "x1060_summary", 0); }
static int summary1P(Bench *p){ return evalP(p, zSummarySql, 0); }
static int summaryNX(Bench *p){ return evalX(p, "x1060_summary", 1); }
static int summaryNP(Bench *p){ return evalP(p, zSummarySql, 1); }
static int roadmap1X(Bench *p){ return evalX(p, "x1060_roadmap", 0); }
static int roadmap1P(Bench *p){ return evalP(p, zRoadmapSql, 0); }
static int roadmapNX(Bench *p){ return evalX(p, "x1060_roadmap", 1); }
static int roadmapNP(Bench *p){ return evalP(p, zRoadmapSql, 1); }

static int report(Bench *p, int bAll){
  sqlite3 *db = 0;
  int i, rc = scaleDb(p, 0, &db);
  for(i=0; rc==SQLITE_OK && i<(bAll ? 1 : N_ONE); i++){
    rc = query(db, bAll ? "SELECT sum(length(x1060_report(name, 'html'))) "
        "FROM x1060_cdcs" : "SELECT length(x1060_report('org_0001','html'))",
        0, 0);
  }
  p->nRow = bAll ? (sqlite3_int64)p->nOrg*64 : 64*N_ONE;
  return rc;
}
static int report1X(Bench *p){ return report(p, 0); }
static int reportNX(Bench *p){ return report(p, 1); }

/*---------------------------------------------------------------------------
** Opening the scale database and running a first query, ten times.
*/
static int openFirst(Bench *p, const char *zFile, int bExt){
  char *zPath = path(p, zFile);
  int i, rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<10; i++){
    sqlite3 *db = 0;
    rc = openDb(p, zPath, bExt, &db);
    if( rc==SQLITE_OK ){
      rc = query(db, "SELECT as_is FROM org_0001 WHERE service_id='B-1'", 0, 0);
    }
    sqlite3_close(db);
  }
  sqlite3_free(zPath);
  p->nRow = 10;
  return rc;
}
static int openX(Bench *p){ return openFirst(p, "cdcs.db", 1); }
static int openP(Bench *p){ return openFirst(p, "plains.db", 0); }

/*---------------------------------------------------------------------------
** Import: x1060_import of a document of x1060_export against plain SQLite
** reading the same document with json_each and json_extract into tables
** of the same columns.  Both replace what the last run wrote.
*/
#define IMPORT_COLS "service_id,category,name,name_ja,level,assignment,team," \
  "outsourcer,as_is,to_be,excluded,information,expertise,phase,owner,due,"    \
  "evidence,note"
#define IMPORT_SNAP_COLS IMPORT_COLS ",custom,updated_at"

/* Run every statement of zSql on p->db, ?1 bound to p->zDoc where used. */
static int runWithDoc(Bench *p, const char *zSql){
  int rc = SQLITE_OK;
  while( rc==SQLITE_OK && zSql && zSql[0] ){
    sqlite3_stmt *pStmt = 0;
    rc = sqlite3_prepare_v2(p->db, zSql, -1, &pStmt, &zSql);
    if( rc==SQLITE_OK && pStmt && sqlite3_bind_parameter_count(pStmt)>0 ){
      rc = sqlite3_bind_text(pStmt, 1, p->zDoc, p->nDoc, SQLITE_STATIC);
    }
    while( rc==SQLITE_OK && pStmt && sqlite3_step(pStmt)==SQLITE_ROW ){}
    if( rc==SQLITE_OK && pStmt ) rc = sqlite3_reset(pStmt);
    if( rc!=SQLITE_OK ){
      fprintf(stderr, "bench: %s\n", sqlite3_errmsg(p->db));
    }
    sqlite3_finalize(pStmt);
  }
  return rc;
}

/* Make the document once: org_0001's services and 40 x nScale snapshots
** (about 11 MB at full scale), exported; and the tables it goes to. */
static int importSetup(Bench *p){
  int nSnap = 40*p->nScale, i, rc;
  sqlite3_stmt *pStmt = 0;
  char *zSql;
  if( p->zDoc ) return SQLITE_OK;
  rc = run(p->db, "CREATE VIRTUAL TABLE import_src USING x1060;"
      "CREATE VIRTUAL TABLE import_dst USING x1060;"
      "SELECT x1060_import('import_src', x1060_export('org_0001'));"
      "CREATE TABLE plain.import_service(" IMPORT_COLS ");"
      "CREATE TABLE plain.import_snapshot(label,taken_at,seq_no,"
      IMPORT_SNAP_COLS ");");
  for(i=1; rc==SQLITE_OK && i<=nSnap; i++){
    zSql = sqlite3_mprintf("SELECT x1060_snapshot('import_src', 'S%04d')", i);
    rc = zSql ? run(p->db, zSql) : SQLITE_NOMEM;
    sqlite3_free(zSql);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(p->db, "SELECT "
      "x1060_export('import_src')", -1, &pStmt, 0);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    p->nDoc = sqlite3_column_bytes(pStmt, 0);
    p->zDoc = sqlite3_malloc(p->nDoc+1);
    if( p->zDoc ) memcpy(p->zDoc, sqlite3_column_text(pStmt, 0), p->nDoc+1);
    p->nDocRow = 64*(nSnap+1);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc==SQLITE_OK && p->zDoc==0 ? SQLITE_NOMEM : rc;
}

static int importX(Bench *p){
  int rc = importSetup(p);
  p->nRow = p->nDocRow;
  return rc ? rc : runWithDoc(p, "SELECT x1060_import('import_dst', ?1)");
}

static int importP(Bench *p){
  int rc = importSetup(p);
  p->nRow = p->nDocRow;
  return rc ? rc : runWithDoc(p, "BEGIN;"
      "DELETE FROM plain.import_service;"
      "INSERT INTO plain.import_service SELECT json_extract(value,"
      "'$.service_id'),json_extract(value,'$.category'),json_extract(value,"
      "'$.name'),json_extract(value,'$.name_ja'),json_extract(value,"
      "'$.level'),json_extract(value,'$.assignment'),json_extract(value,"
      "'$.team'),json_extract(value,'$.outsourcer'),json_extract(value,"
      "'$.as_is'),json_extract(value,'$.to_be'),json_extract(value,"
      "'$.excluded'),json_extract(value,'$.information'),json_extract(value,"
      "'$.expertise'),json_extract(value,'$.phase'),json_extract(value,"
      "'$.owner'),json_extract(value,'$.due'),json_extract(value,"
      "'$.evidence'),json_extract(value,'$.note') FROM json_each(?1,"
      "'$.services');"
      "DELETE FROM plain.import_snapshot;"
      "INSERT INTO plain.import_snapshot SELECT json_extract(n.value,"
      "'$.label'),json_extract(n.value,'$.taken_at'),s.key+1,"
      "json_extract(s.value,'$.service_id'),json_extract(s.value,"
      "'$.category'),json_extract(s.value,'$.name'),json_extract(s.value,"
      "'$.name_ja'),json_extract(s.value,'$.level'),json_extract(s.value,"
      "'$.assignment'),json_extract(s.value,'$.team'),json_extract(s.value,"
      "'$.outsourcer'),json_extract(s.value,'$.as_is'),json_extract(s.value,"
      "'$.to_be'),json_extract(s.value,'$.excluded'),json_extract(s.value,"
      "'$.information'),json_extract(s.value,'$.expertise'),"
      "json_extract(s.value,'$.phase'),json_extract(s.value,'$.owner'),"
      "json_extract(s.value,'$.due'),json_extract(s.value,'$.evidence'),"
      "json_extract(s.value,'$.note'),json_extract(s.value,'$.custom'),"
      "json_extract(s.value,'$.updated_at') FROM json_each(?1,'$.snapshots')"
      " n, json_each(n.value,'$.services') s;"
      "COMMIT");
}

/*---------------------------------------------------------------------------
** The workloads, in order (the scale databases are built before they are
** used), and the runner.  A name's %d is the number of organisations.
*/
static const Workload aWorkload[] = {
  { "reference scan",       refScan,     refScan,     1.2, 0, 1,
    "x1060_services", "plain.ref_services", 0 },
  { "reference key lookup", refLookup,   refLookup,   1.5, 0, 1,
    "x1060_services", "plain.ref_services", 0 },
  { "CDC scan",             cdcScan,     cdcScan,     1.5, 0, 1,
    "main.org_0001", "main.x1060_store_service", 0 },
  { "CDC point UPDATE",     pointUpdate, pointUpdate, 2.0, 0, 0,
    "main.org_0001", "plain.org_0001", 0 },
  { "  vs plain + history", pointUpdate, pointUpdate, 0,   0, 0,
    "main.org_0001", "plain.org_0001_logged", 0 },
  /* an improvement action's progress: x1060_actions (checks, history)
  ** against a plain table with the same history trigger */
  { "action point UPDATE",  actionUpdate, actionUpdate, 0,   0, 0,
    "UPDATE x1060_actions SET progress=?1 WHERE cdc='org_0001' AND "
    "action_id=?2", "UPDATE plain.actions_logged SET progress=?1 WHERE "
    "cdc=1 AND action_id=?2", 0 },
  /* the functions against the SQL that computes the same */
  { "x1060_gap", fnQuery, fnQuery, 1.3, 0, 1,
    "x1060_gap(as_is, to_be)",
    "to_be - as_is", 0 },
  { "x1060_quadrant", fnQuery, fnQuery, 1.3, 0, 1,
    "x1060_quadrant(information, expertise)",
    "CASE WHEN information='internal' THEN CASE WHEN expertise='general' "
    "THEN 1 ELSE 2 END ELSE CASE WHEN expertise='general' THEN 3 ELSE 4 END "
    "END", 0 },
  { "x1060_suggest", fnQuery, fnQuery, 1.3, 0, 1,
    "length(x1060_suggest(information, expertise))",
    "length(CASE WHEN information='internal' AND expertise='general' THEN "
    "'Insourcing' WHEN information='external' AND expertise='specialised' "
    "THEN 'Outsourcing' ELSE 'Combination' END)", 0 },
  { "x1060_score", fnQuery, fnQuery, 1.3, 0, 1,
    "x1060_score('Insourcing', answers)",
    "CASE WHEN json_extract(answers,'$.working') IS NOT 1 THEN 1 WHEN "
    "json_extract(answers,'$.documented')=1 AND json_extract(answers,"
    "'$.approved')=1 THEN 5 WHEN json_extract(answers,'$.documented')=1 AND "
    "json_extract(answers,'$.others_can_cover')='full' THEN 4 WHEN "
    "json_extract(answers,'$.others_can_cover') IN ('partial','full') THEN 3 "
    "ELSE 2 END", 0 },
  { "create+fill %d CDCs",        buildX,     buildP,     0,   1, 0, 0, 0, 0 },
  { "x1060_evaluate, 1 x100",     evaluate1X, evaluate1P, 0,   0, 0, 0, 0, 0 },
  { "x1060_evaluate, %d",         evaluateNX, evaluateNP, 0,   1, 0, 0, 0, 0 },
  { "x1060_summary, 1 x100",      summary1X,  summary1P,  0,   0, 0, 0, 0, 0 },
  { "x1060_summary, %d",          summaryNX,  summaryNP,  0,   1, 0, 0, 0, 0 },
  { "x1060_roadmap, 1 x100",      roadmap1X,  roadmap1P,  0,   0, 0, 0, 0, 0 },
  { "x1060_roadmap, %d",          roadmapNX,  roadmapNP,  0,   1, 0, 0, 0, 0 },
  { "x1060_report html, 1 x100",  report1X,   0,          0,   0, 0, 0, 0, 0 },
  { "x1060_report html, %d",      reportNX,   0,          0,   1, 0, 0, 0, 0 },
  { "open %d-CDC db, 1st query",  openX,      openP,      3.0, 1, 0, 0, 0, 0 },
  { "x1060_import, 1 document",   importX,    importP,    0,   0, 0, 0, 0, 4.0 },
};
#define N_WORKLOAD (int)(sizeof(aWorkload)/sizeof(aWorkload[0]))

/* The timings of one side, and what it computed last. */
typedef struct Side {
  double aTime[64];
  int n;
  sqlite3_int64 mxMem;
  sqlite3_int64 iAnswer;
} Side;

static int cmpDouble(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}

static double median(Side *s){
  qsort(s->aTime, s->n, sizeof(double), cmpDouble);
  return s->n==0 ? 0.0 : (s->n & 1) ? s->aTime[s->n/2]
       : (s->aTime[s->n/2-1] + s->aTime[s->n/2]) / 2;
}

/* Run one side once, timing it and recording SQLite's peak memory above
** what it held before. */
static int runSide(Bench *p, const Workload *w, const char *zName,
                   int bPlain, Side *s){
  sqlite3_int64 cur = 0, hi = 0, cur2 = 0;
  double t0;
  int rc;
#ifdef BENCH_CALLGRIND
  char zDump[100];
  CALLGRIND_ZERO_STATS;
  CALLGRIND_TOGGLE_COLLECT;
#else
  (void)zName;
#endif
  sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &cur, &hi, 1);
  t0 = now();
  p->zArg = bPlain ? w->zArgP : w->zArgX;
  rc = bPlain ? w->xPlain(p) : w->xX1060(p);
  s->aTime[s->n++] = now() - t0;
  s->iAnswer = p->iAnswer;
#ifdef BENCH_CALLGRIND
  CALLGRIND_TOGGLE_COLLECT;
  snprintf(zDump, sizeof(zDump), "%s|%s", zName, bPlain ? "plain" : "x1060");
  CALLGRIND_DUMP_STATS_AT(zDump);
#endif
  sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &cur2, &hi, 0);
  if( hi-cur > s->mxMem ) s->mxMem = hi-cur;
  return rc;
}

/* Run workload w nRep times each side, alternating which goes first, and
** print its line.  *pTime receives the x1060 side's median. */
static int runWorkload(Bench *p, const Workload *w, int nRep, double *pTime){
  Side x, b;
  double tx, tb;
  sqlite3_int64 nRow = 0;
  char zName[64];
  int i, rc = SQLITE_OK;
  memset(&x, 0, sizeof(x));
  memset(&b, 0, sizeof(b));
  sqlite3_snprintf(sizeof(zName), zName, w->zName, p->nOrg);
  if( !w->bBig ){
    /* warm-up: page caches filled, statements cached, not counted */
    p->zArg = w->zArgX;
    rc = w->xX1060(p);
    p->zArg = w->zArgP;
    if( rc==SQLITE_OK && w->xPlain ) rc = w->xPlain(p);
  }
  for(i=0; rc==SQLITE_OK && i<nRep; i++){
    int bPlainFirst = (i & 1) && w->xPlain;
    if( bPlainFirst ) rc = runSide(p, w, zName, 1, &b);
    if( rc==SQLITE_OK ){ rc = runSide(p, w, zName, 0, &x); nRow = p->nRow; }
    if( rc==SQLITE_OK && w->xPlain && !bPlainFirst ) rc = runSide(p, w, zName, 1, &b);
  }
  if( rc!=SQLITE_OK ){
    printf("%-27s FAILED (error %d)\n", zName, rc);
    return rc;
  }
  if( w->bSame && x.iAnswer!=b.iAnswer ){
    printf("%-27s FAILED: x1060 computed %lld, plain SQLite %lld\n", zName,
           (long long)x.iAnswer, (long long)b.iAnswer);
    return SQLITE_ERROR;
  }
  *pTime = tx = median(&x);
  tb = median(&b);
  printf("%-27s %9.4f ", zName, tx);
  if( w->xPlain ) printf("%9.4f %7.2fx", tb, tx/tb);
  else printf("%9s %8s", "-", "-");
  if( w->mxRatio>0 ){
    printf("  %4.1fx %-4s", w->mxRatio, tx/tb<=w->mxRatio ? "ok" : "MISS");
  }else{
    printf("  %10s", "");
  }
  printf(" %11.0f %9lld %9lld\n", tx>0 ? (double)nRow/tx : 0.0,
         (long long)(x.mxMem/1024), (long long)(b.mxMem/1024));
  if( w->mxDocRatio>0 ){
    /* the document counted once, with the most memory above it */
    double rx = (double)(x.mxMem + p->nDoc)/p->nDoc;
    double rb = (double)(b.mxMem + p->nDoc)/p->nDoc;
    printf("  peak memory / document of %.1f MB: x1060 %.1fx (target %.1fx,"
           " %s), plain SQLite %.1fx\n", p->nDoc/1e6, rx, w->mxDocRatio,
           rx<=w->mxDocRatio ? "ok" : "MISS", rb);
  }
  fflush(stdout);
  return SQLITE_OK;
}

/*---------------------------------------------------------------------------
** Setup: plain.db holds the baselines' tables and inputs (built first, in
** its own connection), work.db the CDC table org_0001.
*/
static const char zPlainSetup[] =
  "CREATE TABLE ref_services(service_id TEXT PRIMARY KEY, category, seq,"
  " name, name_ja, variants, summary, summary_ja, phase, information,"
  " expertise, quadrant, suggested_assignment, edition);"
  "INSERT INTO ref_services SELECT * FROM x1060_services;"
  "CREATE TABLE ids(k INTEGER PRIMARY KEY, id TEXT);"
  "INSERT INTO ids SELECT seq_no-1, service_id FROM org_0001;"
  "CREATE TABLE lookup_keys(id TEXT);"
  COUNTER "INSERT INTO lookup_keys SELECT (SELECT id FROM ids WHERE"
  " k=(i*37+i/64)%%64) FROM n;"
  "CREATE TABLE fn_input(as_is INT, to_be INT, information TEXT,"
  " expertise TEXT, answers TEXT);"
  COUNTER "INSERT INTO fn_input SELECT 1+(i*7)%%5, 1+(i*3)%%5,"
  " CASE WHEN i%%2 THEN 'internal' ELSE 'external' END,"
  " CASE WHEN (i/2)%%2 THEN 'general' ELSE 'specialised' END,"
  " CASE i%%6 WHEN 0 THEN '{\"working\": false}'"
  " WHEN 1 THEN '{\"working\": true, \"documented\": false,"
  " \"others_can_cover\": \"none\"}'"
  " WHEN 2 THEN '{\"working\": true, \"documented\": false,"
  " \"others_can_cover\": \"partial\"}'"
  " WHEN 3 THEN '{\"working\": true, \"documented\": true,"
  " \"others_can_cover\": \"full\", \"approved\": false}'"
  " WHEN 4 THEN '{\"working\": true, \"documented\": true,"
  " \"approved\": true}'"
  " ELSE '{\"working\": true, \"documented\": true,"
  " \"others_can_cover\": \"partial\", \"approved\": false}' END FROM n;";

static int setupPlain(Bench *p){
  char *zPath = path(p, "plain.db");
  char *zSql = 0, *zLogged = 0;
  sqlite3 *db = 0;
  int rc;
  remove(zPath);
  rc = openDb(p, zPath, 1, &db);
  if( rc==SQLITE_OK ) rc = run(db, "BEGIN");
  if( rc==SQLITE_OK ) rc = synthOrg(p->pSynth, db, SYNTH_PLAIN, SEED, 0);
  if( rc==SQLITE_OK ){
    zSql = sqlite3_mprintf(zPlainSetup, 100000*p->nScale, 100000*p->nScale);
    zLogged = synthPlainTableSql(p->pSynth, "org_0001_logged");
    rc = zSql && zLogged ? run(db, zSql) : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = run(db, zLogged);
  if( rc==SQLITE_OK ){
    rc = run(db, "INSERT INTO org_0001_logged SELECT * FROM org_0001; COMMIT");
  }
  sqlite3_free(zSql);
  sqlite3_free(zLogged);
  sqlite3_close(db);
  sqlite3_free(zPath);
  return rc;
}

/* 64 improvement actions of org_0001, one per Annex A service, and
** plain.actions_logged: the same rows in a table of the same columns, with
** the storage's action history table and update trigger made for it. */
static const char zActionsSetup[] =
  "INSERT INTO x1060_actions(cdc, service_id, title, owner, due, effort) "
  "SELECT 'org_0001', service_id, 'Improve '||service_id, 'Owner', "
  "'2099-12-31', 5 FROM x1060_services";
static const char zActionsLoggedSetup[] =
  "SELECT replace(replace(replace(replace(replace(replace(sql, 'TABLE "
  "x1060_store_action_history', 'TABLE plain.actions_logged_history'), "
  "'TRIGGER x1060_store_action_update', 'TRIGGER plain.actions_logged_update'"
  "), 'ON x1060_store_action', 'ON actions_logged'), 'INTO "
  "x1060_store_action_history', 'INTO actions_logged_history'), "
  "'TABLE x1060_store_action(', 'TABLE plain.actions_logged('), ') WITHOUT "
  "ROWID', ')') FROM main.sqlite_schema WHERE name IN ('x1060_store_action',"
  " 'x1060_store_action_history', 'x1060_store_action_update') ORDER BY "
  "type, name";

/* org_0001_logged gets the storage's history table and update trigger,
** made for one table (the CDC's id, 1, for new.cdc). */
static const char zLoggedSetup[] =
  "SELECT replace(replace(replace(replace(replace(sql, 'TABLE "
  "x1060_store_history', 'TABLE plain.org_0001_logged_history'), "
  "'TRIGGER x1060_store_service_update', 'TRIGGER plain.org_0001_logged_update'),"
  " 'ON x1060_store_service', 'ON org_0001_logged'), 'INTO x1060_store_history',"
  " 'INTO org_0001_logged_history'), 'new.cdc', '1') FROM main.sqlite_schema "
  "WHERE name IN ('x1060_store_history', 'x1060_store_service_update') "
  "ORDER BY type";

static int setup(Bench *p){
  char *zPath = path(p, "work.db");
  char *zPlain = path(p, "plain.db");
  char *zAttach = sqlite3_mprintf("ATTACH '%q' AS plain", zPlain);
  sqlite3_stmt *pStmt = 0;
  int rc;
  remove(zPath);
  rc = openDb(p, zPath, 1, &p->db);
  if( rc==SQLITE_OK ) rc = synthInit(p->db, &p->pSynth);
  if( rc==SQLITE_OK ) rc = setupPlain(p);
  if( rc==SQLITE_OK ) rc = run(p->db, "BEGIN");
  if( rc==SQLITE_OK ) rc = synthOrg(p->pSynth, p->db, SYNTH_X1060, SEED, 0);
  if( rc==SQLITE_OK ) rc = run(p->db, "COMMIT");
  if( rc==SQLITE_OK ) rc = run(p->db, zAttach);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(p->db, zLoggedSetup, -1, &pStmt, 0);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    rc = run(p->db, (const char*)sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==SQLITE_OK ) rc = run(p->db, zActionsSetup);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(p->db, zActionsLoggedSetup, -1,
                                              &pStmt, 0);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    rc = run(p->db, (const char*)sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ) rc = run(p->db, "INSERT INTO plain.actions_logged "
                               "SELECT * FROM main.x1060_store_action");
  sqlite3_free(zAttach);
  sqlite3_free(zPlain);
  sqlite3_free(zPath);
  return rc;
}

static int usage(void){
  fprintf(stderr, "usage: bench [--quick] [--orgs N] [--reps R] "
                  "[--only NAME] [--dir DIR] [--ext PATH]\n");
  return 2;
}

int main(int argc, char **argv){
  Bench b;
  const char *zOnly = 0;
  double aTime[N_WORKLOAD];
  int i, nRep = 7, rc;
  memset(&b, 0, sizeof(b));
  memset(aTime, 0, sizeof(aTime));
  b.zExt = "./x1060";
  b.zDir = "build/bench-data";
  b.nOrg = 1000;
  b.nScale = 10;
  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "--quick")==0 ) b.nScale = 1;
    else if( strcmp(argv[i], "--orgs")==0 && i+1<argc ) b.nOrg = atoi(argv[++i]);
    else if( strcmp(argv[i], "--reps")==0 && i+1<argc ) nRep = atoi(argv[++i]);
    else if( strcmp(argv[i], "--only")==0 && i+1<argc ) zOnly = argv[++i];
    else if( strcmp(argv[i], "--dir")==0 && i+1<argc ) b.zDir = argv[++i];
    else if( strcmp(argv[i], "--ext")==0 && i+1<argc ) b.zExt = argv[++i];
    else return usage();
  }
  if( b.nOrg<1 || nRep<1 || nRep>20 ) return usage();
  rc = setup(&b);
  if( rc!=SQLITE_OK ){
    fprintf(stderr, "bench: setup failed: %s\n", sqlite3_errmsg(b.db));
    return 1;
  }
  printf("x1060 benchmark: SQLite %s, %d organisations, median of %d "
         "(large workloads %d)\n\n", sqlite3_libversion(), b.nOrg, nRep,
         nRep>3 ? 3 : nRep);
  printf("%-27s %9s %9s %8s  %-10s %11s %9s %9s\n", "workload", "x1060 s",
         "plain s", "ratio", "target", "rows/s", "KiB x1060", "KiB plain");
  for(i=0; rc==SQLITE_OK && i<N_WORKLOAD; i++){
    const Workload *w = &aWorkload[i];
    int bNeeded = zOnly==0 || strncmp(w->zName, zOnly, strlen(zOnly))==0
               || (w->bBig && strncmp(w->zName, "create", 6)==0);
    if( !bNeeded ) continue;
    rc = runWorkload(&b, w, w->bBig && nRep>3 ? 3 : nRep, &aTime[i]);
  }
  for(i=0; i<N_WORKLOAD; i++){
    const Workload *w = &aWorkload[i];
    if( w->bBig && i>0 && aTime[i]>0 && aTime[i-1]>0
     && strncmp(w->zName, "x1060_", 6)==0 ){
      char zName[64];
      sqlite3_snprintf(sizeof(zName), zName, w->zName, b.nOrg);
      double r = aTime[i]/(aTime[i-1]/N_ONE);
      printf("%s costs %.0f times one (linear: %d; target at most %d)%s\n",
             zName, r, b.nOrg, b.nOrg*11/10, r <= b.nOrg*1.1 ? "" : "  MISS");
    }
  }
  sqlite3_free(b.zDoc);
  synthFree(b.pSynth);
  sqlite3_close(b.dbCdcs);
  sqlite3_close(b.dbPlains);
  sqlite3_close(b.db);
  return rc==SQLITE_OK ? 0 : 1;
}
