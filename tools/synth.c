/*
** synth: realistic synthetic CDCs (see synth.h for the steps and modes).
*/
#include "synth.h"
#include <stdlib.h>
#include <string.h>

#define SYNTH_NSERVICE 64

typedef struct SynthService SynthService;
struct SynthService {
  char *zId, *zCategory, *zName, *zNameJa, *zPhase, *zInfo, *zExpertise;
};

struct Synth {
  SynthService a[SYNTH_NSERVICE];
  int n;
  char *zDataDdl;   /* CREATE TABLE of a plain table, the name written %w */
  char *zSnapDdl;   /* the same for <name>_snapshot */
  char *zSingleDdl; /* the single table's, snapshot's and history's */
};

/* The state of one organisation's values: one splitmix64 stream. */
typedef struct Rng { unsigned long long s; } Rng;

/* The next 64 random bits of r. */
static unsigned long long rngNext(Rng *r){
  unsigned long long z = (r->s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* A random integer 0..n-1. */
static int rngBelow(Rng *r, int n){
  return (int)(rngNext(r) % (unsigned long long)n);
}

/* Index into a table of cumulative percentages aPct[0..n-1] (the last 100). */
static int rngPick(Rng *r, const int *aPct){
  int x = rngBelow(r, 100), i = 0;
  while( x>=aPct[i] ) i++;
  return i;
}

static const char *const azLevel[] = {
  "Unnecessary", "Basic", "Standard", "Advanced", "Optional" };
static const int aLevelPct[] = { 10, 45, 75, 90, 100 };
static const char *const azAssign[] = {
  "Insourcing", "Outsourcing", "Combination", "Unassigned" };
static const int aAssignPct[] = { 45, 75, 90, 100 };
static const int aAsIsPct[] = { 10, 35, 70, 90, 100 };
static const char *const azTeam[] = {
  "SOC", "CSIRT", "IT Operations", "Risk Office", "Internal Audit",
  "セキュリティ推進室" };
static const char *const azProvider[] = {
  "Z-MSSP", "Kumo Security", "Northwind Forensics", "Red Lantern Testing" };
static const char *const azOwner[] = {
  "K. Tanaka", "M. Sato", "A. Suzuki", "R. Ito", "J. Smith", "L. Martin" };

/* The values of one service in the fill step. */
typedef struct SynthRow SynthRow;
struct SynthRow {
  const char *zLevel, *zAssign, *zTeam, *zProvider, *zOwner;
  int iAsIs, iToBe;        /* 0: not assessed */
  int bExcluded;
  char zDue[11];           /* "" when none */
};

/* Draw the fill-step values of one service. */
static void synthDraw(Rng *r, SynthRow *p){
  int iLevel = rngPick(r, aLevelPct), iAssign;
  memset(p, 0, sizeof(*p));
  p->zLevel = azLevel[iLevel];
  p->zOwner = azOwner[rngBelow(r, 6)];
  if( iLevel==0 ) return;
  iAssign = rngPick(r, aAssignPct);
  p->zAssign = azAssign[iAssign];
  if( (iAssign==0 || iAssign==2) && rngBelow(r, 100)>=5 ){
    p->zTeam = azTeam[rngBelow(r, 6)];
  }
  if( (iAssign==1 || iAssign==2) && rngBelow(r, 100)>=5 ){
    p->zProvider = azProvider[rngBelow(r, 4)];
  }
  switch( rngBelow(r, 100) ){
    case 0: case 1: case 2: case 3: p->bExcluded = 1; return;
    case 4: case 5: case 6: return;     /* not assessed yet */
  }
  p->iAsIs = iAssign==3 ? 1 : rngPick(r, aAsIsPct)+1;
  p->iToBe = p->iAsIs + rngBelow(r, 3);
  if( p->iToBe>5 ) p->iToBe = 5;
  if( rngBelow(r, 100)<30 ){
    sqlite3_snprintf(sizeof(p->zDue), p->zDue, "2026-%02d-28",
                     rngBelow(r, 12)+1);
  }
}

static char *dupText(const unsigned char *z){
  return sqlite3_mprintf("%s", z ? (const char*)z : "");
}

/* The column definitions of the storage's services (between seq_no and
** the table constraints of x1060_store_service's CREATE TABLE). */
static char *storedColumnsDdl(const unsigned char *zSql){
  const char *z = (const char*)zSql;
  const char *zSeq = z ? strstr(z, "seq_no INTEGER NOT NULL") : 0;
  const char *zStart = zSeq ? strchr(zSeq, '\n') : 0;
  const char *zEnd = zStart ? strstr(zStart, ",\n  PRIMARY KEY") : 0;
  if( zEnd==0 ) return 0;
  return sqlite3_mprintf("%.*s", (int)(zEnd-zStart-1), zStart+1);
}

/* The plain tables' DDL, from the storage's column definitions zCols. */
static int synthDdl(Synth *p, const char *zCols){
  p->zDataDdl = sqlite3_mprintf("CREATE TABLE \"%%w\"(\n  seq_no INTEGER "
      "PRIMARY KEY,\n%s,\n  UNIQUE(service_id)\n)", zCols);
  p->zSnapDdl = sqlite3_mprintf("CREATE TABLE \"%%w\"(\n  label TEXT NOT "
      "NULL,\n  taken_at TEXT NOT NULL,\n  seq_no INTEGER NOT NULL,\n%s,\n  "
      "PRIMARY KEY(label, service_id)\n) WITHOUT ROWID", zCols);
  p->zSingleDdl = sqlite3_mprintf("CREATE TABLE IF NOT EXISTS synth_service("
      "\n  org TEXT NOT NULL,\n  seq_no INTEGER NOT NULL,\n%s,\n  PRIMARY "
      "KEY(org, seq_no),\n  UNIQUE(org, service_id)\n) WITHOUT ROWID;\n"
      "CREATE TABLE IF NOT EXISTS synth_snapshot(\n  org TEXT NOT NULL,\n  "
      "label TEXT NOT NULL,\n  taken_at TEXT NOT NULL,\n  seq_no INTEGER NOT "
      "NULL,\n%s,\n  PRIMARY KEY(org, label, service_id)\n) WITHOUT ROWID;\n"
      "CREATE TABLE IF NOT EXISTS synth_history(id INTEGER PRIMARY KEY, org "
      "TEXT NOT NULL, changed_at TEXT NOT NULL, service_id TEXT NOT NULL, "
      "operation TEXT NOT NULL, column_name TEXT, old_value, new_value);\n"
      "CREATE INDEX IF NOT EXISTS synth_history_org ON synth_history(org, "
      "id);\n", zCols, zCols);
  return p->zDataDdl && p->zSnapDdl && p->zSingleDdl ? SQLITE_OK
                                                     : SQLITE_NOMEM;
}

int synthInit(sqlite3 *db, Synth **ppSynth){
  sqlite3_stmt *pStmt = 0;
  Synth *p = sqlite3_malloc64(sizeof(Synth));
  int rc;
  *ppSynth = 0;
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  rc = sqlite3_prepare_v2(db, "SELECT service_id, category, name, name_ja, "
      "phase, information, expertise FROM x1060_services", -1, &pStmt, 0);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW
      && p->n<SYNTH_NSERVICE ){
    SynthService *s = &p->a[p->n++];
    s->zId = dupText(sqlite3_column_text(pStmt, 0));
    s->zCategory = dupText(sqlite3_column_text(pStmt, 1));
    s->zName = dupText(sqlite3_column_text(pStmt, 2));
    s->zNameJa = dupText(sqlite3_column_text(pStmt, 3));
    s->zPhase = dupText(sqlite3_column_text(pStmt, 4));
    s->zInfo = dupText(sqlite3_column_text(pStmt, 5));
    s->zExpertise = dupText(sqlite3_column_text(pStmt, 6));
  }
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ){
    rc = sqlite3_exec(db, "SAVEPOINT synth; CREATE VIRTUAL TABLE "
        "temp.synth_template USING x1060", 0, 0, 0);
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_prepare_v2(db, "SELECT sql FROM temp.sqlite_schema "
        "WHERE name='x1060_store_service'", -1, &pStmt, 0);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
      char *zCols = storedColumnsDdl(sqlite3_column_text(pStmt, 0));
      rc = zCols ? synthDdl(p, zCols) : SQLITE_ERROR;
      sqlite3_free(zCols);
    }
    sqlite3_finalize(pStmt);
    sqlite3_exec(db, "ROLLBACK TO synth; RELEASE synth", 0, 0, 0);
  }
  if( rc==SQLITE_OK && (p->n!=SYNTH_NSERVICE || !p->zDataDdl || !p->zSnapDdl) ){
    rc = SQLITE_ERROR;
  }
  if( rc!=SQLITE_OK ){
    synthFree(p);
    return rc;
  }
  *ppSynth = p;
  return SQLITE_OK;
}

void synthFree(Synth *p){
  int i;
  if( p==0 ) return;
  for(i=0; i<p->n; i++){
    SynthService *s = &p->a[i];
    sqlite3_free(s->zId); sqlite3_free(s->zCategory); sqlite3_free(s->zName);
    sqlite3_free(s->zNameJa); sqlite3_free(s->zPhase); sqlite3_free(s->zInfo);
    sqlite3_free(s->zExpertise);
  }
  sqlite3_free(p->zDataDdl);
  sqlite3_free(p->zSnapDdl);
  sqlite3_free(p->zSingleDdl);
  sqlite3_free(p);
}

char *synthName(int iOrg){
  return sqlite3_mprintf("org_%04d", iOrg+1);
}

const char *synthServiceId(Synth *p, int k){
  return p->a[k % p->n].zId;
}

char *synthPlainTableSql(Synth *p, const char *zName){
  return sqlite3_mprintf(p->zDataDdl, zName);
}

/* Bind text z (NULL or "" binds NULL) to parameter i. */
static void bindText(sqlite3_stmt *pStmt, int i, const char *z){
  if( z && z[0] ){
    sqlite3_bind_text(pStmt, i, z, -1, SQLITE_STATIC);
  }else{
    sqlite3_bind_null(pStmt, i);
  }
}

/* Bind a score (0 binds NULL) to parameter i. */
static void bindScore(sqlite3_stmt *pStmt, int i, int iScore){
  if( iScore ) sqlite3_bind_int(pStmt, i, iScore);
  else sqlite3_bind_null(pStmt, i);
}

/* Run pStmt once and reset it. */
static int stepReset(sqlite3_stmt *pStmt){
  int rc = sqlite3_step(pStmt);
  int rc2 = sqlite3_reset(pStmt);
  return rc==SQLITE_DONE ? SQLITE_OK : rc2;
}

/* Run one statement of SQL from sqlite3_mprintf (freed here). */
static int execFree(sqlite3 *db, char *zSql){
  int rc = zSql ? sqlite3_exec(db, zSql, 0, 0, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  return rc;
}

/* The statements one organisation is built with. */
typedef struct SynthStmts SynthStmts;
struct SynthStmts {
  sqlite3_stmt *pFill;     /* one service's fill-step values */
  sqlite3_stmt *pImprove;  /* ?1 as_is, ?2 note, ?3 service */
  sqlite3_stmt *pRevise;   /* ?1 due, ?2 note, ?3 service */
};

/* The history trigger of the single table, as a user would write it: one
** row per changed column of an UPDATE. */
static char *singleTriggerSql(void){
  static const char *const azCol[] = {
    "level", "assignment", "team", "outsourcer", "as_is", "to_be",
    "excluded", "information", "expertise", "phase", "owner", "due",
    "evidence", "note"
  };
  sqlite3_str *pStr = sqlite3_str_new(0);
  size_t k;
  sqlite3_str_appendall(pStr, "CREATE TRIGGER IF NOT EXISTS synth_service_"
      "update AFTER UPDATE ON synth_service BEGIN INSERT INTO synth_history("
      "org,changed_at,service_id,operation,column_name,old_value,new_value) "
      "SELECT new.org,strftime('%Y-%m-%dT%H:%M:%SZ','now'),new.service_id,"
      "'update',c,o,n FROM(");
  for(k=0; k<sizeof(azCol)/sizeof(azCol[0]); k++){
    sqlite3_str_appendf(pStr, k ? " UNION ALL SELECT '%s',old.%s,new.%s"
        : "SELECT '%s' c,old.%s o,new.%s n", azCol[k], azCol[k], azCol[k]);
  }
  sqlite3_str_appendall(pStr, ") WHERE o IS NOT n; END");
  return sqlite3_str_finish(pStr);
}

/* The SET list of the fill step, with the score written 'N/A' for an
** excluded service in the x1060 modes. */
#define SYNTH_SET_X1060 "level=?5, assignment=?6, team=?7, outsourcer=?8, " \
  "as_is=coalesce(?9, CASE WHEN ?10 THEN 'N/A' END), to_be=?11, owner=?12, " \
  "due=?13"
#define SYNTH_NOW "strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now')"

/* Step 1: make organisation zName (number iOrg) in mode eMode. */
static int synthMake(Synth *p, sqlite3 *db, SynthMode eMode,
                     const char *zName, int iOrg){
  int rc;
  switch( eMode ){
    case SYNTH_X1060:
      return execFree(db, sqlite3_mprintf("CREATE VIRTUAL TABLE \"%w\" USING "
                      "x1060(org='Organisation %d')", zName, iOrg+1));
    case SYNTH_ROWS:
      return execFree(db, sqlite3_mprintf("INSERT INTO x1060_cdcs(name, org) "
                      "VALUES(%Q, 'Organisation %d')", zName, iOrg+1));
    case SYNTH_PLAIN:
      rc = execFree(db, sqlite3_mprintf(p->zDataDdl, zName));
      if( rc==SQLITE_OK ){
        char *zSnap = sqlite3_mprintf("%s_snapshot", zName);
        rc = execFree(db, zSnap ? sqlite3_mprintf(p->zSnapDdl, zSnap) : 0);
        sqlite3_free(zSnap);
      }
      return rc;
    default: {
      char *zTrig = singleTriggerSql();
      rc = execFree(db, sqlite3_mprintf("%s", p->zSingleDdl));
      if( rc==SQLITE_OK ) rc = execFree(db, zTrig);
      else sqlite3_free(zTrig);
      return rc;
    }
  }
}

/* Prepare the statements organisation zName is filled with: the fill
** (?1..?16 the values, ?17 the organisation's name, ?18 seq_no), the
** improvement (?1 as_is, ?2 note, ?3 service, ?4 name) and the revision
** (?1 due, ?2 note, ?3 service, ?4 name). */
static int synthPrepare(sqlite3 *db, SynthMode eMode, const char *zName,
                        SynthStmts *s){
  char *zFill = 0, *zImprove = 0, *zRevise = 0;
  int rc = SQLITE_OK;
  if( eMode==SYNTH_X1060 || eMode==SYNTH_ROWS ){
    /* the two x1060 ways differ in the table and how a CDC is named */
    const char *zWhere = eMode==SYNTH_X1060 ? "service_id=?%d"
                                            : "cdc=?%d AND service_id=?%d";
    char *zTab = eMode==SYNTH_X1060 ? sqlite3_mprintf("\"%w\"", zName)
                                    : sqlite3_mprintf("x1060_cdc_services");
    char *zW1 = sqlite3_mprintf(zWhere, eMode==SYNTH_X1060 ? 1 : 17, 1);
    char *zW3 = sqlite3_mprintf(zWhere, eMode==SYNTH_X1060 ? 3 : 4, 3);
    if( zTab && zW1 && zW3 ){
      zFill = sqlite3_mprintf("UPDATE %s SET " SYNTH_SET_X1060 " WHERE %s",
                              zTab, zW1);
      zImprove = sqlite3_mprintf("UPDATE %s SET as_is=?1, note=?2 WHERE %s",
                                 zTab, zW3);
      zRevise = sqlite3_mprintf("UPDATE %s SET due=?1, note=?2 WHERE %s",
                                zTab, zW3);
    }
    sqlite3_free(zTab);
    sqlite3_free(zW1);
    sqlite3_free(zW3);
  }else if( eMode==SYNTH_PLAIN ){
    zFill = sqlite3_mprintf("INSERT INTO \"%w\"(service_id, category, name, "
        "name_ja, level, assignment, team, outsourcer, as_is, excluded, to_be,"
        " owner, due, phase, information, expertise, updated_at) VALUES(?1,?2,"
        "?3,?4,?5,?6,?7,?8,?9,coalesce(?10,0),?11,?12,?13,?14,?15,?16,"
        SYNTH_NOW ")", zName);
    zImprove = sqlite3_mprintf("UPDATE \"%w\" SET as_is=?1, note=?2, "
        "updated_at=" SYNTH_NOW " WHERE service_id=?3", zName);
    zRevise = sqlite3_mprintf("UPDATE \"%w\" SET due=?1, note=?2, "
        "updated_at=" SYNTH_NOW " WHERE service_id=?3", zName);
  }else{
    zFill = sqlite3_mprintf("INSERT INTO synth_service(org, seq_no, "
        "service_id, category, name, name_ja, level, assignment, team, "
        "outsourcer, as_is, excluded, to_be, owner, due, phase, information, "
        "expertise, custom, updated_at) VALUES(?17,?18,?1,?2,?3,?4,?5,?6,?7,"
        "?8,?9,coalesce(?10,0),?11,?12,?13,?14,?15,?16,0," SYNTH_NOW ")");
    zImprove = sqlite3_mprintf("UPDATE synth_service SET as_is=?1, note=?2, "
        "updated_at=" SYNTH_NOW " WHERE org=?4 AND service_id=?3");
    zRevise = sqlite3_mprintf("UPDATE synth_service SET due=?1, note=?2, "
        "updated_at=" SYNTH_NOW " WHERE org=?4 AND service_id=?3");
  }
  if( !zFill || !zImprove || !zRevise ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, zFill, -1, &s->pFill, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, zImprove, -1, &s->pImprove, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, zRevise, -1, &s->pRevise, 0);
  sqlite3_free(zFill);
  sqlite3_free(zImprove);
  sqlite3_free(zRevise);
  return rc;
}

/* Step 2: every service's fill-step values.  aRow receives them. */
static int synthFill(Synth *p, Rng *r, SynthStmts *s, SynthRow *aRow,
                     const char *zName){
  int i, rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<p->n; i++){
    SynthService *v = &p->a[i];
    SynthRow *w = &aRow[i];
    /* the texts by parameter number (9..11 are the scores and the flag) */
    const char *az[16];
    int k;
    synthDraw(r, w);
    az[0] = v->zId;     az[1] = v->zCategory;  az[2] = v->zName;
    az[3] = v->zNameJa; az[4] = w->zLevel;     az[5] = w->zAssign;
    az[6] = w->zTeam;   az[7] = w->zProvider;  az[11] = w->zOwner;
    az[12] = w->zDue;   az[13] = v->zPhase;    az[14] = v->zInfo;
    az[15] = v->zExpertise;
    for(k=0; k<16; k++){
      if( k<8 || k>10 ) bindText(s->pFill, k+1, az[k]);
    }
    bindScore(s->pFill, 9, w->iAsIs);
    if( w->bExcluded ) sqlite3_bind_int(s->pFill, 10, 1);
    else sqlite3_bind_null(s->pFill, 10);
    bindScore(s->pFill, 11, w->iToBe);
    if( sqlite3_bind_parameter_count(s->pFill)>=17 ){
      bindText(s->pFill, 17, zName);
    }
    if( sqlite3_bind_parameter_count(s->pFill)>=18 ){
      sqlite3_bind_int(s->pFill, 18, i+1);
    }
    rc = stepReset(s->pFill);
  }
  return rc;
}

/* Steps 4 and 6: improve as-is on about a fifth of the services with a
** gap (bImprove), or revise due dates and notes on about a tenth. */
static int synthRound(Synth *p, Rng *r, SynthStmts *s, SynthRow *aRow,
                      int bImprove, const char *zName){
  int i, rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<p->n; i++){
    SynthRow *w = &aRow[i];
    sqlite3_stmt *pStmt = bImprove ? s->pImprove : s->pRevise;
    if( bImprove ){
      if( w->iAsIs==0 || w->iAsIs>=w->iToBe || rngBelow(r, 100)>=20 ) continue;
      w->iAsIs++;
      sqlite3_bind_int(pStmt, 1, w->iAsIs);
      bindText(pStmt, 2, "improved in FY2026-H1");
    }else{
      if( rngBelow(r, 100)>=10 ) continue;
      bindText(pStmt, 1, "2027-03-31");
      bindText(pStmt, 2, "reviewed at the quarterly meeting");
    }
    bindText(pStmt, 3, p->a[i].zId);
    if( sqlite3_bind_parameter_count(pStmt)>=4 ) bindText(pStmt, 4, zName);
    rc = stepReset(pStmt);
  }
  return rc;
}

/* Steps 3 and 5: a snapshot under zLabel. */
static int synthSnapshot(sqlite3 *db, SynthMode eMode, const char *zName,
                         const char *zLabel){
  if( eMode==SYNTH_X1060 || eMode==SYNTH_ROWS ){
    return execFree(db, sqlite3_mprintf("SELECT x1060_snapshot('%q','%q')",
                                        zName, zLabel));
  }
  if( eMode==SYNTH_SINGLE ){
    return execFree(db, sqlite3_mprintf("INSERT INTO synth_snapshot SELECT "
        "org, '%q', " SYNTH_NOW ", seq_no, service_id, category, name, "
        "name_ja, level, assignment, team, outsourcer, as_is, to_be, excluded,"
        " information, expertise, phase, owner, due, evidence, note, custom, "
        "updated_at FROM synth_service WHERE org=%Q", zLabel, zName));
  }
  return execFree(db, sqlite3_mprintf("INSERT INTO \"%w_snapshot\" SELECT "
      "'%q', strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now'), * FROM \"%w\"",
      zName, zLabel, zName));
}

int synthMakeOrg(Synth *p, sqlite3 *db, SynthMode eMode, int iOrg){
  char *zName = synthName(iOrg);
  int rc = zName ? synthMake(p, db, eMode, zName, iOrg) : SQLITE_NOMEM;
  sqlite3_free(zName);
  return rc;
}

int synthFillOrg(Synth *p, sqlite3 *db, SynthMode eMode,
                 unsigned long long seed, int iOrg){
  SynthStmts s = {0, 0, 0};
  SynthRow aRow[SYNTH_NSERVICE];
  Rng r;
  char *zName = synthName(iOrg);
  int rc = zName ? SQLITE_OK : SQLITE_NOMEM;
  r.s = seed * 0x2545f4914f6cdd1dULL + (unsigned long long)iOrg;
  if( rc==SQLITE_OK ) rc = synthPrepare(db, eMode, zName, &s);
  if( rc==SQLITE_OK ) rc = synthFill(p, &r, &s, aRow, zName);
  if( rc==SQLITE_OK ) rc = synthSnapshot(db, eMode, zName, "FY2025-H2");
  if( rc==SQLITE_OK ) rc = synthRound(p, &r, &s, aRow, 1, zName);
  if( rc==SQLITE_OK ) rc = synthSnapshot(db, eMode, zName, "FY2026-H1");
  if( rc==SQLITE_OK ) rc = synthRound(p, &r, &s, aRow, 0, zName);
  sqlite3_finalize(s.pFill);
  sqlite3_finalize(s.pImprove);
  sqlite3_finalize(s.pRevise);
  sqlite3_free(zName);
  return rc;
}

int synthOrg(Synth *p, sqlite3 *db, SynthMode eMode, unsigned long long seed,
             int iOrg){
  int rc = synthMakeOrg(p, db, eMode, iOrg);
  if( rc==SQLITE_OK ) rc = synthFillOrg(p, db, eMode, seed, iOrg);
  return rc;
}
