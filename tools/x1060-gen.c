/*
** x1060-gen: write a database of N synthetic organisations (CDCs org_0001
** .. org_N with levels, assignments, teams, scores, two snapshots and
** history), the same for the same seed on every machine.
**
**   build/x1060-gen [--rows|--plain|--single] [--seed S] [--ext PATH] DB N
**
** By default each organisation is a CDC table (CREATE VIRTUAL TABLE);
** --rows makes them with INSERT INTO x1060_cdcs (no schema object each);
** --plain writes the same rows into plain tables per organisation, and
** --single into one plain table with an org column and a history trigger
** (the benchmark's baselines).  --ext names the extension (default
** ./x1060).  The database must not hold CDCs or tables of those names yet.
*/
#include "synth.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void){
  fprintf(stderr, "usage: x1060-gen [--rows|--plain|--single] [--seed S] "
                  "[--ext PATH] DB N\n"
                  "  N: the number of organisations, 1..100000\n");
  return 2;
}

int main(int argc, char **argv){
  const char *zExt = "./x1060", *zDb = 0;
  unsigned long long seed = 1060;
  SynthMode eMode = SYNTH_X1060;
  sqlite3 *db = 0;
  Synth *pSynth = 0;
  char *zErr = 0;
  int i, n = -1, rc;
  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "--plain")==0 ) eMode = SYNTH_PLAIN;
    else if( strcmp(argv[i], "--rows")==0 ) eMode = SYNTH_ROWS;
    else if( strcmp(argv[i], "--single")==0 ) eMode = SYNTH_SINGLE;
    else if( strcmp(argv[i], "--seed")==0 && i+1<argc ){
      seed = strtoull(argv[++i], 0, 10);
    }else if( strcmp(argv[i], "--ext")==0 && i+1<argc ) zExt = argv[++i];
    else if( zDb==0 ) zDb = argv[i];
    else if( n<0 ) n = atoi(argv[i]);
    else return usage();
  }
  if( zDb==0 || n<1 || n>100000 ) return usage();
  rc = sqlite3_open(zDb, &db);
  if( rc==SQLITE_OK ) rc = sqlite3_enable_load_extension(db, 1);
  if( rc==SQLITE_OK ) rc = sqlite3_load_extension(db, zExt, 0, &zErr);
  if( rc==SQLITE_OK ) rc = synthInit(db, &pSynth);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(db, "BEGIN", 0, 0, 0);
  for(i=0; rc==SQLITE_OK && i<n; i++){
    rc = synthOrg(pSynth, db, eMode, seed, i);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_exec(db, "COMMIT", 0, 0, 0);
  if( rc!=SQLITE_OK ){
    fprintf(stderr, "x1060-gen: %s: %s\n", zDb, zErr ? zErr : sqlite3_errmsg(db));
  }else{
    static const char *const azMode[] = {
      "CDC tables", "CDC rows", "plain tables", "one plain table"
    };
    printf("%s: %d organisations (%s, seed %llu)\n", zDb, n, azMode[eMode],
           seed);
  }
  sqlite3_free(zErr);
  synthFree(pSynth);
  sqlite3_close(db);
  return rc==SQLITE_OK ? 0 : 1;
}
