/*
** bench-scale: many organisations in one database, x1060 against plain
** SQLite holding the same rows, in the same run.
**
**   build/x1060-bench-scale [--sizes N,N,...] [--big] [--dir DIR] [--ext PATH]
**
** For each size N (default 250,1000,4000,10000; --big adds 50000) and each
** way of holding N organisations it builds a database with tools/synth.c:
**
**   rows    CDCs made with INSERT INTO x1060_cdcs (no schema object each)
**   single  the baseline of rows: one plain table with an org column and a
**           history trigger, as a user would build it by hand
**   tables  CDC tables (CREATE VIRTUAL TABLE, one schema object each)
**   plain   the baseline of tables: plain tables per organisation
**
** and measures, per organisation in ms and as ratios to the baseline
** (evaluate all and the BI query of both x1060 ways against single): build
** (make and fill all N in one transaction: the same rows, snapshots and
** history), one more CDC (an empty one in the database of N, ms; x1060 ways),
** open + the first query (a fresh connection that loads x1060 in every way,
** so that the figure compares the databases), evaluate all (x1060_summary
** over every CDC against the same figures in hand-written SQL), a BI query
** read without the extension (x1060_bi_portfolio against the single table)
** and SQLite's memory high-water mark of the connection that evaluated
** all; then, for rows against single, x1060_benchmark and x1060_overview
** against the same statistics in plain SQL, and every BI view's full read
** and a dashboard query over it (aBiLoad) against the plain SQL that gives
** the same rows.  The growth exponent of each is printed at the end (1.0:
** linear).
** tables and plain are built up to 10,000 (50,000 with --big).  With
** --reuse a database already in DIR is measured as it is (no build
** figure) and every database is kept: a second run measures the same
** files again.
*/
#include "synth.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#define SEED 1060ULL
#define MAX_SIZES 8
#define N_BILOAD_MAX 16

enum { W_ROWS, W_SINGLE, W_TABLES, W_PLAIN, N_WAY };
static const char *const azWay[N_WAY] = { "rows", "single", "tables", "plain" };
static const SynthMode aeMode[N_WAY] = {
  SYNTH_ROWS, SYNTH_SINGLE, SYNTH_X1060, SYNTH_PLAIN
};

/* What is measured of one way at one size (seconds, bytes). */
typedef struct Figures Figures;
struct Figures {
  int bDone;
  double rCreate, rOne, rOpen, rEval, rBi;
  double rBench, rOverview, rFindings;   /* rows and single only */
  double aBi[N_BILOAD_MAX];              /* aBiLoad: this way's side */
  double aBiPlain[N_BILOAD_MAX];         /* rows: an evaluate's plain side */
  sqlite3_int64 nMem;
};

static const char *zExt = "./x1060";
static const char *zDir = "build/bench-data";

static double now(void){
  struct timeval tv;
  gettimeofday(&tv, 0);
  return tv.tv_sec + tv.tv_usec*1e-6;
}

/* Run zSql to its end on db, stepping every row. */
static int run(sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  const char *zTail = zSql;
  int rc = SQLITE_OK;
  while( rc==SQLITE_OK && zTail && zTail[0] ){
    rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
    if( rc!=SQLITE_OK || pStmt==0 ) break;
    while( sqlite3_step(pStmt)==SQLITE_ROW ){}
    rc = sqlite3_finalize(pStmt);
  }
  return rc;
}

/* Open zFile, with x1060 loaded when bExt. */
static int openDb(const char *zFile, int bExt, sqlite3 **pDb){
  char *zErr = 0;
  int rc = sqlite3_open(zFile, pDb);
  if( rc==SQLITE_OK && bExt ){
    sqlite3_enable_load_extension(*pDb, 1);
    rc = sqlite3_load_extension(*pDb, zExt, 0, &zErr);
    if( rc ) fprintf(stderr, "bench-scale: %s\n", zErr);
    sqlite3_free(zErr);
  }
  return rc;
}

/* The summary of one organisation in hand-written SQL, from table %s
** (restricted by %s): the baselines' first query and evaluation. */
#define SUMMARY_SQL(tab, where, by) \
  "SELECT count(*), sum(gap_total) FROM (SELECT c.category, " \
  "sum(CASE WHEN s.level IS NOT NULL AND s.level<>'Unnecessary' AND " \
  "s.as_is IS NOT NULL AND s.to_be IS NOT NULL AND s.excluded=0 AND " \
  "s.to_be>s.as_is THEN s.to_be-s.as_is ELSE 0 END) AS gap_total, " \
  "avg(CASE WHEN s.level IS NOT NULL AND s.level<>'Unnecessary' AND " \
  "s.as_is IS NOT NULL AND s.to_be IS NOT NULL AND s.excluded=0 THEN " \
  "s.as_is END) FROM " tab " LEFT JOIN synth_service s ON " where \
  " s.category=c.category GROUP BY " by "c.category)"

/* The first query of a fresh connection, by way: a summary of one CDC. */
static const char *const azFirst[N_WAY] = {
  "SELECT count(*) FROM x1060_summary('org_0001')",
  SUMMARY_SQL("x1060_bi_categories c", "s.org='org_0001' AND", ""),
  "SELECT count(*) FROM x1060_summary('org_0001')",
  "SELECT count(*) FROM (SELECT category, avg(as_is) FROM org_0001 GROUP BY "
  "category)",
};

/* Evaluate all: x1060_summary over every CDC, or the same in plain SQL. */
static const char zEvalX[] =
  "SELECT count(*), sum(s.gap_total) FROM x1060_cdcs c, x1060_summary(c.name) s";
static const char zEvalSingle[] = SUMMARY_SQL(
  "(SELECT DISTINCT org FROM synth_service) o, x1060_bi_categories c",
  "s.org=o.org AND", "o.org, ");

/* The BI query, read without x1060. */
static const char zBiX[] =
  "SELECT count(*) FROM (SELECT cdc, category, avg(as_is), avg(to_be), "
  "sum(gap>0) FROM x1060_bi_portfolio GROUP BY cdc, category)";
static const char zBiSingle[] =
  "SELECT count(*) FROM (SELECT org, category, avg(as_is), avg(to_be), "
  "sum(CASE WHEN excluded=0 THEN to_be-as_is END>0) FROM synth_service "
  "GROUP BY org, category)";

/* A CDC against its peers: x1060_benchmark of one CDC against every other,
** and the same statistics in hand-written SQL over the single table (per
** organisation and category, phase and overall: the averages over the
** scored services and the share at target; their quartiles by rank, and
** the CDC's percentile rank). */
static const char zBenchX[] =
  "SELECT count(*) FROM x1060_benchmark('org_0001')";
#define PLAIN_SCORED "(level IS NOT NULL AND level<>'Unnecessary' AND as_is " \
  "IS NOT NULL AND to_be IS NOT NULL AND excluded=0)"
#define PLAIN_Q(p) "sum(CASE r WHEN CAST((n-1)*" p " AS INT)+1 THEN v*(1-((n-1)*" \
  p "-CAST((n-1)*" p " AS INT))) WHEN CAST((n-1)*" p " AS INT)+2 THEN v*((n-1)*" \
  p "-CAST((n-1)*" p " AS INT)) ELSE 0 END)"
static const char zBenchSingle[] =
  "WITH g0 AS (SELECT org, phase, category, count(CASE WHEN " PLAIN_SCORED
  " THEN 1 END) AS n, sum(CASE WHEN " PLAIN_SCORED " THEN as_is END) AS a, "
  "sum(CASE WHEN " PLAIN_SCORED " THEN to_be END) AS b, count(CASE WHEN "
  PLAIN_SCORED " AND as_is>=to_be THEN 1 END) AS t FROM synth_service GROUP BY "
  "org, category, phase), g AS (SELECT org, 0 AS ko, '' AS key, sum(n) AS n, "
  "sum(a) AS a, sum(b) AS b, sum(t) AS t FROM g0 GROUP BY org UNION ALL SELECT "
  "org, 1, phase, sum(n), sum(a), sum(b), sum(t) FROM g0 GROUP BY org, phase "
  "UNION ALL SELECT org, 2, category, sum(n), sum(a), sum(b), sum(t) FROM g0 "
  "GROUP BY org, category), m AS (SELECT org, ko, key, 1 AS mo, round(1.0*a/"
  "nullif(n,0), 9) AS v FROM g UNION ALL SELECT org, ko, key, 2, round(1.0*b/"
  "nullif(n,0), 9) FROM g UNION ALL SELECT org, ko, key, 3, round(1.0*t/"
  "nullif(n,0), 9) FROM g), me AS (SELECT ko AS mko, key AS mkey, mo AS mmo, "
  "v AS mv FROM m WHERE org='org_0001'), p AS (SELECT ko, key, mo, v, "
  "row_number() OVER w AS r, count(*) OVER w AS n FROM m WHERE org<>'org_0001'"
  " AND v IS NOT NULL WINDOW w AS (PARTITION BY ko, key, mo ORDER BY v ROWS "
  "BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) SELECT count(*) FROM "
  "(SELECT ko, key, mo, max(n), min(v), max(v), " PLAIN_Q("0.25") ", "
  PLAIN_Q("0.5") ", " PLAIN_Q("0.75") ", sum(v<mv), sum(v=mv) FROM p LEFT JOIN "
  "me ON mko=ko AND mkey=key AND mmo=mo GROUP BY ko, key, mo)";

/* An overview of every CDC: x1060_overview as JSON, and its parts in
** hand-written SQL over the single table (key figures, a page of the heat
** map, the distribution per category, the furthest from target, the most
** common gaps) but the findings, which the single table has no view for:
** the plain side reads them from x1060_bi_findings (core SQL, without
** x1060) in the rows database, counted per code. */
static const char zOverviewX[] = "SELECT length(x1060_overview(NULL, 'json'))";
static const char zFindingsX[] = "SELECT count(*) FROM (SELECT code, "
  "count(DISTINCT cdc), count(*) FROM x1060_bi_findings GROUP BY code)";
#define PLAIN_CAT "SELECT org, category, avg(CASE WHEN " PLAIN_SCORED " THEN " \
  "as_is END) AS v, avg(CASE WHEN " PLAIN_SCORED " THEN to_be END) AS w " \
  "FROM synth_service GROUP BY org, category"
static const char zOverviewSingle[] =
  "SELECT (SELECT count(*) FROM (SELECT org, avg(CASE WHEN " PLAIN_SCORED
  " THEN as_is END) AS v FROM synth_service GROUP BY org)), "
  "(SELECT count(*) FROM (SELECT o.org, (SELECT avg(v) FROM (" PLAIN_CAT
  ") c WHERE c.org=o.org) FROM (SELECT DISTINCT org FROM synth_service ORDER "
  "BY org LIMIT 50) o)), "
  "(SELECT count(*) FROM (SELECT category, min(v), max(v), avg(v), avg(w), "
  "sum(round(v)=1), sum(round(v)=5) FROM (" PLAIN_CAT ") GROUP BY category)), "
  "(SELECT count(*) FROM (SELECT category, v, row_number() OVER (PARTITION BY "
  "category ORDER BY v) FROM (" PLAIN_CAT "))), "
  "(SELECT count(*) FROM (SELECT org, sum(CASE WHEN " PLAIN_SCORED " THEN "
  "max(to_be-as_is, 0) END) AS gap FROM synth_service GROUP BY org ORDER BY "
  "gap DESC LIMIT 10)), "
  "(SELECT count(*) FROM (SELECT service_id, count(*) AS n FROM synth_service "
  "WHERE " PLAIN_SCORED " AND to_be>as_is GROUP BY service_id ORDER BY n DESC "
  "LIMIT 10))";

/* The BI views read at scale, each against the plain SQL that gives the
** same rows over the single table (read by a connection without x1060):
** the view's full read and a typical dashboard query over it.  The
** history's plain table holds fewer rows (the single table's fill writes
** no history; x1060's fill does), so its figures are per million rows.
** x1060_evaluate over every CDC (with x1060) compares with the same
** findings read from x1060_bi_findings in the same database. */
#define PLAIN_SCORES "count(CASE WHEN sco THEN 1 END), avg(CASE WHEN sco " \
  "THEN as_is END) AS a, avg(CASE WHEN sco THEN to_be END), CAST(count(" \
  "CASE WHEN sco AND as_is>=to_be THEN 1 END) AS REAL)/nullif(count(CASE " \
  "WHEN sco THEN 1 END), 0)"
#define PLAIN_TREND "SELECT org, label, min(taken_at), category, " \
  PLAIN_SCORES " FROM (SELECT org, 'current' AS label, NULL AS taken_at, " \
  "category, as_is, to_be, coalesce(" PLAIN_SCORED ", 0) AS sco FROM " \
  "synth_service UNION ALL SELECT org, label, taken_at, category, as_is, " \
  "to_be, coalesce(" PLAIN_SCORED ", 0) FROM synth_snapshot) GROUP BY org, " \
  "label, category"
/* The trend of one organisation as a user writes it for one: each table
** filtered before it is grouped. */
#define PLAIN_TREND_ONE(org) "SELECT org, 'current', NULL, category, " \
  PLAIN_SCORES " FROM (SELECT org, category, as_is, to_be, coalesce(" \
  PLAIN_SCORED ", 0) AS sco FROM synth_service WHERE org=" org ") GROUP " \
  "BY category UNION ALL SELECT org, label, min(taken_at), category, " \
  PLAIN_SCORES " FROM (SELECT org, label, taken_at, category, as_is, to_be,"\
  " coalesce(" PLAIN_SCORED ", 0) AS sco FROM synth_snapshot WHERE org=" \
  org ") GROUP BY label, category"
#define PLAIN_CATALOGUED "(p.level IS NOT NULL AND p.level<>'Unnecessary')"
#define PLAIN_FRAMEWORKS_ROWS "SELECT o.org AS org, f.framework AS " \
  "framework, f.kind AS kind, f.ref_id AS ref_id, f.name AS name, f.parent " \
  "AS parent, f.ord AS ord, p.service_id AS service_id, p.as_is AS as_is, " \
  "p.to_be AS to_be, coalesce(" PLAIN_CATALOGUED ", 0) AS cat, coalesce(" \
  PLAIN_CATALOGUED " AND p.assignment IN ('Insourcing','Outsourcing'," \
  "'Combination'), 0) AS asg, coalesce(" PLAIN_CATALOGUED " AND p.as_is " \
  "IS NOT NULL AND p.to_be IS NOT NULL AND p.excluded=0, 0) AS sco FROM " \
  "synth_org o JOIN synth_framework_services f LEFT JOIN synth_service p " \
  "ON p.org=o.org AND p.service_id=f.service_id"
#define PLAIN_FRAMEWORKS "SELECT org, framework, kind, ref_id, name, " \
  "parent, ord, count(service_id), sum(cat), sum(asg), " PLAIN_SCORES ", " \
  "sum(CASE WHEN sco THEN max(to_be-as_is, 0) END) FROM (" \
  PLAIN_FRAMEWORKS_ROWS ") GROUP BY org, ord"
typedef struct BiLoad BiLoad;
struct BiLoad {
  const char *zName;     /* as printed */
  const char *zX;        /* x1060's side, on the rows database */
  const char *zPlain;    /* the plain side */
  int bPerRow;           /* figures per million history rows */
  int bEvaluate;         /* zX needs x1060; zPlain runs on the rows db */
  int nRep;              /* >1: a query of milliseconds, run once to warm
                         ** the connection, then timed nRep times (the
                         ** figure is one run's) */
};
static const BiLoad aBiLoad[] = {
  { "portfolio, read", "SELECT * FROM x1060_bi_portfolio",
    "SELECT org, org, service_id, name, name_ja, category, phase, level, "
    "assignment, team, outsourcer, as_is, to_be, excluded, CASE WHEN "
    "excluded=0 THEN to_be-as_is END, owner, due, custom, updated_at, seq_no "
    "FROM synth_service", 0, 0, 0 },
  { "portfolio, by CDC and category", zBiX, zBiSingle, 0, 0, 0 },
  { "snapshots, read", "SELECT * FROM x1060_bi_snapshots",
    "SELECT org, label, taken_at, seq_no, service_id, category, name, level, "
    "assignment, team, outsourcer, as_is, to_be, excluded, phase, owner, due,"
    " custom FROM synth_snapshot", 0, 0, 0 },
  { "snapshots, by label and category", "SELECT label, category, "
    "avg(as_is), count(*) FROM x1060_bi_snapshots GROUP BY label, category",
    "SELECT label, category, avg(as_is), count(*) FROM synth_snapshot GROUP "
    "BY label, category", 0, 0, 0 },
  { "history, read (per 1M rows)", "SELECT * FROM x1060_bi_history",
    "SELECT org, id, changed_at, service_id, operation, column_name, "
    "old_value, new_value FROM synth_history", 1, 0, 0 },
  { "history, changes by column (per 1M rows)", "SELECT column_name, "
    "count(*), count(DISTINCT cdc) FROM x1060_bi_history GROUP BY "
    "column_name", "SELECT column_name, count(*), count(DISTINCT org) FROM "
    "synth_history GROUP BY column_name", 1, 0, 0 },
  { "trend, read", "SELECT * FROM x1060_bi_trend", PLAIN_TREND, 0, 0, 0 },
  { "trend, by label and category", "SELECT label, category, "
    "avg(avg_as_is), avg(achievement) FROM x1060_bi_trend GROUP BY label, "
    "category", "SELECT label, category, avg(a), avg(t) FROM (SELECT org, "
    "label, category, avg(CASE WHEN " PLAIN_SCORED " THEN as_is END) AS a, "
    "CAST(count(CASE WHEN " PLAIN_SCORED " AND as_is>=to_be THEN 1 END) AS "
    "REAL)/nullif(count(CASE WHEN " PLAIN_SCORED " THEN 1 END), 0) AS t FROM"
    " (SELECT org, 'current' AS label, category, level, as_is, to_be, "
    "excluded FROM synth_service UNION ALL SELECT org, label, category, "
    "level, as_is, to_be, excluded FROM synth_snapshot) GROUP BY org, label, "
    "category) GROUP BY label, category", 0, 0, 0 },
  { "frameworks, read", "SELECT * FROM x1060_bi_frameworks",
    PLAIN_FRAMEWORKS, 0, 0, 0 },
  { "frameworks, by element", "SELECT framework, ref_id, avg(avg_as_is), "
    "sum(assigned>0) FROM x1060_bi_frameworks GROUP BY framework, ref_id",
    "SELECT framework, ref_id, avg(a), sum(n>0) FROM (SELECT org, framework,"
    " ref_id, avg(CASE WHEN sco THEN as_is END) AS a, sum(asg) AS n FROM ("
    PLAIN_FRAMEWORKS_ROWS ") GROUP BY org, ord) GROUP BY framework, ref_id",
    0, 0, 0 },
  { "trend, one CDC (WHERE cdc=?; ms)", "SELECT * FROM x1060_bi_trend WHERE "
    "cdc='org_0001'", PLAIN_TREND_ONE("'org_0001'"),
    0, 0, 20 },
  { "frameworks, one CDC (WHERE cdc=?; ms)", "SELECT * FROM "
    "x1060_bi_frameworks WHERE cdc='org_0001'", "SELECT * FROM ("
    PLAIN_FRAMEWORKS ") WHERE org='org_0001'", 0, 0, 20 },
  { "portfolio, one CDC (WHERE cdc=?; ms)", "SELECT * FROM x1060_bi_portfolio "
    "WHERE cdc='org_0001'", "SELECT * FROM synth_service WHERE "
    "org='org_0001'", 0, 0, 20 },
  { "evaluate all (plain: x1060_bi_findings)", "SELECT c.name, e.* FROM "
    "x1060_cdcs c, x1060_evaluate(c.name) e", "SELECT * FROM "
    "x1060_bi_findings", 0, 1, 0 },
};
#define N_BILOAD (int)(sizeof(aBiLoad)/sizeof(aBiLoad[0]))

/* Read file zFile once, so that a database kept from an earlier run is in
** the page cache as one just built is. */
static void warmFile(const char *zFile){
  static char aBuf[1<<20];
  FILE *in = fopen(zFile, "rb");
  while( in && fread(aBuf, 1, sizeof(aBuf), in)==sizeof(aBuf) ){}
  if( in ) fclose(in);
}

/* Build way w with n organisations in zFile; time the creation. */
static int build(Synth *pSynth, int w, int n, const char *zFile, Figures *f){
  sqlite3 *db = 0;
  double t;
  int rc, i;
  remove(zFile);
  rc = openDb(zFile, 1, &db);
  t = now();
  if( rc==SQLITE_OK ) rc = run(db, "BEGIN");
  for(i=0; rc==SQLITE_OK && i<n; i++){
    rc = synthOrg(pSynth, db, aeMode[w], SEED, i);
  }
  if( rc==SQLITE_OK && w==W_SINGLE ){
    /* the hand-written evaluation joins the categories: give it a copy */
    rc = run(db, "CREATE TABLE x1060_bi_categories AS SELECT category FROM "
                 "x1060_categories");
  }
  if( rc==SQLITE_OK ) rc = run(db, "COMMIT");
  f->rCreate = now()-t;
  /* (not timed) the single table's dashboards get a table of the
  ** organisations and a copy of the crosswalk in the shape of x1060's */
  if( rc==SQLITE_OK && w==W_SINGLE ) rc = run(db, "CREATE TABLE synth_org("
      "org TEXT PRIMARY KEY) WITHOUT ROWID; INSERT INTO synth_org SELECT "
      "DISTINCT org FROM synth_service; ATTACH ':memory:' AS ref; SELECT "
      "x1060_publish('ref'); CREATE TABLE synth_framework_services AS "
      "SELECT * FROM ref.x1060_bi_framework_services; CREATE INDEX "
      "synth_framework_services_order ON synth_framework_services(ord, "
      "service_id, framework, kind, ref_id, name, parent)");
  if( rc ) fprintf(stderr, "bench-scale: %s: %s\n", zFile, sqlite3_errmsg(db));
  sqlite3_close(db);
  return rc;
}

/* The columns of an Annex A service as x1060 makes it, and their values
** from x1060_services. */
static const char zAnnexCols[] = "service_id, category, name, name_ja, "
  "excluded, information, expertise, phase, custom, updated_at";
static const char zAnnexVals[] = "service_id, category, name, name_ja, 0, "
  "information, expertise, phase, 0, strftime('%Y-%m-%dT%H:%M:%SZ','now')";

/* One more organisation in the database of n: 20 made in one transaction
** (rolled back), the time of one; an x1060 way makes an empty CDC, a plain
** way its table(s) and the 64 rows of one. */
#define N_MORE 20
static int oneMore(Synth *pSynth, int w, int n, const char *zFile, Figures *f){
  sqlite3 *db = 0;
  double t;
  int rc = openDb(zFile, 1, &db), i;
  if( rc==SQLITE_OK ) rc = run(db, "BEGIN; SELECT count(*) FROM x1060_cdcs");
  t = now();
  for(i=0; rc==SQLITE_OK && i<N_MORE; i++){
    char *zName = synthName(n+i), *zSql = 0;
    rc = synthMakeOrg(pSynth, db, aeMode[w], n+i);
    /* a plain way's new organisation gets the 64 undecided rows that
    ** x1060 makes */
    if( w==W_PLAIN ){
      zSql = sqlite3_mprintf("INSERT INTO \"%w\"(seq_no, %s) SELECT rowid, "
                             "%s FROM x1060_services", zName, zAnnexCols,
                             zAnnexVals);
    }else if( w==W_SINGLE ){
      zSql = sqlite3_mprintf("INSERT INTO synth_service(org, seq_no, %s) "
          "SELECT %Q, rowid, %s FROM x1060_services", zAnnexCols, zName,
          zAnnexVals);
    }
    if( rc==SQLITE_OK && zSql ) rc = run(db, zSql);
    sqlite3_free(zSql);
    sqlite3_free(zName);
  }
  f->rOne = (now()-t)/N_MORE;
  run(db, "ROLLBACK");
  sqlite3_close(db);
  return rc;
}

/* Time zSql on a fresh connection to zFile (x1060 loaded when bExt): the
** seconds in *pr, and when zRows, the number of rows of that table. */
static int timeOne(const char *zFile, int bExt, const char *zSql, double *pr,
                   const char *zRows, double *pnRow, int nRep){
  sqlite3 *db = 0;
  int rc = openDb(zFile, bExt, &db), i;
  double t;
  if( rc==SQLITE_OK && nRep>1 ) rc = run(db, zSql);
  t = now();
  for(i=0; rc==SQLITE_OK && i<(nRep>1 ? nRep : 1); i++) rc = run(db, zSql);
  *pr = (now()-t)/(nRep>1 ? nRep : 1);
  if( rc==SQLITE_OK && zRows ){
    sqlite3_stmt *pStmt = 0;
    char *zCount = sqlite3_mprintf("SELECT count(*) FROM %s", zRows);
    rc = sqlite3_prepare_v2(db, zCount, -1, &pStmt, 0);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
      *pnRow = (double)sqlite3_column_int64(pStmt, 0);
    }
    if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
    sqlite3_free(zCount);
  }
  if( rc ) fprintf(stderr, "bench-scale: %s: %s\n", zSql, sqlite3_errmsg(db));
  sqlite3_close(db);
  return rc;
}

/* The BI workloads of aBiLoad, each side on its database: x1060's on the
** rows database (with an evaluate's plain side), the plain ones on the
** single table's.  A figure per row is in seconds per million rows. */
static int measureBi(int w, const char *zFile, Figures *f){
  int rc = SQLITE_OK, k;
  for(k=0; rc==SQLITE_OK && k<N_BILOAD; k++){
    const BiLoad *p = &aBiLoad[k];
    double nRow = 0;
    if( w==W_ROWS ){
      rc = timeOne(zFile, p->bEvaluate, p->zX, &f->aBi[k],
                   p->bPerRow ? "x1060_store_history" : 0, &nRow, p->nRep);
      if( rc==SQLITE_OK && p->bEvaluate ){
        rc = timeOne(zFile, 0, p->zPlain, &f->aBiPlain[k], 0, 0, 0);
      }
    }else if( p->zPlain && !p->bEvaluate ){
      rc = timeOne(zFile, 0, p->zPlain, &f->aBi[k],
                   p->bPerRow ? "synth_history" : 0, &nRow, p->nRep);
    }
    if( nRow>0 ) f->aBi[k] *= 1e6/nRow;
  }
  return rc;
}

/* Open + first query, evaluate all with the memory high-water mark, and
** the BI query without x1060. */
static int measure(int w, const char *zFile, Figures *f){
  sqlite3 *db = 0;
  int bX = w==W_ROWS || w==W_TABLES, rc;
  double t = now();
  /* every way's connection loads x1060 (a constant 1-2 ms that is not the
  ** database's), so that the figure compares the databases */
  rc = openDb(zFile, 1, &db);
  if( rc==SQLITE_OK ) rc = run(db, azFirst[w]);
  f->rOpen = now()-t;
  if( rc==SQLITE_OK && w!=W_PLAIN ){
    sqlite3_memory_highwater(1);
    t = now();
    rc = run(db, bX ? zEvalX : zEvalSingle);
    f->rEval = now()-t;
    f->nMem = sqlite3_memory_highwater(0);
  }
  sqlite3_close(db);
  if( rc==SQLITE_OK && w!=W_PLAIN ){
    rc = openDb(zFile, 0, &db);
    t = now();
    if( rc==SQLITE_OK ) rc = run(db, bX ? zBiX : zBiSingle);
    f->rBi = now()-t;
    if( rc ) fprintf(stderr, "bench-scale: %s\n", sqlite3_errmsg(db));
    sqlite3_close(db);
  }
  if( rc==SQLITE_OK && (w==W_ROWS || w==W_SINGLE) ){
    rc = openDb(zFile, 1, &db);
    t = now();
    if( rc==SQLITE_OK ) rc = run(db, w==W_ROWS ? zBenchX : zBenchSingle);
    f->rBench = now()-t;
    t = now();
    if( rc==SQLITE_OK ) rc = run(db, w==W_ROWS ? zOverviewX : zOverviewSingle);
    f->rOverview = now()-t;
    if( rc ) fprintf(stderr, "bench-scale: %s\n", sqlite3_errmsg(db));
    sqlite3_close(db);
    /* the plain side's findings: the same findings read from the view by
    ** a connection without x1060 */
    if( rc==SQLITE_OK && w==W_ROWS ){
      rc = timeOne(zFile, 0, zFindingsX, &f->rFindings, 0, 0, 0);
    }
  }
  if( rc==SQLITE_OK && (w==W_ROWS || w==W_SINGLE) ){
    rc = measureBi(w, zFile, f);
  }
  f->bDone = rc==SQLITE_OK;
  return rc;
}

/* The growth exponent of figure r from size n1 to n2. */
static double exponent(double r1, double r2, int n1, int n2){
  if( r1<=0 || r2<=0 || n1==n2 ) return 0;
  return log(r2/r1)/log((double)n2/n1);
}

/* Print the BI workloads of every size for rows against single. */
static void printBi(int nSize, const int *aSize,
                    Figures (*aFig)[N_WAY]){
  int i, k;
  printf("\nBI views at scale, rows against single, whole seconds (ratio to "
         "the plain SQL giving the same rows, read without x1060)\n%-42s",
         "workload");
  for(i=0; i<nSize; i++) printf(" %17d", aSize[i]);
  printf("  growth\n");
  for(k=0; k<N_BILOAD; k++){
    int j = nSize-1;
    printf("%-42s", aBiLoad[k].zName);
    for(i=0; i<nSize; i++){
      Figures *x = &aFig[i][W_ROWS], *p = &aFig[i][W_SINGLE];
      double rBase = aBiLoad[k].bEvaluate ? x->aBiPlain[k] : p->aBi[k];
      double rShown = aBiLoad[k].nRep>1 ? 1e3*x->aBi[k] : x->aBi[k];
      if( !x->bDone || !p->bDone ) printf(" %17s", "-");
      else if( rBase<=0 ) printf(" %8.3f         ", rShown);
      else printf(" %8.3f (%5.2fx)", rShown, x->aBi[k]/rBase);
    }
    /* the growth exponent of x1060's side, smallest to largest size done
    ** (per row figures: 0 is linear) */
    while( j>0 && !aFig[j][W_ROWS].bDone ) j--;
    if( j>0 ){
      printf("  %.2f", exponent(aFig[0][W_ROWS].aBi[k], aFig[j][W_ROWS].aBi[k],
                                aSize[0], aSize[j]));
    }
    printf("\n");
  }
}


int main(int argc, char **argv){
  int aSize[MAX_SIZES] = { 250, 1000, 4000, 10000 }, nSize = 4, nTableMax = 10000;
  Figures aFig[MAX_SIZES][N_WAY];
  Synth *pSynth = 0;
  sqlite3 *db = 0;
  int i, w, rc, bReuse = 0;
  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "--sizes")==0 && i+1<argc ){
      char *z = argv[++i];
      for(nSize=0; *z && nSize<MAX_SIZES; nSize++){
        aSize[nSize] = atoi(z);
        while( *z && *z!=',' ) z++;
        if( *z ) z++;
      }
    }else if( strcmp(argv[i], "--big")==0 && nSize<MAX_SIZES ){
      aSize[nSize++] = 50000;
      nTableMax = 50000;
    }else if( strcmp(argv[i], "--dir")==0 && i+1<argc ) zDir = argv[++i];
    else if( strcmp(argv[i], "--ext")==0 && i+1<argc ) zExt = argv[++i];
    else if( strcmp(argv[i], "--reuse")==0 ) bReuse = 1;
    else{
      fprintf(stderr, "usage: bench-scale [--sizes N,N,...] [--big] "
                      "[--dir DIR] [--ext PATH] [--reuse]\n");
      return 2;
    }
  }
  memset(aFig, 0, sizeof(aFig));
  rc = openDb(":memory:", 1, &db);
  if( rc==SQLITE_OK ) rc = synthInit(db, &pSynth);
  printf("x1060 scale benchmark: SQLite %s; per organisation, ms (ratio to "
         "the baseline: rows/single, tables/plain)\n\n", sqlite3_libversion());
  printf("%-6s %7s %16s %15s %16s %16s %16s %9s\n", "way", "N", "build",
         "one more", "open+1st query", "evaluate all", "BI query", "peak MiB");
  for(i=0; rc==SQLITE_OK && i<nSize; i++){
    for(w=0; rc==SQLITE_OK && w<N_WAY; w++){
      Figures *f = &aFig[i][w], *b = &aFig[i][w^1];
      int n = aSize[i], bBase = (w==W_SINGLE || w==W_PLAIN);
      char *zFile;
      if( (w==W_TABLES || w==W_PLAIN) && n>nTableMax ) continue;
      zFile = sqlite3_mprintf("%s/scale-%s-%d.db", zDir, azWay[w], n);
      if( bReuse && access(zFile, F_OK)==0 ){
        f->rCreate = 0;              /* built before: no build figure */
        warmFile(zFile);
      }else{
        rc = build(pSynth, w, n, zFile, f);
      }
      if( rc==SQLITE_OK ) rc = measure(w, zFile, f);
      if( rc==SQLITE_OK ) rc = oneMore(pSynth, w, n, zFile, f);
      if( !bReuse ) remove(zFile);
      sqlite3_free(zFile);
      if( rc!=SQLITE_OK || !bBase ) continue;
      /* both of the pair are done: print them */
      {
        /* evaluate all and the BI query of CDC tables compare with the
        ** single table too: plain tables per organisation have no view */
        Figures *x = b, *p = f, *e = &aFig[i][W_SINGLE];
        const char *zX = azWay[w^1], *zP = azWay[w];
        printf("%-6s %7d %7.3f (%5.2fx) %6.3f (%5.2fx) %7.3f (%5.2fx) %7.3f "
               "(%5.2fx) %7.3f (%5.2fx) %9.1f\n", zX, n, 1e3*x->rCreate/n,
               x->rCreate/p->rCreate, 1e3*x->rOne, x->rOne/p->rOne,
               1e3*x->rOpen/n, x->rOpen/p->rOpen,
               1e3*x->rEval/n, e->rEval>0 ? x->rEval/e->rEval : 0,
               1e3*x->rBi/n, e->rBi>0 ? x->rBi/e->rBi : 0,
               x->nMem/1048576.0);
        printf("%-6s %7d %7.3f          %6.3f          %7.3f          %7.3f "
               "         %7.3f          %9.1f\n", zP, n, 1e3*p->rCreate/n,
               1e3*p->rOne,
               1e3*p->rOpen/n, 1e3*p->rEval/n, 1e3*p->rBi/n,
               p->nMem/1048576.0);
        fflush(stdout);
      }
    }
  }
  if( rc==SQLITE_OK ){
    printf("\nmany CDCs together, rows against single, whole seconds: "
           "x1060_benchmark of one CDC against the others; x1060_overview "
           "(JSON) against its parts in plain SQL, the findings part read "
           "from x1060_bi_findings without x1060 (timed alone too)\n");
    printf("%-7s %19s %19s %10s %19s\n", "N", "benchmark", "overview",
           "findings", "overview - findings");
    for(i=0; i<nSize; i++){
      Figures *x = &aFig[i][W_ROWS], *p = &aFig[i][W_SINGLE];
      double rPlain = p->rOverview + x->rFindings;
      if( !x->bDone || !p->bDone ) continue;
      printf("%-7d %8.3f (%5.2fx) %8.3f (%5.2fx) %10.3f %8.3f (%5.2fx)\n",
             aSize[i], x->rBench, p->rBench>0 ? x->rBench/p->rBench : 0,
             x->rOverview, rPlain>0 ? x->rOverview/rPlain : 0,
             x->rFindings, x->rOverview-x->rFindings, p->rOverview>0
             ? (x->rOverview-x->rFindings)/p->rOverview : 0);
    }
  }
  if( rc==SQLITE_OK ) printBi(nSize, aSize, aFig);
  if( rc==SQLITE_OK && nSize>1 ){
    printf("\ngrowth exponent from N=%d to the largest N built (1.0 is "
           "linear)\n", aSize[0]);
    for(w=0; w<N_WAY; w++){
      int j = nSize-1;
      while( j>0 && !aFig[j][w].bDone ) j--;
      if( j==0 ) continue;
      printf("%-6s N=%-6d build %.2f  one more %.2f  open %.2f  evaluate %.2f"
           "  BI %.2f\n", azWay[w], aSize[j],
             exponent(aFig[0][w].rCreate, aFig[j][w].rCreate, aSize[0], aSize[j]),
             exponent(aFig[0][w].rOne*aSize[0], aFig[j][w].rOne*aSize[j],
                      aSize[0], aSize[j]),
             exponent(aFig[0][w].rOpen, aFig[j][w].rOpen, aSize[0], aSize[j]),
             exponent(aFig[0][w].rEval, aFig[j][w].rEval, aSize[0], aSize[j]),
             exponent(aFig[0][w].rBi, aFig[j][w].rBi, aSize[0], aSize[j]));
    }
  }
  if( rc!=SQLITE_OK ) fprintf(stderr, "bench-scale: failed (%d)\n", rc);
  synthFree(pSynth);
  sqlite3_close(db);
  return rc==SQLITE_OK ? 0 : 1;
}
