/*
** x1060: working with CDCs by name.
**
**   SELECT x1060_snapshot('acme', 'FY2026-H1');  -- copy of the whole CDC
**   SELECT x1060_integrity('acme');              -- 'ok' or the problems
**
** A name argument is looked up in the storage of each attached database
** ("schema.name" picks one), names a CDC made either way, and is only ever
** put into SQL quoted (%Q, %w).  Anything else is an error naming it.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define CDC_MAX_PROBLEMS 100

/* What cdcResolve learnt of the schemas it looked in. */
typedef struct Resolve Resolve;
struct Resolve {
  const char *zFunc;
  char *zFormat1;           /* a schema with a table of format 1 so named */
  char *zOrphan;            /* a CDC table the storage has no row for */
  char *zRefused;           /* the schema whose storage was refused */
  int bFound;
};

/* Look for CDC zTab in schema zDb (its storage checked first,
** x1060StoreGate): SQLITE_OK and bFound when it is there, with *pzName
** its name as stored; SQLITE_OK when it is not (noting a table of format 1
** or an orphan of that name); else an error with *pzErr. */
static int resolveIn(sqlite3 *db, const char *zDb, const char *zTab,
                     Resolve *pR, char **pzName, char **pzErr){
  sqlite3_int64 iCdc = 0;
  int bFormat1 = 0, bTable = 0;
  int rc = x1060StoreGate(db, zDb, pzErr);
  if( rc==SQLITE_CORRUPT_VTAB ){
    pR->zRefused = sqlite3_mprintf("%s", zDb);
    return pR->zRefused ? rc : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = x1060StoreFind(db, zDb, zTab, &iCdc, pzName);
  if( rc==SQLITE_CORRUPT_VTAB && *pzErr==0 ){
    char *zWho = sqlite3_mprintf("%s.%s", zDb, zTab);
    char *zWhy = x1060Msg(db, X1060_MSG_CDC_ID_DAMAGED, X1060_STR(CDC_ID_MAX));
    *pzErr = zWho && zWhy ? x1060Msg(db, X1060_MSG_FUNC_NAMED_DAMAGED,
                                     pR->zFunc, zWho, zWhy) : 0;
    sqlite3_free(zWho);
    sqlite3_free(zWhy);
    if( *pzErr==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) pR->bFound = 1;
  if( rc!=SQLITE_NOTFOUND ) return rc;
  rc = pR->zFormat1 ? SQLITE_OK : x1060StoreIsFormat1(db, zDb, zTab, &bFormat1);
  if( rc==SQLITE_OK && bFormat1 ){
    pR->zFormat1 = sqlite3_mprintf("%s", zDb);
    if( pR->zFormat1==0 ) rc = SQLITE_NOMEM;
  }else if( rc==SQLITE_OK && !pR->zFormat1 && !pR->zOrphan ){
    rc = x1060StoreIsCdcTable(db, zDb, zTab, &bTable);
    if( rc==SQLITE_OK && bTable ){
      pR->zOrphan = sqlite3_mprintf("%s.%s", zDb, zTab);
      if( pR->zOrphan==0 ) rc = SQLITE_NOMEM;
    }
  }
  return rc;
}

/* The message of a name that names no CDC, from sqlite3_mprintf. */
static char *resolveMissing(sqlite3 *db, Resolve *pR, sqlite3_value *pArg){
  char *zVal = x1060DescribeValueIn(pArg, x1060ConnLanguage(db)), *zErr = 0;
  char *zLit = pR->zFormat1 ? sqlite3_mprintf("%Q", pR->zFormat1) : 0;
  if( zVal && zLit ){
    zErr = x1060Msg(db, X1060_MSG_FORMAT1_CDC, pR->zFunc, zVal, zLit);
  }else if( zVal && pR->zOrphan ){
    zErr = x1060Msg(db, X1060_MSG_ORPHAN_CDC, pR->zFunc, zVal, pR->zOrphan);
  }else if( zVal && !pR->zFormat1 ){
    zErr = x1060Msg(db, X1060_MSG_NOT_A_CDC, pR->zFunc, zVal);
  }
  sqlite3_free(zVal);
  sqlite3_free(zLit);
  return zErr;
}

/*
** Find the CDC that argument pArg of function zFunc names, as SQLite finds
** a table: "schema.name" in that schema when one is so named (CDC names
** have no dot), else the name in temp, main, then the attached databases
** in the order they were attached; whether made with CREATE VIRTUAL TABLE
** or INSERT INTO x1060_cdcs.  Each schema's storage is checked before it
** is read (x1060StoreGate).  On success *pzSchema and *pzName (owned) are
** its schema and its name as stored; else *pzErr (owned) says what was
** wrong (pzRefused not NULL: when a schema's storage was refused, *pzRefused
** is that schema, owned).
*/
static int resolveCore(sqlite3 *db, sqlite3_value *pArg, const char *zFunc,
                       char **pzSchema, char **pzName, char **pzErr,
                       char **pzRefused){
  sqlite3_stmt *pDbs = 0;
  const char *zArg = (const char*)sqlite3_value_text(pArg);
  const char *zDot = zArg ? strchr(zArg, '.') : 0;
  Resolve r;
  int rc = SQLITE_OK;
  memset(&r, 0, sizeof(r));
  r.zFunc = zFunc;
  *pzSchema = *pzName = *pzErr = 0;
  if( sqlite3_value_type(pArg)==SQLITE_TEXT && zArg==0 ) return SQLITE_NOMEM;
  if( sqlite3_value_type(pArg)==SQLITE_TEXT ){
    /* SQLite's order: temp, main, the others by seq */
    rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_database_list "
        "ORDER BY seq<>1, seq", -1, &pDbs, 0);
  }
  while( rc==SQLITE_OK && !r.bFound && pDbs && (zDot==0 || *zDot)
      && sqlite3_step(pDbs)==SQLITE_ROW ){
    const char *zDb = (const char*)sqlite3_column_text(pDbs, 0);
    if( zDb==0 ){ rc = SQLITE_NOMEM; break; }
    if( zDot==0 ){
      rc = resolveIn(db, zDb, zArg, &r, pzName, pzErr);
    }else if( (int)strlen(zDb)==(int)(zDot-zArg)
           && sqlite3_strnicmp(zDb, zArg, (int)(zDot-zArg))==0 ){
      rc = resolveIn(db, zDb, zDot+1, &r, pzName, pzErr);
      zDot = "";                  /* no other schema is looked in */
    }
    if( r.bFound && rc==SQLITE_OK ){
      *pzSchema = sqlite3_mprintf("%s", zDb);
      if( *pzSchema==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( pDbs && rc==SQLITE_OK ) rc = sqlite3_finalize(pDbs);
  else sqlite3_finalize(pDbs);
  if( rc==SQLITE_OK && !r.bFound ){
    *pzErr = resolveMissing(db, &r, pArg);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  sqlite3_free(r.zFormat1);
  sqlite3_free(r.zOrphan);
  if( pzRefused ) *pzRefused = r.zRefused;
  else sqlite3_free(r.zRefused);
  if( rc!=SQLITE_OK ){
    sqlite3_free(*pzSchema);
    sqlite3_free(*pzName);
    *pzSchema = *pzName = 0;
  }
  return rc;
}

/* See x1060_int.h. */
int cdcQualified(sqlite3 *db, sqlite3_value *pSchema, sqlite3_value *pName,
                 sqlite3_stmt **ppStmt, sqlite3_value **ppVal){
  int rc;
  *ppStmt = 0;
  if( sqlite3_value_type(pSchema)==SQLITE_NULL
   || sqlite3_value_type(pName)==SQLITE_NULL ){
    *ppVal = pName;
    return SQLITE_OK;
  }
  rc = sqlite3_prepare_v2(db, "SELECT ?1||'.'||?2", -1, ppStmt, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(*ppStmt, 1, pSchema);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(*ppStmt, 2, pName);
  if( rc==SQLITE_OK && sqlite3_step(*ppStmt)!=SQLITE_ROW ){
    rc = sqlite3_reset(*ppStmt);
    if( rc==SQLITE_OK ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) *ppVal = sqlite3_column_value(*ppStmt, 0);
  return rc;
}

/* See x1060_int.h. */
int cdcResolve(sqlite3 *db, sqlite3_value *pArg, const char *zFunc,
               char **pzSchema, char **pzName, char **pzErr){
  return resolveCore(db, pArg, zFunc, pzSchema, pzName, pzErr, 0);
}

/*************************************************************** integrity */

/* The report being written: the problems found so far. */
typedef struct Check Check;
struct Check {
  sqlite3_str *pOut;
  int n;                  /* problems found */
  int bNomem;             /* a message could not be allocated */
  char *zFirst;           /* the first problem */
  int bForeign;           /* the storage holds what x1060 did not make */
  int bJa;                /* problems said in Japanese */
};

/* Append problem zProblem (owned) to the report; count it.  A problem
** whose text could not be allocated makes the check fail with NOMEM. */
static void addProblem(Check *pCheck, const char *zName, char *zProblem){
  if( zProblem==0 ){
    pCheck->bNomem = 1;
    return;
  }
  if( pCheck->n==0 ){
    pCheck->zFirst = sqlite3_mprintf("%s", zProblem);
    if( pCheck->zFirst==0 ) pCheck->bNomem = 1;
  }
  if( pCheck->n<CDC_MAX_PROBLEMS && pCheck->pOut ){
    if( pCheck->n ) sqlite3_str_appendchar(pCheck->pOut, 1, '\n');
    x1060AppendMsg(pCheck->pOut, pCheck->bJa, X1060_MSG_TABLE_PROBLEM, zName,
                   zProblem);
  }
  pCheck->n++;
  sqlite3_free(zProblem);
}

/* See x1060_int.h. */
int cdcIsFinding(int rc){
  int e = rc & 0xff;
  return e==SQLITE_ERROR || e==SQLITE_CORRUPT || e==SQLITE_MISMATCH;
}

/* The context of checkStorage's problems: the report and the CDC's name. */
typedef struct StorageCheck StorageCheck;
struct StorageCheck { Check *pCheck; const char *zName; };

static void storageProblem(void *pArg, int eKind, char *zProblem){
  StorageCheck *p = (StorageCheck*)pArg;
  if( eKind==X1060_STORE_FOREIGN ) p->pCheck->bForeign = 1;
  addProblem(p->pCheck, p->zName, zProblem);
}

/* Check the storage's objects: each there, and what x1060 made (a table,
** not a view of that name; its definition; no other triggers on its
** tables; no table or view hiding one of x1060's; x1060StoreProblems). */
static int checkStorage(sqlite3 *db, const char *zSchema, const char *zName,
                        Check *pCheck){
  StorageCheck sc;
  sc.pCheck = pCheck;
  sc.zName = zName;
  return x1060StoreProblems(db, zSchema, storageProblem, &sc);
}

/* Problem "<zTab>: <zCol> holds <v>, expected <eExp>" of CDC zName. */
static void checkHolds(Check *pCheck, const char *zName, const char *zTab,
                       const char *zCol, sqlite3_value *v, int eExp){
  int bJa = pCheck->bJa;
  char *zVal = x1060DescribeValueIn(v, bJa);
  char *zWhy = zVal ? x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED, zCol, zVal,
                                 x1060Text(bJa, eExp)) : 0;
  addProblem(pCheck, zName, zWhy ? x1060MsgIn(bJa, X1060_MSG_TABLE_PROBLEM,
                                              zTab, zWhy) : 0);
  sqlite3_free(zVal);
  sqlite3_free(zWhy);
}

/* Problem "<zTab>: unreadable: <why>" of CDC zName. */
static void checkUnreadable(Check *pCheck, const char *zName,
                            const char *zTab, const char *zWhy){
  addProblem(pCheck, zName, x1060MsgIn(pCheck->bJa, X1060_MSG_UNREADABLE,
                                       zTab, zWhy));
}

/* The CDC's row of x1060_store_cdc: its org (pOrg) text of UTF-8 without
** a NUL (a byte that is not UTF-8 would pass into every export), its
** created_at (pMade) a time as CDC_NOW writes it. */
static void checkCdcRow(Check *pCheck, const char *zName, sqlite3_value *pOrg,
                        sqlite3_value *pMade){
  /* (the type first: reading a blob as text would make it text) */
  int bText = sqlite3_value_type(pOrg)==SQLITE_TEXT;
  const char *z = bText ? (const char*)sqlite3_value_text(pOrg) : 0;
  if( z==0 || z[0]==0
   || memchr(z, 0, sqlite3_value_bytes(pOrg))
   || !x1060Utf8Valid(z, sqlite3_value_bytes(pOrg)) ){
    checkHolds(pCheck, zName, "x1060_store_cdc", "org", pOrg,
               X1060_MSG_EXP_UTF8_NO_NUL);
  }
  if( !cdcIsStamp(pMade) ){
    checkHolds(pCheck, zName, "x1060_store_cdc", "created_at", pMade,
               X1060_MSG_EXP_TIME);
  }
}

/* Check the storage's format row and the CDC's row of x1060_store_cdc. */
static int checkConfig(sqlite3 *db, const char *zSchema, const char *zName,
                       Check *pCheck){
  sqlite3_stmt *pStmt = 0;
  char *zSql = x1060FillSql("SELECT (SELECT value FROM $S.x1060_store_config "
      "WHERE key='format'), (SELECT org FROM $C), (SELECT created_at FROM $C)",
      zSchema, zName);
  int rc = x1060Prepare(db, zSql, &pStmt);
  int eStep;
  eStep = rc==SQLITE_OK ? sqlite3_step(pStmt) : rc;
  if( rc==SQLITE_OK && eStep!=SQLITE_ROW ) rc = sqlite3_reset(pStmt);
  if( rc==SQLITE_OK && eStep==SQLITE_ROW ){
    if( sqlite3_column_type(pStmt, 0)!=SQLITE_INTEGER
     || sqlite3_column_int64(pStmt, 0)<STORE_FORMAT_UPGRADABLE
     || sqlite3_column_int64(pStmt, 0)>STORE_FORMAT ){
      char *zVal = x1060DescribeValueIn(sqlite3_column_value(pStmt, 0),
                                        pCheck->bJa);
      addProblem(pCheck, zName, zVal ? x1060MsgIn(pCheck->bJa,
          X1060_MSG_FORMAT_IS, zVal, X1060_STR(STORE_FORMAT),
          X1060_STR(STORE_FORMAT_UPGRADABLE)) : 0);
      sqlite3_free(zVal);
    }
    checkCdcRow(pCheck, zName, sqlite3_column_value(pStmt, 1),
                sqlite3_column_value(pStmt, 2));
  }else if( rc==SQLITE_OK || cdcIsFinding(rc) ){
    checkUnreadable(pCheck, zName, "x1060_store_config", rc==SQLITE_OK
                    ? x1060Text(pCheck->bJa, X1060_MSG_NO_ROW)
                    : sqlite3_errmsg(db));
    rc = SQLITE_OK;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Every Annex A service is in the group of rows just read (aSeen): the
** CDC's services, or the snapshot labelled zLabel. */
static void checkComplete(Check *pCheck, const char *zName, const char *zTab,
                          const char *zLabel, const unsigned char *aSeen){
  int i, bJa = pCheck->bJa;
  char *zLit = zLabel ? sqlite3_mprintf("%Q", zLabel) : 0;
  for(i=0; i<X1060_NSERVICE; i++){
    char *zWhy;
    if( aSeen[i] ) continue;
    zWhy = x1060MsgIn(bJa, X1060_MSG_ANNEX_MISSING_DAMAGED,
                      x1060Services[i].zId);
    addProblem(pCheck, zName, zWhy && (zLit || !zLabel) ? (zLabel
        ? x1060MsgIn(bJa, X1060_MSG_SNAPSHOT_PROBLEM, zTab, zLit, zWhy)
        : x1060MsgIn(bJa, X1060_MSG_TABLE_PROBLEM, zTab, zWhy)) : 0);
    sqlite3_free(zWhy);
  }
  sqlite3_free(zLit);
}

/* Snapshot label pLabel is one x1060_snapshot writes: never 'current',
** never with surrounding spaces. */
static void checkLabel(Check *pCheck, const char *zName, const char *zTab,
                       sqlite3_value *pLabel){
  char *zLabel = 0, *zVal = x1060DescribeValueIn(pLabel, pCheck->bJa);
  int rc = cdcSnapshotLabel(pLabel, &zLabel);
  if( rc==SQLITE_CONSTRAINT || (rc==SQLITE_OK && strcmp(zLabel,
        (const char*)sqlite3_value_text(pLabel))!=0) ){
    char *zAllowed = x1060MsgIn(pCheck->bJa, X1060_MSG_LABEL_ALLOWED_TRIMMED,
                                X1060_STR(X1060_LABEL_MAX));
    addProblem(pCheck, zName, zVal && zAllowed ? x1060MsgIn(pCheck->bJa,
        X1060_MSG_LABEL_NOT_WRITTEN, zTab, zVal, zAllowed) : 0);
    sqlite3_free(zAllowed);
  }else if( rc!=SQLITE_OK ){
    pCheck->bNomem = 1;
  }
  sqlite3_free(zLabel);
  sqlite3_free(zVal);
}

/* A row of snapshot zLabel was taken at pStamp: a time CDC_NOW writes. */
static int checkStamp(Check *pCheck, const char *zName, const char *zTab,
                      const char *zLabel, sqlite3_value *pStamp){
  int bJa = pCheck->bJa;
  char *zVal, *zWhy, *zLit;
  if( cdcIsStamp(pStamp) ) return 0;
  zVal = x1060DescribeValueIn(pStamp, bJa);
  zWhy = zVal ? x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED, "taken_at", zVal,
                           x1060Text(bJa, X1060_MSG_EXP_TIME)) : 0;
  zLit = sqlite3_mprintf("%Q", zLabel);
  addProblem(pCheck, zName, zWhy && zLit ? x1060MsgIn(bJa,
             X1060_MSG_SNAPSHOT_PROBLEM, zTab, zLit, zWhy) : 0);
  sqlite3_free(zVal);
  sqlite3_free(zWhy);
  sqlite3_free(zLit);
  return 1;
}

/* The problem of the Annex A identity of the current row of pStmt (its
** stored columns from 1): Annex A rows carry their id, category and name;
** custom rows take no Annex A id.  NULL if none; else from
** sqlite3_mprintf.  Marks an Annex A row's service seen. */
static char *checkIdentity(sqlite3_stmt *pStmt, unsigned char *aSeen,
                           int bJa){
  const char *zId = (const char*)sqlite3_column_text(pStmt, 1);
  int iSvc = cdcServiceById(zId);
  int bCustom = sqlite3_column_int(pStmt, 1+CDC_S_CUSTOM);
  if( !bCustom && iSvc<0 ){
    char *zLit = sqlite3_mprintf("%Q", zId);
    char *z = zLit ? x1060MsgIn(bJa, X1060_MSG_NOT_CUSTOM_NOT_ANNEX, zLit) : 0;
    sqlite3_free(zLit);
    return z;
  }
  if( bCustom && (iSvc>=0 || cdcReservedId(zId)) ){
    return x1060MsgIn(bJa, X1060_MSG_CUSTOM_ANNEX_ID);
  }
  if( iSvc>=0 ) aSeen[iSvc] = 1;     /* (there, if damaged: said below) */
  if( !bCustom && (strcmp((const char*)sqlite3_column_text(pStmt,
        1+CDC_NAME), x1060Services[iSvc].w.zName)!=0
      || sqlite3_column_text(pStmt, 1+CDC_CATEGORY)[0]!=zId[0]) ){
    return x1060MsgIn(bJa, X1060_MSG_ANNEX_IDENTITY);
  }
  return 0;
}

/* The problem of the current row of pStmt (seq_no, the stored columns,
** label): a stored value, its key, its Annex A identity; NULL if none. */
static char *checkRow(sqlite3_stmt *pStmt, unsigned char *aSeen, int bJa,
                      int *pRc){
  sqlite3_value *pSeq = sqlite3_column_value(pStmt, 0);
  char *zProblem = cdcStoredProblem(bJa, pStmt, 1, CDC_ALL_STORED, pRc);
  if( *pRc!=SQLITE_OK || zProblem ){
    /* (a row that is there is not said to be missing as well) */
    int iSvc = cdcServiceById((const char*)sqlite3_column_text(pStmt, 1));
    if( iSvc>=0 && sqlite3_column_int(pStmt, 1+CDC_S_CUSTOM)==0 ){
      aSeen[iSvc] = 1;
    }
    return zProblem;
  }
  if( !CDC_KEY_OK(pSeq, CDC_SEQ_MAX) ){
    /* (the key of the rowid: a crafted one would point elsewhere) */
    char *zVal = x1060DescribeValueIn(pSeq, bJa);
    char *zExp = x1060MsgIn(bJa, X1060_MSG_EXP_INTEGER_RANGE,
                            X1060_STR(CDC_SEQ_MAX));
    zProblem = zVal && zExp ? x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED,
                                         "seq_no", zVal, zExp) : 0;
    sqlite3_free(zVal);
    sqlite3_free(zExp);
  }else{
    zProblem = checkIdentity(pStmt, aSeen, bJa);
    if( zProblem ) return zProblem;
    return 0;
  }
  if( zProblem==0 ) *pRc = SQLITE_NOMEM;
  return zProblem;
}

/* Where the current row of checkRows' pStmt is: "snapshot 'S1', service
** 'B-1'" or "seq_no 3 (service 'B-1')"; from sqlite3_mprintf. */
static char *checkWhere(int bJa, int bSnapshot, sqlite3_stmt *pStmt,
                        const char *zLabel){
  char *zSvc = sqlite3_mprintf("%Q", sqlite3_column_text(pStmt, 1));
  char *zAt = bSnapshot ? sqlite3_mprintf("%Q", zLabel)
                        : sqlite3_mprintf("%lld", sqlite3_column_int64(pStmt, 0));
  char *z = zSvc && zAt ? x1060MsgIn(bJa, bSnapshot
      ? X1060_MSG_WHERE_SNAPSHOT_SERVICE : X1060_MSG_WHERE_SEQ_SERVICE, zAt,
      zSvc) : 0;
  sqlite3_free(zSvc);
  sqlite3_free(zAt);
  return z;
}

/*
** Check the CDC's rows of x1060_store_service (bSnapshot 0) or
** x1060_store_snapshot: every row (checkRow); each snapshot's label and
** time (checkLabel); every Annex A service in the services and in each
** snapshot (checkComplete).
*/
static int checkRows(sqlite3 *db, const char *zSchema, const char *zName,
                     int bSnapshot, Check *pCheck){
  const char *zTab = bSnapshot ? "x1060_store_snapshot" : "x1060_store_service";
  const int iLabel = 1+CDC_NSTORED;
  sqlite3_stmt *pStmt = 0;
  char *zCols = cdcStoredColumnList("");
  char *zTpl = zCols ? sqlite3_mprintf("SELECT seq_no,%s,%s FROM %s", zCols,
      bSnapshot ? "label,taken_at" : "NULL,NULL", bSnapshot
      ? "$N ORDER BY label" : "$D") : 0;
  char *zSql = zTpl ? x1060FillSql(zTpl, zSchema, zName) : 0;
  char *zLabel = 0;             /* the snapshot being read */
  int bStampSaid = 0;           /* its taken_at has been found wrong */
  unsigned char aSeen[X1060_NSERVICE];
  int rc = x1060Prepare(db, zSql, &pStmt);
  memset(aSeen, 0, sizeof(aSeen));
  sqlite3_free(zTpl);
  sqlite3_free(zCols);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    char *zProblem, *zWhere;
    const char *zThis = (const char*)sqlite3_column_text(pStmt, iLabel);
    if( bSnapshot && zThis && (zLabel==0 || strcmp(zLabel, zThis)!=0) ){
      if( zLabel ) checkComplete(pCheck, zName, zTab, zLabel, aSeen);
      memset(aSeen, 0, sizeof(aSeen));
      sqlite3_free(zLabel);
      zLabel = sqlite3_mprintf("%s", zThis);
      if( zLabel==0 ){ rc = SQLITE_NOMEM; break; }
      checkLabel(pCheck, zName, zTab, sqlite3_column_value(pStmt, iLabel));
      bStampSaid = 0;
    }
    if( bSnapshot && zLabel && !bStampSaid ){
      bStampSaid = checkStamp(pCheck, zName, zTab, zLabel,
                              sqlite3_column_value(pStmt, iLabel+1));
    }
    zProblem = checkRow(pStmt, aSeen, pCheck->bJa, &rc);
    if( rc!=SQLITE_OK ){ sqlite3_free(zProblem); break; }
    if( zProblem==0 ) continue;
    zWhere = checkWhere(pCheck->bJa, bSnapshot, pStmt, zThis);
    addProblem(pCheck, zName, zWhere ? x1060MsgIn(pCheck->bJa,
        X1060_MSG_TABLE_WHERE_PROBLEM, zTab, zWhere, zProblem) : 0);
    sqlite3_free(zWhere);
    sqlite3_free(zProblem);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( cdcIsFinding(rc) ){
    checkUnreadable(pCheck, zName, zTab, sqlite3_errmsg(db));
    rc = SQLITE_OK;
  }
  /* (an error that is not a finding, busy or out of memory, is returned:
  ** it says nothing of the rows not read) */
  if( rc==SQLITE_OK && (!bSnapshot || zLabel) ){
    checkComplete(pCheck, zName, zTab, zLabel, aSeen);
  }
  sqlite3_free(zLabel);
  return rc;
}

/* The problem of value v in history column zCol, from sqlite3_mprintf,
** or NULL (pCheck->bNomem set when the message could not be had). */
static char *historyValueProblem(const char *zCol, sqlite3_value *v,
                                 int bReal, Check *pCheck){
  int e = sqlite3_value_type(v);
  char *zVal, *z;
  if( e==SQLITE_NULL || e==SQLITE_INTEGER || e==SQLITE_TEXT ) return 0;
  if( bReal && e==SQLITE_FLOAT ) return 0;
  zVal = x1060DescribeValueIn(v, pCheck->bJa);
  z = zVal ? x1060MsgIn(pCheck->bJa, X1060_MSG_HOLDS_EXPECTED, zCol, zVal,
                        x1060Text(pCheck->bJa, bReal
                        ? X1060_MSG_EXP_HISTORY_VALUE_REAL
                        : X1060_MSG_EXP_HISTORY_VALUE)) : 0;
  sqlite3_free(zVal);
  if( z==0 ) pCheck->bNomem = 1;
  return z;
}

/* Check the CDC's rows of x1060_store_history: a time, a service id, an
** operation, a column of the CDC table or NULL, values as columns hold. */
static int checkHistory(sqlite3 *db, const char *zSchema, const char *zName,
                        Check *pCheck){
  sqlite3_stmt *pStmt = 0;
  char *zSql = x1060FillSql("SELECT id, changed_at, strftime('%Y-%m-%dT%H:%M:"
      "%SZ', julianday(changed_at)) IS changed_at, service_id, column_name, "
      "old_value, new_value FROM $H", zSchema, zName);
  int rc = x1060Prepare(db, zSql, &pStmt);
  if( cdcIsFinding(rc) ){
    checkUnreadable(pCheck, zName, "x1060_store_history", sqlite3_errmsg(db));
    return SQLITE_OK;
  }
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zCol = (const char*)sqlite3_column_text(pStmt, 4);
    char *zProblem = 0;
    int k;
    int bJa = pCheck->bJa;
    if( sqlite3_column_int(pStmt, 2)==0 ){
      char *zVal = x1060DescribeValueIn(sqlite3_column_value(pStmt, 1), bJa);
      zProblem = zVal ? x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED, "changed_at",
                          zVal, x1060Text(bJa, X1060_MSG_EXP_TIME)) : 0;
      sqlite3_free(zVal);
      if( zProblem==0 ) pCheck->bNomem = 1;
    }else if( sqlite3_column_type(pStmt, 3)!=SQLITE_TEXT ){
      zProblem = x1060MsgIn(bJa, X1060_MSG_SERVICE_ID_NOT_TEXT);
      if( zProblem==0 ) pCheck->bNomem = 1;
    }else if( zCol && cdcColumnIndex(zCol)<0 ){
      char *zLit = sqlite3_mprintf("%Q", zCol);
      zProblem = zLit ? x1060MsgIn(bJa, X1060_MSG_NOT_A_COLUMN, zLit) : 0;
      sqlite3_free(zLit);
      if( zProblem==0 ) pCheck->bNomem = 1;
    }
    for(k=5; zProblem==0 && k<=6; k++){
      zProblem = historyValueProblem(k==5 ? "old_value" : "new_value",
                                     sqlite3_column_value(pStmt, k), 0, pCheck);
    }
    if( zProblem ){
      char zId[24];
      sqlite3_snprintf(sizeof(zId), zId, "%lld", sqlite3_column_int64(pStmt, 0));
      addProblem(pCheck, zName, x1060MsgIn(pCheck->bJa, X1060_MSG_HISTORY_ID,
                                           zId, zProblem));
      sqlite3_free(zProblem);
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( cdcIsFinding(rc) ){
    checkUnreadable(pCheck, zName, "x1060_store_history", sqlite3_errmsg(db));
    rc = SQLITE_OK;
  }
  return rc;
}

/* The first column of a record's data in the queries of aRecords (those
** before it say where the row is). */
#define CHECK_DATA 3

/* The problem of an action row of pStmt (from column CHECK_DATA:
** action_id, then the action columns, or old_value and new_value when
** bHistory), from sqlite3_mprintf, or NULL (pCheck->bNomem on OOM). */
static char *checkActionRow(sqlite3_stmt *pStmt, int bHistory,
                            Check *pCheck){
  char *z = 0, *zVal, *zExp;
  int rc = SQLITE_OK, i, bJa = pCheck->bJa;
  if( !CDC_KEY_OK(sqlite3_column_value(pStmt, CHECK_DATA), ACT_ID_MAX) ){
    zVal = x1060DescribeValueIn(sqlite3_column_value(pStmt, CHECK_DATA), bJa);
    zExp = x1060MsgIn(bJa, X1060_MSG_EXP_INTEGER_RANGE, X1060_STR(ACT_ID_MAX));
    z = zVal && zExp ? x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED, "action_id",
                                  zVal, zExp) : 0;
    sqlite3_free(zVal);
    sqlite3_free(zExp);
    if( z==0 ) pCheck->bNomem = 1;
    return z;
  }
  for(i=0; bHistory && z==0 && i<2; i++){
    z = historyValueProblem(i ? "new_value" : "old_value",
        sqlite3_column_value(pStmt, CHECK_DATA+1+i), 1, pCheck);
  }
  for(i=0; !bHistory && z==0 && rc==SQLITE_OK && i<ACT_NCOL; i++){
    z = x1060ColumnProblem(bJa, &x1060ActionColumns[i],
                           sqlite3_column_value(pStmt, CHECK_DATA+1+i), &rc);
  }
  if( rc!=SQLITE_OK ) pCheck->bNomem = 1;
  return z;
}
static char *checkAction(sqlite3_stmt *pStmt, Check *pCheck){
  return checkActionRow(pStmt, 0, pCheck);
}
static char *checkActionHistory(sqlite3_stmt *pStmt, Check *pCheck){
  return checkActionRow(pStmt, 1, pCheck);
}

/* The checks of an assessment's row, in the order CHECK_ASSESSMENT makes
** them: the column, and what it must hold (-1: said without). */
static const struct AssessmentCheck {
  const char *zCol;
  int eExp;
} aAssessmentCheck[] = {
  { "seq_no", -1 }, { "side", X1060_MSG_EXP_SIDE },
  { "assignment", X1060_MSG_EXP_ASSIGNMENT },
  { "answers", X1060_MSG_EXP_JSON_OBJECT },
  { "evidence", X1060_MSG_EXP_JSON_OBJECT_NULL },
  { "score", X1060_MSG_SCORE_OR_NULL }, { "assessed_at", X1060_MSG_EXP_TIME },
};

/* The problem of an assessment row of pStmt: the check that failed
** (column CHECK_DATA, its 1-based index in aAssessmentCheck) and the value
** it read, quoted (the next column); NULL when none failed. */
static char *checkAssessment(sqlite3_stmt *pStmt, Check *pCheck){
  int k = sqlite3_column_int(pStmt, CHECK_DATA)-1, bJa = pCheck->bJa;
  const char *zVal = (const char*)sqlite3_column_text(pStmt, CHECK_DATA+1);
  const struct AssessmentCheck *c;
  char *z;
  if( k<0 || k>=X1060_ARRAY_SIZE(aAssessmentCheck) ) return 0;
  c = &aAssessmentCheck[k];
  z = c->eExp<0 ? x1060MsgIn(bJa, X1060_MSG_HOLDS_NO_EXPECTATION, c->zCol,
                             zVal)
    : strcmp(c->zCol, "answers")==0 ? x1060MsgIn(bJa, X1060_MSG_ANSWERS_HOLD,
                             zVal, x1060Text(bJa, c->eExp))
    : x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED, c->zCol, zVal,
                 x1060Text(bJa, c->eExp));
  if( z==0 ) pCheck->bNomem = 1;
  return z;
}

/* The checks of aAssessmentCheck, as SQL conditions that a row fails (in
** an sqlite3_mprintf format: %% is %). */
#define AC_SEQ "NOT (typeof(seq_no)='integer' AND seq_no BETWEEN 1 AND " \
  X1060_STR(CDC_SEQ_MAX) ")"
#define AC_SIDE "side IS NOT 'as_is' AND side IS NOT 'to_be'"
#define AC_ASG "assignment NOT IN ('Insourcing','Outsourcing','Combination') " \
  "OR assignment IS NULL"
#define AC_ANSWERS "typeof(answers)<>'text' OR NOT json_valid(answers)"
#define AC_EVIDENCE "evidence IS NOT NULL AND (typeof(evidence)<>'text' OR " \
  "NOT json_valid(evidence))"
#define AC_SCORE "score IS NOT NULL AND NOT (typeof(score)='integer' AND " \
  "score BETWEEN 1 AND 5)"
#define AC_AT "typeof(assessed_at)<>'text' OR strftime('%%Y-%%m-%%dT%%H:%%M:" \
  "%%SZ', julianday(assessed_at)) IS NOT assessed_at"
/* The first check an assessment's row fails (its 1-based index in
** aAssessmentCheck) and the value that check read, quoted; NULL, NULL when
** the row holds what x1060_assess writes. */
#define CHECK_ASSESSMENT "CASE WHEN " AC_SEQ " THEN 1 WHEN " AC_SIDE \
  " THEN 2 WHEN " AC_ASG " THEN 3 WHEN " AC_ANSWERS " THEN 4 WHEN " \
  AC_EVIDENCE " THEN 5 WHEN " AC_SCORE " THEN 6 WHEN " AC_AT " THEN 7 END, " \
  "CASE WHEN " AC_SEQ " THEN quote(seq_no) WHEN " AC_SIDE " THEN " \
  "quote(side) WHEN " AC_ASG " THEN quote(assignment) WHEN " AC_ANSWERS \
  " THEN quote(answers) WHEN " AC_EVIDENCE " THEN quote(evidence) WHEN " \
  AC_SCORE " THEN quote(score) WHEN " AC_AT " THEN quote(assessed_at) END"

/* The CDC's records of format 3 and what checks them: each source's table,
** the part it belongs to (CDC_CHECK_*), its query (an sqlite3_mprintf
** format, %s the action columns; columns 0 to CHECK_DATA-1 say where a
** row is, as message eWhere says it, the others go to xProblem), and the
** check of a row. */
static const struct CheckRecords {
  const char *zTab;
  int mPart;
  const char *zSql;
  int eWhere;
  char *(*xProblem)(sqlite3_stmt*, Check*);
} aRecords[] = {
  { "x1060_store_action", CDC_CHECK_ACTIONS,
    "SELECT quote(action_id), NULL, NULL, action_id, %s FROM $X",
    X1060_MSG_WHERE_ACTION, checkAction },
  { "x1060_store_action_snapshot", CDC_CHECK_RECORD_SNAPSHOTS,
    "SELECT quote(label), quote(action_id), NULL, action_id, %s FROM $Z",
    X1060_MSG_WHERE_SNAPSHOT_ACTION, checkAction },
  { "x1060_store_action_history", CDC_CHECK_HISTORY,
    "SELECT id, quote(action_id), NULL, action_id, old_value, new_value "
    "FROM $W", X1060_MSG_WHERE_HISTORY_ACTION, checkActionHistory },
  { "x1060_store_assessment", CDC_CHECK_ACTIONS,
    "SELECT quote(seq_no), coalesce(side, 'NULL'), NULL, " CHECK_ASSESSMENT
    " FROM $U", X1060_MSG_WHERE_ASSESSMENT, checkAssessment },
  { "x1060_store_assessment_snapshot", CDC_CHECK_RECORD_SNAPSHOTS,
    "SELECT quote(label), quote(seq_no), coalesce(side, 'NULL'), "
    CHECK_ASSESSMENT " FROM $B", X1060_MSG_WHERE_SNAPSHOT_ASSESSMENT,
    checkAssessment },
};

/* Check the CDC's records of format 3 that belong to mParts: the actions,
** their snapshots and history, the assessments and their snapshots (none
** in a storage of format 2). */
static int checkRecords(sqlite3 *db, const char *zSchema, const char *zName,
                        int mParts, Check *pCheck){
  char *zCols = x1060ActionColumnList("");
  int rc = zCols ? SQLITE_OK : SQLITE_NOMEM, k;
  for(k=0; rc==SQLITE_OK && k<X1060_ARRAY_SIZE(aRecords); k++){
    const struct CheckRecords *r = &aRecords[k];
    sqlite3_stmt *pStmt = 0;
    char *zTpl, *zSql;
    if( (mParts & r->mPart)==0 ) continue;
    zTpl = sqlite3_mprintf(r->zSql, zCols);
    zSql = zTpl ? x1060FillSql(zTpl, zSchema, zName) : 0;
    rc = zSql ? x1060PrepareStorage(db, zSql, 0, &pStmt, zSchema, r->zTab)
              : SQLITE_NOMEM;
    sqlite3_free(zSql);
    sqlite3_free(zTpl);
    if( rc==SQLITE_NOTFOUND ){ rc = SQLITE_OK; continue; }   /* format 2 */
    while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
      char *zProblem = r->xProblem(pStmt, pCheck), *zWhere;
      if( zProblem==0 ) continue;
      zWhere = x1060MsgIn(pCheck->bJa, r->eWhere,
                          (const char*)sqlite3_column_text(pStmt, 0),
                          (const char*)sqlite3_column_text(pStmt, 1),
                          (const char*)sqlite3_column_text(pStmt, 2));
      addProblem(pCheck, zName, zWhere ? x1060MsgIn(pCheck->bJa,
                 X1060_MSG_TABLE_WHERE_PROBLEM, r->zTab, zWhere, zProblem) : 0);
      sqlite3_free(zWhere);
      sqlite3_free(zProblem);
    }
    if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
    else sqlite3_finalize(pStmt);
    if( cdcIsFinding(rc) ){
      checkUnreadable(pCheck, zName, r->zTab, sqlite3_errmsg(db));
      rc = SQLITE_OK;
    }
  }
  sqlite3_free(zCols);
  return rc;
}

/* Run the checks of mParts (CDC_CHECK_*) of CDC zName in zSchema into
** pCheck. */
static int checkParts(sqlite3 *db, const char *zSchema, const char *zName,
                      int mParts, Check *pCheck){
  int rc = SQLITE_OK;
  if( mParts & CDC_CHECK_STORAGE ){
    rc = checkStorage(db, zSchema, zName, pCheck);
    /* nothing that is not x1060's is read */
    if( pCheck->bForeign ) return rc;
  }
  if( rc==SQLITE_OK && (mParts & (CDC_CHECK_STORAGE|CDC_CHECK_CDC)) ){
    rc = checkConfig(db, zSchema, zName, pCheck);
  }
  if( rc==SQLITE_OK && (mParts & CDC_CHECK_SERVICES) ){
    rc = checkRows(db, zSchema, zName, 0, pCheck);
  }
  if( rc==SQLITE_OK && (mParts & CDC_CHECK_SNAPSHOTS) ){
    rc = checkRows(db, zSchema, zName, 1, pCheck);
  }
  if( rc==SQLITE_OK && (mParts & CDC_CHECK_HISTORY) ){
    rc = checkHistory(db, zSchema, zName, pCheck);
  }
  if( rc==SQLITE_OK ) rc = checkRecords(db, zSchema, zName, mParts, pCheck);
  return rc;
}

/*
** For a reader of CDC zName in zSchema that is about to read the parts
** mParts (CDC_CHECK_*) of its storage directly: SQLITE_OK when they are
** sound; else SQLITE_CORRUPT_VTAB with *pzErr (owned) saying, after
** zFunc(), the first problem, as the CDC table says a damaged row; or
** another error (busy, out of memory...).
*/
int cdcCheckRead(sqlite3 *db, const char *zSchema, const char *zName,
                 int mParts, const char *zFunc, char **pzErr){
  Check check;
  int rc;
  memset(&check, 0, sizeof(check));
  check.bJa = x1060ConnLanguage(db);
  rc = checkParts(db, zSchema, zName, mParts, &check);
  if( rc==SQLITE_OK && check.bNomem ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK && check.n ){
    char *zQuoted = sqlite3_mprintf("%q", zName);
    *pzErr = zQuoted ? x1060MsgIn(check.bJa, X1060_MSG_IS_CORRUPT, zFunc,
                                  zName, check.zFirst, zQuoted) : 0;
    sqlite3_free(zQuoted);
    rc = *pzErr ? SQLITE_CORRUPT_VTAB : SQLITE_NOMEM;
  }
  sqlite3_free(check.zFirst);
  return rc;
}

/*
** The integrity report of CDC table zName in zSchema, from sqlite3_mprintf:
** "ok", or one problem a line (at most CDC_MAX_PROBLEMS, then a count).
** *pRc is set to SQLITE_NOMEM (or another error) when checking failed.
*/
char *cdcIntegrity(sqlite3 *db, const char *zSchema, const char *zName,
                   int *pRc){
  Check check;
  int rc;
  char *z;
  memset(&check, 0, sizeof(check));
  check.bJa = x1060ConnLanguage(db);
  check.pOut = sqlite3_str_new(0);
  rc = checkParts(db, zSchema, zName, CDC_CHECK_ALL, &check);
  sqlite3_free(check.zFirst);
  if( check.n>CDC_MAX_PROBLEMS ){
    char zMore[16];
    sqlite3_snprintf(sizeof(zMore), zMore, "%d", check.n-CDC_MAX_PROBLEMS);
    sqlite3_str_appendchar(check.pOut, 1, '\n');
    x1060AppendMsg(check.pOut, check.bJa, X1060_MSG_MORE_PROBLEMS, zName,
                   zMore);
  }
  if( check.n==0 ) sqlite3_str_appendall(check.pOut, "ok");
  z = sqlite3_str_finish(check.pOut);
  if( rc==SQLITE_OK && (z==0 || check.bNomem) ) rc = SQLITE_NOMEM;
  *pRc = rc;
  if( rc!=SQLITE_OK ){ sqlite3_free(z); z = 0; }
  return z;
}

/* x1060_integrity(cdc): 'ok' or the problems of CDC table cdc. */
static void integrityFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zSchema = 0, *zName = 0, *zErr = 0, *z = 0, *zRefused = 0;
  int rc;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  rc = resolveCore(db, argv[0], "x1060_integrity", &zSchema, &zName, &zErr,
                   &zRefused);
  if( rc==SQLITE_OK ){
    z = cdcIntegrity(db, zSchema, zName, &rc);
  }else if( rc==SQLITE_CORRUPT_VTAB && zRefused ){
    /* what is not x1060's in the storage it would have read */
    z = cdcIntegrity(db, zRefused, (const char*)sqlite3_value_text(argv[0]),
                     &rc);
  }
  if( rc==SQLITE_OK ){
    sqlite3_result_text(ctx, z, -1, sqlite3_free);
    z = 0;
  }else{
    x1060ResultError(ctx, rc, zErr);
  }
  sqlite3_free(z);
  sqlite3_free(zErr);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
  sqlite3_free(zRefused);
}

/**************************************************************** snapshots */

/* Read snapshot label v (cdcSnapshotLabel); *pzLabel or, on SQLITE_ERROR,
** *pzErr is set (owned). */
static int snapshotLabel(sqlite3 *db, sqlite3_value *v, char **pzLabel,
                         char **pzErr){
  int rc = cdcSnapshotLabel(v, pzLabel);
  if( rc==SQLITE_CONSTRAINT ){
    char *zAllowed = x1060Msg(db, X1060_MSG_LABEL_ALLOWED,
                              X1060_STR(X1060_LABEL_MAX));
    *pzErr = zAllowed ? x1060NotAllowedValue(db, "x1060_snapshot()", 0, v,
        x1060TextOf(db, X1060_MSG_A_SNAPSHOT_LABEL), zAllowed) : 0;
    sqlite3_free(zAllowed);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return rc;
}

/* Copy the improvement actions and the assessments of CDC zName in zSchema
** under label zLabel (none in a storage of format 2, which keeps none). */
static int snapshotRecords(sqlite3 *db, const char *zSchema,
                           const char *zName, const char *zLabel){
  char *zActCols = x1060ActionColumnList("");
  const struct { const char *zTab, *zCols, *zTaken, *zFrom; } aCopy[] = {
    { "x1060_store_action_snapshot", zActCols, ",taken_at", "$X" },
    { "x1060_store_assessment_snapshot", X1060_ASSESSMENT_COLUMNS, "", "$U" },
  };
  int rc = zActCols ? SQLITE_OK : SQLITE_NOMEM, k;
  for(k=0; rc==SQLITE_OK && k<X1060_ARRAY_SIZE(aCopy); k++){
    sqlite3_stmt *pStmt = 0;
    char *zTpl = sqlite3_mprintf("INSERT INTO $S.%s(cdc,label%s,%s%s) SELECT "
        "cdc,?1%s,%s%s FROM %s", aCopy[k].zTab, aCopy[k].zTaken,
        k==0 ? "action_id," : "", aCopy[k].zCols, *aCopy[k].zTaken ? ","
        CDC_NOW : "", k==0 ? "action_id," : "", aCopy[k].zCols,
        aCopy[k].zFrom);
    char *zSql = zTpl ? x1060FillSql(zTpl, zSchema, zName) : 0;
    rc = zSql ? x1060PrepareStorage(db, zSql, 0, &pStmt, zSchema,
                                    aCopy[k].zTab) : SQLITE_NOMEM;
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zLabel, -1,
                                               SQLITE_STATIC);
    if( rc==SQLITE_OK ){
      sqlite3_step(pStmt);
      rc = sqlite3_reset(pStmt);
    }
    if( rc==SQLITE_NOTFOUND ) rc = SQLITE_OK;
    sqlite3_finalize(pStmt);
    sqlite3_free(zSql);
    sqlite3_free(zTpl);
  }
  sqlite3_free(zActCols);
  return rc;
}

/*
** Copy the services of CDC zName in zSchema into x1060_store_snapshot under
** label zLabel, unless a snapshot of that label exists.  Sets *pnRow, or
** *pzErr (owned) on an error other than SQLITE_NOMEM.
*/
static int snapshotTake(sqlite3 *db, const char *zSchema, const char *zName,
                        const char *zLabel, int *pnRow, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char *zCols = cdcStoredColumnList("");
  char *zTpl = 0;
  char *zSql = x1060FillSql("SELECT taken_at FROM $N WHERE label=?1 LIMIT 1",
                            zSchema, zName);
  int rc = x1060Prepare(db, zSql, &pStmt);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zLabel, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    char *zLit = sqlite3_mprintf("%Q", zLabel);
    *pzErr = zLit ? x1060Msg(db, X1060_MSG_SNAPSHOT_EXISTS, zName, zLit,
                             (const char*)sqlite3_column_text(pStmt, 0)) : 0;
    sqlite3_free(zLit);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==SQLITE_OK ){
    zTpl = zCols ? sqlite3_mprintf("INSERT INTO $S.x1060_store_snapshot(cdc,"
        "label,taken_at,seq_no,%s) SELECT cdc,?1," CDC_NOW ",seq_no,%s FROM $D",
        zCols, zCols) : 0;
    zSql = zTpl ? x1060FillSql(zTpl, zSchema, zName) : 0;
    rc = x1060Prepare(db, zSql, &pStmt);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zLabel, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK ){
    sqlite3_step(pStmt);
    rc = sqlite3_reset(pStmt);
    *pnRow = sqlite3_changes(db);
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==SQLITE_OK ) rc = snapshotRecords(db, zSchema, zName, zLabel);
  if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM && *pzErr==0 ){
    *pzErr = x1060Msg(db, X1060_MSG_SNAPSHOT_FAILED, zName,
                      sqlite3_errmsg(db));
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zTpl);
  sqlite3_free(zCols);
  return rc;
}

/*
** x1060_snapshot(cdc, label): copy every row of CDC table cdc, its
** improvement actions and its assessments into the snapshots under label (see snapshotLabel
** for what a label may be), in a savepoint: all or nothing.  Its result: the number of
** services.  NULL in either argument: NULL.
*/
static int snapshotRun(sqlite3 *db, int nArg, sqlite3_value **apArg,
                       const char *zSavepoint, sqlite3_int64 *pn,
                       char **pzErr){
  char *zSchema = 0, *zName = 0, *zLabel = 0;
  X1060Savepoint sp;
  int rc, nRow = 0;
  (void)nArg;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL
   || sqlite3_value_type(apArg[1])==SQLITE_NULL ) return X1060_NULL_RESULT;
  rc = cdcResolve(db, apArg[0], "x1060_snapshot", &zSchema, &zName, pzErr);
  if( rc==SQLITE_OK ) rc = snapshotLabel(db, apArg[1], &zLabel, pzErr);
  if( rc==SQLITE_OK ){
    rc = x1060SavepointBegin(db, zSavepoint, &sp);
    if( rc==SQLITE_OK ){
      rc = x1060SavepointEnd(&sp, snapshotTake(db, zSchema, zName, zLabel,
                                               &nRow, pzErr));
    }
  }
  *pn = nRow;
  sqlite3_free(zLabel);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
  return rc;
}
X1060_DATA_DEF const X1060WriteOp x1060SnapshotOp = {
  "x1060_snapshot", "snapshot", 2, 2, snapshotRun
};

/**************************************************************** settings */

/* A key of x1060_set and x1060_get: a setting (a row of
** x1060_store_setting) or an attribute of the organisation (a column of
** x1060_store_attribute, organisation.c); pCol describes its value. */
typedef struct SetKey SetKey;
struct SetKey {
  const CdcColumn *pCol;
  const X1060Setting *pSetting;     /* NULL for an attribute */
};

/* Read into *pKey the key named by v (any case), or fail with *pzErr
** naming what is allowed (zWho: the function). */
static int keyOf(sqlite3 *db, sqlite3_value *v, const char *zWho,
                 SetKey *pKey, char **pzErr){
  const char *z = (const char*)sqlite3_value_text(v);
  sqlite3_str *pStr;
  int i;
  memset(pKey, 0, sizeof(*pKey));
  for(i=0; z && sqlite3_value_type(v)==SQLITE_TEXT && i<X1060_NSETTING; i++){
    if( sqlite3_stricmp(z, x1060Settings[i].col.zName)==0 ){
      pKey->pSetting = &x1060Settings[i];
      pKey->pCol = &x1060Settings[i].col;
      return SQLITE_OK;
    }
  }
  for(i=0; z && sqlite3_value_type(v)==SQLITE_TEXT && i<X1060_NATTRIBUTE;
      i++){
    if( sqlite3_stricmp(z, x1060AttributeColumns[i].zName)==0 ){
      pKey->pCol = &x1060AttributeColumns[i];
      return SQLITE_OK;
    }
  }
  {
    int bJa = x1060ConnLanguage(db);
    sqlite3_str *pAttr = sqlite3_str_new(0);
    char *zSettings, *zAttrs, *zAllowed;
    pStr = sqlite3_str_new(0);
    for(i=0; i<X1060_NSETTING; i++){
      if( i ) x1060AppendMsg(pStr, bJa, X1060_MSG_LIST_SEP);
      x1060AppendMsg(pStr, bJa, X1060_MSG_SETTING_DEFAULT,
          x1060Settings[i].col.zName, x1060Settings[i].zDefault);
    }
    for(i=0; i<X1060_NATTRIBUTE; i++){
      if( i ) x1060AppendMsg(pAttr, bJa, X1060_MSG_LIST_SEP);
      sqlite3_str_appendf(pAttr, "'%s'", x1060AttributeColumns[i].zName);
    }
    zSettings = sqlite3_str_finish(pStr);
    zAttrs = sqlite3_str_finish(pAttr);
    zAllowed = zSettings && zAttrs ? x1060MsgIn(bJa, X1060_MSG_SETTING_KEYS,
                                                zSettings, zAttrs) : 0;
    *pzErr = zAllowed ? x1060NotAllowedValue(db, zWho, "key", v,
        x1060Text(bJa, X1060_MSG_A_SETTING_OR_ATTRIBUTE), zAllowed) : 0;
    sqlite3_free(zSettings);
    sqlite3_free(zAttrs);
    sqlite3_free(zAllowed);
  }
  (void)z;
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The SQL that writes value v (read) of key k for CDC iCdc of zSchema:
** NULL removes a setting (its default applies again) or empties an
** attribute.  From sqlite3_mprintf. */
static char *keyWriteSql(const SetKey *k, const char *zSchema,
                         sqlite3_int64 iCdc, const X1060Value *v){
  const char *zCol = k->pCol->zName;
  if( k->pSetting && v->eType==SQLITE_NULL ){
    return sqlite3_mprintf("DELETE FROM \"%w\".x1060_store_setting WHERE "
                           "cdc=%lld AND key=%Q", zSchema, iCdc, zCol);
  }
  if( k->pSetting ){
    return sqlite3_mprintf("INSERT OR REPLACE INTO \"%w\".x1060_store_"
        "setting(cdc, key, value) VALUES(%lld, %Q, %!.17g)", zSchema, iCdc,
        zCol, v->r);
  }
  if( v->eType==SQLITE_NULL ){
    return sqlite3_mprintf("UPDATE \"%w\".x1060_store_attribute SET %s=NULL "
                           "WHERE cdc=%lld", zSchema, zCol, iCdc);
  }
  return sqlite3_mprintf("INSERT INTO \"%w\".x1060_store_attribute(cdc, %s) "
      "VALUES(%lld, %Q) ON CONFLICT(cdc) DO UPDATE SET %s=excluded.%s",
      zSchema, zCol, iCdc, v->z, zCol, zCol);
}

/* Write setting or attribute (pKey, pVal) of CDC iCdc of zSchema (NULL:
** keyWriteSql).  A bad value's message begins with zWho. */
static int settingWrite(sqlite3 *db, const char *zSchema, sqlite3_int64 iCdc,
                        sqlite3_value *pKey, sqlite3_value *pVal,
                        const char *zWho, char **pzErr){
  SetKey k;
  X1060Value v;
  char *zWhy = 0;
  int rc = keyOf(db, pKey, "x1060_set()", &k, pzErr);
  int bJa = x1060ConnLanguage(db);
  if( rc!=SQLITE_OK ) return rc;
  memset(&v, 0, sizeof(v));
  rc = x1060ColumnRead(k.pCol, pVal, bJa, &v, &zWhy);
  if( rc==SQLITE_CONSTRAINT ){
    char *zVal = x1060DescribeValueIn(pVal, bJa);
    *pzErr = zVal && zWhy ? sqlite3_mprintf("%s%s: %s %s", zWho,
                                            k.pCol->zName, zVal, zWhy) : 0;
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    sqlite3_free(zVal);
  }
  if( rc==SQLITE_OK ) rc = x1060Exec(db, keyWriteSql(&k, zSchema, iCdc, &v),
                                     0, 0);
  sqlite3_free(zWhy);
  if( v.eType==SQLITE_TEXT ) sqlite3_free((char*)v.z);
  return rc;
}

/* See x1060_int.h. */
int x1060SettingsApply(sqlite3 *db, const char *zSchema, sqlite3_int64 iCdc,
                       sqlite3_value *pObj, const char *zWho,
                       sqlite3_int64 *pn, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, "SELECT key, value FROM json_each(?1) "
      "WHERE json_valid(?1) AND json_type(?1)='object'", -1, &pStmt, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pStmt, 1, pObj);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    rc = settingWrite(db, zSchema, iCdc, sqlite3_column_value(pStmt, 0),
                      sqlite3_column_value(pStmt, 1), zWho, pzErr);
    (*pn)++;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK && *pn==0 ){
    *pzErr = x1060NotAllowedValue(db, "x1060_set()", "settings", pObj,
        x1060TextOf(db, X1060_MSG_SETTINGS_OBJECT),
        x1060TextOf(db, X1060_MSG_SETTINGS_ALLOWED));
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return rc;
}

/*
** x1060_set(cdc, key, value) or x1060_set(cdc, json_object): write a CDC's
** settings (value NULL: back to the default), all or nothing; its result,
** how many were written.  A storage of format 2 is upgraded first.
*/
static int setRun(sqlite3 *db, int nArg, sqlite3_value **apArg,
                  const char *zSavepoint, sqlite3_int64 *pn, char **pzErr){
  char *zSchema = 0, *zName = 0;
  sqlite3_int64 iCdc = 0;
  X1060Savepoint sp;
  int rc;
  *pn = 0;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return X1060_NULL_RESULT;
  rc = cdcResolve(db, apArg[0], "x1060_set", &zSchema, &zName, pzErr);
  if( rc==SQLITE_OK ) rc = x1060SavepointBegin(db, zSavepoint, &sp);
  if( rc==SQLITE_OK ){
    int rc2 = x1060StoreEnsure(db, zSchema, pzErr);
    if( rc2==SQLITE_OK ) rc2 = x1060StoreFind(db, zSchema, zName, &iCdc, 0);
    if( rc2==SQLITE_OK && nArg==3 ){
      rc2 = settingWrite(db, zSchema, iCdc, apArg[1], apArg[2],
                         "x1060_set(): ", pzErr);
      *pn = 1;
    }else if( rc2==SQLITE_OK ){
      rc2 = x1060SettingsApply(db, zSchema, iCdc, apArg[1], "x1060_set(): ",
                               pn, pzErr);
    }
    rc = x1060SavepointEnd(&sp, rc2);
  }
  sqlite3_free(zSchema);
  sqlite3_free(zName);
  return rc;
}
X1060_DATA_DEF const X1060WriteOp x1060SetOp = {
  "x1060_set", "set", 2, 3, setRun
};

/*
** x1060_get(cdc, key): the CDC's setting key, or its default when it has
** none (a storage of format 2 has none); or its attribute key, NULL when
** it has none.
*/
static void getFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zSchema = 0, *zName = 0, *zErr = 0, *zTpl = 0;
  SetKey k;
  sqlite3_stmt *pStmt = 0;
  int rc, iFormat = 0;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  rc = cdcResolve(db, argv[0], "x1060_get", &zSchema, &zName, &zErr);
  if( rc==SQLITE_OK ) rc = keyOf(db, argv[1], "x1060_get()", &k, &zErr);
  if( rc==SQLITE_OK ) rc = x1060StoreFormat(db, zSchema, &iFormat);
  if( rc==SQLITE_OK ){
    zTpl = k.pSetting ? sqlite3_mprintf("SELECT coalesce((SELECT value FROM "
        "$G WHERE key=%Q), %s)", k.pCol->zName, k.pSetting->zDefault)
        : sqlite3_mprintf("SELECT (SELECT %s FROM $K)", k.pCol->zName);
    rc = x1060Prepare(db, zTpl ? x1060FillSqlAt(zTpl, zSchema, zName,
                      iFormat) : 0, &pStmt);
  }
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    if( k.pSetting ){
      sqlite3_result_double(ctx, sqlite3_column_double(pStmt, 0));
    }else{
      sqlite3_result_value(ctx, sqlite3_column_value(pStmt, 0));
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc!=SQLITE_OK ) x1060ResultError(ctx, rc, zErr);
  sqlite3_free(zTpl);
  sqlite3_free(zErr);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/* Register x1060_snapshot and x1060_set (they write), x1060_integrity and
** x1060_get (they read a CDC of any schema): all DIRECTONLY
** (docs/security.md). */
int x1060RegisterCdcAdmin(sqlite3 *db){
  int rc = x1060RegisterWriteOp(db, &x1060SnapshotOp);
  if( rc==SQLITE_OK ) rc = x1060RegisterWriteOp(db, &x1060SetOp);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_get", 2,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, getFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_integrity", 1,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, integrityFunc, 0, 0);
  return rc;
}

/*
** For zFunc() about to read CDC pCdc (a name, as cdcResolve takes it)
** directly: resolve it, check the parts mParts of its storage and read the
** storage's format; *pzSchema and *pzName (owned) and *piFormat set.
** Errors in *pzErr (owned), as cdcResolve and cdcCheckRead.
*/
int cdcOpenRead(sqlite3 *db, sqlite3_value *pCdc, const char *zFunc,
                int mParts, char **pzSchema, char **pzName, int *piFormat,
                char **pzErr){
  int rc = cdcResolve(db, pCdc, zFunc, pzSchema, pzName, pzErr);
  if( rc==SQLITE_OK ){
    rc = cdcCheckRead(db, *pzSchema, *pzName, mParts, zFunc, pzErr);
  }
  if( rc==SQLITE_OK ) rc = x1060StoreFormat(db, *pzSchema, piFormat);
  return rc;
}

/*
** For zFunc() writing document zDoc, which takes a CDC as eCdc says
** (X1060_DOC_NO_CDC, _ANY_CDC or _CDC), called with argc arguments (the
** CDC in argv[1]): an error when a CDC is given where none is taken or
** none where one is needed; else, with a CDC, cdcOpenRead.
*/
int cdcDocument(sqlite3 *db, const char *zFunc, const char *zDoc, int eCdc,
                int argc, sqlite3_value **argv, int mParts, char **pzSchema,
                char **pzName, int *piFormat, char **pzErr){
  int rc = SQLITE_OK;
  if( (argc>1 && eCdc==X1060_DOC_NO_CDC) || (argc==1 && eCdc==X1060_DOC_CDC) ){
    *pzErr = x1060Msg(db, argc>1 ? X1060_MSG_DOC_NO_CDC
                                 : X1060_MSG_DOC_NEEDS_CDC, zFunc, zDoc);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( argc>1 ){
    rc = cdcOpenRead(db, argv[1], zFunc, mParts, pzSchema, pzName, piFormat,
                     pzErr);
  }
  return rc;
}
