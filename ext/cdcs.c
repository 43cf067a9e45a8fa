/*
** x1060: x1060_cdcs, the table of every CDC of every attached schema, and
** its commands (every writing operation as an INSERT).
**
**   SELECT * FROM x1060_cdcs;                    -- every CDC
**   INSERT INTO x1060_cdcs(name, org) VALUES ('client42', 'Client 42 Ltd');
**   INSERT INTO x1060_cdcs(command, name, argument)
**     VALUES ('snapshot', 'acme', 'FY2026-H1');
**
** It sits above the operations its commands run (cdc_admin.c, import.c,
** publish.c): they never call back into it.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

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
/* The names of the columns, as declared, for the messages. */
static const char *const azCdcsColumn[CDCS_NCOL] = {
  "schema", "name", "org", "services", "catalogued", "scored", "snapshots",
  "kind", "created_at", "damage", "command", "argument"
};

/* The counts of CDC iCdc, columns services .. snapshots, and what else a
** row of x1060_cdcs shows (the last, damage, NULL: a CDC it reads is not
** damaged in a way it sees): as a statement, bound; the idle one of its
** schema when there is one (a listing of many CDCs prepares it once). */
static int cdcsQuery(sqlite3 *db, X1060Idle *pIdle, const char *zSchema,
                     sqlite3_int64 iCdc, sqlite3_stmt **ppStmt){
  char *zSql;
  int rc = SQLITE_OK;
  *ppStmt = x1060IdleTake(pIdle, zSchema);
  if( *ppStmt ) return sqlite3_bind_int64(*ppStmt, 1, iCdc);
  zSql = sqlite3_mprintf("SELECT count(*), coalesce(sum("
      X1060_SQL_CATALOGUED("s") "),0), coalesce(sum(" X1060_SQL_SCORED("s")
      "),0), (SELECT count(DISTINCT label) FROM \"%w\"."
      "x1060_store_snapshot WHERE cdc=?1), (SELECT org FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), (SELECT kind FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), (SELECT created_at FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), (SELECT cdc_name FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=?1), NULL FROM \"%w\".x1060_store_service "
      "s WHERE s.cdc=?1", zSchema, zSchema, zSchema, zSchema, zSchema, zSchema);
  rc = x1060Prepare(db, zSql, ppStmt);
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
  X1060Idle count;          /* cdcsQuery's statement, idle between rows */
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
  x1060IdleFree(&((CdcsVtab*)pVtab)->count);
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

static int cdcsCount(CdcsVtab *pVtab, CdcsRow *pRow){
  sqlite3 *db = pVtab->db;
  sqlite3_stmt *pStmt = 0;
  int rc = cdcsQuery(db, &pVtab->count, pRow->zSchema, X1060_PACK_LO(
                     pRow->iRowid, X1060_CDCS_BITS), &pStmt);
  int k;
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    for(k=0; rc==SQLITE_OK && k<CDCS_NCOUNT; k++){
      pRow->apVal[CDCS_SERVICES+k] = sqlite3_value_dup(
          sqlite3_column_value(pStmt, k));
      if( pRow->apVal[CDCS_SERVICES+k]==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_reset(pStmt);
    if( rc==SQLITE_OK ) x1060IdleGive(&pVtab->count, pRow->zSchema, pStmt);
    else sqlite3_finalize(pStmt);
  }else{
    sqlite3_finalize(pStmt);
  }
  if( cdcIsFinding(rc) && pRow->zDamage==0 ){
    /* the storage is damaged (a table gone): the row says so, the listing
    ** goes on */
    char *zQuoted = sqlite3_mprintf("%q", pRow->zSchema);
    rc = cdcsSetDamage(pRow, zQuoted ? x1060Msg(db, X1060_MSG_DAMAGE_UNREADABLE,
                       sqlite3_errmsg(db), zQuoted) : 0);
    sqlite3_free(zQuoted);
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
  pRow->iRowid = X1060_PACK(iDb, iCdc, X1060_CDCS_BITS);
  pRow->zSchema = sqlite3_mprintf("%s", zDb);
  *ppRow = pRow;
  return pRow->zSchema ? SQLITE_OK : SQLITE_NOMEM;
}

/* Set the vtab's error message to zMsg (owned); return rc, or NOMEM. */
static int cdcsError(sqlite3_vtab *pVtab, int rc, char *zMsg){
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return zMsg ? rc : SQLITE_NOMEM;
}

/* Fail with SQLITE_CONSTRAINT and entry eMsg of the catalogue in the
** connection's language, its %1 zName as SQL text ('it''s'), %2 as within
** a quoted identifier ("it""s") and %3 as it is, when the entry has them. */
static int cdcsRefuse(sqlite3_vtab *pVtab, int eMsg, const char *zName){
  char *zLit = sqlite3_mprintf("%Q", zName);
  char *zId = sqlite3_mprintf("%w", zName);
  int rc = cdcsError(pVtab, SQLITE_CONSTRAINT, zLit && zId ? x1060Msg(
      ((CdcsVtab*)pVtab)->db, eMsg, zLit, zId, zName) : 0);
  sqlite3_free(zLit);
  sqlite3_free(zId);
  return rc;
}

/* Check the storage of zSchema before reading or writing it
** (x1060StoreGate); its refusal becomes the vtab's error. */
static int cdcsGate(sqlite3_vtab *pVtab, const char *zSchema){
  char *zErr = 0;
  int rc = x1060StoreGate(((CdcsVtab*)pVtab)->db, zSchema, &zErr);
  if( zErr ) return cdcsError(pVtab, rc, zErr);
  return rc;
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
  char *zSql = sqlite3_mprintf(X1060_SQL_VTABS, zDb);
  int rc = x1060Prepare(db, zSql, &pStmt);
  int k = 0;
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pStmt, 0);
    sqlite3_int64 iCdc = 0;
    int bFormat1 = 0;
    CdcsRow *pRow;
    k++;
    if( zName==0 ){ rc = SQLITE_NOMEM; break; }
    if( !cdcIsX1060Sql((const char*)sqlite3_column_text(pStmt, 1)) ) continue;
    rc = x1060StoreFind(db, zDb, zName, &iCdc, 0);
    if( rc==SQLITE_CORRUPT_VTAB ) rc = SQLITE_OK;   /* listed as damaged */
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
      char *zDbId = sqlite3_mprintf("%w", zDb);
      char *zNameId = sqlite3_mprintf("%w", zName);
      char *zDbLit = sqlite3_mprintf("%q", zDb);
      rc = cdcsSetDamage(pRow, !zDbId || !zNameId || !zDbLit ? 0 : bFormat1
          ? x1060Msg(db, X1060_MSG_DAMAGE_FORMAT1, zDbLit)
          : x1060Msg(db, X1060_MSG_DAMAGE_ORPHAN, zDbId, zNameId));
      sqlite3_free(zDbId);
      sqlite3_free(zNameId);
      sqlite3_free(zDbLit);
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* Add the CDCs of schema zDb (number iDb) to the cursor's rows. */
static int cdcsSchema(sqlite3_vtab *pVtab, CdcsCursor *pCur, const char *zDb,
                      sqlite3_int64 iDb){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  sqlite3_stmt *pStmt = 0;
  int nBad = 0;
  char *zSql;
  int rc = cdcsGate(pVtab, zDb);
  if( rc!=SQLITE_OK ) return rc;
  zSql = sqlite3_mprintf("SELECT cdc, cdc_name, org, kind, created_at "
      "FROM \"%w\".x1060_store_cdc ORDER BY cdc_name", zDb);
  rc = x1060PrepareStorage(db, zSql, 0, &pStmt, zDb, "x1060_store_cdc");
  sqlite3_free(zSql);
  if( rc==SQLITE_NOTFOUND ){
    /* no storage: no CDC, but CDC tables whose storage is gone */
    return cdcsOrphans(db, pCur, zDb, iDb);
  }
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    static const int aiCol[] = { CDCS_NAME, CDCS_ORG, CDCS_KIND,
                                 CDCS_CREATED_AT };
    CdcsRow *pRow;
    int k, bBadId = !CDC_KEY_OK(sqlite3_column_value(pStmt, 0), CDC_ID_MAX);
    /* an id x1060 never writes is never packed into a rowid: the row is
    ** listed, damaged, with a rowid above every CDC id (as cdcsOrphans),
    ** which no write accepts */
    rc = cdcsAddRow(pCur, zDb, iDb, bBadId ? 0xC0000000 + nBad++
                    : sqlite3_column_int64(pStmt, 0), &pRow);
    if( rc==SQLITE_OK && bBadId ){
      pRow->bCounted = 1;
      rc = cdcsSetDamage(pRow, x1060Msg(db, X1060_MSG_CDC_ID_DAMAGED,
                                        X1060_STR(CDC_ID_MAX)));
    }
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
    rc = cdcsSchema(cur->pVtab, pCur,
                    (const char*)sqlite3_column_text(pDbs, 0),
                    sqlite3_column_int64(pDbs, 1));
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pDbs);
  else sqlite3_finalize(pDbs);
  if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM && cur->pVtab->zErrMsg==0 ){
    /* a statement of its own failed: what SQLite said, not "SQL logic
    ** error" */
    rc = cdcsError(cur->pVtab, rc, x1060Msg(cdcsDb(cur),
        X1060_MSG_CDCS_READ_FAILED, sqlite3_errmsg(cdcsDb(cur))));
  }
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
    int rc = cdcsCount((CdcsVtab*)cur->pVtab, pRow);
    if( rc!=SQLITE_OK ) return rc;
    pRow->bCounted = 1;
  }
  if( i==CDCS_SCHEMA ){
    sqlite3_result_text(ctx, pRow->zSchema, -1, SQLITE_TRANSIENT);
  }else if( i==CDCS_DAMAGE ){
    if( !pRow->bCounted ){
      int rc = cdcsCount((CdcsVtab*)cur->pVtab, pRow);   /* (it may find damage) */
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

/* Read the name (bName) or org in v into *pz (owned): text, trimmed, 1 to
** CDC_NAME_MAX bytes of printable UTF-8.  The error names column zCol. */
static int cdcsText(sqlite3_vtab *pVtab, sqlite3_value *v, const char *zCol,
                    char **pz){
  /* (the type first: reading a blob as text would make it text) */
  int bOk = sqlite3_value_type(v)==SQLITE_TEXT;
  const unsigned char *z = bOk ? sqlite3_value_text(v) : 0;
  int n = bOk ? sqlite3_value_bytes(v) : 0;
  if( bOk && z==0 ) return SQLITE_NOMEM;
  while( bOk && n>0 && z[0]==' ' ){ z++; n--; }
  while( bOk && n>0 && z[n-1]==' ' ) n--;
  if( bOk ) bOk = n>0 && n<=CDC_NAME_MAX
                && x1060CleanText((const char*)z, n, "");
  if( !bOk ){
    int bName = strcmp(zCol, "name")==0;
    sqlite3 *db = ((CdcsVtab*)pVtab)->db;
    char *zAllowed = x1060Msg(db, bName ? X1060_MSG_CDC_NAME_RULE
                              : X1060_MSG_ORG_RULE, X1060_STR(CDC_NAME_MAX));
    int rc = cdcsError(pVtab, SQLITE_CONSTRAINT, zAllowed
        ? x1060NotAllowedValue(db, "x1060_cdcs", zCol, v, bName
                               ? x1060TextOf(db, X1060_MSG_A_CDC_NAME) : 0,
                               zAllowed) : 0);
    sqlite3_free(zAllowed);
    return rc;
  }
  *pz = sqlite3_mprintf("%.*s", n, z);
  if( *pz && strcmp(zCol, "name")==0 ){
    char *zErr = 0;
    int rc = x1060CdcNameCheck(((CdcsVtab*)pVtab)->db, "x1060_cdcs", *pz,
                               &zErr);
    if( rc!=SQLITE_OK ){
      sqlite3_free(*pz);
      *pz = 0;
      return zErr ? cdcsError(pVtab, rc, zErr) : rc;
    }
  }
  return *pz ? SQLITE_OK : SQLITE_NOMEM;
}

/* The schema of number iDb (pragma_database_list.seq), into *pz (owned);
** or, when zName is not NULL, check that a schema of that name is attached
** and give its name. */
static int cdcsSchemaName(sqlite3 *db, sqlite3_int64 iDb, const char *zName,
                          char **pz){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( zName && sqlite3_stricmp(zName, "temp")==0 ){
    /* always there, listed only once used */
    *pz = sqlite3_mprintf("temp");
    return *pz ? SQLITE_OK : SQLITE_NOMEM;
  }
  rc = sqlite3_prepare_v2(db, zName ? "SELECT name FROM "
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
  { "set",      "NA", &x1060SetOp },
  { "assess",   "NA", &x1060AssessOp },
};
/* (x1060_upgrade has no command: it drops the tables of format 1, which
** SQLite refuses inside another statement, "database table is locked") */

/* The command of row apCol, or NULL with the vtab's error set. */
static const struct CdcsCommand *cdcsCommandOf(sqlite3_vtab *pVtab,
                                               sqlite3_value **apCol){
  sqlite3_value *v = apCol[CDCS_COMMAND];
  /* (the type first: reading a blob as text would make it text) */
  const char *z = sqlite3_value_type(v)==SQLITE_TEXT
                ? (const char*)sqlite3_value_text(v) : 0;
  size_t i;
  for(i=0; z && i<X1060_ARRAY_SIZE(aCdcsCommand); i++){
    if( sqlite3_stricmp(z, aCdcsCommand[i].zName)==0 ){
      return &aCdcsCommand[i];
    }
  }
  {
    sqlite3 *db = ((CdcsVtab*)pVtab)->db;
    cdcsError(pVtab, SQLITE_ERROR, x1060NotAllowedValue(db, "x1060_cdcs",
              "command", v, x1060TextOf(db, X1060_MSG_ONE_OF_X1060S),
              x1060TextOf(db, X1060_MSG_CDCS_COMMANDS)));
  }
  return 0;
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
    return cdcsError(pVtab, SQLITE_ERROR, x1060Msg(db, X1060_MSG_CDCS_TAKES_NO,
        p->zName, azCdcsColumn[k], x1060TextOf(db, X1060_MSG_CDCS_COMMANDS)));
  }
  if( p->zArgs[0]=='N' ){
    rc = cdcQualified(db, apCol[CDCS_SCHEMA], apCol[CDCS_NAME], &pName,
                      &apArg[nArg++]);
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

/* INSERT OR REPLACE of a CDC named zName that exists in zSchema: it takes
** the row's org, as a row of an ordinary table takes the values of the
** INSERT; its id, the spelling of its name, its services and its history
** stay (they are not columns of the row).  *piCdc is its id; SQLITE_NOTFOUND
** when no CDC has that name. */
static int cdcsReplace(sqlite3_vtab *pVtab, const char *zSchema,
                       const char *zName, const char *zOrg,
                       sqlite3_int64 *piCdc){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  char *zStored = 0, *zErr = 0;
  int rc = x1060StoreEnsure(db, zSchema, &zErr);
  if( rc==SQLITE_OK ) rc = x1060StoreFind(db, zSchema, zName, piCdc, &zStored);
  if( rc==SQLITE_OK ){
    rc = x1060StoreSetCdc(db, zSchema, *piCdc, zStored, zOrg, &zErr);
  }
  sqlite3_free(zStored);
  if( rc==SQLITE_CORRUPT_VTAB ) rc = SQLITE_NOTFOUND;  /* the INSERT says */
  return zErr ? cdcsError(pVtab, rc, zErr) : rc;
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
    rc = cdcsError(pVtab, SQLITE_CONSTRAINT, x1060Msg(db, k==CDCS_ARGUMENT
        ? X1060_MSG_CDCS_COLUMN_X1060S_ARG : X1060_MSG_CDCS_COLUMN_X1060S,
        azCdcsColumn[k]));
  }
  if( rc==SQLITE_OK ){
    rc = cdcsSchemaName(db, 0, zGiven ? zGiven : "main", &zSchema);
    if( rc==SQLITE_NOTFOUND ){
      char *zQuoted = sqlite3_mprintf("%Q", zGiven);
      rc = cdcsError(pVtab, SQLITE_CONSTRAINT, zQuoted ? x1060NotAllowed(db,
          "x1060_cdcs", "schema", zQuoted, x1060TextOf(db, X1060_MSG_ATTACHED),
          x1060TextOf(db, X1060_MSG_SCHEMA_ALLOWED)) : 0);
      sqlite3_free(zQuoted);
    }
  }
  if( rc==SQLITE_OK ) rc = cdcsText(pVtab, apCol[CDCS_NAME], "name", &zName);
  if( rc==SQLITE_OK ){
    rc = sqlite3_value_type(apCol[CDCS_ORG])==SQLITE_NULL
       ? ((zOrg = sqlite3_mprintf("%s", zName))!=0 ? SQLITE_OK : SQLITE_NOMEM)
       : cdcsText(pVtab, apCol[CDCS_ORG], "org", &zOrg);
  }
  if( rc==SQLITE_OK && sqlite3_vtab_on_conflict(db)==SQLITE_REPLACE ){
    rc = cdcsReplace(pVtab, zSchema, zName, zOrg, &iCdc);
  }else if( rc==SQLITE_OK ){
    rc = SQLITE_NOTFOUND;
  }
  if( rc==SQLITE_NOTFOUND ){
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
    /* (a step that failed, out of memory, fails the INSERT: the CDC made
    ** goes with the statement) */
    if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
    else sqlite3_finalize(pStmt);
    *pRowid = X1060_PACK(iDb, iCdc, X1060_CDCS_BITS);
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
  static const struct { int iCol; int iQuery; } a[] = {
    { CDCS_SERVICES, 0 }, { CDCS_CATALOGUED, 1 }, { CDCS_SCORED, 2 },
    { CDCS_SNAPSHOTS, 3 }, { CDCS_KIND, 5 }, { CDCS_CREATED_AT, 6 },
    { CDCS_DAMAGE, 8 },
  };
  const char *zGiven = (const char*)sqlite3_value_text(apCol[CDCS_SCHEMA]);
  int rc = SQLITE_OK;
  size_t k;
  for(k=0; rc==SQLITE_OK && k<X1060_ARRAY_SIZE(a); k++){
    if( !cdcsSame(apCol[a[k].iCol], pCur, a[k].iQuery, &rc) && rc==SQLITE_OK ){
      rc = cdcsError(pVtab, SQLITE_CONSTRAINT, x1060Msg(
          ((CdcsVtab*)pVtab)->db, X1060_MSG_CDCS_READ_ONLY_COLUMN,
          azCdcsColumn[a[k].iCol]));
    }
  }
  if( rc==SQLITE_OK
   && (sqlite3_value_type(apCol[CDCS_COMMAND])!=SQLITE_NULL
       || sqlite3_value_type(apCol[CDCS_ARGUMENT])!=SQLITE_NULL) ){
    rc = cdcsRefuse(pVtab, X1060_MSG_CDCS_COMMAND_INSERT, "");
  }
  if( rc==SQLITE_OK && (zGiven==0 || sqlite3_stricmp(zSchema, zGiven)!=0) ){
    rc = cdcsRefuse(pVtab, X1060_MSG_CDCS_NO_MOVE, "");
  }
  return rc;
}

/* UPDATE OR REPLACE that renames a CDC to zName, the name of CDC iOther:
** iOther is removed with its services and history, as DELETE FROM
** x1060_cdcs would (as an ordinary table's conflicting row is); a CDC with
** a table of its own is not, and the UPDATE fails saying so. */
static int cdcsReplaced(sqlite3_vtab *pVtab, const char *zSchema,
                        const char *zName, sqlite3_int64 iOther){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  char *zKind = 0;
  int rc = x1060QueryText(db, sqlite3_mprintf("SELECT kind FROM \"%w\"."
      "x1060_store_cdc WHERE cdc=%lld", zSchema, iOther), &zKind);
  if( rc==SQLITE_OK && zKind && strcmp(zKind, "row")==0 ){
    rc = x1060StoreDropCdc(db, zSchema, iOther);
  }else if( rc==SQLITE_OK ){
    rc = cdcsRefuse(pVtab, X1060_MSG_CDCS_REPLACE_TABLE, zName);
  }
  sqlite3_free(zKind);
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
      rc = cdcsRefuse(pVtab, X1060_MSG_CDCS_RENAME_TABLE, zOld);
    }else{
      rc = x1060StoreFind(db, zSchema, zName, &iOther, 0);
      if( rc==SQLITE_OK && iOther!=iCdc
       && sqlite3_vtab_on_conflict(db)==SQLITE_REPLACE ){
        rc = cdcsReplaced(pVtab, zSchema, zName, iOther);
      }else if( (rc==SQLITE_OK && iOther!=iCdc) || rc==SQLITE_CORRUPT_VTAB ){
        rc = cdcsRefuse(pVtab, X1060_MSG_CDCS_NAME_TAKEN, zName);
      }else if( rc==SQLITE_NOTFOUND ){
        rc = SQLITE_OK;
      }
    }
  }
  if( rc==SQLITE_OK ){
    char *zErr = 0;
    rc = x1060StoreSetCdc(db, zSchema, iCdc, zName, zOrg, &zErr);
    if( zErr ) rc = cdcsError(pVtab, rc, zErr);
  }
  sqlite3_free(zName);
  sqlite3_free(zOrg);
  return rc;
}

/* UPDATE (apCol not NULL) or DELETE of the CDC of rowid iRowid. */
static int cdcsChange(sqlite3_vtab *pVtab, sqlite3_int64 iRowid,
                      sqlite3_value **apCol){
  sqlite3 *db = ((CdcsVtab*)pVtab)->db;
  sqlite3_int64 iCdc = X1060_PACK_LO(iRowid, X1060_CDCS_BITS);
  sqlite3_stmt *pCur = 0;
  X1060Idle none = { 0, 0 };      /* (a write prepares its own) */
  char *zSchema = 0;
  int rc = cdcsSchemaName(db, X1060_PACK_HI(iRowid, X1060_CDCS_BITS), 0,
                              &zSchema);
  if( rc==SQLITE_NOTFOUND ) return SQLITE_OK;
  if( rc==SQLITE_OK && (iCdc<1 || iCdc>CDC_ID_MAX) ){
    /* a CDC table the storage has no row for (cdcsOrphans), or a row whose
    ** id x1060 never writes (cdcsSchema): nothing is written */
    sqlite3_free(zSchema);
    return cdcsRefuse(pVtab, X1060_MSG_CDCS_DAMAGED, "");
  }
  if( rc==SQLITE_OK ) rc = cdcsGate(pVtab, zSchema);
  if( rc==SQLITE_OK ) rc = cdcsQuery(db, &none, zSchema, iCdc, &pCur);
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
      rc = cdcsRefuse(pVtab, X1060_MSG_CDCS_DROP_TABLE, zOld);
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
    return cdcsRefuse(pVtab, X1060_MSG_CDCS_ROWID, "");
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

/* Register x1060_cdcs (DIRECTONLY: docs/security.md). */
int x1060RegisterCdcs(sqlite3 *db){
  return sqlite3_create_module(db, "x1060_cdcs", &cdcsModule, 0);
}
