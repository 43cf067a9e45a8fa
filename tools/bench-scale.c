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
** and measures, per organisation and as ratios to the baseline (evaluate
** all and the BI query of both x1060 ways against single): create
** (building all N in one transaction), open + the first query (a fresh
** connection; x1060 loaded for the x1060 ways), evaluate all (x1060_summary
** over every CDC against the same figures in hand-written SQL), a BI query
** read without the extension (x1060_bi_portfolio against the single table)
** and SQLite's memory high-water mark of the connection that evaluated
** all.  The growth exponent of each is printed at the end (1.0: linear).
** tables is built up to 4000 unless --big: each CDC table stays connected
** in the connection that made it.
*/
#include "synth.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#define SEED 1060ULL
#define MAX_SIZES 8

enum { W_ROWS, W_SINGLE, W_TABLES, W_PLAIN, N_WAY };
static const char *const azWay[N_WAY] = { "rows", "single", "tables", "plain" };
static const SynthMode aeMode[N_WAY] = {
  SYNTH_ROWS, SYNTH_SINGLE, SYNTH_X1060, SYNTH_PLAIN
};

/* What is measured of one way at one size (seconds, bytes). */
typedef struct Figures Figures;
struct Figures {
  int bDone;
  double rCreate, rOpen, rEval, rBi;
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

/* The first query of a fresh connection, by way. */
static const char *const azFirst[N_WAY] = {
  "SELECT count(*) FROM x1060_summary('org_0001')",
  "SELECT count(*) FROM (SELECT category, avg(as_is) FROM synth_service "
  "WHERE org='org_0001' GROUP BY category)",
  "SELECT count(*) FROM x1060_summary('org_0001')",
  "SELECT count(*) FROM (SELECT category, avg(as_is) FROM org_0001 GROUP BY "
  "category)",
};

/* Evaluate all: x1060_summary over every CDC, or the same in plain SQL. */
static const char zEvalX[] =
  "SELECT count(*), sum(s.gap_total) FROM x1060_cdcs c, x1060_summary(c.name) s";
static const char zEvalSingle[] =
  "SELECT count(*), sum(gap_total) FROM (SELECT o.org, c.category, "
  "sum(CASE WHEN s.level IS NOT NULL AND s.level<>'Unnecessary' AND "
  "s.as_is IS NOT NULL AND s.to_be IS NOT NULL AND s.excluded=0 AND "
  "s.to_be>s.as_is THEN s.to_be-s.as_is ELSE 0 END) AS gap_total, "
  "avg(CASE WHEN s.level IS NOT NULL AND s.level<>'Unnecessary' AND "
  "s.as_is IS NOT NULL AND s.to_be IS NOT NULL AND s.excluded=0 THEN s.as_is "
  "END) FROM (SELECT DISTINCT org FROM synth_service) o, x1060_bi_categories "
  "c LEFT JOIN synth_service s ON s.org=o.org AND s.category=c.category "
  "GROUP BY o.org, c.category)";

/* The BI query, read without x1060. */
static const char zBiX[] =
  "SELECT count(*) FROM (SELECT cdc, category, avg(as_is), avg(to_be), "
  "sum(gap>0) FROM x1060_bi_portfolio GROUP BY cdc, category)";
static const char zBiSingle[] =
  "SELECT count(*) FROM (SELECT org, category, avg(as_is), avg(to_be), "
  "sum(CASE WHEN excluded=0 THEN to_be-as_is END>0) FROM synth_service "
  "GROUP BY org, category)";

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
  if( rc ) fprintf(stderr, "bench-scale: %s: %s\n", zFile, sqlite3_errmsg(db));
  sqlite3_close(db);
  return rc;
}

/* Open + first query, evaluate all with the memory high-water mark, and
** the BI query without x1060. */
static int measure(int w, const char *zFile, Figures *f){
  sqlite3 *db = 0;
  int bX = w==W_ROWS || w==W_TABLES, rc;
  double t = now();
  rc = openDb(zFile, bX, &db);
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
  f->bDone = rc==SQLITE_OK;
  return rc;
}

/* The growth exponent of figure r from size n1 to n2. */
static double exponent(double r1, double r2, int n1, int n2){
  if( r1<=0 || r2<=0 || n1==n2 ) return 0;
  return log(r2/r1)/log((double)n2/n1);
}

int main(int argc, char **argv){
  int aSize[MAX_SIZES] = { 250, 1000, 4000, 10000 }, nSize = 4, nTableMax = 4000;
  Figures aFig[MAX_SIZES][N_WAY];
  Synth *pSynth = 0;
  sqlite3 *db = 0;
  int i, w, rc;
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
    else{
      fprintf(stderr, "usage: bench-scale [--sizes N,N,...] [--big] "
                      "[--dir DIR] [--ext PATH]\n");
      return 2;
    }
  }
  memset(aFig, 0, sizeof(aFig));
  rc = openDb(":memory:", 1, &db);
  if( rc==SQLITE_OK ) rc = synthInit(db, &pSynth);
  printf("x1060 scale benchmark: SQLite %s; per organisation, ms (ratio to "
         "the baseline: rows/single, tables/plain)\n\n", sqlite3_libversion());
  printf("%-6s %7s %16s %16s %16s %16s %9s\n", "way", "N", "create",
         "open+1st query", "evaluate all", "BI query", "peak MiB");
  for(i=0; rc==SQLITE_OK && i<nSize; i++){
    for(w=0; rc==SQLITE_OK && w<N_WAY; w++){
      Figures *f = &aFig[i][w], *b = &aFig[i][w^1];
      int n = aSize[i], bBase = (w==W_SINGLE || w==W_PLAIN);
      char *zFile;
      if( (w==W_TABLES || w==W_PLAIN) && n>nTableMax ) continue;
      zFile = sqlite3_mprintf("%s/scale-%s-%d.db", zDir, azWay[w], n);
      rc = build(pSynth, w, n, zFile, f);
      if( rc==SQLITE_OK ) rc = measure(w, zFile, f);
      remove(zFile);
      sqlite3_free(zFile);
      if( rc!=SQLITE_OK || !bBase ) continue;
      /* both of the pair are done: print them */
      {
        /* evaluate all and the BI query of CDC tables compare with the
        ** single table too: plain tables per organisation have no view */
        Figures *x = b, *p = f, *e = &aFig[i][W_SINGLE];
        const char *zX = azWay[w^1], *zP = azWay[w];
        printf("%-6s %7d %7.3f (%5.2fx) %7.3f (%5.2fx) %7.3f (%5.2fx) "
               "%7.3f (%5.2fx) %9.1f\n", zX, n, 1e3*x->rCreate/n,
               x->rCreate/p->rCreate, 1e3*x->rOpen/n, x->rOpen/p->rOpen,
               1e3*x->rEval/n, e->rEval>0 ? x->rEval/e->rEval : 0,
               1e3*x->rBi/n, e->rBi>0 ? x->rBi/e->rBi : 0,
               x->nMem/1048576.0);
        printf("%-6s %7d %7.3f          %7.3f          %7.3f          "
               "%7.3f          %9.1f\n", zP, n, 1e3*p->rCreate/n,
               1e3*p->rOpen/n, 1e3*p->rEval/n, 1e3*p->rBi/n,
               p->nMem/1048576.0);
        fflush(stdout);
      }
    }
  }
  if( rc==SQLITE_OK && nSize>1 ){
    printf("\ngrowth exponent from N=%d to the largest N built (1.0 is "
           "linear)\n", aSize[0]);
    for(w=0; w<N_WAY; w++){
      int j = nSize-1;
      while( j>0 && !aFig[j][w].bDone ) j--;
      if( j==0 ) continue;
      printf("%-6s N=%-6d create %.2f  open %.2f  evaluate %.2f  BI %.2f\n",
             azWay[w], aSize[j],
             exponent(aFig[0][w].rCreate, aFig[j][w].rCreate, aSize[0], aSize[j]),
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
