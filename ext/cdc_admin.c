/*
** x1060: working with CDC tables by name.
**
**   SELECT x1060_snapshot('acme', 'FY2026-H1');  -- copy of the whole table
**   SELECT x1060_integrity('acme');              -- 'ok' or the problems
**   SELECT * FROM x1060_cdcs;                    -- every CDC table
**
** A name argument is an identifier: it is looked up in sqlite_schema of
** each attached database ("schema.name" picks one), must be a table made
** with CREATE VIRTUAL TABLE ... USING x1060, and is only ever quoted into
** SQL with %w.  Anything else is an error naming it.
*/
#include "cdc.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define CDC_MAX_PROBLEMS 100

/*************************************************** recognising CDC tables */

/* Skip white space and comments. */
static const char *skipSpace(const char *z){
  for(;;){
    if( *z==' ' || (*z>='\t' && *z<='\r') ){
      z++;
    }else if( z[0]=='-' && z[1]=='-' ){
      while( *z && *z!='\n' ) z++;
    }else if( z[0]=='/' && z[1]=='*' ){
      z += 2;
      while( *z && !(z[0]=='*' && z[1]=='/') ) z++;
      if( *z ) z += 2;
    }else{
      return z;
    }
  }
}

/* The end of the SQL token (word or quoted identifier) at z. */
static const char *skipToken(const char *z){
  if( *z=='"' || *z=='\'' || *z=='`' || *z=='[' ){
    char q = *z=='[' ? ']' : *z;
    for(z++; *z; z++){
      if( *z==q ){
        if( q!=']' && z[1]==q ){ z++; continue; }
        return z+1;
      }
    }
    return z;
  }
  while( (*z>='a' && *z<='z') || (*z>='A' && *z<='Z') || (*z>='0' && *z<='9')
      || *z=='_' || *z=='$' || (unsigned char)*z>=0x80 ){
    z++;
  }
  return z;
}

/* If the token at *pz is the keyword zWord, move past it and return 1. */
static int takeWord(const char **pz, const char *zWord){
  const char *z = skipSpace(*pz), *zEnd = skipToken(z);
  int n = (int)strlen(zWord);
  if( zEnd-z!=n || sqlite3_strnicmp(z, zWord, n)!=0 ) return 0;
  *pz = zEnd;
  return 1;
}

/* True if zSql, a CREATE statement from sqlite_schema, makes a table with
** the module x1060 (quoted or not, any case). */
int cdcIsX1060Sql(const char *zSql){
  const char *z = zSql, *zMod;
  if( z==0 || !takeWord(&z, "CREATE") || !takeWord(&z, "VIRTUAL")
   || !takeWord(&z, "TABLE") ){
    return 0;
  }
  if( takeWord(&z, "IF") && !(takeWord(&z, "NOT") && takeWord(&z, "EXISTS")) ){
    return 0;
  }
  z = skipToken(skipSpace(z));
  z = skipSpace(z);
  if( *z=='.' ) z = skipToken(skipSpace(z+1));
  if( !takeWord(&z, "USING") ) return 0;
  zMod = skipSpace(z);
  z = skipToken(zMod);
  if( *zMod=='"' || *zMod=='\'' || *zMod=='`' || *zMod=='[' ){
    zMod++;
    z--;
  }
  return z-zMod==5 && sqlite3_strnicmp(zMod, "x1060", 5)==0;
}

/*
** The fast way to find CDC table zTab in database zDb: a CDC table answers
** x1060_cdc_name() on its columns with its name (cdcFindFunction), which
** needs no scan of sqlite_schema (slow with thousands of tables).  Sets
** *pzName (sqlite3_malloc) when it answers; SQLITE_NOMEM or SQLITE_OK.
*/
static int cdcResolveFast(sqlite3 *db, const char *zDb, const char *zTab,
                          char **pzName){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT " CDC_NAME_FUNC "(service_id) FROM "
                               "\"%w\".\"%w\" LIMIT 1", zDb, zTab);
  int rc;
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  sqlite3_free(zSql);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW
   && sqlite3_column_type(pStmt, 0)==SQLITE_TEXT ){
    *pzName = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
    if( *pzName==0 ) rc = SQLITE_NOMEM;
  }
  sqlite3_finalize(pStmt);
  return rc==SQLITE_NOMEM ? rc : SQLITE_OK;
}

/*
** Find the CDC table that argument pArg of function zFunc names.  On
** success *pzSchema and *pzName (owned) are its schema and its name as
** created; else *pzErr (owned) says what was wrong.
*/
int cdcResolve(sqlite3 *db, sqlite3_value *pArg, const char *zFunc,
               char **pzSchema, char **pzName, char **pzErr){
  sqlite3_stmt *pDbs = 0;
  const char *zArg = (const char*)sqlite3_value_text(pArg);
  const char *zDot = zArg ? strchr(zArg, '.') : 0;
  int rc = SQLITE_OK, bFound = 0;
  *pzSchema = *pzName = *pzErr = 0;
  if( sqlite3_value_type(pArg)==SQLITE_TEXT && zArg==0 ) return SQLITE_NOMEM;
  if( sqlite3_value_type(pArg)==SQLITE_TEXT ){
    rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_database_list "
                            "ORDER BY seq", -1, &pDbs, 0);
  }
  while( rc==SQLITE_OK && !bFound && pDbs && sqlite3_step(pDbs)==SQLITE_ROW ){
    const char *zDb = (const char*)sqlite3_column_text(pDbs, 0);
    const char *zTab = zArg;
    sqlite3_stmt *pTab = 0;
    char *zSql;
    if( zDb==0 ){ rc = SQLITE_NOMEM; break; }
    if( zDot ){
      if( (int)strlen(zDb)==(int)(zDot-zArg)
       && sqlite3_strnicmp(zDb, zArg, (int)(zDot-zArg))==0 ){
        zTab = zDot+1;
      }
    }
    rc = cdcResolveFast(db, zDb, zTab, pzName);
    if( rc!=SQLITE_OK ) break;
    if( *pzName ){
      *pzSchema = sqlite3_mprintf("%s", zDb);
      if( *pzSchema==0 ) rc = SQLITE_NOMEM;
      bFound = 1;
      break;
    }
    /* not answered (another kind of table, none, or a CDC table that
    ** cannot be read): what sqlite_schema says */
    zSql = sqlite3_mprintf("SELECT name, sql FROM \"%w\".sqlite_schema WHERE "
        "type='table' AND name=?1 COLLATE NOCASE", zDb);
    rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pTab, 0) : SQLITE_NOMEM;
    sqlite3_free(zSql);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pTab, 1, zTab, -1,
                                               SQLITE_STATIC);
    if( rc==SQLITE_OK && sqlite3_step(pTab)==SQLITE_ROW
     && cdcIsX1060Sql((const char*)sqlite3_column_text(pTab, 1)) ){
      *pzSchema = sqlite3_mprintf("%s", zDb);
      *pzName = sqlite3_mprintf("%s", sqlite3_column_text(pTab, 0));
      if( *pzSchema==0 || *pzName==0 ) rc = SQLITE_NOMEM;
      bFound = 1;
    }
    if( rc==SQLITE_OK ) rc = sqlite3_finalize(pTab);
    else sqlite3_finalize(pTab);
  }
  if( pDbs && rc==SQLITE_OK ) rc = sqlite3_finalize(pDbs);
  else sqlite3_finalize(pDbs);
  if( rc==SQLITE_OK && !bFound ){
    char *zVal = x1060DescribeValue(pArg);
    *pzErr = zVal ? sqlite3_mprintf("%s(): %s is not a CDC table (one made "
        "with CREATE VIRTUAL TABLE ... USING x1060); list them: SELECT name "
        "FROM x1060_cdcs", zFunc, zVal) : 0;
    sqlite3_free(zVal);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
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
};

/* Append problem zProblem (owned) to the report; count it.  A problem
** whose text could not be allocated makes the check fail with NOMEM. */
static void addProblem(Check *pCheck, const char *zName, char *zProblem){
  if( zProblem==0 ){
    pCheck->bNomem = 1;
    return;
  }
  if( pCheck->n<CDC_MAX_PROBLEMS ){
    sqlite3_str_appendf(pCheck->pOut, "%s%s: %s", pCheck->n ? "\n" : "",
                        zName, zProblem);
  }
  pCheck->n++;
  sqlite3_free(zProblem);
}

/* Check <name>_config: a format row of CDC_FORMAT and an org. */
static int checkConfig(sqlite3 *db, const char *zSchema, const char *zName,
                       Check *pCheck){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT (SELECT value FROM \"%w\".\"%w_config\""
      " WHERE key='format'), (SELECT typeof(value) FROM \"%w\".\"%w_config\" "
      "WHERE key='org')", zSchema, zName, zSchema, zName);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  int eStep = rc==SQLITE_OK ? sqlite3_step(pStmt) : rc;
  if( rc==SQLITE_OK && eStep!=SQLITE_ROW ) rc = sqlite3_reset(pStmt);
  if( rc==SQLITE_OK && eStep==SQLITE_ROW ){
    if( sqlite3_column_type(pStmt, 0)!=SQLITE_INTEGER
     || sqlite3_column_int(pStmt, 0)!=CDC_FORMAT ){
      char *zVal = x1060DescribeValue(sqlite3_column_value(pStmt, 0));
      addProblem(pCheck, zName, sqlite3_mprintf("%s_config: format is %s, "
          "expected %d", zName, zVal, CDC_FORMAT));
      sqlite3_free(zVal);
    }
    if( sqlite3_stricmp((const char*)sqlite3_column_text(pStmt, 1),
                        "text")!=0 ){
      addProblem(pCheck, zName, sqlite3_mprintf("%s_config: org is "
                 "missing or not text", zName));
    }
  }else if( (rc&0xff)!=SQLITE_NOMEM ){
    addProblem(pCheck, zName, sqlite3_mprintf("%s_config: unreadable: %s",
               zName, rc==SQLITE_OK ? "no row" : sqlite3_errmsg(db)));
    rc = SQLITE_OK;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/*
** Check the rows of <name>_data (bSnapshot 0) or <name>_snapshot: every
** stored value valid; Annex A rows carry their Annex A id, category and
** name; custom rows do not take Annex A ids; and (for data) every Annex A
** service present.
*/
static int checkRows(sqlite3 *db, const char *zSchema, const char *zName,
                     int bSnapshot, Check *pCheck){
  sqlite3_stmt *pStmt = 0;
  char *zCols = cdcStoredColumnList("");
  char *zSql = zCols ? sqlite3_mprintf("SELECT seq_no,%s,%s FROM "
      "\"%w\".\"%w_%s\"", zCols, bSnapshot ? "label" : "NULL", zSchema, zName,
      bSnapshot ? "snapshot" : "data") : 0;
  unsigned char aSeen[X1060_NSERVICE];
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int i;
  memset(aSeen, 0, sizeof(aSeen));
  sqlite3_free(zSql);
  sqlite3_free(zCols);
  if( rc==SQLITE_ERROR ){
    addProblem(pCheck, zName, sqlite3_mprintf("%s_%s: unreadable: %s",
        zName, bSnapshot ? "snapshot" : "data", sqlite3_errmsg(db)));
    return SQLITE_OK;
  }
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    char *zProblem = cdcStoredProblem(pStmt, 1, CDC_ALL_STORED, &rc);
    char *zWhere;
    if( rc!=SQLITE_OK ){ sqlite3_free(zProblem); break; }
    zWhere = bSnapshot
        ? sqlite3_mprintf("snapshot %Q, service %Q", sqlite3_column_text(
              pStmt, 1+CDC_NSTORED), sqlite3_column_text(pStmt, 1))
        : sqlite3_mprintf("row %lld (service %Q)", sqlite3_column_int64(
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
      addProblem(pCheck, zName, sqlite3_mprintf("%s_%s %s: %s", zName,
          bSnapshot ? "snapshot" : "data", zWhere, zProblem));
    }else if( zProblem || zWhere==0 ){
      pCheck->bNomem = 1;
    }
    sqlite3_free(zWhere);
    sqlite3_free(zProblem);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
    addProblem(pCheck, zName, sqlite3_mprintf("%s_%s: unreadable: %s",
        zName, bSnapshot ? "snapshot" : "data", sqlite3_errmsg(db)));
    rc = SQLITE_OK;
  }
  for(i=0; rc==SQLITE_OK && !bSnapshot && i<X1060_NSERVICE; i++){
    if( !aSeen[i] ){
      addProblem(pCheck, zName, sqlite3_mprintf("%s_data: Annex A service "
                 "%s is missing or damaged", zName, x1060Services[i].zId));
    }
  }
  return rc;
}

/* Check that the three history triggers on <name>_data exist. */
static int checkTriggers(sqlite3 *db, const char *zSchema, const char *zName,
                         Check *pCheck){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT 1 FROM \"%w\".sqlite_schema WHERE "
      "type='trigger' AND name=?1 AND tbl_name=?2", zSchema);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int i;
  sqlite3_free(zSql);
  for(i=0; rc==SQLITE_OK && i<3; i++){
    char *zTrig = sqlite3_mprintf("%s_data_%s", zName, cdcTriggerOps[i]);
    char *zTab = sqlite3_mprintf("%s_data", zName);
    if( zTrig==0 || zTab==0 ) rc = SQLITE_NOMEM;
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zTrig, -1, SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 2, zTab, -1, SQLITE_STATIC);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_DONE ){
      addProblem(pCheck, zName, sqlite3_mprintf("trigger %s is missing: "
          "changes to %s are not recorded in %s_history", zTrig, zTab, zName));
    }
    if( rc==SQLITE_OK ) rc = sqlite3_reset(pStmt);
    sqlite3_free(zTrig);
    sqlite3_free(zTab);
  }
  sqlite3_finalize(pStmt);
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
  rc = checkConfig(db, zSchema, zName, &check);
  if( rc==SQLITE_OK ) rc = checkRows(db, zSchema, zName, 0, &check);
  if( rc==SQLITE_OK ) rc = checkRows(db, zSchema, zName, 1, &check);
  if( rc==SQLITE_OK ) rc = checkTriggers(db, zSchema, zName, &check);
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

/*
** Read snapshot label v: text, trimmed, 1 to 100 bytes, no NUL, not
** 'current'.  *pzLabel or, on SQLITE_ERROR, *pzErr is set (owned).
*/
static int snapshotLabel(sqlite3_value *v, char **pzLabel, char **pzErr){
  const char *z;
  int n;
  if( sqlite3_value_type(v)!=SQLITE_BLOB ){
    z = (const char*)sqlite3_value_text(v);
    n = sqlite3_value_bytes(v);
    if( z==0 ) return SQLITE_NOMEM;
    while( n>0 && (*z==' ' || *z=='\t') ){ z++; n--; }
    while( n>0 && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
    if( n>0 && n<=100 && memchr(z, 0, n)==0
     && !(n==7 && sqlite3_strnicmp(z, "current", 7)==0) ){
      *pzLabel = sqlite3_mprintf("%.*s", n, z);
      return *pzLabel ? SQLITE_OK : SQLITE_NOMEM;
    }
  }
  {
    char *zVal = x1060DescribeValue(v);
    *pzErr = zVal ? sqlite3_mprintf("x1060_snapshot(): %s is not a snapshot "
        "label; allowed: text of 1 to 100 characters other than 'current' "
        "(which stands for the table as it is now)", zVal) : 0;
    sqlite3_free(zVal);
  }
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/*
** Copy the rows of CDC table zName in zSchema into its snapshot table under
** label zLabel, unless a snapshot of that label exists.  Sets *pnRow, or
** *pzErr (owned) on an error other than SQLITE_NOMEM.
*/
static int snapshotTake(sqlite3 *db, const char *zSchema, const char *zName,
                        const char *zLabel, int *pnRow, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char *zCols = cdcStoredColumnList("");
  char *zSql = sqlite3_mprintf("SELECT taken_at FROM \"%w\".\"%w_snapshot\" "
      "WHERE label=?1 LIMIT 1", zSchema, zName);
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
    zSql = zCols ? sqlite3_mprintf("INSERT INTO \"%w\".\"%w_snapshot\"(label,"
        "taken_at,seq_no,%s) SELECT ?1," CDC_NOW ",seq_no,%s FROM "
        "\"%w\".\"%w_data\"", zSchema, zName, zCols, zCols, zSchema, zName) : 0;
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
    *pzErr = sqlite3_mprintf("x1060_snapshot(): cannot write %s_snapshot: %s",
                             zName, sqlite3_errmsg(db));
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zCols);
  return rc;
}

/*
** x1060_snapshot(cdc, label): copy every row of CDC table cdc into
** <cdc>_snapshot under label (see snapshotLabel for what a label may be).
** Returns the number of services.  NULL in either argument: NULL.
*/
static void snapshotFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zSchema = 0, *zName = 0, *zErr = 0, *zLabel = 0;
  int rc, nRow = 0;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL
   || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  rc = cdcResolve(db, argv[0], "x1060_snapshot", &zSchema, &zName, &zErr);
  if( rc==SQLITE_OK ) rc = snapshotLabel(argv[1], &zLabel, &zErr);
  if( rc==SQLITE_OK ) rc = snapshotTake(db, zSchema, zName, zLabel, &nRow,
                                        &zErr);
  if( rc==SQLITE_OK ){
    sqlite3_result_int(ctx, nRow);
  }else{
    x1060ResultError(ctx, rc, zErr);
  }
  sqlite3_free(zLabel);
  sqlite3_free(zErr);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/******************************************************* x1060_cdcs: a list */

/* One CDC table: where it is, whose it is, and its counts. */
typedef struct CdcsRow CdcsRow;
struct CdcsRow {
  char *zSchema;
  char *zName;
  sqlite3_value *apVal[5];  /* org, services, catalogued, scored, snapshots */
  int bCounted;             /* apVal is filled (when first asked for) */
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

#define CDCS_SCHEMA "CREATE TABLE x(schema TEXT, name TEXT, org TEXT, " \
  "services INTEGER, catalogued INTEGER, scored INTEGER, snapshots INTEGER)"

static int cdcsConnect(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr){
  CdcsVtab *pVtab;
  int rc = sqlite3_declare_vtab(db, CDCS_SCHEMA);
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  if( rc!=SQLITE_OK ) return rc;
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
    sqlite3_free(pCur->aRow[i].zName);
    for(k=0; k<5; k++) sqlite3_value_free(pCur->aRow[i].apVal[k]);
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

/* Fill pRow's counts for CDC table zName in zSchema.  A table whose shadow
** tables cannot be read is listed with NULL counts. */
static int cdcsCount(sqlite3 *db, CdcsRow *pRow){
  sqlite3_stmt *pStmt = 0;
  const char *zS = pRow->zSchema, *zN = pRow->zName;
  char *zSql = sqlite3_mprintf("SELECT (SELECT value FROM \"%w\".\"%w_config\""
      " WHERE key='org'), count(*), coalesce(sum(level IS NOT NULL AND "
      "level<>'Unnecessary'),0), coalesce(sum(level IS NOT NULL AND "
      "level<>'Unnecessary' AND as_is IS NOT NULL AND to_be IS NOT NULL AND "
      "excluded=0),0), (SELECT count(DISTINCT label) FROM "
      "\"%w\".\"%w_snapshot\") FROM \"%w\".\"%w_data\"", zS, zN, zS, zN, zS,
      zN);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int k;
  sqlite3_free(zSql);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    for(k=0; rc==SQLITE_OK && k<5; k++){
      pRow->apVal[k] = sqlite3_value_dup(sqlite3_column_value(pStmt, k));
      if( pRow->apVal[k]==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return (rc&0xff)==SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_OK;
}

/* Add the CDC tables of schema zDb to the cursor's rows. */
static int cdcsSchema(sqlite3 *db, CdcsCursor *pCur, const char *zDb){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT name, sql FROM \"%w\".sqlite_schema "
      "WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%%' ORDER BY name",
      zDb);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    CdcsRow *aNew, *pRow;
    if( !cdcIsX1060Sql((const char*)sqlite3_column_text(pStmt, 1)) ) continue;
    aNew = sqlite3_realloc64(pCur->aRow, sizeof(CdcsRow)*(pCur->nRow+1));
    if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
    pCur->aRow = aNew;
    pRow = &aNew[pCur->nRow++];
    memset(pRow, 0, sizeof(*pRow));
    pRow->zSchema = sqlite3_mprintf("%s", zDb);
    pRow->zName = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
    if( pRow->zSchema==0 || pRow->zName==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* The connection of cursor cur. */
static sqlite3 *cdcsDb(sqlite3_vtab_cursor *cur){
  return ((CdcsVtab*)cur->pVtab)->db;
}

/* xFilter: list the CDC tables of every attached database. */
static int cdcsFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                      int argc, sqlite3_value **argv){
  CdcsCursor *pCur = (CdcsCursor*)cur;
  sqlite3_stmt *pDbs = 0;
  int rc;
  (void)idxNum; (void)idxStr; (void)argc; (void)argv;
  cdcsClear(pCur);
  rc = sqlite3_prepare_v2(cdcsDb(cur), "SELECT name FROM pragma_database_list "
                          "ORDER BY seq", -1, &pDbs, 0);
  while( rc==SQLITE_OK && sqlite3_step(pDbs)==SQLITE_ROW ){
    rc = cdcsSchema(cdcsDb(cur), pCur,
                    (const char*)sqlite3_column_text(pDbs, 0));
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
** the names of thousands of CDC tables then reads none of them). */
static int cdcsColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  CdcsRow *pRow = &((CdcsCursor*)cur)->aRow[((CdcsCursor*)cur)->iRow];
  if( i>=2 && !pRow->bCounted ){
    int rc = cdcsCount(cdcsDb(cur), pRow);
    if( rc!=SQLITE_OK ) return rc;
    pRow->bCounted = 1;
  }
  if( i==0 ) sqlite3_result_text(ctx, pRow->zSchema, -1, SQLITE_TRANSIENT);
  else if( i==1 ) sqlite3_result_text(ctx, pRow->zName, -1, SQLITE_TRANSIENT);
  else if( pRow->apVal[i-2] ) sqlite3_result_value(ctx, pRow->apVal[i-2]);
  return SQLITE_OK;
}

static int cdcsRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((CdcsCursor*)cur)->iRow + 1;
  return SQLITE_OK;
}

static int cdcsBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  (void)pVtab;
  pInfo->estimatedRows = 10;
  pInfo->estimatedCost = 1000.0;   /* reads every CDC table */
  return SQLITE_OK;
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
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 /* xUpdate .. xShadowName: none */
  X1060_NO_INTEGRITY
};

/* Register x1060_snapshot (DIRECTONLY: it writes), x1060_integrity (reads
** a CDC: neither deterministic nor innocuous) and x1060_cdcs. */
int x1060RegisterCdcAdmin(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_snapshot", 2,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, snapshotFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_integrity", 1,
      SQLITE_UTF8, 0, integrityFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_module(db, "x1060_cdcs",
                                                 &cdcsModule, 0);
  return rc;
}
