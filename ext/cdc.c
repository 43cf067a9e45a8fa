/*
** x1060: the CDC table, a writable virtual table holding one
** organisation's service catalogue, profile and portfolio.
**
**   CREATE VIRTUAL TABLE acme USING x1060(org='ACME Corp');
**   SELECT count(*) FROM acme;                      -- 64 Annex A services
**   UPDATE acme SET level = 'basic' WHERE category IN ('B','D');
**   UPDATE acme SET assignment = 'outsourcing', outsourcer = 'Z-MSSP',
**                   as_is = 2, to_be = 4 WHERE service_id = 'B-1';
**   INSERT INTO acme(service_id, category, name, level)
**     VALUES ('X-1', 'B', 'OT network monitoring', 'Advanced');
**
** The table of every CDC's services, for many organisations in one file:
**
**   INSERT INTO x1060_cdcs(name, org) VALUES ('client42', 'Client 42 Ltd');
**   UPDATE x1060_cdc_services SET level = 'Basic'
**    WHERE cdc = 'client42' AND category = 'B';
**
** Both read and write the storage of their schema (store.c): a CDC table
** the rows of x1060_store_service of its CDC (found by its name in
** x1060_store_cdc when connected), x1060_cdc_services those of every CDC,
** with the CDC's name in column cdc and its rowid cdc<<20 | seq_no.  One
** set of methods serves both (CdcVtab.bAll); an operation on one row of
** x1060_cdc_services first makes that row's CDC the current one (iCdc,
** zCdc), then runs as it would in the CDC table.
**
** Writes: every value is read and checked (cdcInput) before anything is
** written, and a refused write returns SQLITE_CONSTRAINT with a message
** naming the table, the service, the column, the value and what is
** allowed; SQLITE_VTAB_CONSTRAINT_SUPPORT lets SQLite apply OR IGNORE,
** OR FAIL, OR ROLLBACK as on ordinary tables; OR REPLACE is done here.
** Writes are ordinary SQL on the same connection, so they join the user's
** transaction and savepoints.
**
** Reads check every stored value they read, writes the whole row they
** change (cdcStoredProblem): a row broken by a client without the extension
** gives SQLITE_CORRUPT_VTAB naming the row.
**
** Plans (idxNum) of a CDC table: 0 full scan, 1 rowid=?, 2 service_id=?,
** 3 category=?; of x1060_cdc_services: 4 full scan, 5 cdc=?, 6 cdc=? AND
** service_id=?, 7 rowid=?.  Rows come in seq_no order, by CDC.
*/
#include "x1060_int.h"
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

#ifndef SQLITE_PREPARE_NO_VTAB
# define SQLITE_PREPARE_NO_VTAB 0x04
#endif

/* Internal statements, prepared once per connection on first use.  The
** first eight are the read plans, indexed by idxNum; those of one CDC
** (STMT_SCAN..STMT_CATEGORY and the writes) take its id as ?1. */
enum {
  STMT_SCAN, STMT_ROWID, STMT_ID, STMT_CATEGORY,
  STMT_ALL, STMT_ALL_CDC, STMT_ALL_CDC_ID, STMT_ALL_ROWID,
  STMT_NEXT_SEQ, STMT_INSERT, STMT_DELETE,
  STMT_UPDATE,            /* only keyed by mask (see CdcVtab.aKeyed) */
  CDC_NSTMT
};
#define CDC_IS_READ(i) ((i)<=STMT_ALL_ROWID)
#define CDC_IS_ALL(i)  ((i)>=STMT_ALL && (i)<=STMT_ALL_ROWID)
/* Beside the plan in what cdcPlanOne/cdcPlanAll return: the key is
** compared under the column's own collation, so it is read as input is
** (cdcKeyUse, cdcBindKey); idxStr then says "=x1060_service(?)". */
#define CDC_PLAN_CANON 0x100
#define CDC_CANON_TAG  "x1060_"

/* The column numbers of x1060_cdc_services: cdc, then those of a CDC
** table, then seq_no. */
#define ALL_CDC    0
#define ALL_SEQ_NO (CDC_NCOL+1)
#define ALL_NCOL   (CDC_NCOL+2)

#define CDC_NKEYED 8      /* statements kept that vary by column mask */
#define CDC_COLS_TAG "cols="  /* in idxStr: the stored columns read, hex */

/*
** The idle internal statements of the CDCs of one schema: every CDC table
** and x1060_cdc_services of a schema run the same SQL (the CDC is ?1), so
** they share one cache, counted (nRef) by the tables connected to it; a
** connection's caches are listed in its CdcCaches (the module's pAux).
*/
typedef struct CdcCache CdcCache;
struct CdcCache {
  char *zSchema;
  int nRef;               /* tables that use it */
  CdcCache *pNext;
  sqlite3_stmt *aStmt[CDC_NSTMT];  /* idle cached statements, or NULL */
  /* Statements whose columns vary (reads that select only the columns a
  ** query uses, UPDATEs that set only the changed ones), idle, by
  ** statement and column mask; replaced round robin */
  struct CdcKeyedStmt {
    int i; unsigned int mask; sqlite3_stmt *pStmt;
  } aKeyed[CDC_NKEYED];
  int iKeyedNext;         /* the slot of aKeyed to replace next */
};
/* The caches of one module's tables, counted: the module holds one
** reference and each cache another, so that loading x1060 again (which
** replaces the module, and may destroy the old one while its tables are
** connected) frees them only when the last of those tables is gone. */
typedef struct CdcCaches CdcCaches;
struct CdcCaches { CdcCache *pList; int nRef; };

typedef struct CdcVtab CdcVtab;
struct CdcVtab {
  sqlite3_vtab base;      /* base class, must be first */
  sqlite3 *db;
  char *zSchema;          /* schema of the table ("main", "temp", ...) */
  char *zName;            /* the table's name */
  int bAll;               /* x1060_cdc_services: every CDC of the schema */
  sqlite3_int64 iCdc;     /* the current CDC (0: none, or not stored) */
  char *zCdc;             /* its name, for messages */
  CdcCaches *pCaches;     /* the connection's caches (the module's pAux) */
  CdcCache *pCache;       /* the statements of its schema, from pCaches */
  /* The row a cursor was closed on, when SQLite closed it on a row: an
  ** UPDATE or DELETE in one pass reads the row, closes its cursor, then
  ** calls xUpdate for it (see cdcLoadOld) */
  int bStash;
  sqlite3_int64 iStashCdc;  /* the CDC of the stashed row */
  CdcRow stash;
  sqlite3_int64 nStashChanges;  /* sqlite3_total_changes64() at the time */
};

typedef struct CdcCursor CdcCursor;
struct CdcCursor {
  sqlite3_vtab_cursor base; /* base class, must be first */
  sqlite3_stmt *pStmt;    /* the read statement, borrowed from the cache */
  int iPlan;              /* which one (STMT_SCAN..STMT_ALL_ROWID) */
  unsigned int mSel;      /* the stored columns it selects, after seq_no */
  int bEof;
  /* The current row: which stored values have been checked (bit k for
  ** stored column k), and, once a derived column was asked for, all of
  ** them (borrowed from pStmt, valid until it steps) */
  unsigned int mChecked;
  int bRow;
  X1060Value aRow[CDC_NSTORED];
};

/* Replace the vtab's error message with zMsg (owned); return rc, or
** SQLITE_NOMEM when zMsg is NULL. */
static int cdcError(CdcVtab *p, int rc, char *zMsg){
  sqlite3_free(p->base.zErrMsg);
  p->base.zErrMsg = zMsg;
  return zMsg ? rc : SQLITE_NOMEM;
}

/* The select list of a read statement: seq_no and the stored columns in
** mask, from sqlite3_mprintf. */
static char *cdcSelectList(unsigned int mask){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int k;
  sqlite3_str_appendall(pStr, "seq_no");
  for(k=0; k<CDC_NSTORED; k++){
    if( mask & (1u<<k) ){
      sqlite3_str_appendf(pStr, ",%s", cdcColumns[cdcStored(k)].zName);
    }
  }
  return sqlite3_str_finish(pStr);
}

/* The position in a read statement selecting mSel of stored column k. */
static int cdcPosition(unsigned int mSel, int k){
  unsigned int m = mSel & ((1u<<k)-1);
  int n = 1;
  for(; m; m &= m-1) n++;
  return n;
}

/* The SQL of internal statement i, from sqlite3_mprintf; a read statement
** selects seq_no and the stored columns in mask (and, reading every CDC,
** the CDC's id and name after them); an UPDATE sets the columns in mask. */
static char *cdcStmtSql(CdcVtab *p, int i, unsigned int mask){
  static const char *const azWhere[] = {
    "", " AND seq_no=?2", " AND service_id=?2", " AND category=?2",
    "", " WHERE c.cdc_name=?1", " WHERE c.cdc_name=?1 AND s.service_id=?2",
    " WHERE s.cdc=?1 AND s.seq_no=?2"
  };
  sqlite3_str *pStr;
  char *zCols = cdcStoredColumnList("");
  char *zSel = CDC_IS_READ(i) ? cdcSelectList(mask) : 0;
  const char *zS = p->zSchema;
  int k, n = 1;
  if( zCols==0 || (zSel==0 && CDC_IS_READ(i)) ){
    sqlite3_free(zCols);
    sqlite3_free(zSel);
    return 0;
  }
  pStr = sqlite3_str_new(0);
  if( CDC_IS_ALL(i) ){
    sqlite3_str_appendf(pStr, "SELECT s.%s,s.cdc,c.cdc_name FROM "
        "\"%w\".x1060_store_service s JOIN \"%w\".x1060_store_cdc c ON "
        "c.cdc=s.cdc%s ORDER BY s.cdc,s.seq_no", zSel, zS, zS, azWhere[i]);
  }else if( CDC_IS_READ(i) ){
    sqlite3_str_appendf(pStr, "SELECT %s FROM \"%w\".x1060_store_service "
        "WHERE cdc=?1%s ORDER BY seq_no", zSel, zS, azWhere[i]);
  }else if( i==STMT_NEXT_SEQ ){
    sqlite3_str_appendf(pStr, "SELECT coalesce(max(seq_no),0)+1 FROM "
        "\"%w\".x1060_store_service WHERE cdc=?1", zS);
  }else if( i==STMT_INSERT ){
    /* cdc ?1, seq_no ?2, the stored columns but updated_at ?3.. */
    sqlite3_str_appendf(pStr, "INSERT INTO \"%w\".x1060_store_service(cdc,"
                        "seq_no,%s) VALUES(?1,?2,", zS, zCols);
    for(k=0; k<CDC_NSTORED-1; k++) sqlite3_str_appendf(pStr, "?%d,", k+3);
    sqlite3_str_appendall(pStr, CDC_NOW_SQL ")");
  }else if( i==STMT_UPDATE ){
    /* the columns in mask (?2..) and updated_at, of the row seq_no=?N */
    sqlite3_str_appendf(pStr, "UPDATE \"%w\".x1060_store_service SET ", zS);
    for(k=0; k<CDC_NSTORED; k++){
      if( mask & (1u<<k) ){
        sqlite3_str_appendf(pStr, "%s=?%d,", cdcColumns[cdcStored(k)].zName,
                            ++n);
      }
    }
    sqlite3_str_appendf(pStr, "updated_at=%s WHERE cdc=?1 AND seq_no=?%d",
                        CDC_NOW_SQL, n+1);
  }else{
    sqlite3_str_appendf(pStr, "DELETE FROM \"%w\".x1060_store_service WHERE "
                        "cdc=?1 AND seq_no=?2", zS);
  }
  sqlite3_free(zCols);
  sqlite3_free(zSel);
  return sqlite3_str_finish(pStr);
}

/* Take internal statement i out of the cache, preparing it if it is not
** there (another cursor has it, or it is the first use); a statement of
** one CDC gets the current CDC bound to ?1.  mask is the stored columns a
** read statement selects or an UPDATE sets; statements of all columns
** (CDC_ALL_STORED) have a slot each, the others are kept by statement and
** mask. */
static int cdcTake(CdcVtab *p, int i, unsigned int mask,
                   sqlite3_stmt **ppStmt){
  CdcCache *c = p->pCache;
  char *zSql;
  int j, rc;
  if( mask==CDC_ALL_STORED ){
    *ppStmt = c->aStmt[i];
    c->aStmt[i] = 0;
  }else{
    for(j=0, *ppStmt=0; j<CDC_NKEYED && *ppStmt==0; j++){
      struct CdcKeyedStmt *pSlot = &c->aKeyed[j];
      if( pSlot->pStmt && pSlot->i==i && pSlot->mask==mask ){
        *ppStmt = pSlot->pStmt;
        pSlot->pStmt = 0;
      }
    }
  }
  if( *ppStmt==0 ){
    zSql = cdcStmtSql(p, i, mask);
    if( zSql==0 ) return SQLITE_NOMEM;
    /* (x1060_cdc_services of a schema without storage reads no CDC) */
    rc = x1060PrepareStorage(p->db, zSql,
        SQLITE_PREPARE_PERSISTENT|SQLITE_PREPARE_NO_VTAB, ppStmt, p->zSchema,
        p->bAll && CDC_IS_READ(i) ? "x1060_store_service" : 0);
    sqlite3_free(zSql);
    if( rc==SQLITE_NOTFOUND ) return rc;    /* no CDC in this schema yet */
    if( rc!=SQLITE_OK ){
      return cdcError(p, rc, x1060Msg(p->db, CDC_IS_READ(i)
          ? X1060_MSG_CDC_STORAGE_READ : X1060_MSG_CDC_STORAGE_WRITE,
          p->zCdc, sqlite3_errmsg(p->db)));
    }
  }
  if( CDC_IS_ALL(i) ) return SQLITE_OK;
  return sqlite3_bind_int64(*ppStmt, 1, p->iCdc);
}

/* Give statement pStmt (internal statement i, mask as for cdcTake) back to
** the cache, reset. */
static void cdcGive(CdcVtab *p, int i, unsigned int mask, sqlite3_stmt *pStmt){
  CdcCache *c = p->pCache;
  struct CdcKeyedStmt *pSlot = 0;
  int j;
  if( pStmt==0 ) return;
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  if( mask==CDC_ALL_STORED ){
    if( c->aStmt[i]==0 ){
      c->aStmt[i] = pStmt;
    }else{
      sqlite3_finalize(pStmt);
    }
    return;
  }
  for(j=0; j<CDC_NKEYED && pSlot==0; j++){
    if( c->aKeyed[j].pStmt==0 ) pSlot = &c->aKeyed[j];
  }
  if( pSlot==0 ){
    pSlot = &c->aKeyed[c->iKeyedNext];
    c->iKeyedNext = (c->iKeyedNext+1) % CDC_NKEYED;
    sqlite3_finalize(pSlot->pStmt);
  }
  pSlot->i = i;
  pSlot->mask = mask;
  pSlot->pStmt = pStmt;
}

/* The cache of schema zSchema in pCaches, made when missing; counted. */
static CdcCache *cdcCacheAcquire(CdcCaches *pCaches, const char *zSchema){
  CdcCache *c;
  for(c=pCaches->pList; c && sqlite3_stricmp(c->zSchema, zSchema); c=c->pNext){}
  if( c==0 ){
    c = sqlite3_malloc64(sizeof(*c));
    if( c==0 ) return 0;
    memset(c, 0, sizeof(*c));
    c->zSchema = sqlite3_mprintf("%s", zSchema);
    if( c->zSchema==0 ){
      sqlite3_free(c);
      return 0;
    }
    c->pNext = pCaches->pList;
    pCaches->pList = c;
    pCaches->nRef++;
  }
  c->nRef++;
  return c;
}

/* Drop a reference to pCaches: the last one frees it. */
static void cdcCachesUnref(CdcCaches *pCaches){
  if( --pCaches->nRef==0 ) sqlite3_free(pCaches);
}

/* One table fewer uses cache c: the last one finalizes and frees it. */
static void cdcCacheRelease(CdcCaches *pCaches, CdcCache *c){
  CdcCache **pp;
  int i;
  if( c==0 || --c->nRef>0 ) return;
  for(pp=&pCaches->pList; *pp && *pp!=c; pp=&(*pp)->pNext){}
  if( *pp ) *pp = c->pNext;
  for(i=0; i<CDC_NSTMT; i++) sqlite3_finalize(c->aStmt[i]);
  for(i=0; i<CDC_NKEYED; i++) sqlite3_finalize(c->aKeyed[i].pStmt);
  sqlite3_free(c->zSchema);
  sqlite3_free(c);
  cdcCachesUnref(pCaches);
}

/* The destructor of a module's CdcCaches: the module's reference goes (the
** caches of tables still connected keep it). */
static void cdcCachesFree(void *pArg){
  cdcCachesUnref((CdcCaches*)pArg);
}

/* Bind value *v to parameter i of pStmt. */
static int bindValue(sqlite3_stmt *pStmt, int i, const X1060Value *v){
  switch( v->eType ){
    case SQLITE_INTEGER: return sqlite3_bind_int64(pStmt, i, v->i);
    case SQLITE_TEXT:    return sqlite3_bind_text(pStmt, i, v->z, -1,
                                                  SQLITE_STATIC);
    default:             return sqlite3_bind_null(pStmt, i);
  }
}

/* The message for a stored row that fails its checks; a row read from
** every CDC names its own (the statement's last column). */
static int cdcCorrupt(CdcVtab *p, sqlite3_stmt *pStmt, char *zProblem){
  int bJa = x1060ConnLanguage(p->db);
  char *zId = x1060DescribeValueIn(sqlite3_column_value(pStmt, 1), bJa);
  char zSeq[24], *zQuoted;
  int nCol = sqlite3_column_count(pStmt), rc;
  if( p->bAll && strcmp(sqlite3_column_name(pStmt, nCol-1), "cdc_name")==0 ){
    char *z = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, nCol-1));
    if( z ){
      sqlite3_free(p->zCdc);
      p->zCdc = z;
      p->iCdc = sqlite3_column_int64(pStmt, nCol-2);
    }
  }
  sqlite3_snprintf(sizeof(zSeq), zSeq, "%lld", sqlite3_column_int64(pStmt, 0));
  zQuoted = sqlite3_mprintf("%q", p->zCdc);
  rc = cdcError(p, SQLITE_CORRUPT_VTAB, (zId && zProblem && zProblem[0]
      && zQuoted) ? x1060MsgIn(bJa, X1060_MSG_SERVICE_CORRUPT, p->zCdc, zId,
      zSeq, zProblem, zQuoted) : 0);
  sqlite3_free(zId);
  sqlite3_free(zQuoted);
  sqlite3_free(zProblem);
  return rc;
}

/* Check the stored values of the current row of read statement pStmt
** whose bits are set in mask (bit k: stored column k). */
static int cdcCheck(CdcVtab *p, sqlite3_stmt *pStmt, unsigned int mask){
  int rc;
  char *zProblem = cdcStoredProblem(x1060ConnLanguage(p->db), pStmt, 1, mask,
                                    &rc);
  if( rc!=SQLITE_OK ){
    sqlite3_free(zProblem);
    return rc;
  }
  return zProblem ? cdcCorrupt(p, pStmt, zProblem) : SQLITE_OK;
}

/* Check the keys of the current row of read statement pStmt, whatever
** the query reads: its seq_no and, reading every CDC, the CDC's id.  They
** make its rowid, and a crafted value out of the range x1060 writes would
** make a rowid that points at another CDC's row. */
static int cdcKeys(CdcVtab *p, sqlite3_stmt *pStmt){
  sqlite3_value *v = sqlite3_column_value(pStmt, 0);
  const char *zKey = "seq_no";
  sqlite3_int64 iMax = CDC_SEQ_MAX;
  char *zVal, *zProblem;
  int nCol = sqlite3_column_count(pStmt);
  if( CDC_KEY_OK(v, CDC_SEQ_MAX) ){
    /* (the statements that read every CDC end in its id and name) */
    if( strcmp(sqlite3_column_name(pStmt, nCol-1), "cdc_name")!=0 ){
      return SQLITE_OK;
    }
    v = sqlite3_column_value(pStmt, nCol-2);
    if( CDC_KEY_OK(v, CDC_ID_MAX) ) return SQLITE_OK;
    zKey = "cdc";
    iMax = CDC_ID_MAX;
  }
  {
    int bJa = x1060ConnLanguage(p->db);
    char zMax[24];
    char *zExp;
    sqlite3_snprintf(sizeof(zMax), zMax, "%lld", iMax);
    zExp = x1060MsgIn(bJa, X1060_MSG_EXP_INTEGER_RANGE, zMax);
    zVal = x1060DescribeValueIn(v, bJa);
    zProblem = zVal && zExp ? x1060MsgIn(bJa, X1060_MSG_HOLDS_EXPECTED, zKey,
                                         zVal, zExp) : 0;
    sqlite3_free(zVal);
    sqlite3_free(zExp);
  }
  return cdcCorrupt(p, pStmt, zProblem);
}

/* Step pStmt (a read statement) to its next row, check its keys and, when
** bCheck, every value of that row.  Sets *pbEof at the end. */
static int cdcStep(CdcVtab *p, sqlite3_stmt *pStmt, int bCheck, int *pbEof){
  int rc = sqlite3_step(pStmt);
  *pbEof = 1;
  if( rc==SQLITE_DONE ) return SQLITE_OK;
  if( (rc&0xff)==SQLITE_NOMEM ) return SQLITE_NOMEM;
  if( rc!=SQLITE_ROW ){
    /* (reading every CDC, before the first row: no CDC to name) */
    return cdcError(p, rc, p->zCdc ? sqlite3_mprintf("%s: %s", p->zCdc,
                    sqlite3_errmsg(p->db)) : sqlite3_mprintf("%s",
                    sqlite3_errmsg(p->db)));
  }
  *pbEof = 0;
  rc = cdcKeys(p, pStmt);
  if( rc==SQLITE_OK && bCheck ) rc = cdcCheck(p, pStmt, CDC_ALL_STORED);
  return rc;
}

/* Load the row of the current CDC found by plan iPlan (STMT_ROWID or
** STMT_ID) for key zKey or, when zKey is NULL, iKey into pRow (cleared
** first); SQLITE_NOTFOUND if there is none. */
static int cdcLoad(CdcVtab *p, int iPlan, const char *zKey,
                   sqlite3_int64 iKey, CdcRow *pRow){
  sqlite3_stmt *pStmt = 0;
  int bEof = 1;
  int rc = cdcTake(p, iPlan, CDC_ALL_STORED, &pStmt);
  cdcRowClear(pRow);
  if( rc==SQLITE_OK ){
    rc = zKey ? sqlite3_bind_text(pStmt, 2, zKey, -1, SQLITE_STATIC)
              : sqlite3_bind_int64(pStmt, 2, iKey);
  }
  if( rc==SQLITE_OK ) rc = cdcStep(p, pStmt, 1, &bEof);
  if( rc==SQLITE_OK ) rc = bEof ? SQLITE_NOTFOUND : cdcRowLoad(pRow, pStmt);
  cdcGive(p, iPlan, CDC_ALL_STORED, pStmt);
  return rc;
}

/* Load the row of service zId into pRow; SQLITE_NOTFOUND if none. */
static int cdcLoadById(CdcVtab *p, const char *zId, CdcRow *pRow){
  return cdcLoad(p, STMT_ID, zId, 0, pRow);
}

/* Run write statement pStmt, bound (if rc is SQLITE_OK), to its end. */
static int cdcStepWrite(CdcVtab *p, sqlite3_stmt *pStmt, int rc){
  if( rc==SQLITE_OK ){
    rc = sqlite3_step(pStmt);
    if( rc==SQLITE_DONE ) rc = SQLITE_OK;
  }
  if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
    /* Checks passed, so this is not the user's constraint: make sure SQLite
    ** undoes the statement rather than skipping the row. */
    cdcError(p, rc, x1060Msg(p->db, X1060_MSG_CDC_STORAGE_WRITE, p->zCdc,
                             sqlite3_errmsg(p->db)));
    rc = SQLITE_ERROR;
  }
  return rc;
}

/* Run internal write statement i of the current CDC (?1) with the integer
** iSeq bound to ?2 and the values aVal[0..nVal-1] after it. */
static int cdcRun(CdcVtab *p, int i, sqlite3_int64 iSeq,
                  const X1060Value *aVal, int nVal){
  sqlite3_stmt *pStmt = 0;
  int k, rc = cdcTake(p, i, CDC_ALL_STORED, &pStmt);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pStmt, 2, iSeq);
  for(k=0; rc==SQLITE_OK && k<nVal; k++) rc = bindValue(pStmt, k+3, &aVal[k]);
  rc = cdcStepWrite(p, pStmt, rc);
  cdcGive(p, i, CDC_ALL_STORED, pStmt);
  return rc;
}

/* The service id of a row, for messages. */
static const char *rowId(const CdcRow *pRow){
  return pRow->a[CDC_SERVICE_ID].eType==SQLITE_TEXT ? pRow->a[CDC_SERVICE_ID].z : "?";
}

/* Refuse value v for column iCol of the service in pRow; zWhy (owned)
** says what is allowed. */
static int cdcRefuse(CdcVtab *p, const CdcRow *pRow, int bNew, int iCol,
                     sqlite3_value *v, char *zWhy){
  char *zVal = x1060DescribeValueIn(v, x1060ConnLanguage(p->db));
  int rc = cdcError(p, SQLITE_CONSTRAINT, (zVal && zWhy)
      ? x1060Msg(p->db, bNew ? X1060_MSG_REFUSED_NEW : X1060_MSG_REFUSED,
            p->zCdc, cdcColumns[iCol].zName, rowId(pRow), zVal, zWhy) : 0);
  sqlite3_free(zVal);
  sqlite3_free(zWhy);
  return rc;
}

/* What to write instead of read-only column iCol: an entry of the
** catalogue. */
static int readOnlyHint(int iCol){
  switch( iCol ){
    case CDC_QUADRANT: case CDC_SUGGESTED: return X1060_MSG_HINT_AXES;
    case CDC_GAP: case CDC_CYCLE: case CDC_CRITERION:
                                           return X1060_MSG_HINT_SCORES;
    case CDC_CUSTOM:                       return X1060_MSG_HINT_CUSTOM;
    default:                               return X1060_MSG_HINT_STAMP;
  }
}

/*
** Read the service id in v: an Annex A service in any spelling that
** x1060_service() accepts gives its id; anything else is a custom id,
** trimmed, which may not have the shape of an Annex A id.  The id is
** stored in pRow; messages speak of the service in pWho.
*/
static int cdcReadId(CdcVtab *p, const CdcRow *pWho, CdcRow *pRow, int bNew,
                     sqlite3_value *v){
  char *zWhy = 0;
  int rc, i;
  if( sqlite3_value_type(v)==SQLITE_TEXT ){
    if( sqlite3_value_text(v)==0 ) return SQLITE_NOMEM;
    i = x1060ServiceFind((const char*)sqlite3_value_text(v),
                         sqlite3_value_bytes(v));
    if( i>=0 ){
      X1060Value id;
      id.eType = SQLITE_TEXT; id.i = 0; id.z = x1060Services[i].zId;
      return cdcRowSet(pRow, CDC_SERVICE_ID, &id);
    }
  }
  rc = cdcInput(pRow, CDC_SERVICE_ID, v, x1060ConnLanguage(p->db), &zWhy);
  if( rc==SQLITE_OK && pRow->a[CDC_SERVICE_ID].eType==SQLITE_NULL ){
    zWhy = x1060Msg(p->db, X1060_MSG_ID_NEEDED);
    rc = SQLITE_CONSTRAINT;
  }else if( rc==SQLITE_OK && cdcReservedId(pRow->a[CDC_SERVICE_ID].z) ){
    zWhy = x1060Msg(p->db, X1060_MSG_ID_RESERVED);
    rc = SQLITE_CONSTRAINT;
  }
  if( rc==SQLITE_CONSTRAINT ) return cdcRefuse(p, pWho, bNew, 0, v, zWhy);
  return rc;
}

/*
** Apply the new column values apVal (as xUpdate gets them) to *pNew, which
** holds the row as it is, pOld (or an empty custom row for an INSERT).
** A read-only column may be given its current value (SQLite passes every
** column to xUpdate), computed from pOld.  bInsert: the values come from
** an INSERT, where NULL means "not given" for columns the user cannot set.
** Checks everything; writes nothing.
*/
static int cdcApply(CdcVtab *p, const CdcRow *pOld, CdcRow *pNew,
                    sqlite3_value **apVal, int bInsert, int bNew){
  CdcRow tmp;
  X1060Value cur, given;
  int i, rc = SQLITE_OK, bNa = 0, bScore = 0, bExcluded = 0, eExcluded;
  int bAnnex = pNew->a[cdcColumns[CDC_CUSTOM].iStored].i==0;
  int bJa = x1060ConnLanguage(p->db);
  memset(&tmp, 0, sizeof(tmp));
  cdcRowClear(&tmp);
  for(i=0; rc==SQLITE_OK && i<CDC_NCOL; i++){
    const CdcColumn *c = &cdcColumns[i];
    sqlite3_value *v = apVal[i];
    char *zWhy = 0;
    if( sqlite3_value_nochange(v) ) continue;
    if( cdcValueFromSql(v, &given)!=SQLITE_OK ){ rc = SQLITE_NOMEM; break; }
    /* SQLite passes every column: those the statement does not set come
    ** with their current, canonical value and need no reading */
    if( c->iStored>=0 && c->eKind!=K_DERIVED && c->eKind!=K_STAMP
     && cdcValueEqual(&given, &pOld->a[c->iStored]) ){
      continue;
    }
    if( c->eKind==K_DERIVED || c->eKind==K_STAMP ){
      cdcDerive(pOld->a, i, &cur);
      if( (bInsert && given.eType==SQLITE_NULL) || cdcValueEqual(&cur, &given) ){
        continue;
      }
      rc = cdcRefuse(p, pNew, bNew, i, v, x1060MsgIn(bJa,
          X1060_MSG_DERIVED_READ_ONLY, c->zName,
          x1060Text(bJa, readOnlyHint(i))));
    }else if( i==CDC_SERVICE_ID ){
      if( bInsert ) continue;              /* read by cdcInsert */
      rc = cdcReadId(p, pNew, &tmp, bNew, v);
      if( rc==SQLITE_OK && strcmp(tmp.a[CDC_SERVICE_ID].z, rowId(pNew))!=0 ){
        if( bAnnex ){
          rc = cdcRefuse(p, pNew, bNew, i, v, x1060MsgIn(bJa,
              X1060_MSG_ANNEX_ID_FIXED, rowId(pNew)));
        }else{
          rc = cdcRowSet(pNew, CDC_SERVICE_ID, &tmp.a[CDC_SERVICE_ID]);
        }
      }
    }else if( c->bCustomOnly && bAnnex ){
      if( bInsert && given.eType==SQLITE_NULL ) continue;
      rc = cdcInput(&tmp, i, v, bJa, &zWhy);
      if( rc==SQLITE_OK && !cdcValueEqual(&tmp.a[c->iStored],
                                          &pNew->a[c->iStored]) ){
        rc = SQLITE_CONSTRAINT;
        zWhy = x1060MsgIn(bJa, X1060_MSG_ANNEX_COLUMN_FIXED, rowId(pNew),
                          c->zName);
      }
      if( rc==SQLITE_CONSTRAINT ) rc = cdcRefuse(p, pNew, bNew, i, v, zWhy);
    }else{
      rc = cdcInput(pNew, i, v, bJa, &zWhy);
      if( rc==X1060_SCORE_NA ){ bNa = 1; rc = SQLITE_OK; }
      if( rc==SQLITE_OK && c->eKind==K_SCORE ){
        bScore |= pNew->a[c->iStored].eType==SQLITE_INTEGER;
      }
      bExcluded |= i==CDC_EXCLUDED;
      if( rc==SQLITE_CONSTRAINT ) rc = cdcRefuse(p, pNew, bNew, i, v, zWhy);
    }
  }
  /* a custom service needs a category and a name, however they came */
  for(i=0; rc==SQLITE_OK && i<CDC_NCOL; i++){
    const CdcColumn *c = &cdcColumns[i];
    if( (c->eKind==K_CATEGORY || c->eKind==K_NAME)
     && pNew->a[c->iStored].eType==SQLITE_NULL ){
      rc = cdcRefuse(p, pNew, bNew, i, apVal[i], x1060MsgIn(bJa,
          X1060_MSG_CUSTOM_NEEDS, c->zName));
    }
  }
  cdcRowClear(&tmp);
  /* 'N/A' excludes the service; a score written as a number, excluded not
  ** written with it, takes it back into the evaluation */
  eExcluded = bNa ? 1 : bScore && !bExcluded ? 0 : -1;
  if( rc==SQLITE_OK ) rc = cdcRowDefaults(pNew, eExcluded);
  return rc;
}

/* Delete the custom row pOld (its history row comes from the trigger). */
static int cdcDeleteRow(CdcVtab *p, const CdcRow *pOld){
  return cdcRun(p, STMT_DELETE, pOld->iRowid, 0, 0);
}

/*
** Find a conflict for the id of pNew (a row with that id other than pNew
** itself).  Under OR REPLACE a conflicting custom row is deleted; else,
** or when the other row is an Annex A service, SQLITE_CONSTRAINT with the
** core's UNIQUE message.
*/
static int cdcResolveConflict(CdcVtab *p, const CdcRow *pNew){
  CdcRow other;
  int rc;
  memset(&other, 0, sizeof(other));
  rc = cdcLoadById(p, rowId(pNew), &other);
  if( rc==SQLITE_NOTFOUND || (rc==SQLITE_OK && other.iRowid==pNew->iRowid) ){
    rc = SQLITE_OK;
  }else if( rc==SQLITE_OK ){
    if( sqlite3_vtab_on_conflict(p->db)==SQLITE_REPLACE
     && other.a[CDC_S_CUSTOM].i==1 ){
      rc = cdcDeleteRow(p, &other);
    }else{
      rc = cdcError(p, SQLITE_CONSTRAINT, x1060Msg(p->db, X1060_MSG_ID_TAKEN,
                                                   p->zCdc, rowId(pNew)));
    }
  }
  cdcRowClear(&other);
  return rc;
}

/* Write the stored columns of pNew in mask (and updated_at) to its row of
** the storage. */
static int cdcRunUpdate(CdcVtab *p, unsigned int mask, const CdcRow *pNew){
  sqlite3_stmt *pStmt = 0;
  int k, n = 1, rc = cdcTake(p, STMT_UPDATE, mask, &pStmt);
  for(k=0; rc==SQLITE_OK && k<CDC_NSTORED; k++){
    if( mask & (1u<<k) ) rc = bindValue(pStmt, ++n, &pNew->a[k]);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pStmt, n+1, pNew->iRowid);
  if( pStmt ) rc = cdcStepWrite(p, pStmt, rc);
  cdcGive(p, STMT_UPDATE, mask, pStmt);
  return rc;
}

/*
** Write pNew over pOld (same rowid): one UPDATE of x1060_store_service
** setting the columns that changed, whose trigger adds a history row per
** changed column.  Nothing is written when nothing changed.
*/
static int cdcWriteUpdate(CdcVtab *p, const CdcRow *pOld, const CdcRow *pNew){
  unsigned int mask = 0;
  int k, rc = SQLITE_OK;
  for(k=0; k<CDC_NSTORED; k++){
    if( k!=CDC_S_UPDATED_AT && !cdcValueEqual(&pOld->a[k], &pNew->a[k]) ){
      mask |= 1u<<k;
    }
  }
  if( mask==0 ) return SQLITE_OK;
  if( strcmp(rowId(pOld), rowId(pNew))!=0 ) rc = cdcResolveConflict(p, pNew);
  if( rc==SQLITE_OK ) rc = cdcRunUpdate(p, mask, pNew);
  return rc;
}

/* Copy every value of pFrom into pTo (cleared first). */
static int cdcRowCopy(CdcRow *pTo, const CdcRow *pFrom){
  int k, rc = SQLITE_OK;
  cdcRowClear(pTo);
  pTo->iRowid = pFrom->iRowid;
  for(k=0; rc==SQLITE_OK && k<CDC_NSTORED; k++){
    rc = cdcRowSet(pTo, k, &pFrom->a[k]);
  }
  return rc;
}

/* The seq_no of a new custom service of the current CDC: one above the
** highest. */
static int cdcNextSeq(CdcVtab *p, sqlite3_int64 *piSeq){
  sqlite3_stmt *pStmt = 0;
  int rc = cdcTake(p, STMT_NEXT_SEQ, CDC_ALL_STORED, &pStmt);
  if( rc==SQLITE_OK ){
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      *piSeq = sqlite3_column_int64(pStmt, 0);
    }
    rc = sqlite3_reset(pStmt);
  }
  if( rc==SQLITE_OK && *piSeq>CDC_SEQ_MAX ){
    rc = cdcError(p, SQLITE_FULL, x1060Msg(p->db, X1060_MSG_NO_ROOM, p->zCdc,
                                           X1060_STR(CDC_SEQ_MAX)));
  }
  cdcGive(p, STMT_NEXT_SEQ, CDC_ALL_STORED, pStmt);
  return rc;
}

/*
** INSERT: a custom service, or, under OR REPLACE, new values for the
** service that has the id already (Annex A or custom).
*/
static int cdcInsert(CdcVtab *p, sqlite3_value **argv, CdcRow *pOld,
                     CdcRow *pNew, sqlite3_int64 *pRowid){
  X1060Value v;
  int rc;
  if( sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    return cdcError(p, SQLITE_CONSTRAINT, x1060Msg(p->db,
                    X1060_MSG_ROWID_GIVEN, p->zCdc));
  }
  rc = cdcReadId(p, pNew, pNew, 1, argv[2+CDC_SERVICE_ID]);
  if( rc==SQLITE_OK ) rc = cdcLoadById(p, rowId(pNew), pOld);
  if( rc==SQLITE_OK ){
    /* The id exists: like an ordinary table, unless OR REPLACE */
    if( sqlite3_vtab_on_conflict(p->db)!=SQLITE_REPLACE ){
      return cdcError(p, SQLITE_CONSTRAINT, x1060Msg(p->db,
                      X1060_MSG_ID_TAKEN_INSERT, p->zCdc, rowId(pNew)));
    }
    rc = cdcRowCopy(pNew, pOld);
    if( rc==SQLITE_OK ) rc = cdcApply(p, pOld, pNew, argv+2, 1, 0);
    if( rc==SQLITE_OK ) rc = cdcWriteUpdate(p, pOld, pNew);
    *pRowid = pOld->iRowid;
    return rc;
  }
  if( rc!=SQLITE_NOTFOUND ) return rc;
  if( cdcServiceById(rowId(pNew))>=0 ){
    char *zQuoted = sqlite3_mprintf("%q", p->zCdc);
    rc = cdcError(p, SQLITE_CORRUPT_VTAB, zQuoted ? x1060Msg(p->db,
        X1060_MSG_ANNEX_MISSING, p->zCdc, rowId(pNew), zQuoted) : 0);
    sqlite3_free(zQuoted);
    return rc;
  }
  memset(&v, 0, sizeof(v));
  v.eType = SQLITE_INTEGER; v.i = 1;
  rc = cdcRowSet(pNew, CDC_S_CUSTOM, &v);
  if( rc==SQLITE_OK ) rc = cdcApply(p, pOld, pNew, argv+2, 1, 1);
  if( rc==SQLITE_OK ) rc = cdcNextSeq(p, &pNew->iRowid);
  if( rc==SQLITE_OK ){
    rc = cdcRun(p, STMT_INSERT, pNew->iRowid, pNew->a, CDC_NSTORED-1);
  }
  if( rc==SQLITE_OK ) *pRowid = pNew->iRowid;
  return rc;
}

/*
** The row iRowid as it is, for an UPDATE or DELETE, into pOld (clear).
** In one pass (a lookup by rowid or service_id) SQLite reads the row,
** closes the cursor, then calls xUpdate: the row is then taken from what
** the cursor left (when nothing changed since), instead of read again.
*/
static int cdcLoadOld(CdcVtab *p, sqlite3_int64 iRowid, CdcRow *pOld){
  if( p->bStash && p->stash.iRowid==iRowid && p->iStashCdc==p->iCdc
   && p->nStashChanges==sqlite3_total_changes64(p->db) ){
    *pOld = p->stash;                  /* the values move to pOld */
    memset(&p->stash, 0, sizeof(p->stash));
    cdcRowClear(&p->stash);
    p->bStash = 0;
    return SQLITE_OK;
  }
  return cdcLoad(p, STMT_ROWID, 0, iRowid, pOld);
}

/*
** A DELETE (argc==1), INSERT (argv[0] NULL) or UPDATE of the current CDC,
** with the arguments of xUpdate of a CDC table; iSeq is the seq_no of the
** row deleted or updated, bNewRowid true when an UPDATE would change it.
** Every check comes before any write (SQLITE_VTAB_CONSTRAINT_SUPPORT).
*/
static int cdcUpdateRow(CdcVtab *p, int argc, sqlite3_value **argv,
                        sqlite3_int64 iSeq, int bNewRowid,
                        sqlite3_int64 *pRowid){
  CdcRow old, row;
  int rc;
  memset(&old, 0, sizeof(old));
  memset(&row, 0, sizeof(row));
  cdcRowClear(&old);
  cdcRowClear(&row);
  if( argc>1 && sqlite3_value_type(argv[0])==SQLITE_NULL ){
    rc = cdcInsert(p, argv, &old, &row, pRowid);
  }else{
    rc = cdcLoadOld(p, iSeq, &old);
    if( rc==SQLITE_NOTFOUND ) rc = SQLITE_OK;      /* nothing to do */
    else if( rc==SQLITE_OK && argc==1 ){
      if( old.a[CDC_S_CUSTOM].i==0 ){
        rc = cdcError(p, SQLITE_CONSTRAINT, x1060Msg(p->db,
            X1060_MSG_ANNEX_NOT_DELETED, p->zCdc, rowId(&old)));
      }else{
        rc = cdcDeleteRow(p, &old);
      }
    }else if( rc==SQLITE_OK ){
      if( bNewRowid ){
        rc = cdcError(p, SQLITE_CONSTRAINT, x1060Msg(p->db,
            X1060_MSG_ROWID_FIXED, p->zCdc, rowId(&old)));
      }
      if( rc==SQLITE_OK ) rc = cdcRowCopy(&row, &old);
      if( rc==SQLITE_OK ) rc = cdcApply(p, &old, &row, argv+2, 0, 0);
      if( rc==SQLITE_OK ) rc = cdcWriteUpdate(p, &old, &row);
    }
  }
  cdcRowClear(&old);
  cdcRowClear(&row);
  return rc;
}

/* The error of a CDC table whose CDC is not in the storage. */
static int cdcMissing(CdcVtab *p){
  return cdcError(p, SQLITE_CORRUPT_VTAB, x1060Msg(p->db, X1060_MSG_CDC_MISSING,
                                                   p->zName, p->zSchema));
}

/*
** The start of a statement on the table (xFilter, or an INSERT): the
** storage of its schema checked (x1060StoreGate); a CDC table's CDC found
** again by its name, and x1060_cdc_services' current CDC forgotten, since
** another statement or connection may have renamed, removed or remade a
** CDC (an id is reused after a ROLLBACK or a DELETE).
*/
static int cdcBegin(CdcVtab *p){
  char *zErr = 0;
  sqlite3_int64 iCdc = 0;
  int rc = x1060StoreGate(p->db, p->zSchema, &zErr);
  if( zErr ) return cdcError(p, rc, zErr);
  if( rc!=SQLITE_OK ) return rc;
  if( p->bAll ){
    p->iCdc = 0;
    sqlite3_free(p->zCdc);
    p->zCdc = 0;
    return SQLITE_OK;
  }
  rc = x1060StoreFind(p->db, p->zSchema, p->zName, &iCdc, 0);
  if( rc==SQLITE_NOTFOUND || rc==SQLITE_CORRUPT_VTAB ){
    iCdc = 0;                     /* cdcMissing says so */
    rc = SQLITE_OK;
  }
  p->iCdc = iCdc;
  return rc;
}

/* Make CDC iCdc of the schema the current one of x1060_cdc_services (its
** name in zCdc, for messages).  SQLITE_NOTFOUND when there is none. */
static int cdcSetCurrent(CdcVtab *p, sqlite3_int64 iCdc){
  sqlite3_stmt *pStmt = 0;
  char *zSql;
  int rc;
  if( iCdc==p->iCdc && p->zCdc ) return SQLITE_OK;
  if( iCdc<1 || iCdc>CDC_ID_MAX ) return SQLITE_NOTFOUND;  /* none x1060's */
  zSql = sqlite3_mprintf("SELECT cdc_name FROM \"%w\".x1060_store_cdc WHERE "
                         "cdc=%lld", p->zSchema, iCdc);
  rc = x1060Prepare(p->db, zSql, &pStmt);
  if( rc==SQLITE_OK ){
    rc = SQLITE_NOTFOUND;
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      char *z = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
      rc = z ? SQLITE_OK : SQLITE_NOMEM;
      if( z ){
        sqlite3_free(p->zCdc);
        p->zCdc = z;
        p->iCdc = iCdc;
      }
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Make the CDC that value v names (column cdc of an INSERT or UPDATE of
** x1060_cdc_services) the current one; refuse anything else. */
static int cdcSetCurrentByName(CdcVtab *p, sqlite3_value *v){
  sqlite3_int64 iCdc = 0;
  int rc = SQLITE_NOTFOUND;
  if( sqlite3_value_type(v)==SQLITE_TEXT ){
    const char *z = (const char*)sqlite3_value_text(v);
    if( z==0 ) return SQLITE_NOMEM;
    rc = x1060StoreFind(p->db, p->zSchema, z, &iCdc, 0);
    if( rc==SQLITE_OK ) rc = cdcSetCurrent(p, iCdc);
    if( rc==SQLITE_CORRUPT_VTAB ){
      char *zLit = sqlite3_mprintf("%Q", z);
      char *zWhy = x1060Msg(p->db, X1060_MSG_CDC_ID_DAMAGED,
                            X1060_STR(CDC_ID_MAX));
      rc = cdcError(p, rc, zLit && zWhy ? x1060Msg(p->db,
                    X1060_MSG_CDC_NAMED_DAMAGED, p->zName, zLit, zWhy) : 0);
      sqlite3_free(zLit);
      sqlite3_free(zWhy);
      return rc;
    }
  }
  if( rc==SQLITE_NOTFOUND ){
    char *zKind = x1060Msg(p->db, X1060_MSG_A_CDC_OF_SCHEMA, p->zSchema);
    rc = cdcError(p, SQLITE_CONSTRAINT, zKind ? x1060NotAllowedValue(p->db,
        p->zName, "cdc", v, zKind,
        x1060TextOf(p->db, X1060_MSG_CDC_NAME_ALLOWED)) : 0);
    sqlite3_free(zKind);
  }
  return rc;
}

/*
** xUpdate of x1060_cdc_services: find the row's CDC (from the rowid, or
** column cdc of an INSERT), make it the current one, and do what a CDC
** table would with the other columns.  A service stays in its CDC, and
** seq_no is x1060's.
*/
static int cdcUpdateAll(CdcVtab *p, int argc, sqlite3_value **argv,
                        sqlite3_int64 *pRowid){
  sqlite3_value *apArg[2+CDC_NCOL];
  sqlite3_int64 iSeq = 0;
  int rc = SQLITE_OK, i;
  if( argc>1 && sqlite3_value_type(argv[0])==SQLITE_NULL ){
    rc = cdcSetCurrentByName(p, argv[2+ALL_CDC]);
    if( rc==SQLITE_OK && sqlite3_value_type(argv[2+ALL_SEQ_NO])!=SQLITE_NULL ){
      rc = cdcError(p, SQLITE_CONSTRAINT, x1060Msg(p->db, X1060_MSG_SEQ_GIVEN,
                                                   p->zCdc));
    }
  }else{
    sqlite3_int64 iRowid = sqlite3_value_int64(argv[0]);
    iSeq = X1060_PACK_LO(iRowid, CDC_SEQ_BITS);
    rc = cdcSetCurrent(p, X1060_PACK_HI(iRowid, CDC_SEQ_BITS));
    if( rc==SQLITE_NOTFOUND ) return SQLITE_OK;    /* nothing to do */
    if( rc==SQLITE_OK && argc>1 ){
      sqlite3_value *vCdc = argv[2+ALL_CDC], *vSeq = argv[2+ALL_SEQ_NO];
      if( sqlite3_value_type(vCdc)!=SQLITE_TEXT
       || sqlite3_stricmp((const char*)sqlite3_value_text(vCdc), p->zCdc) ){
        char *zQuoted = sqlite3_mprintf("%Q", p->zCdc);
        rc = cdcError(p, SQLITE_CONSTRAINT, zQuoted ? x1060Msg(p->db,
            X1060_MSG_NO_MOVE, p->zCdc, zQuoted) : 0);
        sqlite3_free(zQuoted);
      }else if( sqlite3_value_type(vSeq)!=SQLITE_INTEGER
             || sqlite3_value_int64(vSeq)!=iSeq
             || sqlite3_value_int64(argv[1])!=sqlite3_value_int64(argv[0]) ){
        rc = cdcError(p, SQLITE_CONSTRAINT, x1060Msg(p->db, X1060_MSG_SEQ_FIXED,
                                                     p->zCdc));
      }
    }
  }
  if( rc!=SQLITE_OK ) return rc;
  apArg[0] = argv[0];
  apArg[1] = argv[1];
  for(i=0; argc>1 && i<CDC_NCOL; i++) apArg[2+i] = argv[3+i];
  rc = cdcUpdateRow(p, argc, apArg, iSeq, 0, pRowid);
  if( rc==SQLITE_OK && argc>1 && sqlite3_value_type(argv[0])==SQLITE_NULL ){
    *pRowid = X1060_PACK(p->iCdc, *pRowid, CDC_SEQ_BITS);
  }
  return rc;
}

/* xUpdate. */
static int cdcUpdate(sqlite3_vtab *pVtab, int argc, sqlite3_value **argv,
                     sqlite3_int64 *pRowid){
  CdcVtab *p = (CdcVtab*)pVtab;
  sqlite3_int64 iSeq = sqlite3_value_int64(argv[0]);
  if( argc>1 && sqlite3_value_type(argv[0])==SQLITE_NULL ){
    int rc = cdcBegin(p);         /* an INSERT reads no row first */
    if( rc!=SQLITE_OK ) return rc;
  }
  if( p->bAll ) return cdcUpdateAll(p, argc, argv, pRowid);
  if( p->iCdc==0 ) return cdcMissing(p);
  return cdcUpdateRow(p, argc, argv, iSeq, argc>1
      && (sqlite3_value_type(argv[1])!=SQLITE_INTEGER
          || sqlite3_value_int64(argv[1])!=iSeq), pRowid);
}

/********************************************************* reading: cursors */

static int cdcOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor){
  CdcCursor *pCur = sqlite3_malloc64(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pCur->bEof = 1;
  *ppCursor = &pCur->base;
  return SQLITE_OK;
}

/* xClose: a cursor closed on a row (a one-pass UPDATE or DELETE is about
** to change it) leaves a copy of the row, checked, for cdcLoadOld. */
static int cdcClose(sqlite3_vtab_cursor *cur){
  CdcCursor *pCur = (CdcCursor*)cur;
  CdcVtab *p = (CdcVtab*)cur->pVtab;
  p->bStash = 0;
  if( pCur->pStmt && !pCur->bEof && pCur->mSel==CDC_ALL_STORED ){
    int rc;
    char *zProblem = cdcStoredProblem(0, pCur->pStmt, 1,
                                      CDC_ALL_STORED & ~pCur->mChecked, &rc);
    cdcRowClear(&p->stash);
    if( zProblem==0 && rc==SQLITE_OK
     && cdcRowLoad(&p->stash, pCur->pStmt)==SQLITE_OK ){
      p->bStash = 1;
      p->iStashCdc = p->bAll ? sqlite3_column_int64(pCur->pStmt,
                                   1+CDC_NSTORED) : p->iCdc;
      p->nStashChanges = sqlite3_total_changes64(p->db);
    }
    sqlite3_free(zProblem);
  }
  cdcGive(p, pCur->iPlan, pCur->mSel, pCur->pStmt);
  sqlite3_free(pCur);
  return SQLITE_OK;
}

/* Bind to parameter iKey of pStmt the key v of a lookup on column iCol
** (service_id or category) as the column reads input: 'b-1', 'ｂ１' or a
** service's name as 'B-1', 'Ｚ－１' as 'Z-1', 'deep analysis' as its
** letter.  A key that the column would refuse is bound as it is: it
** matches what SQLite's own comparison matches. */
static int cdcBindKey(sqlite3_stmt *pStmt, int iKey, int iCol,
                      sqlite3_value *v){
  CdcRow row;
  char *zWhy = 0;
  const char *zCanon;
  int rc;
  if( sqlite3_value_type(v)!=SQLITE_TEXT ) return sqlite3_bind_value(pStmt,
                                                                iKey, v);
  if( sqlite3_value_text(v)==0 ) return SQLITE_NOMEM;
  zCanon = cdcCanonical(iCol, (const char*)sqlite3_value_text(v),
                        sqlite3_value_bytes(v));
  if( zCanon ) return sqlite3_bind_text(pStmt, iKey, zCanon, -1, SQLITE_STATIC);
  memset(&row, 0, sizeof(row));
  cdcRowClear(&row);
  rc = cdcInput(&row, iCol, v, 0, &zWhy);
  sqlite3_free(zWhy);
  if( rc==SQLITE_OK && row.a[cdcColumns[iCol].iStored].eType==SQLITE_TEXT ){
    rc = sqlite3_bind_text(pStmt, iKey, row.a[cdcColumns[iCol].iStored].z, -1,
                           SQLITE_TRANSIENT);
  }else if( rc!=SQLITE_NOMEM ){
    rc = sqlite3_bind_value(pStmt, iKey, v);
  }
  cdcRowClear(&row);
  return rc;
}

/* xFilter: run read plan idxNum, selecting the columns that idxStr names
** (see cdcBestIndex). */
static int cdcFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  CdcCursor *pCur = (CdcCursor*)cur;
  CdcVtab *p = (CdcVtab*)cur->pVtab;
  const char *zCols = idxStr ? strstr(idxStr, CDC_COLS_TAG) : 0;
  int rc, i, bCanon = idxStr && strstr(idxStr, CDC_CANON_TAG)!=0;
  cdcGive(p, pCur->iPlan, pCur->mSel, pCur->pStmt);
  pCur->pStmt = 0;
  pCur->bEof = 1;
  p->bStash = 0;          /* a new scan: what it finds is what counts */
  rc = cdcBegin(p);
  if( rc!=SQLITE_OK ) return rc;
  if( p->bAll ){
    pCur->iPlan = (idxNum>=STMT_ALL && idxNum<=STMT_ALL_ROWID) ? idxNum
                                                               : STMT_ALL;
  }else{
    if( p->iCdc==0 ) return cdcMissing(p);
    pCur->iPlan = (idxNum>=STMT_SCAN && idxNum<=STMT_CATEGORY) ? idxNum : 0;
  }
  pCur->mSel = zCols ? (unsigned int)strtoul(zCols+strlen(CDC_COLS_TAG), 0, 16)
                       & CDC_ALL_STORED : CDC_ALL_STORED;
  rc = cdcTake(p, pCur->iPlan, pCur->mSel, &pCur->pStmt);
  if( rc==SQLITE_NOTFOUND ) return SQLITE_OK;   /* no storage: no rows */
  if( rc==SQLITE_OK && pCur->iPlan==STMT_ALL_ROWID ){
    sqlite3_int64 iRowid = sqlite3_value_int64(argv[0]);
    if( sqlite3_value_numeric_type(argv[0])!=SQLITE_INTEGER ) return SQLITE_OK;
    rc = sqlite3_bind_int64(pCur->pStmt, 1,
                            X1060_PACK_HI(iRowid, CDC_SEQ_BITS));
    if( rc==SQLITE_OK ){
      rc = sqlite3_bind_int64(pCur->pStmt, 2,
                              X1060_PACK_LO(iRowid, CDC_SEQ_BITS));
    }
  }else{
    /* a CDC's plans take their key as ?2 (?1 is the CDC), those of every
    ** CDC theirs from ?1 */
    for(i=0; rc==SQLITE_OK && i<argc; i++){
      int iKey = i + (p->bAll ? 1 : 2);
      if( bCanon && i==argc-1 ){
        /* the key under the column's collation: read as input is */
        rc = cdcBindKey(pCur->pStmt, iKey, pCur->iPlan==STMT_CATEGORY
                        ? CDC_CATEGORY : CDC_SERVICE_ID, argv[i]);
      }else{
        rc = sqlite3_bind_value(pCur->pStmt, iKey, argv[i]);
      }
    }
  }
  pCur->mChecked = 0;
  pCur->bRow = 0;
  if( rc==SQLITE_OK ) rc = cdcStep(p, pCur->pStmt, 0, &pCur->bEof);
  return rc;
}

/* xNext: the values of the next row are checked as they are read. */
static int cdcNext(sqlite3_vtab_cursor *cur){
  CdcCursor *pCur = (CdcCursor*)cur;
  pCur->mChecked = 0;
  pCur->bRow = 0;
  return cdcStep((CdcVtab*)cur->pVtab, pCur->pStmt, 0, &pCur->bEof);
}

static int cdcEof(sqlite3_vtab_cursor *cur){
  return ((CdcCursor*)cur)->bEof;
}

/*
** xColumn: stored columns straight from the storage, derived ones
** computed.  A value is checked the first time it is read (so a damaged
** value never leaves as data; a derived column checks the whole row).
** Always a value, never sqlite3_vtab_nochange(): in UPDATE ... FROM,
** SQLite 3.40 hands a skipped column to xUpdate as NULL, not as
** "unchanged", which would erase it; cdcApply instead treats a value equal
** to the current one as no change.
*/
static int cdcColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  CdcCursor *pCur = (CdcCursor*)cur;
  CdcVtab *p = (CdcVtab*)cur->pVtab;
  sqlite3_stmt *pStmt = pCur->pStmt;
  int k, rc = SQLITE_OK;
  X1060Value v;
  if( p->bAll ){
    /* x1060_cdc_services: cdc (after the cdc id), seq_no, then a CDC's */
    if( i==ALL_CDC ){
      sqlite3_result_value(ctx, sqlite3_column_value(pStmt,
                           cdcPosition(pCur->mSel, CDC_NSTORED)+1));
      return SQLITE_OK;
    }
    if( i==ALL_SEQ_NO ){
      sqlite3_result_value(ctx, sqlite3_column_value(pStmt, 0));
      return SQLITE_OK;
    }
    i--;
  }
  k = cdcColumns[i].iStored;
  if( k>=0 ){
    sqlite3_value *pVal;
    if( (pCur->mSel & (1u<<k))==0 ){     /* not in colUsed: not expected */
      return cdcError(p, SQLITE_ERROR, x1060Msg(p->db,
          X1060_MSG_COLUMN_NOT_SELECTED, p->zCdc, cdcColumns[i].zName));
    }
    pVal = sqlite3_column_value(pStmt, cdcPosition(pCur->mSel, k));
    if( (pCur->mChecked & (1u<<k))==0 ){
      char *zProblem = cdcStoredValueProblem(x1060ConnLanguage(p->db), pVal,
                                             k, &rc);
      if( rc!=SQLITE_OK ) return rc;
      if( zProblem ) return cdcCorrupt(p, pStmt, zProblem);
      pCur->mChecked |= 1u<<k;
    }
    sqlite3_result_value(ctx, pVal);
    return SQLITE_OK;
  }
  if( pCur->mChecked!=CDC_ALL_STORED ){
    rc = cdcCheck(p, pStmt, CDC_ALL_STORED & ~pCur->mChecked);
    if( rc!=SQLITE_OK ) return rc;
    pCur->mChecked = CDC_ALL_STORED;
  }
  for(k=0; !pCur->bRow && k<CDC_NSTORED; k++){
    if( cdcValueFromSql(sqlite3_column_value(pStmt, 1+k), &pCur->aRow[k]) ){
      return SQLITE_NOMEM;
    }
  }
  pCur->bRow = 1;
  cdcDerive(pCur->aRow, i, &v);
  if( v.eType==SQLITE_INTEGER ) sqlite3_result_int64(ctx, v.i);
  else if( v.eType==SQLITE_TEXT ) sqlite3_result_text(ctx, v.z, -1,
                                                      SQLITE_TRANSIENT);
  return SQLITE_OK;
}

/* xRowid: seq_no; in x1060_cdc_services, cdc<<CDC_SEQ_BITS | seq_no. */
static int cdcRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  CdcCursor *pCur = (CdcCursor*)cur;
  *pRowid = sqlite3_column_int64(pCur->pStmt, 0);
  if( ((CdcVtab*)cur->pVtab)->bAll ){
    *pRowid = X1060_PACK(sqlite3_column_int64(pCur->pStmt,
        cdcPosition(pCur->mSel, CDC_NSTORED)), *pRowid, CDC_SEQ_BITS);
  }
  return SQLITE_OK;
}

/* The stored columns that a scan needs, from sqlite3_index_info.colUsed
** (bit i: column i of a CDC table): those used and service_id, or all of
** them when a derived column is used (it reads the row). */
static unsigned int cdcColumnsUsed(sqlite3_uint64 colUsed){
  unsigned int m = 0;
  int i;
  for(i=0; i<CDC_NCOL; i++){
    if( (colUsed & ((sqlite3_uint64)1<<i))==0 ) continue;
    if( cdcColumns[i].iStored<0 ) return CDC_ALL_STORED;
    m |= 1u<<cdcColumns[i].iStored;
  }
  return m | (1u<<CDC_SERVICE_ID);       /* messages name the service */
}

/*
** How constraint i on column iCol (of cdcColumns) may key a lookup: 0 not
** at all, 1 as it is (BINARY: SQLite compares the bytes), or
** CDC_PLAN_CANON under the column's own collation (x1060_service ...),
** where the key is read as the column reads input (cdcBindKey).  Never
** omitted: SQLite checks every row it gets again, with the collation.
*/
static int cdcKeyUse(sqlite3_index_info *pInfo, int i, int iCol){
  const char *zColl = sqlite3_vtab_collation(pInfo, i);
  char *zOwn;
  int rc, e = 0;
  if( sqlite3_stricmp(zColl, "BINARY")==0 ) return 1;
  zOwn = cdcCollationName(iCol, &rc);
  if( zOwn && sqlite3_stricmp(zColl, zOwn)==0 ) e = CDC_PLAN_CANON;
  sqlite3_free(zOwn);
  return e;
}

/*
** The plan of a CDC table: an equality on rowid or service_id reads one
** row, one on category reads that category (about 64/9 rows); else a full
** scan.  Text equalities key a lookup as cdcKeyUse says.
*/
static int cdcPlanOne(sqlite3_index_info *pInfo){
  int i, iBest = -1, iPlan = STMT_SCAN, mCanon = 0;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    int e = STMT_SCAN, u = 1;
    if( !c->usable || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( c->iColumn<0 ) e = STMT_ROWID;
    else if( (c->iColumn==CDC_SERVICE_ID || c->iColumn==CDC_CATEGORY)
          && (u = cdcKeyUse(pInfo, i, c->iColumn))!=0 ){
      e = c->iColumn==CDC_SERVICE_ID ? STMT_ID : STMT_CATEGORY;
    }
    if( e!=STMT_SCAN && (iPlan==STMT_SCAN || iPlan==STMT_CATEGORY) ){
      iPlan = e;
      iBest = i;
      mCanon = u & CDC_PLAN_CANON;
    }
  }
  if( iBest>=0 ) pInfo->aConstraintUsage[iBest].argvIndex = 1;
  pInfo->estimatedRows = iPlan==STMT_ROWID || iPlan==STMT_ID ? 1
                       : iPlan==STMT_CATEGORY ? 8 : X1060_NSERVICE;
  return iPlan | mCanon;
}

/*
** The plan of x1060_cdc_services: an equality on rowid reads one row; one
** on cdc reads that CDC (omitted: names compare as the storage does,
** without case), and with one on service_id too, one row; else every CDC.
*/
static int cdcPlanAll(sqlite3_index_info *pInfo){
  int i, iRowid = -1, iCdc = -1, iId = -1, iPlan = STMT_ALL, u, mCanon = 0;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    if( !c->usable || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( c->iColumn<0 ) iRowid = i;
    else if( c->iColumn==ALL_CDC ) iCdc = i;
    else if( c->iColumn==1+CDC_SERVICE_ID
          && (u = cdcKeyUse(pInfo, i, CDC_SERVICE_ID))!=0 ){
      iId = i;
      mCanon = u & CDC_PLAN_CANON;
    }
  }
  if( iRowid>=0 ){
    iPlan = STMT_ALL_ROWID;
    pInfo->aConstraintUsage[iRowid].argvIndex = 1;
  }else if( iCdc>=0 ){
    iPlan = iId>=0 ? STMT_ALL_CDC_ID : STMT_ALL_CDC;
    pInfo->aConstraintUsage[iCdc].argvIndex = 1;
    pInfo->aConstraintUsage[iCdc].omit =
        sqlite3_stricmp(sqlite3_vtab_collation(pInfo, iCdc), "NOCASE")==0;
    if( iId>=0 ) pInfo->aConstraintUsage[iId].argvIndex = 2;
  }
  if( iPlan!=STMT_ALL_CDC_ID ) mCanon = 0;
  pInfo->estimatedRows = iPlan==STMT_ALL_ROWID || iPlan==STMT_ALL_CDC_ID ? 1
                       : iPlan==STMT_ALL_CDC ? X1060_NSERVICE
                       : 1000*X1060_NSERVICE;
  return iPlan | mCanon;
}

/* xBestIndex: the plan (cdcPlanOne, cdcPlanAll), the stored columns the
** query uses (when not all of them, "cols=<hex mask>" in idxStr); rows come
** in rowid order. */
static int cdcBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  static const char *const azPlan[] = {
    "", "rowid=?", "service_id=?", "category=?",
    "all", "cdc=?", "cdc=? service_id=?", "rowid=?",
    /* the same keyed under the column's collation (CDC_PLAN_CANON) */
    0, 0, "service_id=" CDC_CANON_TAG "service(?)",
    "category=" CDC_CANON_TAG "category(?)", 0, 0,
    "cdc=? service_id=" CDC_CANON_TAG "service(?)"
  };
  CdcVtab *p = (CdcVtab*)pVtab;
  int idxNum = p->bAll ? cdcPlanAll(pInfo) : cdcPlanOne(pInfo);
  int iPlan = idxNum & ~CDC_PLAN_CANON;
  int iStr = iPlan + (idxNum & CDC_PLAN_CANON ? 8 : 0);
  unsigned int mCols = cdcColumnsUsed(p->bAll ? pInfo->colUsed>>1
                                              : pInfo->colUsed);
  pInfo->idxNum = iPlan;
  pInfo->idxStr = (char*)azPlan[iStr];
  if( mCols!=CDC_ALL_STORED ){
    /* a query that reads few columns gets a statement that selects them */
    pInfo->idxStr = sqlite3_mprintf("%s%s" CDC_COLS_TAG "%x", azPlan[iStr],
                                    azPlan[iStr][0] ? " " : "", mCols);
    if( pInfo->idxStr==0 ) return SQLITE_NOMEM;
    pInfo->needToFreeIdxStr = 1;
  }
  if( pInfo->estimatedRows==1 ) pInfo->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
  pInfo->estimatedCost = (double)pInfo->estimatedRows;
  if( pInfo->nOrderBy==1 && pInfo->aOrderBy[0].iColumn<0
   && !pInfo->aOrderBy[0].desc ){
    pInfo->orderByConsumed = 1;
  }
  return SQLITE_OK;
}

/************************************************** creating and connecting */

/* The declared schema of a CDC table (bAll: of x1060_cdc_services, with
** cdc first and seq_no last), from cdcColumns. */
static char *cdcDeclaration(int bAll){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i, rc = SQLITE_OK;
  sqlite3_str_appendall(pStr, bAll ? "CREATE TABLE x(cdc TEXT COLLATE NOCASE"
                                   : "CREATE TABLE x(");
  for(i=0; rc==SQLITE_OK && i<CDC_NCOL; i++){
    char *zColl = cdcCollationName(i, &rc);
    sqlite3_str_appendf(pStr, "%s%s %s%s%s", i||bAll ? ", " : "",
                        cdcColumns[i].zName, cdcColumns[i].zType,
                        zColl ? " COLLATE " : "", zColl ? zColl : "");
    sqlite3_free(zColl);
  }
  sqlite3_str_appendall(pStr, bAll ? ", seq_no INTEGER)" : ")");
  if( rc!=SQLITE_OK ){
    sqlite3_free(sqlite3_str_finish(pStr));
    return 0;
  }
  return sqlite3_str_finish(pStr);
}

/*
** Read the CREATE VIRTUAL TABLE arguments argv[3..]: org='...' (the
** organisation's name; default: the table's name).  *pzOrg is owned.
*/
static int cdcParseArgs(sqlite3 *db, int argc, const char *const *argv,
                        char **pzOrg, char **pzErr){
  int i;
  for(i=3; i<argc; i++){
    const char *z = argv[i], *zVal;
    int n;
    while( *z==' ' ) z++;
    for(n=0; z[n] && z[n]!='=' && z[n]!=' '; n++){}
    zVal = z+n;
    while( *zVal==' ' ) zVal++;
    if( n!=3 || sqlite3_strnicmp(z, "org", 3)!=0 || *zVal!='=' ){
      char *zLit = sqlite3_mprintf("%Q", argv[i]);
      *pzErr = zLit ? x1060Msg(db, X1060_MSG_UNKNOWN_ARGUMENT, zLit) : 0;
      sqlite3_free(zLit);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if( *pzOrg ){
      *pzErr = x1060Msg(db, X1060_MSG_ORG_TWICE);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    zVal++;
    while( *zVal==' ' ) zVal++;
    n = (int)strlen(zVal);
    while( n>0 && zVal[n-1]==' ' ) n--;
    if( n>=2 && (zVal[0]=='\'' || zVal[0]=='"') && zVal[n-1]==zVal[0] ){
      /* a quoted value: drop the quotes, undouble inner ones */
      char q = zVal[0], *zOut;
      int j, k = 0;
      zOut = sqlite3_malloc64(n);
      if( zOut==0 ) return SQLITE_NOMEM;
      for(j=1; j<n-1; j++){
        zOut[k++] = zVal[j];
        if( zVal[j]==q && zVal[j+1]==q ) j++;
      }
      zOut[k] = 0;
      *pzOrg = zOut;
    }else{
      *pzOrg = sqlite3_mprintf("%.*s", n, zVal);
      if( *pzOrg==0 ) return SQLITE_NOMEM;
    }
  }
  return SQLITE_OK;
}

/*
** Find the CDC of CDC table zName of zSchema in the storage.  A table of
** format 1 (x1060 0.2.0) is refused with the command that upgrades it; a
** table missing from the storage connects with iCdc 0 (every use then says
** so, and DROP TABLE works).
*/
static int cdcFind(sqlite3 *db, const char *zSchema, const char *zName,
                   sqlite3_int64 *piCdc, char **pzErr){
  int bFormat1 = 0;
  int rc = x1060StoreFind(db, zSchema, zName, piCdc, 0);
  if( rc==SQLITE_CORRUPT_VTAB ) rc = SQLITE_NOTFOUND;  /* (as if missing) */
  if( rc==SQLITE_NOTFOUND ){
    rc = x1060StoreIsFormat1(db, zSchema, zName, &bFormat1);
    if( rc==SQLITE_OK ) rc = SQLITE_NOTFOUND;
  }
  if( rc==SQLITE_NOTFOUND && bFormat1 ){
    char *zLit = sqlite3_mprintf("%Q", zSchema);
    *pzErr = zLit ? x1060Msg(db, X1060_MSG_FORMAT1_STORAGE, zName,
                             X1060_STR(STORE_FORMAT), zSchema, zLit) : 0;
    sqlite3_free(zLit);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( rc==SQLITE_NOTFOUND ){
    *piCdc = 0;
    rc = SQLITE_OK;
  }
  if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
    *pzErr = x1060Msg(db, X1060_MSG_STORAGE_UNREADABLE_OF, zName,
                      sqlite3_errmsg(db));
  }
  return rc;
}

/* xCreate and xConnect of both modules: bCreate makes the CDC first. */
static int cdcInit(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                   sqlite3_vtab **ppVtab, char **pzErr, int bCreate, int bAll){
  CdcVtab *p = 0;
  char *zOrg = 0, *zDecl = 0;
  sqlite3_int64 iCdc = 0;
  int rc = SQLITE_OK;
  *ppVtab = 0;
  if( bAll && (argc>4 || (argc==4 && strcmp(argv[3], "storage")!=0)) ){
    *pzErr = x1060Msg(db, X1060_MSG_TAKES_NO_ARGUMENTS, "x1060_cdc_services");
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( bCreate ){
    rc = cdcParseArgs(db, argc, argv, &zOrg, pzErr);
    if( rc==SQLITE_OK ){
      rc = x1060StoreCreateCdc(db, argv[1], argv[2], zOrg ? zOrg : argv[2], 1,
                               &iCdc, pzErr);
    }
  }else if( !bAll ){
    rc = cdcFind(db, argv[1], argv[2], &iCdc, pzErr);
  }
  if( rc==SQLITE_OK ){
    zDecl = cdcDeclaration(bAll);
    rc = zDecl ? sqlite3_declare_vtab(db, zDecl) : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    p = sqlite3_malloc64(sizeof(*p));
    if( p==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    memset(p, 0, sizeof(*p));
    p->db = db;
    p->bAll = bAll;
    p->iCdc = iCdc;
    p->zSchema = sqlite3_mprintf("%s", argv[1]);
    p->zName = sqlite3_mprintf("%s", argv[2]);
    p->zCdc = sqlite3_mprintf("%s", argv[2]);
    p->pCaches = (CdcCaches*)pAux;
    p->pCache = cdcCacheAcquire(p->pCaches, argv[1]);
    if( p->zSchema==0 || p->zName==0 || p->zCdc==0 || p->pCache==0 ){
      rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ){
    sqlite3_vtab_config(db, SQLITE_VTAB_CONSTRAINT_SUPPORT, 1);
    /* the eponymous instance (main's) is reachable from a trigger or view
    ** of any schema: only the storage's own instance is allowed there */
    if( bAll && argc==3 ) sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    *ppVtab = &p->base;
  }else if( p ){
    cdcCacheRelease((CdcCaches*)pAux, p->pCache);
    sqlite3_free(p->zSchema);
    sqlite3_free(p->zName);
    sqlite3_free(p->zCdc);
    sqlite3_free(p);
  }
  sqlite3_free(zDecl);
  sqlite3_free(zOrg);
  return rc;
}

static int cdcCreate(sqlite3 *db, void *pAux, int argc,
                     const char *const *argv, sqlite3_vtab **ppVtab,
                     char **pzErr){
  return cdcInit(db, pAux, argc, argv, ppVtab, pzErr, 1, 0);
}

static int cdcConnect(sqlite3 *db, void *pAux, int argc,
                      const char *const *argv, sqlite3_vtab **ppVtab,
                      char **pzErr){
  return cdcInit(db, pAux, argc, argv, ppVtab, pzErr, 0, 0);
}

/* xCreate and xConnect of x1060_cdc_services (eponymous in main, made by
** the storage in other schemas). */
static int cdcConnectAll(sqlite3 *db, void *pAux, int argc,
                         const char *const *argv, sqlite3_vtab **ppVtab,
                         char **pzErr){
  return cdcInit(db, pAux, argc, argv, ppVtab, pzErr, 0, 1);
}

static int cdcDisconnect(sqlite3_vtab *pVtab){
  CdcVtab *p = (CdcVtab*)pVtab;
  cdcCacheRelease(p->pCaches, p->pCache);
  cdcRowClear(&p->stash);
  sqlite3_free(p->base.zErrMsg);   /* one SQLite did not take (xDestroy) */
  sqlite3_free(p->zSchema);
  sqlite3_free(p->zName);
  sqlite3_free(p->zCdc);
  sqlite3_free(p);
  return SQLITE_OK;
}

/* xDestroy: DROP TABLE removes the CDC's rows, history and snapshots. */
static int cdcDestroy(sqlite3_vtab *pVtab){
  CdcVtab *p = (CdcVtab*)pVtab;
  int rc = cdcBegin(p);           /* (its id as the storage says now) */
  if( rc!=SQLITE_OK ) return rc;
  if( p->iCdc>0 ) rc = x1060StoreDropCdc(p->db, p->zSchema, p->iCdc);
  if( rc==SQLITE_OK ) return cdcDisconnect(pVtab);
  return cdcError(p, rc, x1060Msg(p->db, X1060_MSG_CANNOT_REMOVE, p->zName,
                                  sqlite3_errmsg(p->db)));
}

/* xRename: ALTER TABLE ... RENAME renames the CDC in the storage (nothing
** else carries its name). */
static int cdcRename(sqlite3_vtab *pVtab, const char *zNew){
  CdcVtab *p = (CdcVtab*)pVtab;
  char *zNewName = sqlite3_mprintf("%s", zNew);
  char *zNewCdc = sqlite3_mprintf("%s", zNew);
  sqlite3_int64 iOther = 0;
  int rc = zNewName && zNewCdc ? SQLITE_OK : SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = cdcBegin(p);
  if( rc==SQLITE_OK && p->iCdc==0 ) rc = cdcMissing(p);
  if( rc==SQLITE_OK ){
    rc = x1060StoreFind(p->db, p->zSchema, zNew, &iOther, 0);
    if( (rc==SQLITE_OK && iOther!=p->iCdc) || rc==SQLITE_CORRUPT_VTAB ){
      rc = cdcError(p, SQLITE_ERROR, x1060Msg(p->db,
          X1060_MSG_CANNOT_RENAME_TAKEN, p->zName, zNew));
    }else if( rc==SQLITE_NOTFOUND || rc==SQLITE_OK ){
      char *zErr = 0;
      rc = x1060StoreSetCdc(p->db, p->zSchema, p->iCdc, zNew, 0, &zErr);
      if( zErr ){
        rc = cdcError(p, rc, zErr);
      }else if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
        rc = cdcError(p, rc, x1060Msg(p->db, X1060_MSG_CANNOT_RENAME, p->zName,
                                      sqlite3_errmsg(p->db)));
      }
    }
  }
  if( rc==SQLITE_OK ){
    sqlite3_free(p->zName);
    sqlite3_free(p->zCdc);
    p->zName = zNewName;
    p->zCdc = zNewCdc;
    return SQLITE_OK;
  }
  sqlite3_free(zNewName);
  sqlite3_free(zNewCdc);
  return rc;
}

#if X1060_HAVE_INTEGRITY
/* xIntegrity (SQLite 3.44+): PRAGMA integrity_check reports what
** x1060_integrity() reports. */
static int cdcIntegrityMethod(sqlite3_vtab *pVtab, const char *zSchema,
                              const char *zTabName, int mFlags, char **pzErr){
  CdcVtab *p = (CdcVtab*)pVtab;
  int rc = SQLITE_OK;
  char *z = cdcIntegrity(p->db, zSchema, zTabName, &rc);
  (void)mFlags;
  if( rc==SQLITE_OK && z && strcmp(z, "ok")!=0 ){
    *pzErr = z;
    return SQLITE_OK;
  }
  sqlite3_free(z);
  return rc;
}
#endif

/* x1060_cdc_name(column) on a column of a CDC table: the table's name as
** it was created (see cdcResolve). */
static void cdcNameFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  CdcVtab *p = (CdcVtab*)sqlite3_user_data(ctx);
  (void)argc; (void)argv;
  sqlite3_result_text(ctx, p->zName, -1, SQLITE_TRANSIENT);
}

/* x1060_cdc_name() on anything else: NULL. */
static void cdcNameNull(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)ctx; (void)argc; (void)argv;
}

/* xFindFunction: x1060_cdc_name(column) names this table, which tells a
** CDC table from any other without reading sqlite_schema. */
static int cdcFindFunction(sqlite3_vtab *pVtab, int nArg, const char *zName,
    void (**pxFunc)(sqlite3_context*,int,sqlite3_value**), void **ppArg){
  if( nArg!=1 || sqlite3_stricmp(zName, CDC_NAME_FUNC)!=0 ) return 0;
  *pxFunc = cdcNameFunc;
  *ppArg = pVtab;
  return 1;
}

static sqlite3_module cdcModule = {
#if X1060_HAVE_INTEGRITY
  4,                /* iVersion: xIntegrity */
#else
  2,                /* iVersion */
#endif
  cdcCreate,        /* xCreate */
  cdcConnect,       /* xConnect */
  cdcBestIndex,     /* xBestIndex */
  cdcDisconnect,    /* xDisconnect */
  cdcDestroy,       /* xDestroy */
  cdcOpen,          /* xOpen */
  cdcClose,         /* xClose */
  cdcFilter,        /* xFilter */
  cdcNext,          /* xNext */
  cdcEof,           /* xEof */
  cdcColumn,        /* xColumn */
  cdcRowid,         /* xRowid */
  cdcUpdate,        /* xUpdate */
  0,                /* xBegin: writes are SQL in the user's transaction */
  0,                /* xSync */
  0,                /* xCommit */
  0,                /* xRollback */
  cdcFindFunction,  /* xFindFunction */
  cdcRename,        /* xRename */
  0,                /* xSavepoint */
  0,                /* xRelease */
  0,                /* xRollbackTo */
  0                 /* xShadowName: none; the storage's owner (x1060_store)
                    ** has it: a schema of N CDC tables would otherwise make
                    ** SQLite compare every table with every CDC (N x N) */
#if X1060_HAVE_INTEGRITY
  , cdcIntegrityMethod /* xIntegrity */
#endif
};

/* x1060_cdc_services: the same methods over every CDC of the schema. */
static sqlite3_module cdcAllModule = {
  2,                /* iVersion */
  cdcConnectAll,    /* xCreate: the same as xConnect (eponymous) */
  cdcConnectAll,    /* xConnect */
  cdcBestIndex,     /* xBestIndex */
  cdcDisconnect,    /* xDisconnect */
  cdcDisconnect,    /* xDestroy */
  cdcOpen,          /* xOpen */
  cdcClose,         /* xClose */
  cdcFilter,        /* xFilter */
  cdcNext,          /* xNext */
  cdcEof,           /* xEof */
  cdcColumn,        /* xColumn */
  cdcRowid,         /* xRowid */
  cdcUpdate,        /* xUpdate */
  0, 0, 0, 0,       /* xBegin, xSync, xCommit, xRollback */
  0,                /* xFindFunction */
  0,                /* xRename */
  0, 0, 0,          /* xSavepoint, xRelease, xRollbackTo */
  0                 /* xShadowName */
  X1060_NO_INTEGRITY
};

/* Register the module "x1060" on db, and x1060_cdc_name() outside CDC
** tables (NULL: see cdcFindFunction). */
int x1060RegisterCdc(sqlite3 *db){
  /* each module its own list of caches, freed with the module */
  CdcCaches *pOne = sqlite3_malloc64(sizeof(CdcCaches));
  CdcCaches *pAll = sqlite3_malloc64(sizeof(CdcCaches));
  int rc;
  if( pOne==0 || pAll==0 ){
    sqlite3_free(pOne);
    sqlite3_free(pAll);
    return SQLITE_NOMEM;
  }
  pOne->pList = pAll->pList = 0;
  pOne->nRef = pAll->nRef = 1;
  rc = cdcRegisterCollations(db);    /* before the modules that declare them */
  if( rc!=SQLITE_OK ){
    sqlite3_free(pOne);
    sqlite3_free(pAll);
    return rc;
  }
  rc = sqlite3_create_module_v2(db, "x1060", &cdcModule, pOne, cdcCachesFree);
  if( rc==SQLITE_OK ){
    rc = sqlite3_create_module_v2(db, "x1060_cdc_services", &cdcAllModule,
                                  pAll, cdcCachesFree);
  }else{
    sqlite3_free(pAll);
  }
  if( rc==SQLITE_OK ){
    rc = x1060CreateFunction(db, CDC_NAME_FUNC, 1, SQLITE_UTF8
        |SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, cdcNameNull, 0, 0);
  }
  return rc;
}
