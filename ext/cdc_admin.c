/*
** x1060: working with CDCs by name.
**
**   SELECT x1060_snapshot('acme', 'FY2026-H1');  -- copy of the whole CDC
**   SELECT x1060_integrity('acme');              -- 'ok' or the problems
**   SELECT * FROM x1060_cdcs;                    -- every CDC
**   INSERT INTO x1060_cdcs(name, org) VALUES ('client42', 'Client 42 Ltd');
**
** A name argument is looked up in the storage of each attached database
** ("schema.name" picks one), names a CDC made either way, and is only ever
** put into SQL quoted (%Q, %w).  Anything else is an error naming it.
*/
#include "cdc.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define CDC_MAX_PROBLEMS 100

/*
** Find the CDC that argument pArg of function zFunc names: a CDC of the
** storage of each attached database in turn, by name ("schema.name" picks
** the schema), whether made with CREATE VIRTUAL TABLE or INSERT INTO
** x1060_cdcs.  On success *pzSchema and *pzName (owned) are its schema and
** its name as stored; else *pzErr (owned) says what was wrong.
*/
int cdcResolve(sqlite3 *db, sqlite3_value *pArg, const char *zFunc,
               char **pzSchema, char **pzName, char **pzErr){
  sqlite3_stmt *pDbs = 0;
  const char *zArg = (const char*)sqlite3_value_text(pArg);
  const char *zDot = zArg ? strchr(zArg, '.') : 0;
  char *zFormat1 = 0;       /* a table of format 1 of that name, if any */
  char *zOrphan = 0;        /* a CDC table the storage has no row for */
  int rc = SQLITE_OK, bFound = 0;
  *pzSchema = *pzName = *pzErr = 0;
  if( sqlite3_value_type(pArg)==SQLITE_TEXT && zArg==0 ) return SQLITE_NOMEM;
  if( sqlite3_value_type(pArg)==SQLITE_TEXT && zDot==0 ){
    /* main comes first: most names are found there, without listing the
    ** schemas */
    sqlite3_int64 iCdc = 0;
    rc = x1060StoreFind(db, "main", zArg, &iCdc, pzName);
    if( rc==SQLITE_OK ){
      *pzSchema = sqlite3_mprintf("main");
      if( *pzSchema ) return SQLITE_OK;
      rc = SQLITE_NOMEM;
    }
    if( rc!=SQLITE_NOTFOUND ) return rc;
    rc = SQLITE_OK;
  }
  if( sqlite3_value_type(pArg)==SQLITE_TEXT ){
    rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_database_list "
                            "ORDER BY seq", -1, &pDbs, 0);
  }
  while( rc==SQLITE_OK && !bFound && pDbs && sqlite3_step(pDbs)==SQLITE_ROW ){
    const char *zDb = (const char*)sqlite3_column_text(pDbs, 0);
    const char *zTab = zArg;
    sqlite3_int64 iCdc = 0;
    if( zDb==0 ){ rc = SQLITE_NOMEM; break; }
    if( zDot && (int)strlen(zDb)==(int)(zDot-zArg)
     && sqlite3_strnicmp(zDb, zArg, (int)(zDot-zArg))==0 ){
      zTab = zDot+1;
    }
    rc = x1060StoreFind(db, zDb, zTab, &iCdc, pzName);
    if( rc==SQLITE_OK ){
      *pzSchema = sqlite3_mprintf("%s", zDb);
      if( *pzSchema==0 ) rc = SQLITE_NOMEM;
      bFound = 1;
    }else if( rc==SQLITE_NOTFOUND ){
      int bFormat1 = 0;
      rc = zFormat1 ? SQLITE_OK : x1060StoreIsFormat1(db, zDb, zTab, &bFormat1);
      if( rc==SQLITE_OK && bFormat1 ){
        zFormat1 = sqlite3_mprintf("%s", zDb);
        if( zFormat1==0 ) rc = SQLITE_NOMEM;
      }else if( rc==SQLITE_OK && !zFormat1 && !zOrphan ){
        int bTable = 0;
        rc = x1060StoreIsCdcTable(db, zDb, zTab, &bTable);
        if( rc==SQLITE_OK && bTable ){
          zOrphan = sqlite3_mprintf("%s.%s", zDb, zTab);
          if( zOrphan==0 ) rc = SQLITE_NOMEM;
        }
      }
    }
  }
  if( pDbs && rc==SQLITE_OK ) rc = sqlite3_finalize(pDbs);
  else sqlite3_finalize(pDbs);
  if( rc==SQLITE_OK && !bFound ){
    char *zVal = x1060DescribeValue(pArg);
    if( zVal && zFormat1 ){
      *pzErr = sqlite3_mprintf("%s(): %s is a CDC table of format 1 (x1060 "
          "0.2.0); convert every CDC of its schema, keeping all data, with "
          "SELECT x1060_upgrade(%Q)", zFunc, zVal, zFormat1);
    }else if( zVal && zOrphan ){
      *pzErr = sqlite3_mprintf("%s(): %s is damaged: the CDC table %s has no "
          "row in the storage (x1060_store_cdc); DROP TABLE %s removes it, "
          "and SELECT x1060_integrity of the others tells if more is lost",
          zFunc, zVal, zOrphan, zOrphan);
    }else if( zVal ){
      *pzErr = sqlite3_mprintf("%s(): %s is not a CDC (one made with CREATE "
          "VIRTUAL TABLE ... USING x1060 or INSERT INTO x1060_cdcs); list "
          "them: SELECT name FROM x1060_cdcs", zFunc, zVal);
    }
    sqlite3_free(zVal);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  sqlite3_free(zFormat1);
  sqlite3_free(zOrphan);
  if( rc!=SQLITE_OK ){
    sqlite3_free(*pzSchema);
    sqlite3_free(*pzName);
    *pzSchema = *pzName = 0;
  }
  return rc;
}

/*************************************************************** integrity */

/* The report being written: the problems found so far. */
typedef struct Check Check;
struct Check {
  sqlite3_str *pOut;
  int n;                  /* problems found */
  int bNomem;             /* a message could not be allocated */
  char *zFirst;           /* the first problem */
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
    sqlite3_str_appendf(pCheck->pOut, "%s%s: %s", pCheck->n ? "\n" : "",
                        zName, zProblem);
  }
  pCheck->n++;
  sqlite3_free(zProblem);
}

/* True if an error reading the storage is a finding (the storage is not
** what it should be: a table gone, a column missing, damage) rather than an
** error to return as it is (busy, locked, I/O, out of memory...). */
static int isFinding(int rc){
  int e = rc & 0xff;
  return e==SQLITE_ERROR || e==SQLITE_CORRUPT || e==SQLITE_MISMATCH;
}

/* The storage's objects, what each must be ("virtual", "table" or
** "trigger", then on which table), and what is lost without a trigger. */
static const char *const azStoreObj[][4] = {
  { "x1060_store", "virtual", 0, 0 },
  { "x1060_store_config", "table", 0, 0 },
  { "x1060_store_cdc", "table", 0, 0 },
  { "x1060_store_service", "table", 0, 0 },
  { "x1060_store_history", "table", 0, 0 },
  { "x1060_store_snapshot", "table", 0, 0 },
  { "x1060_store_service_insert", "trigger", "x1060_store_service",
    "changes to x1060_store_service are not recorded in x1060_store_history" },
  { "x1060_store_service_update", "trigger", "x1060_store_service",
    "changes to x1060_store_service are not recorded in x1060_store_history" },
  { "x1060_store_service_delete", "trigger", "x1060_store_service",
    "changes to x1060_store_service are not recorded in x1060_store_history" },
  { "x1060_store_cdc_insert", "trigger", "x1060_store_cdc",
    "a new CDC gets no services" },
  { "x1060_store_cdc_delete", "trigger", "x1060_store_cdc",
    "a CDC removed leaves its rows behind" },
};

/* The problem of storage object o, as sqlite_schema describes it (zKind
** "virtual", "table", "view", "trigger"..., zOn its table; zKind NULL: it
** is not there), from sqlite3_mprintf; or NULL when it is sound. */
static char *storeObjectProblem(const char *const *o, const char *zKind,
                                const char *zOn){
  int bTrigger = strcmp(o[1], "trigger")==0;
  if( zKind && strcmp(zKind, o[1])==0
   && (!bTrigger || sqlite3_stricmp(zOn, o[2])==0) ){
    return 0;
  }
  if( bTrigger ){
    return sqlite3_mprintf("trigger %s is missing: %s", o[0], o[3]);
  }
  if( zKind==0 ) return sqlite3_mprintf("%s is missing", o[0]);
  return sqlite3_mprintf("%s is a %s, not the storage's %stable", o[0], zKind,
                         strcmp(o[1], "virtual")==0 ? "virtual " : "");
}

/* Check the storage's objects: each there, and what it must be (a table,
** not a view of that name; the triggers on their tables). */
static int checkStorage(sqlite3 *db, const char *zSchema, const char *zName,
                        Check *pCheck){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT CASE WHEN type='table' AND sql LIKE "
      "'CREATE VIRTUAL %%' THEN 'virtual' ELSE type END, tbl_name FROM "
      "\"%w\".sqlite_schema WHERE name=?1", zSchema);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  size_t i;
  sqlite3_free(zSql);
  for(i=0; rc==SQLITE_OK && i<sizeof(azStoreObj)/sizeof(azStoreObj[0]); i++){
    const char *zKind = 0, *zOn = 0;
    char *zProblem;
    rc = sqlite3_bind_text(pStmt, 1, azStoreObj[i][0], -1, SQLITE_STATIC);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
      zKind = (const char*)sqlite3_column_text(pStmt, 0);
      zOn = (const char*)sqlite3_column_text(pStmt, 1);
      if( zKind==0 || zOn==0 ) rc = SQLITE_NOMEM;
    }
    if( rc==SQLITE_OK ){
      zProblem = storeObjectProblem(azStoreObj[i], zKind, zOn);
      if( zProblem ) addProblem(pCheck, zName, zProblem);
      rc = sqlite3_reset(pStmt);
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Check the storage's format row and the CDC's row of x1060_store_cdc. */
static int checkConfig(sqlite3 *db, const char *zSchema, const char *zName,
                       Check *pCheck){
  sqlite3_stmt *pStmt = 0;
  char *zSql = x1060FillSql("SELECT (SELECT value FROM $S.x1060_store_config "
      "WHERE key='format'), (SELECT typeof(org) FROM $C), (SELECT kind FROM "
      "$C)", zSchema, zName);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int eStep;
  sqlite3_free(zSql);
  eStep = rc==SQLITE_OK ? sqlite3_step(pStmt) : rc;
  if( rc==SQLITE_OK && eStep!=SQLITE_ROW ) rc = sqlite3_reset(pStmt);
  if( rc==SQLITE_OK && eStep==SQLITE_ROW ){
    if( sqlite3_column_type(pStmt, 0)!=SQLITE_INTEGER
     || sqlite3_column_int(pStmt, 0)!=STORE_FORMAT ){
      char *zVal = x1060DescribeValue(sqlite3_column_value(pStmt, 0));
      addProblem(pCheck, zName, sqlite3_mprintf("x1060_store_config: format "
          "is %s, expected %d", zVal, STORE_FORMAT));
      sqlite3_free(zVal);
    }
    if( sqlite3_stricmp((const char*)sqlite3_column_text(pStmt, 1),
                        "text")!=0 ){
      addProblem(pCheck, zName, sqlite3_mprintf("x1060_store_cdc: org is "
                 "missing or not text"));
    }
  }else if( rc==SQLITE_OK || isFinding(rc) ){
    addProblem(pCheck, zName, sqlite3_mprintf("x1060_store_config: "
        "unreadable: %s", rc==SQLITE_OK ? "no row" : sqlite3_errmsg(db)));
    rc = SQLITE_OK;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/*
** Check the CDC's rows of x1060_store_service (bSnapshot 0) or
** x1060_store_snapshot: every stored value valid; Annex A rows carry their
** Annex A id, category and name; custom rows do not take Annex A ids; and
** (for services) every Annex A service present.
*/
static int checkRows(sqlite3 *db, const char *zSchema, const char *zName,
                     int bSnapshot, Check *pCheck){
  const char *zTab = bSnapshot ? "x1060_store_snapshot" : "x1060_store_service";
  sqlite3_stmt *pStmt = 0;
  char *zCols = cdcStoredColumnList("");
  char *zTpl = zCols ? sqlite3_mprintf("SELECT seq_no,%s,%s FROM %s", zCols,
      bSnapshot ? "label" : "NULL", bSnapshot ? "$N" : "$D") : 0;
  char *zSql = zTpl ? x1060FillSql(zTpl, zSchema, zName) : 0;
  unsigned char aSeen[X1060_NSERVICE];
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int i;
  memset(aSeen, 0, sizeof(aSeen));
  sqlite3_free(zSql);
  sqlite3_free(zTpl);
  sqlite3_free(zCols);
  if( isFinding(rc) ){
    addProblem(pCheck, zName, sqlite3_mprintf("%s: unreadable: %s", zTab,
                                              sqlite3_errmsg(db)));
    return SQLITE_OK;
  }
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    char *zProblem = cdcStoredProblem(pStmt, 1, CDC_ALL_STORED, &rc);
    char *zWhere;
    if( rc!=SQLITE_OK ){ sqlite3_free(zProblem); break; }
    zWhere = bSnapshot
        ? sqlite3_mprintf("snapshot %Q, service %Q", sqlite3_column_text(
              pStmt, 1+CDC_NSTORED), sqlite3_column_text(pStmt, 1))
        : sqlite3_mprintf("seq_no %lld (service %Q)", sqlite3_column_int64(
              pStmt, 0), sqlite3_column_text(pStmt, 1));
    if( zProblem==0 ){
      const char *zId = (const char*)sqlite3_column_text(pStmt, 1);
      int iSvc = cdcServiceById(zId);
      int bCustom = sqlite3_column_int(pStmt, 1+CDC_S_CUSTOM);
      if( !bCustom && iSvc<0 ){
        zProblem = sqlite3_mprintf("not custom, yet %Q is not an Annex A id",
                                   zId);
      }else if( bCustom && (iSvc>=0 || cdcReservedId(zId)) ){
        zProblem = sqlite3_mprintf("a custom service with an Annex A id");
      }else if( !bCustom && (strcmp((const char*)sqlite3_column_text(pStmt,
                  1+CDC_NAME), x1060Services[iSvc].w.zName)!=0
             || sqlite3_column_text(pStmt, 1+CDC_CATEGORY)[0]!=zId[0]) ){
        zProblem = sqlite3_mprintf("category or name differ from Annex A's");
      }else if( iSvc>=0 ){
        aSeen[iSvc] = 1;
      }
    }
    if( zProblem && zWhere ){
      addProblem(pCheck, zName, sqlite3_mprintf("%s %s: %s", zTab, zWhere,
                                                zProblem));
    }else if( zProblem || zWhere==0 ){
      pCheck->bNomem = 1;
    }
    sqlite3_free(zWhere);
    sqlite3_free(zProblem);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( isFinding(rc) ){
    addProblem(pCheck, zName, sqlite3_mprintf("%s: unreadable: %s", zTab,
                                              sqlite3_errmsg(db)));
    rc = SQLITE_OK;
  }
  /* (an error that is not a finding, busy or out of memory, is returned:
  ** it says nothing of the rows not read) */
  for(i=0; rc==SQLITE_OK && !bSnapshot && i<X1060_NSERVICE; i++){
    if( !aSeen[i] ){
      addProblem(pCheck, zName, sqlite3_mprintf("%s: Annex A service %s is "
                 "missing or damaged", zTab, x1060Services[i].zId));
    }
  }
  return rc;
}

/* The problem of value v in history column zCol, from sqlite3_mprintf,
** or NULL (pCheck->bNomem set when the message could not be had). */
static char *historyValueProblem(const char *zCol, sqlite3_value *v,
                                 Check *pCheck){
  int e = sqlite3_value_type(v);
  char *zVal, *z;
  if( e==SQLITE_NULL || e==SQLITE_INTEGER || e==SQLITE_TEXT ) return 0;
  zVal = x1060DescribeValue(v);
  z = zVal ? sqlite3_mprintf("%s holds %s, expected a value of a column (an "
                             "integer, text or NULL)", zCol, zVal) : 0;
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
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if( isFinding(rc) ){
    addProblem(pCheck, zName, sqlite3_mprintf("x1060_store_history: "
               "unreadable: %s", sqlite3_errmsg(db)));
    return SQLITE_OK;
  }
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zCol = (const char*)sqlite3_column_text(pStmt, 4);
    char *zProblem = 0;
    int k;
    if( sqlite3_column_int(pStmt, 2)==0 ){
      char *zVal = x1060DescribeValue(sqlite3_column_value(pStmt, 1));
      zProblem = zVal ? sqlite3_mprintf("changed_at holds %s, expected a time "
          "YYYY-MM-DDTHH:MM:SSZ", zVal) : 0;
      sqlite3_free(zVal);
      if( zProblem==0 ) pCheck->bNomem = 1;
    }else if( sqlite3_column_type(pStmt, 3)!=SQLITE_TEXT ){
      zProblem = sqlite3_mprintf("service_id is not text");
      if( zProblem==0 ) pCheck->bNomem = 1;
    }else if( zCol && cdcColumnIndex(zCol)<0 ){
      zProblem = sqlite3_mprintf("column_name %Q is not a column of a CDC "
                                 "table", zCol);
      if( zProblem==0 ) pCheck->bNomem = 1;
    }
    for(k=5; zProblem==0 && k<=6; k++){
      zProblem = historyValueProblem(k==5 ? "old_value" : "new_value",
                                     sqlite3_column_value(pStmt, k), pCheck);
    }
    if( zProblem ){
      addProblem(pCheck, zName, sqlite3_mprintf("x1060_store_history id "
          "%lld: %s", sqlite3_column_int64(pStmt, 0), zProblem));
      sqlite3_free(zProblem);
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( isFinding(rc) ){
    addProblem(pCheck, zName, sqlite3_mprintf("x1060_store_history: "
               "unreadable: %s", sqlite3_errmsg(db)));
    rc = SQLITE_OK;
  }
  return rc;
}

/* Run the checks of mParts (CDC_CHECK_*) of CDC zName in zSchema into
** pCheck. */
static int checkParts(sqlite3 *db, const char *zSchema, const char *zName,
                      int mParts, Check *pCheck){
  int rc = SQLITE_OK;
  if( mParts & CDC_CHECK_STORAGE ){
    rc = checkStorage(db, zSchema, zName, pCheck);
    if( rc==SQLITE_OK ) rc = checkConfig(db, zSchema, zName, pCheck);
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
  rc = checkParts(db, zSchema, zName, mParts, &check);
  if( rc==SQLITE_OK && check.bNomem ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK && check.n ){
    *pzErr = sqlite3_mprintf("%s(): %s is corrupt: %s; SELECT "
        "x1060_integrity('%q') lists every problem", zFunc, zName,
        check.zFirst, zName);
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
  check.pOut = sqlite3_str_new(0);
  rc = checkParts(db, zSchema, zName, CDC_CHECK_ALL, &check);
  sqlite3_free(check.zFirst);
  if( check.n>CDC_MAX_PROBLEMS ){
    sqlite3_str_appendf(check.pOut, "\n%s: ... and %d more problems", zName,
                        check.n-CDC_MAX_PROBLEMS);
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
  char *zSchema = 0, *zName = 0, *zErr = 0, *z = 0;
  int rc;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  rc = cdcResolve(db, argv[0], "x1060_integrity", &zSchema, &zName, &zErr);
  if( rc==SQLITE_OK ) z = cdcIntegrity(db, zSchema, zName, &rc);
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
}

/**************************************************************** snapshots */

/* Read snapshot label v (cdcSnapshotLabel); *pzLabel or, on SQLITE_ERROR,
** *pzErr is set (owned). */
static int snapshotLabel(sqlite3_value *v, char **pzLabel, char **pzErr){
  int rc = cdcSnapshotLabel(v, pzLabel);
  if( rc==SQLITE_CONSTRAINT ){
    char *zVal = x1060DescribeValue(v);
    *pzErr = zVal ? sqlite3_mprintf("x1060_snapshot(): %s is not a snapshot "
        "label; allowed: %s", zVal, CDC_LABEL_ALLOWED) : 0;
    sqlite3_free(zVal);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
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
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zLabel, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pzErr = sqlite3_mprintf("x1060_snapshot(): %s has a snapshot labelled "
        "%Q already (taken %s); choose another label", zName, zLabel,
        sqlite3_column_text(pStmt, 0));
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
    rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
    sqlite3_free(zSql);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zLabel, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK ){
    sqlite3_step(pStmt);
    rc = sqlite3_reset(pStmt);
    *pnRow = sqlite3_changes(db);
  }
  if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM && *pzErr==0 ){
    *pzErr = sqlite3_mprintf("x1060_snapshot(): cannot write the snapshot of "
                             "%s: %s", zName, sqlite3_errmsg(db));
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zTpl);
  sqlite3_free(zCols);
  return rc;
}

/*
** x1060_snapshot(cdc, label): copy every row of CDC table cdc into the
** snapshots under label (see snapshotLabel for what a label may be); one
** statement, so no savepoint of its own.  Its result: the number of
** services.  NULL in either argument: NULL.
*/
static int snapshotRun(sqlite3 *db, int nArg, sqlite3_value **apArg,
                       const char *zSavepoint, sqlite3_int64 *pn,
                       char **pzErr){
  char *zSchema = 0, *zName = 0, *zLabel = 0;
  int rc, nRow = 0;
  (void)nArg; (void)zSavepoint;
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL
   || sqlite3_value_type(apArg[1])==SQLITE_NULL ) return X1060_NULL_RESULT;
  rc = cdcResolve(db, apArg[0], "x1060_snapshot", &zSchema, &zName, pzErr);
  if( rc==SQLITE_OK ) rc = snapshotLabel(apArg[1], &zLabel, pzErr);
  if( rc==SQLITE_OK ) rc = snapshotTake(db, zSchema, zName, zLabel, &nRow,
                                        pzErr);
  *pn = nRow;
  sqlite3_free(zLabel);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
  return rc;
}
static const X1060WriteOp x1060SnapshotOp = {
  "x1060_snapshot", "snapshot", snapshotRun
};

/************************************************ x1060_cdcs: every CDC */

/*
** x1060_cdcs lists the CDCs of every attached schema and makes, renames
** and removes those that have no table of their own:
**
**   INSERT INTO x1060_cdcs(name, org) VALUES ('client42', 'Client 42 Ltd');
**   UPDATE x1060_cdcs SET name = 'client-42' WHERE name = 'client42';
**   DELETE FROM x1060_cdcs WHERE name = 'client-42';
**
** and runs, as an INSERT, every operation that writes (the hidden columns
** command and argument, in the style of FTS5's command column), so that
** a replicating engine or a router of read-only statements sees a write:
**
**   INSERT INTO x1060_cdcs(command, name, argument)
**     VALUES ('snapshot', 'acme', 'FY2026-H1');
**
** Its rowid is the schema's number (pragma_database_list.seq) << 32 | the
** CDC's id.  The counts are read when first asked for.
*/
enum {
  CDCS_SCHEMA, CDCS_NAME, CDCS_ORG, CDCS_SERVICES, CDCS_CATALOGUED,
  CDCS_SCORED, CDCS_SNAPSHOTS, CDCS_KIND, CDCS_CREATED_AT, CDCS_DAMAGE,
  CDCS_COMMAND, CDCS_ARGUMENT, CDCS_NCOL
};
#define CDCS_SCHEMA_SQL "CREATE TABLE x(schema TEXT, name TEXT COLLATE NOCASE, org TEXT, " \
  "services INTEGER, catalogued INTEGER, scored INTEGER, snapshots INTEGER, " \
  "kind TEXT, created_at TEXT, damage TEXT, command TEXT HIDDEN, " \
  "argument HIDDEN)"
#define CDCS_NCOUNT 4     /* services .. snapshots */

/* The counts of CDC iCdc, columns services .. snapshots, and what else a
** row of x1060_cdcs shows (the last, damage, NULL: a CDC it reads is not
** damaged in a way it sees): as a statement, bound. */
static int cdcsQuery(sqlite3 *db, const char *zSchema, sqlite3_int64 iCdc,
                     sqlite3_stmt **ppStmt){
  char *zSql = sqlite3_mprintf("SELECT count(*), coalesce(sum(level IS NOT "
      "NULL AND level<>'Unnecessary'),0), coalesce(sum(level IS NOT NULL AND "
      "level<>'Unnecessary' AND as_is IS NOT NULL AND to_be IS NOT NULL AND "
      "excluded=0),0), (SELECT count(DISTINCT label) FROM \"%w\"."
      "x1060_store_snapshot WHERE cdc=?1), (SELECT org FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), (SELECT kind FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), (SELECT created_at FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), (SELECT cdc_name FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), NULL FROM \"%w\".x1060_store_service "
      "WHERE cdc=?1", zSchema, zSchema, zSchema, zSchema, zSchema, zSchema);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, ppStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(*ppStmt, 1, iCdc);
  return rc;
}

/* One CDC: where it is, its name, and its counts once read. */
typedef struct CdcsRow CdcsRow;
struct CdcsRow {
  sqlite3_int64 iRowid;
  char *zSchema;
  sqlite3_value *apVal[CDCS_NCOL];  /* NULL until read (counts) */
  int bCounted;
  int bOrphan;              /* a CDC table the storage has no row for */
  char *zDamage;            /* what is wrong with it, or NULL */
};

typedef struct CdcsVtab CdcsVtab;
struct CdcsVtab {
  sqlite3_vtab base;        /* base class, must be first */
  sqlite3 *db;
};

typedef struct CdcsCursor CdcsCursor;
struct CdcsCursor {
  sqlite3_vtab_cursor base; /* base class, must be first */
  CdcsRow *aRow;
  int nRow;
  int iRow;
};

static int cdcsConnect(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr){
  CdcsVtab *pVtab;
  int rc = sqlite3_declare_vtab(db, CDCS_SCHEMA_SQL);
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  if( rc!=SQLITE_OK ) return rc;
  /* every refusal comes before any write: OR IGNORE etc. apply */
  sqlite3_vtab_config(db, SQLITE_VTAB_CONSTRAINT_SUPPORT, 1);
  /* it lists and writes the CDCs of every schema: never from a trigger or
  ** view, which could then reach another database's CDCs */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  pVtab = sqlite3_malloc64(sizeof(*pVtab));
  if( pVtab==0 ) return SQLITE_NOMEM;
  memset(pVtab, 0, sizeof(*pVtab));
  pVtab->db = db;
  *ppVtab = &pVtab->base;
  return SQLITE_OK;
}

static int cdcsDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int cdcsOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  CdcsCursor *pCur = sqlite3_malloc64(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  *ppCur = &pCur->base;
  return SQLITE_OK;
}

static void cdcsClear(CdcsCursor *pCur){
  int i, k;
  for(i=0; i<pCur->nRow; i++){
    sqlite3_free(pCur->aRow[i].zSchema);
    sqlite3_free(pCur->aRow[i].zDamage);
    for(k=0; k<CDCS_NCOL; k++) sqlite3_value_free(pCur->aRow[i].apVal[k]);
  }
  sqlite3_free(pCur->aRow);
  pCur->aRow = 0;
  pCur->nRow = pCur->iRow = 0;
}

static int cdcsClose(sqlite3_vtab_cursor *cur){
  cdcsClear((CdcsCursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Fill the counts of pRow (columns services .. snapshots). */
/* Say what is wrong with the CDC of pRow: z (owned; NULL: out of memory). */
static int cdcsSetDamage(CdcsRow *pRow, char *z){
  sqlite3_free(pRow->zDamage);
  pRow->zDamage = z;
  return z ? SQLITE_OK : SQLITE_NOMEM;
}

static int cdcsCount(sqlite3 *db, CdcsRow *pRow){
  sqlite3_stmt *pStmt = 0;
  int rc = cdcsQuery(db, pRow->zSchema, pRow->iRowid & 0xffffffff, &pStmt);
  int k;
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    for(k=0; rc==SQLITE_OK && k<CDCS_NCOUNT; k++){
      pRow->apVal[CDCS_SERVICES+k] = sqlite3_value_dup(
          sqlite3_column_value(pStmt, k));
      if( pRow->apVal[CDCS_SERVICES+k]==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( isFinding(rc) && pRow->zDamage==0 ){
    /* the storage is damaged (a table gone): the row says so, the listing
    ** goes on */
    rc = cdcsSetDamage(pRow, sqlite3_mprintf("the storage is unreadable: "
        "%s; SELECT x1060_publish('%q') remakes what is missing",
        sqlite3_errmsg(db), pRow->zSchema));
  }
  return rc;
}

/* Add a row to the cursor for a CDC of schema zDb (number iDb) whose id
** in x1060_store_cdc is iCdc; *ppRow is the row, clear but for that. */
static int cdcsAddRow(CdcsCursor *pCur, const char *zDb, sqlite3_int64 iDb,
                      sqlite3_int64 iCdc, CdcsRow **ppRow){
  CdcsRow *aNew = sqlite3_realloc64(pCur->aRow,
                                    sizeof(CdcsRow)*(pCur->nRow+1));
  CdcsRow *pRow;
  *ppRow = 0;
  if( aNew==0 ) return SQLITE_NOMEM;
  pCur->aRow = aNew;
  pRow = &aNew[pCur->nRow++];
  memset(pRow, 0, sizeof(*pRow));
  pRow->iRowid = (iDb<<32) | iCdc;
  pRow->zSchema = sqlite3_mprintf("%s", zDb);
  *ppRow = pRow;
  return pRow->zSchema ? SQLITE_OK : SQLITE_NOMEM;
}

/*
** Add the CDC tables of schema zDb (number iDb) that the storage has no
** row for: the row was deleted, x1060_store_cdc is gone, or the table is
** of x1060 0.2.0 (format 1).  Each is listed, of kind 'table', with what
** is wrong in damage; nothing else is known of it.
*/
static int cdcsOrphans(sqlite3 *db, CdcsCursor *pCur, const char *zDb,
                       sqlite3_int64 iDb){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT name, sql FROM \"%w\".sqlite_schema "
      "WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%%' ORDER BY name",
      zDb);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int k = 0;
  sqlite3_free(zSql);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pStmt, 0);
    sqlite3_int64 iCdc = 0;
    int bFormat1 = 0;
    CdcsRow *pRow;
    k++;
    if( zName==0 ){ rc = SQLITE_NOMEM; break; }
    if( !cdcIsX1060Sql((const char*)sqlite3_column_text(pStmt, 1)) ) continue;
    rc = x1060StoreFind(db, zDb, zName, &iCdc, 0);
    if( rc!=SQLITE_NOTFOUND ) continue;
    rc = x1060StoreIsFormat1(db, zDb, zName, &bFormat1);
    /* rowids above every CDC id: a CDC's is below 1<<31 */
    if( rc==SQLITE_OK ) rc = cdcsAddRow(pCur, zDb, iDb, 0x80000000 + k, &pRow);
    if( rc==SQLITE_OK ){
      pRow->bCounted = 1;
      pRow->bOrphan = 1;
      pRow->apVal[CDCS_NAME] = sqlite3_value_dup(sqlite3_column_value(pStmt,
                                                                      0));
      if( pRow->apVal[CDCS_NAME]==0 ) rc = SQLITE_NOMEM;
    }
    if( rc==SQLITE_OK ){
      rc = cdcsSetDamage(pRow, bFormat1 ? sqlite3_mprintf("a CDC table of "
          "x1060 0.2.0 (storage format 1); SELECT x1060_upgrade('%q') "
          "converts it", zDb) : sqlite3_mprintf("the storage has no row for "
          "it (x1060_store_cdc); DROP TABLE \"%w\".\"%w\" removes it", zDb,
          zName));
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* Add the CDCs of schema zDb (number iDb) to the cursor's rows. */
static int cdcsSchema(sqlite3 *db, CdcsCursor *pCur, const char *zDb,
                      sqlite3_int64 iDb){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT cdc, cdc_name, org, kind, created_at "
      "FROM \"%w\".x1060_store_cdc ORDER BY cdc_name", zDb);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if( rc==SQLITE_ERROR
   && strncmp(sqlite3_errmsg(db), "no such table", 13)==0 ){
    /* no storage: no CDC, but CDC tables whose storage is gone */
    return cdcsOrphans(db, pCur, zDb, iDb);
  }
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    static const int aiCol[] = { CDCS_NAME, CDCS_ORG, CDCS_KIND,
                                 CDCS_CREATED_AT };
    CdcsRow *pRow;
    int k;
    rc = cdcsAddRow(pCur, zDb, iDb, sqlite3_column_int64(pStmt, 0), &pRow);
    for(k=0; rc==SQLITE_OK && k<4; k++){
      pRow->apVal[aiCol[k]] = sqlite3_value_dup(sqlite3_column_value(pStmt,
                                                                     k+1));
      if( pRow->apVal[aiCol[k]]==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ) rc = cdcsOrphans(db, pCur, zDb, iDb);
  return rc;
}

/* The connection of cursor cur. */
static sqlite3 *cdcsDb(sqlite3_vtab_cursor *cur){
  return ((CdcsVtab*)cur->pVtab)->db;
}

/* xFilter: list the CDCs of every attached database. */
static int cdcsFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                      int argc, sqlite3_value **argv){
  CdcsCursor *pCur = (CdcsCursor*)cur;
  sqlite3_stmt *pDbs = 0;
  int rc;
  (void)idxNum; (void)idxStr; (void)argc; (void)argv;
  cdcsClear(pCur);
  rc = sqlite3_prepare_v2(cdcsDb(cur), "SELECT name, seq FROM "
                          "pragma_database_list ORDER BY seq", -1, &pDbs, 0);
  while( rc==SQLITE_OK && sqlite3_step(pDbs)==SQLITE_ROW ){
    rc = cdcsSchema(cdcsDb(cur), pCur,
                    (const char*)sqlite3_column_text(pDbs, 0),
                    sqlite3_column_int64(pDbs, 1));
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pDbs);
  else sqlite3_finalize(pDbs);
  return rc;
}

static int cdcsNext(sqlite3_vtab_cursor *cur){
  ((CdcsCursor*)cur)->iRow++;
  return SQLITE_OK;
}

static int cdcsEof(sqlite3_vtab_cursor *cur){
  CdcsCursor *pCur = (CdcsCursor*)cur;
  return pCur->iRow>=pCur->nRow;
}

/* xColumn: the counts are read the first time one is asked for (listing
** the names of thousands of CDCs then reads none of their services). */
static int cdcsColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  CdcsRow *pRow = &((CdcsCursor*)cur)->aRow[((CdcsCursor*)cur)->iRow];
  if( i>=CDCS_SERVICES && i<CDCS_SERVICES+CDCS_NCOUNT && !pRow->bCounted ){
    int rc = cdcsCount(cdcsDb(cur), pRow);
    if( rc!=SQLITE_OK ) return rc;
    pRow->bCounted = 1;
  }
  if( i==CDCS_SCHEMA ){
    sqlite3_result_text(ctx, pRow->zSchema, -1, SQLITE_TRANSIENT);
  }else if( i==CDCS_DAMAGE ){
    if( !pRow->bCounted ){
      int rc = cdcsCount(cdcsDb(cur), pRow);   /* (it may find damage) */
      if( rc!=SQLITE_OK ) return rc;
      pRow->bCounted = 1;
    }
    if( pRow->zDamage ){
      sqlite3_result_text(ctx, pRow->zDamage, -1, SQLITE_TRANSIENT);
    }
  }else if( i==CDCS_KIND && pRow->bOrphan ){
    sqlite3_result_text(ctx, "table", -1, SQLITE_STATIC);
  }else if( pRow->apVal[i] ){
    sqlite3_result_value(ctx, pRow->apVal[i]);
  }
  return SQLITE_OK;
}

static int cdcsRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((CdcsCursor*)cur)->aRow[((CdcsCursor*)cur)->iRow].iRowid;
  return SQLITE_OK;
}

static int cdcsBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  (void)pVtab;
  pInfo->estimatedRows = 100;
  pInfo->estimatedCost = 1000.0;   /* reads the storage of every schema */
  return SQLITE_OK;
}

/* Set the vtab's error message to zMsg (owned); return rc, or NOMEM. */
static int cdcsError(sqlite3_vtab *pVtab, int rc, char *zMsg){
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return zMsg ? rc : SQLITE_NOMEM;
}

/* Read the name (bName) or org in v into *pz (owned): text, trimmed, 1 to
** CDC_NAME_MAX bytes of printable UTF-8.  The error names column zCol. */
static int cdcsText(sqlite3_vtab *pVtab, sqlite3_value *v, const char *zCol,
                    char **pz){
  const unsigned char *z = sqlite3_value_text(v);
  int n = sqlite3_value_bytes(v), bOk = sqlite3_value_type(v)==SQLITE_TEXT;
  if( bOk && z==0 ) return SQLITE_NOMEM;
  while( bOk && n>0 && z[0]==' ' ){ z++; n--; }
  while( bOk && n>0 && z[n-1]==' ' ) n--;
  if( bOk ) bOk = n>0 && n<=CDC_NAME_MAX
                && x1060CleanText((const char*)z, n, "");
  if( !bOk ){
    char *zVal = x1060DescribeValue(v);
    int rc = cdcsError(pVtab, SQLITE_CONSTRAINT, zVal ? sqlite3_mprintf(
        "x1060_cdcs: %s %s is not allowed; allowed: printable UTF-8 text of 1 "
        "to %d bytes (no control characters)", zCol, zVal, CDC_NAME_MAX) : 0);
    sqlite3_free(zVal);
    return rc;
  }
  *pz = sqlite3_mprintf("%.*s", n, z);
  return *pz ? SQLITE_OK : SQLITE_NOMEM;
}

/* The schema of number iDb (pragma_database_list.seq), into *pz (owned);
** or, when zName is not NULL, check that a schema of that name is attached
** and give its name. */
static int cdcsSchemaName(sqlite3 *db, sqlite3_int64 iDb, const char *zName,
                          char **pz){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(db, zName ? "SELECT name FROM "
      "pragma_database_list WHERE name=?1 COLLATE NOCASE" : "SELECT name "
      "FROM pragma_database_list WHERE seq=?2", -1, &pStmt, 0);
  *pz = 0;
  if( rc==SQLITE_OK ) rc = zName
      ? sqlite3_bind_text(pStmt, 1, zName, -1, SQLITE_STATIC)
      : sqlite3_bind_int64(pStmt, 2, iDb);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pz = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
    if( *pz==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK && *pz==0 ) rc = SQLITE_NOTFOUND;
  return rc;
}

/*
** The commands of INSERT INTO x1060_cdcs(command, ...): each runs the
** writing operation of the same name (X1060WriteOp), the body of its SQL
** function, so that both forms check and say the same.  What it takes
** from the row, in the function's order: 'N' the CDC (name, or
** "schema.name" when schema is given too), 'A' argument, 'S' schema (when
** not given, none: the function's default).
*/
static const struct CdcsCommand {
  const char *zName;        /* the command, matched without case */
  const char *zArgs;
  const X1060WriteOp *pOp;
} aCdcsCommand[] = {
  { "snapshot", "NA", &x1060SnapshotOp },
  { "import",   "NA", &x1060ImportOp },
  { "publish",  "S",  &x1060PublishOp },
};
/* (x1060_upgrade has no command: it drops the tables of format 1, which
** SQLite refuses inside another statement, "database table is locked") */
#define CDCS_COMMANDS "'snapshot' (name, argument: the label), 'import' " \
  "(name, argument: the JSON document) or 'publish' (schema, default main)"

/* The command of row apCol, or NULL with the vtab's error set. */
static const struct CdcsCommand *cdcsCommandOf(sqlite3_vtab *pVtab,
                                               sqlite3_value **apCol){
  sqlite3_value *v = apCol[CDCS_COMMAND];
  const char *z = (const char*)sqlite3_value_text(v);
  char *zVal;
  size_t i;
  for(i=0; z && i<sizeof(aCdcsCommand)/sizeof(aCdcsCommand[0]); i++){
    if( sqlite3_value_type(v)==SQLITE_TEXT
     && sqlite3_stricmp(z, aCdcsCommand[i].zName)==0 ){
      return &aCdcsCommand[i];
    }
  }
  zVal = x1060DescribeValue(v);
  cdcsError(pVtab, SQLITE_ERROR, zVal ? sqlite3_mprintf("x1060_cdcs: command "
      "%s is not one of x1060's; allowed: " CDCS_COMMANDS, zVal) : 0);
  sqlite3_free(zVal);
  return 0;
}

/* The CDC that row apCol names, for command p: its name, or "schema.name"
** (a value of pStmt, which must outlive it). */
static int cdcsCommandCdc(sqlite3 *db, sqlite3_value **apCol,
                          sqlite3_stmt **ppStmt, sqlite3_value **ppVal){
  int rc;
  if( sqlite3_value_type(apCol[CDCS_SCHEMA])==SQLITE_NULL
   || sqlite3_value_type(apCol[CDCS_NAME])==SQLITE_NULL ){
    *ppVal = apCol[CDCS_NAME];
    return SQLITE_OK;
  }
  rc = sqlite3_prepare_v2(db, "SELECT ?1||'.'||?2", -1, ppStmt, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(*ppStmt, 1, apCol[CDCS_SCHEMA]);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(*ppStmt, 2, apCol[CDCS_NAME]);
  if( rc==SQLITE_OK && sqlite3_step(*ppStmt)!=SQLITE_ROW ){
    rc = sqlite3_reset(*ppStmt);
    if( rc==SQLITE_OK ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) *ppVal = sqlite3_column_value(*ppStmt, 0);
  return rc;
}

/*
** INSERT INTO x1060_cdcs(command, ...): run the command with the columns
** it takes; another column given is an error saying what it takes.  No
** row is made.  The operation opens no savepoint (none can be, inside an
** INSERT): the INSERT's statement journal makes it all or nothing.
*/
static int cdcsCommand(sqlite3_vtab *pVtab, sqlite3_value **apCol){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  const struct CdcsCommand *p = cdcsCommandOf(pVtab, apCol);
  sqlite3_stmt *pName = 0;
  sqlite3_value *apArg[2];
  sqlite3_int64 n = 0;
  char *zErr = 0;
  int rc = SQLITE_OK, k, nArg = 0;
  if( p==0 ) return pVtab->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
  for(k=0; k<CDCS_NCOL; k++){
    int bTaken = k==CDCS_COMMAND || k==CDCS_SCHEMA
              || (k==CDCS_NAME && p->zArgs[0]=='N')
              || (k==CDCS_ARGUMENT && strchr(p->zArgs, 'A'));
    if( bTaken || sqlite3_value_type(apCol[k])==SQLITE_NULL ) continue;
    return cdcsError(pVtab, SQLITE_ERROR, sqlite3_mprintf("x1060_cdcs: "
        "command '%s' takes no %s; allowed: " CDCS_COMMANDS, p->zName,
        k==CDCS_NAME ? "name" : k==CDCS_ARGUMENT ? "argument" : "column of "
        "x1060_cdcs but these"));
  }
  if( p->zArgs[0]=='N' ){
    rc = cdcsCommandCdc(db, apCol, &pName, &apArg[nArg++]);
    apArg[nArg++] = apCol[CDCS_ARGUMENT];
  }else if( sqlite3_value_type(apCol[CDCS_SCHEMA])!=SQLITE_NULL ){
    apArg[nArg++] = apCol[CDCS_SCHEMA];
  }
  if( rc==SQLITE_OK ) rc = p->pOp->xRun(db, nArg, apArg, 0, &n, &zErr);
  if( rc==X1060_NULL_RESULT ) rc = SQLITE_OK;
  sqlite3_finalize(pName);
  if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
    return cdcsError(pVtab, rc, zErr ? zErr
                     : sqlite3_mprintf("%s", sqlite3_errmsg(db)));
  }
  sqlite3_free(zErr);
  return rc;
}

/* INSERT INTO x1060_cdcs: a CDC without a table of its own (kind 'row');
** one write (x1060StoreCreateCdc), so all of it or nothing.  With a
** command, the command (cdcsCommand). */
static int cdcsInsert(sqlite3_vtab *pVtab, sqlite3_value **apCol,
                      sqlite3_int64 *pRowid){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  const char *zGiven = (const char*)sqlite3_value_text(apCol[CDCS_SCHEMA]);
  char *zSchema = 0, *zName = 0, *zOrg = 0, *zErr = 0;
  sqlite3_int64 iCdc = 0;
  int rc = SQLITE_OK, k;
  if( sqlite3_value_type(apCol[CDCS_COMMAND])!=SQLITE_NULL ){
    return cdcsCommand(pVtab, apCol);
  }
  for(k=CDCS_SERVICES; rc==SQLITE_OK && k<CDCS_NCOL; k++){
    if( sqlite3_value_type(apCol[k])==SQLITE_NULL ) continue;
    if( k==CDCS_KIND && sqlite3_value_type(apCol[k])==SQLITE_TEXT
     && sqlite3_stricmp((const char*)sqlite3_value_text(apCol[k]), "row")==0 ){
      continue;
    }
    rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: "
        "column %s is x1060's; give only schema, name and org (a CDC of kind "
        "'table' is made with CREATE VIRTUAL TABLE ... USING x1060)%s",
        k==CDCS_SERVICES ? "services" : k==CDCS_CATALOGUED ? "catalogued" :
        k==CDCS_SCORED ? "scored" : k==CDCS_SNAPSHOTS ? "snapshots" :
        k==CDCS_KIND ? "kind" : k==CDCS_DAMAGE ? "damage" :
        k==CDCS_ARGUMENT ? "argument" : "created_at",
        k==CDCS_ARGUMENT ? ", or a command with its argument" : ""));
  }
  if( rc==SQLITE_OK ){
    rc = cdcsSchemaName(db, 0, zGiven ? zGiven : "main", &zSchema);
    if( rc==SQLITE_NOTFOUND ){
      rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: "
          "schema %Q is not attached; allowed: main, temp or the name of an "
          "attached database", zGiven));
    }
  }
  if( rc==SQLITE_OK ) rc = cdcsText(pVtab, apCol[CDCS_NAME], "name", &zName);
  if( rc==SQLITE_OK ){
    rc = sqlite3_value_type(apCol[CDCS_ORG])==SQLITE_NULL
       ? ((zOrg = sqlite3_mprintf("%s", zName))!=0 ? SQLITE_OK : SQLITE_NOMEM)
       : cdcsText(pVtab, apCol[CDCS_ORG], "org", &zOrg);
  }
  if( rc==SQLITE_OK ){
    rc = x1060StoreCreateCdc(db, zSchema, zName, zOrg, 0, &iCdc, &zErr);
    if( rc!=SQLITE_OK && zErr ){
      rc = cdcsError(pVtab, rc==SQLITE_ERROR ? SQLITE_CONSTRAINT : rc, zErr);
    }
  }
  if( rc==SQLITE_OK ){
    sqlite3_int64 iDb = 0;
    sqlite3_stmt *pStmt = 0;
    rc = sqlite3_prepare_v2(db, "SELECT seq FROM pragma_database_list WHERE "
                            "name=?1", -1, &pStmt, 0);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zSchema, -1,
                                               SQLITE_STATIC);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
      iDb = sqlite3_column_int64(pStmt, 0);
    }
    sqlite3_finalize(pStmt);
    *pRowid = (iDb<<32) | iCdc;
  }
  sqlite3_free(zSchema);
  sqlite3_free(zName);
  sqlite3_free(zOrg);
  return rc;
}

/* Text column k of pStmt equals value v (same type, same text); *pRc set
** to SQLITE_NOMEM when a text cannot be had. */
static int cdcsSame(sqlite3_value *v, sqlite3_stmt *pStmt, int k, int *pRc){
  const char *zA, *zB;
  if( sqlite3_value_type(v)!=sqlite3_column_type(pStmt, k) ) return 0;
  if( sqlite3_value_type(v)==SQLITE_NULL ) return 1;
  zA = (const char*)sqlite3_value_text(v);
  zB = (const char*)sqlite3_column_text(pStmt, k);
  if( zA==0 || zB==0 ){
    *pRc = SQLITE_NOMEM;
    return 1;
  }
  return strcmp(zA, zB)==0;
}

/* The read-only columns of an UPDATE of x1060_cdcs (apCol) keep the values
** of the CDC as it is (pCur, cdcsQuery), and so does the schema. */
static int cdcsKept(sqlite3_vtab *pVtab, sqlite3_value **apCol,
                    sqlite3_stmt *pCur, const char *zSchema){
  static const struct { int iCol; int iQuery; const char *zName; } a[] = {
    { CDCS_SERVICES, 0, "services" }, { CDCS_CATALOGUED, 1, "catalogued" },
    { CDCS_SCORED, 2, "scored" }, { CDCS_SNAPSHOTS, 3, "snapshots" },
    { CDCS_KIND, 5, "kind" }, { CDCS_CREATED_AT, 6, "created_at" },
    { CDCS_DAMAGE, 8, "damage" },
  };
  const char *zGiven = (const char*)sqlite3_value_text(apCol[CDCS_SCHEMA]);
  int rc = SQLITE_OK;
  size_t k;
  for(k=0; rc==SQLITE_OK && k<sizeof(a)/sizeof(a[0]); k++){
    if( !cdcsSame(apCol[a[k].iCol], pCur, a[k].iQuery, &rc) && rc==SQLITE_OK ){
      rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: "
          "column %s is x1060's and cannot be written; allowed: name and org",
          a[k].zName));
    }
  }
  if( rc==SQLITE_OK
   && (sqlite3_value_type(apCol[CDCS_COMMAND])!=SQLITE_NULL
       || sqlite3_value_type(apCol[CDCS_ARGUMENT])!=SQLITE_NULL) ){
    rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: a "
        "command is run with INSERT INTO x1060_cdcs(command, ...), not with "
        "UPDATE"));
  }
  if( rc==SQLITE_OK && (zGiven==0 || sqlite3_stricmp(zSchema, zGiven)!=0) ){
    rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: a "
        "CDC cannot move to another schema (export it and import it there)"));
  }
  return rc;
}

/* UPDATE of CDC iCdc (now as in pCur) with the columns apCol: a new name
** (kind 'row' only, not another CDC's) and org, in one write. */
static int cdcsSet(sqlite3_vtab *pVtab, sqlite3_value **apCol,
                   sqlite3_stmt *pCur, const char *zSchema, sqlite3_int64 iCdc){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  const char *zKind = (const char*)sqlite3_column_text(pCur, 5);
  const char *zOld = (const char*)sqlite3_column_text(pCur, 7);
  char *zName = 0, *zOrg = 0;
  sqlite3_int64 iOther = 0;
  int rc = zKind && zOld ? cdcsKept(pVtab, apCol, pCur, zSchema)
                         : SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = cdcsText(pVtab, apCol[CDCS_NAME], "name", &zName);
  if( rc==SQLITE_OK ) rc = cdcsText(pVtab, apCol[CDCS_ORG], "org", &zOrg);
  if( rc==SQLITE_OK && strcmp(zName, zOld)!=0 ){
    if( strcmp(zKind, "table")==0 ){
      rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: "
          "%s has a table of its own; rename it with ALTER TABLE \"%w\" "
          "RENAME TO ...", zOld, zOld));
    }else{
      rc = x1060StoreFind(db, zSchema, zName, &iOther, 0);
      if( rc==SQLITE_OK && iOther!=iCdc ){
        rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs:"
            " a CDC named %Q exists already; choose another name", zName));
      }else if( rc==SQLITE_NOTFOUND ){
        rc = SQLITE_OK;
      }
    }
  }
  if( rc==SQLITE_OK ) rc = x1060StoreSetCdc(db, zSchema, iCdc, zName, zOrg);
  sqlite3_free(zName);
  sqlite3_free(zOrg);
  return rc;
}

/* UPDATE (apCol not NULL) or DELETE of the CDC of rowid iRowid. */
static int cdcsChange(sqlite3_vtab *pVtab, sqlite3_int64 iRowid,
                      sqlite3_value **apCol){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  sqlite3_int64 iCdc = iRowid & 0xffffffff;
  sqlite3_stmt *pCur = 0;
  char *zSchema = 0;
  int rc = cdcsSchemaName(db, iRowid>>32, 0, &zSchema);
  if( rc==SQLITE_NOTFOUND ) return SQLITE_OK;
  if( rc==SQLITE_OK && iCdc>=0x80000000 ){
    /* a CDC table the storage has no row for (cdcsOrphans) */
    sqlite3_free(zSchema);
    return cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: "
        "this CDC is a table the storage has no row for (its damage column "
        "says why); remove it with DROP TABLE, or upgrade it"));
  }
  if( rc==SQLITE_OK ) rc = cdcsQuery(db, zSchema, iCdc, &pCur);
  if( rc==SQLITE_OK && (sqlite3_step(pCur)!=SQLITE_ROW
                        || sqlite3_column_type(pCur, 7)==SQLITE_NULL) ){
    rc = sqlite3_reset(pCur);
    if( rc==SQLITE_OK ) rc = SQLITE_NOTFOUND;      /* gone: nothing to do */
  }
  if( rc==SQLITE_OK && apCol ){
    rc = cdcsSet(pVtab, apCol, pCur, zSchema, iCdc);
  }else if( rc==SQLITE_OK ){
    const char *zKind = (const char*)sqlite3_column_text(pCur, 5);
    const char *zOld = (const char*)sqlite3_column_text(pCur, 7);
    if( zKind==0 || zOld==0 ){
      rc = SQLITE_NOMEM;
    }else if( strcmp(zKind, "table")==0 ){
      rc = cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: "
          "%s has a table of its own; remove it with DROP TABLE \"%w\"",
          zOld, zOld));
    }else{
      rc = x1060StoreDropCdc(db, zSchema, iCdc);
    }
  }
  if( rc==SQLITE_NOTFOUND ) rc = SQLITE_OK;
  sqlite3_finalize(pCur);
  sqlite3_free(zSchema);
  return rc;
}

/* xUpdate: make (INSERT), rename or re-label (UPDATE), remove (DELETE). */
static int cdcsUpdate(sqlite3_vtab *pVtab, int argc, sqlite3_value **argv,
                      sqlite3_int64 *pRowid){
  if( argc>1 && sqlite3_value_type(argv[0])==SQLITE_NULL ){
    return cdcsInsert(pVtab, argv+2, pRowid);
  }
  if( argc>1 && sqlite3_value_int64(argv[1])!=sqlite3_value_int64(argv[0]) ){
    return cdcsError(pVtab, SQLITE_CONSTRAINT, sqlite3_mprintf("x1060_cdcs: "
                     "the rowid of a CDC is x1060's"));
  }
  return cdcsChange(pVtab, sqlite3_value_int64(argv[0]),
                    argc>1 ? argv+2 : 0);
}

static sqlite3_module cdcsModule = {
  0,                /* iVersion */
  0,                /* xCreate: eponymous only */
  cdcsConnect,      /* xConnect */
  cdcsBestIndex,    /* xBestIndex */
  cdcsDisconnect,   /* xDisconnect */
  0,                /* xDestroy */
  cdcsOpen,         /* xOpen */
  cdcsClose,        /* xClose */
  cdcsFilter,       /* xFilter */
  cdcsNext,         /* xNext */
  cdcsEof,          /* xEof */
  cdcsColumn,       /* xColumn */
  cdcsRowid,        /* xRowid */
  cdcsUpdate,       /* xUpdate */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0 /* xBegin .. xShadowName: none */
  X1060_NO_INTEGRITY
};

/* Register x1060_snapshot (it writes), x1060_integrity (it reads a CDC of
** any schema) and x1060_cdcs: all DIRECTONLY (README, "Security model"). */
int x1060RegisterCdcAdmin(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_snapshot", 2,
      SQLITE_UTF8|SQLITE_DIRECTONLY, (void*)&x1060SnapshotOp, x1060WriteFunc,
      0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_integrity", 1,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, integrityFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_module(db, "x1060_cdcs",
                                                 &cdcsModule, 0);
  return rc;
}
