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
** Shadow tables (all in the CDC table's schema, readable by any client):
**
**   <name>_config(key TEXT PRIMARY KEY, value) WITHOUT ROWID
**       format (CDC_FORMAT), org, created_at, edition, x1060_version
**   <name>_data(seq_no INTEGER PRIMARY KEY, <stored columns>)
**       one row per service; seq_no is the CDC table's rowid; CHECK
**       constraints in core SQL (cdcDataColumnsDdl); UNIQUE(category,
**       seq_no) is the index of the category plan
**   <name>_history(id INTEGER PRIMARY KEY, changed_at, service_id,
**       operation, column_name, old_value, new_value)
**       one row per changed column of an UPDATE, one per INSERT or DELETE,
**       written by the triggers <name>_data_insert, _update, _delete, so
**       that each write of xUpdate is one statement (atomic: a single-row
**       INSERT into a virtual table gets no statement journal) and writes
**       by other clients are recorded too
**   <name>_snapshot(label, taken_at, seq_no, <stored columns>,
**       PRIMARY KEY(label, service_id)) WITHOUT ROWID
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
** Plans (idxNum): 0 full scan, 1 rowid=?, 2 service_id=?, 3 category=?;
** rows always come in seq_no (rowid) order.
*/
#include "cdc.h"
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

#ifndef SQLITE_PREPARE_NO_VTAB
# define SQLITE_PREPARE_NO_VTAB 0x04
#endif

/* Internal statements, prepared once per connection on first use.  The
** first four are the read plans, indexed by idxNum. */
enum {
  STMT_SCAN, STMT_ROWID, STMT_ID, STMT_CATEGORY,
  STMT_INSERT, STMT_DELETE,
  STMT_UPDATE,            /* only keyed by mask (see CdcVtab.aKeyed) */
  CDC_NSTMT
};

#define CDC_NKEYED 8      /* statements kept that vary by column mask */
#define CDC_COLS_TAG "cols="  /* in idxStr: the stored columns read, hex */

typedef struct CdcVtab CdcVtab;
struct CdcVtab {
  sqlite3_vtab base;      /* base class, must be first */
  sqlite3 *db;
  char *zSchema;          /* schema of the table ("main", "temp", ...) */
  char *zName;            /* the table's name */
  sqlite3_stmt *aStmt[CDC_NSTMT];  /* idle cached statements, or NULL */
  /* UPDATEs of <name>_data that set only some columns, by the mask of the
  ** stored columns they set (replaced round robin) */
  /* Statements whose columns vary (reads that select only the columns a
  ** query uses, UPDATEs that set only the changed ones), idle, by
  ** statement and column mask; replaced round robin */
  struct CdcKeyedStmt {
    int i; unsigned int mask; sqlite3_stmt *pStmt;
  } aKeyed[CDC_NKEYED];
  int iKeyedNext;         /* the slot of aKeyed to replace next */
  /* The row a cursor was closed on, when SQLite closed it on a row: an
  ** UPDATE or DELETE in one pass reads the row, closes its cursor, then
  ** calls xUpdate for it (see cdcLoadOld) */
  int bStash;
  CdcRow stash;
  sqlite3_int64 nStashChanges;  /* sqlite3_total_changes64() at the time */
};

typedef struct CdcCursor CdcCursor;
struct CdcCursor {
  sqlite3_vtab_cursor base; /* base class, must be first */
  sqlite3_stmt *pStmt;    /* the read statement, borrowed from the cache */
  int iPlan;              /* which one (STMT_SCAN..STMT_CATEGORY) */
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
** selects seq_no and the stored columns in mask. */
static char *cdcStmtSql(CdcVtab *p, int i, unsigned int mask){
  char *zCols = cdcStoredColumnList("");
  char *zSel = i<=STMT_CATEGORY ? cdcSelectList(mask) : 0;
  char *zSql = 0;
  if( zCols && (zSel || i>STMT_CATEGORY) ){
    const char *zS = p->zSchema, *zN = p->zName;
    switch( i ){
      case STMT_SCAN: case STMT_ROWID: case STMT_ID: case STMT_CATEGORY:
        zSql = sqlite3_mprintf("SELECT %s FROM \"%w\".\"%w_data\"%s "
            "ORDER BY seq_no", zSel, zS, zN,
            i==STMT_ROWID ? " WHERE seq_no=?1" :
            i==STMT_ID ? " WHERE service_id=?1" :
            i==STMT_CATEGORY ? " WHERE category=?1" : "");
        break;
      case STMT_INSERT: {
        sqlite3_str *pStr = sqlite3_str_new(0);
        int k;
        sqlite3_str_appendf(pStr, "INSERT INTO \"%w\".\"%w_data\"(%s) "
                            "VALUES(", zS, zN, zCols);
        for(k=0; k<CDC_NSTORED-1; k++) sqlite3_str_appendf(pStr, "?%d,", k+1);
        sqlite3_str_appendall(pStr, CDC_NOW_SQL ")");
        zSql = sqlite3_str_finish(pStr);
        break;
      }
      case STMT_UPDATE: {
        /* the columns in mask and updated_at, of the row seq_no=?N */
        sqlite3_str *pStr = sqlite3_str_new(0);
        int k, n = 0;
        sqlite3_str_appendf(pStr, "UPDATE \"%w\".\"%w_data\" SET ", zS, zN);
        for(k=0; k<CDC_NSTORED; k++){
          if( mask & (1u<<k) ){
            sqlite3_str_appendf(pStr, "%s=?%d,",
                                cdcColumns[cdcStored(k)].zName, ++n);
          }
        }
        sqlite3_str_appendf(pStr, "updated_at=%s WHERE seq_no=?%d",
                            CDC_NOW_SQL, n+1);
        zSql = sqlite3_str_finish(pStr);
        break;
      }
      default:
        zSql = sqlite3_mprintf("DELETE FROM \"%w\".\"%w_data\" WHERE "
            "seq_no=?1", zS, zN);
        break;
    }
  }
  sqlite3_free(zCols);
  sqlite3_free(zSel);
  return zSql;
}

/* Take internal statement i out of the cache, preparing it if it is not
** there (another cursor has it, or it is the first use).  mask is the
** stored columns a read statement selects or an UPDATE sets; statements
** of all columns (CDC_ALL_STORED: the reads, INSERT, DELETE) have a slot
** each, the others are kept by statement and mask. */
static int cdcTake(CdcVtab *p, int i, unsigned int mask,
                   sqlite3_stmt **ppStmt){
  char *zSql;
  int j, rc;
  if( mask==CDC_ALL_STORED ){
    *ppStmt = p->aStmt[i];
    p->aStmt[i] = 0;
  }else{
    for(j=0, *ppStmt=0; j<CDC_NKEYED && *ppStmt==0; j++){
      struct CdcKeyedStmt *pSlot = &p->aKeyed[j];
      if( pSlot->pStmt && pSlot->i==i && pSlot->mask==mask ){
        *ppStmt = pSlot->pStmt;
        pSlot->pStmt = 0;
      }
    }
  }
  if( *ppStmt ) return SQLITE_OK;
  zSql = cdcStmtSql(p, i, mask);
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v3(p->db, zSql, -1,
      SQLITE_PREPARE_PERSISTENT|SQLITE_PREPARE_NO_VTAB, ppStmt, 0);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    cdcError(p, rc, sqlite3_mprintf("%s: %s its shadow tables: %s", p->zName,
        i<=STMT_CATEGORY ? "cannot read" : "could not write",
        sqlite3_errmsg(p->db)));
  }
  return rc;
}

/* Give statement pStmt (internal statement i, mask as for cdcTake) back to
** the cache, reset. */
static void cdcGive(CdcVtab *p, int i, unsigned int mask, sqlite3_stmt *pStmt){
  struct CdcKeyedStmt *pSlot = 0;
  int j;
  if( pStmt==0 ) return;
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  if( mask==CDC_ALL_STORED ){
    if( p->aStmt[i]==0 ){
      p->aStmt[i] = pStmt;
    }else{
      sqlite3_finalize(pStmt);
    }
    return;
  }
  for(j=0; j<CDC_NKEYED && pSlot==0; j++){
    if( p->aKeyed[j].pStmt==0 ) pSlot = &p->aKeyed[j];
  }
  if( pSlot==0 ){
    pSlot = &p->aKeyed[p->iKeyedNext];
    p->iKeyedNext = (p->iKeyedNext+1) % CDC_NKEYED;
    sqlite3_finalize(pSlot->pStmt);
  }
  pSlot->i = i;
  pSlot->mask = mask;
  pSlot->pStmt = pStmt;
}

static void cdcFinalizeAll(CdcVtab *p){
  int i;
  for(i=0; i<CDC_NSTMT; i++){
    sqlite3_finalize(p->aStmt[i]);
    p->aStmt[i] = 0;
  }
  for(i=0; i<CDC_NKEYED; i++){
    sqlite3_finalize(p->aKeyed[i].pStmt);
    p->aKeyed[i].pStmt = 0;
  }
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

/* The message for a row of <name>_data that fails its checks. */
static int cdcCorrupt(CdcVtab *p, sqlite3_stmt *pStmt, char *zProblem){
  char *zId = x1060DescribeValue(sqlite3_column_value(pStmt, 1));
  int rc = cdcError(p, SQLITE_CORRUPT_VTAB, (zId && zProblem && zProblem[0])
      ? sqlite3_mprintf("%s: row %lld of %s_data (service %s) is corrupt: %s; "
          "SELECT x1060_integrity('%q') lists every problem", p->zName,
          sqlite3_column_int64(pStmt, 0), p->zName, zId, zProblem, p->zName)
      : 0);
  sqlite3_free(zId);
  sqlite3_free(zProblem);
  return rc;
}

/* Check the stored values of the current row of read statement pStmt
** whose bits are set in mask (bit k: stored column k). */
static int cdcCheck(CdcVtab *p, sqlite3_stmt *pStmt, unsigned int mask){
  int rc;
  char *zProblem = cdcStoredProblem(pStmt, 1, mask, &rc);
  if( rc!=SQLITE_OK ){
    sqlite3_free(zProblem);
    return rc;
  }
  return zProblem ? cdcCorrupt(p, pStmt, zProblem) : SQLITE_OK;
}

/* Step pStmt (a read statement) to its next row and, when bCheck, check
** every value of that row.  Sets *pbEof at the end. */
static int cdcStep(CdcVtab *p, sqlite3_stmt *pStmt, int bCheck, int *pbEof){
  int rc = sqlite3_step(pStmt);
  *pbEof = 1;
  if( rc==SQLITE_DONE ) return SQLITE_OK;
  if( rc!=SQLITE_ROW ){
    return cdcError(p, rc, sqlite3_mprintf("%s: %s", p->zName,
                                           sqlite3_errmsg(p->db)));
  }
  *pbEof = 0;
  return bCheck ? cdcCheck(p, pStmt, CDC_ALL_STORED) : SQLITE_OK;
}

/* Load the row of <name>_data found by plan iPlan (STMT_ROWID or
** STMT_ID) for key zKey or, when zKey is NULL, iKey into pRow (cleared
** first); SQLITE_NOTFOUND if there is none. */
static int cdcLoad(CdcVtab *p, int iPlan, const char *zKey,
                   sqlite3_int64 iKey, CdcRow *pRow){
  sqlite3_stmt *pStmt = 0;
  int bEof = 1;
  int rc = cdcTake(p, iPlan, CDC_ALL_STORED, &pStmt);
  cdcRowClear(pRow);
  if( rc==SQLITE_OK ){
    rc = zKey ? sqlite3_bind_text(pStmt, 1, zKey, -1, SQLITE_STATIC)
              : sqlite3_bind_int64(pStmt, 1, iKey);
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
    cdcError(p, rc, sqlite3_mprintf("%s: could not write its shadow tables: "
                                    "%s", p->zName, sqlite3_errmsg(p->db)));
    rc = SQLITE_ERROR;
  }
  return rc;
}

/* Run internal write statement i with the values aVal[0..nVal-1] bound to
** ?1.. and, when iLast>0, the integer iLast bound after them. */
static int cdcRun(CdcVtab *p, int i, const X1060Value *aVal, int nVal,
                  sqlite3_int64 iLast){
  sqlite3_stmt *pStmt = 0;
  int k, rc = cdcTake(p, i, CDC_ALL_STORED, &pStmt);
  for(k=0; rc==SQLITE_OK && k<nVal; k++) rc = bindValue(pStmt, k+1, &aVal[k]);
  if( rc==SQLITE_OK && iLast>0 ) rc = sqlite3_bind_int64(pStmt, nVal+1, iLast);
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
  char *zVal = x1060DescribeValue(v);
  int rc = cdcError(p, SQLITE_CONSTRAINT, (zVal && zWhy)
      ? sqlite3_mprintf("%s: %s of %sservice %s: %s %s", p->zName,
            cdcColumns[iCol].zName, bNew ? "new " : "", rowId(pRow), zVal,
            zWhy) : 0);
  sqlite3_free(zVal);
  sqlite3_free(zWhy);
  return rc;
}

/* What to write instead of read-only column iCol. */
static const char *readOnlyHint(int iCol){
  switch( iCol ){
    case CDC_QUADRANT: case CDC_SUGGESTED:
      return "set information and expertise instead";
    case CDC_GAP: case CDC_CYCLE: case CDC_CRITERION:
      return "set assignment, as_is, to_be or excluded instead";
    case CDC_CUSTOM:
      return "custom services are the ones added with INSERT";
    default:
      return "x1060 sets it on every change";
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
  rc = cdcInput(pRow, CDC_SERVICE_ID, v, &zWhy);
  if( rc==SQLITE_OK && pRow->a[CDC_SERVICE_ID].eType==SQLITE_NULL ){
    zWhy = sqlite3_mprintf("is not allowed; a service needs an id, such as "
                           "'X-1'");
    rc = SQLITE_CONSTRAINT;
  }else if( rc==SQLITE_OK && cdcReservedId(pRow->a[CDC_SERVICE_ID].z) ){
    zWhy = sqlite3_mprintf("is reserved: ids of the form A-1 .. I-99 belong "
        "to Annex A, and this one is not an Annex A service; allowed: another"
        " id, such as 'X-1'");
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
  int i, rc = SQLITE_OK, bNa = 0;
  int bAnnex = pNew->a[cdcColumns[CDC_CUSTOM].iStored].i==0;
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
      rc = cdcRefuse(p, pNew, bNew, i, v, sqlite3_mprintf("cannot be written:"
          " %s is derived and read-only; %s", c->zName, readOnlyHint(i)));
    }else if( i==CDC_SERVICE_ID ){
      if( bInsert ) continue;              /* read by cdcInsert */
      rc = cdcReadId(p, pNew, &tmp, bNew, v);
      if( rc==SQLITE_OK && strcmp(tmp.a[CDC_SERVICE_ID].z, rowId(pNew))!=0 ){
        if( bAnnex ){
          rc = cdcRefuse(p, pNew, bNew, i, v, sqlite3_mprintf("cannot replace"
              " the id of an Annex A service; allowed: the id '%q'",
              rowId(pNew)));
        }else{
          rc = cdcRowSet(pNew, CDC_SERVICE_ID, &tmp.a[CDC_SERVICE_ID]);
        }
      }
    }else if( c->bCustomOnly && bAnnex ){
      if( bInsert && given.eType==SQLITE_NULL ) continue;
      rc = cdcInput(&tmp, i, v, &zWhy);
      if( rc==SQLITE_OK && !cdcValueEqual(&tmp.a[c->iStored],
                                          &pNew->a[c->iStored]) ){
        rc = SQLITE_CONSTRAINT;
        zWhy = sqlite3_mprintf("cannot be written: %s is an Annex A service, "
            "whose %s is X.1060's (only custom services have their own "
            "category and names)", rowId(pNew), c->zName);
      }
      if( rc==SQLITE_CONSTRAINT ) rc = cdcRefuse(p, pNew, bNew, i, v, zWhy);
    }else{
      rc = cdcInput(pNew, i, v, &zWhy);
      if( rc==X1060_SCORE_NA ){ bNa = 1; rc = SQLITE_OK; }
      if( rc==SQLITE_CONSTRAINT ) rc = cdcRefuse(p, pNew, bNew, i, v, zWhy);
    }
  }
  /* a custom service needs a category and a name, however they came */
  for(i=0; rc==SQLITE_OK && i<CDC_NCOL; i++){
    const CdcColumn *c = &cdcColumns[i];
    if( (c->eKind==K_CATEGORY || c->eKind==K_NAME)
     && pNew->a[c->iStored].eType==SQLITE_NULL ){
      rc = cdcRefuse(p, pNew, bNew, i, apVal[i], sqlite3_mprintf("is not "
          "allowed; a custom service needs a %s", c->zName));
    }
  }
  cdcRowClear(&tmp);
  if( rc==SQLITE_OK ) rc = cdcRowDefaults(pNew, bNa);
  return rc;
}

/* Delete the custom row pOld (its history row comes from the trigger). */
static int cdcDeleteRow(CdcVtab *p, const CdcRow *pOld){
  return cdcRun(p, STMT_DELETE, 0, 0, pOld->iRowid);
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
      rc = cdcError(p, SQLITE_CONSTRAINT, sqlite3_mprintf("UNIQUE constraint "
          "failed: %s.service_id (service %s exists)", p->zName, rowId(pNew)));
    }
  }
  cdcRowClear(&other);
  return rc;
}

/* Write the stored columns of pNew in mask (and updated_at) to its row of
** <name>_data. */
static int cdcRunUpdate(CdcVtab *p, unsigned int mask, const CdcRow *pNew){
  sqlite3_stmt *pStmt = 0;
  int k, n = 0, rc = cdcTake(p, STMT_UPDATE, mask, &pStmt);
  for(k=0; rc==SQLITE_OK && k<CDC_NSTORED; k++){
    if( mask & (1u<<k) ) rc = bindValue(pStmt, ++n, &pNew->a[k]);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pStmt, n+1, pNew->iRowid);
  if( pStmt ) rc = cdcStepWrite(p, pStmt, rc);
  cdcGive(p, STMT_UPDATE, mask, pStmt);
  return rc;
}

/*
** Write pNew over pOld (same rowid): one UPDATE of <name>_data setting
** the columns that changed, whose trigger adds a history row per changed
** column.  Nothing is written when nothing changed.
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

/*
** INSERT: a custom service, or, under OR REPLACE, new values for the
** service that has the id already (Annex A or custom).
*/
static int cdcInsert(CdcVtab *p, sqlite3_value **argv, CdcRow *pOld,
                     CdcRow *pNew, sqlite3_int64 *pRowid){
  X1060Value v;
  int rc;
  if( sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    return cdcError(p, SQLITE_CONSTRAINT, sqlite3_mprintf("%s: the rowid of "
        "a service is given by x1060; leave rowid out of the INSERT",
        p->zName));
  }
  rc = cdcReadId(p, pNew, pNew, 1, argv[2+CDC_SERVICE_ID]);
  if( rc==SQLITE_OK ) rc = cdcLoadById(p, rowId(pNew), pOld);
  if( rc==SQLITE_OK ){
    /* The id exists: like an ordinary table, unless OR REPLACE */
    if( sqlite3_vtab_on_conflict(p->db)!=SQLITE_REPLACE ){
      return cdcError(p, SQLITE_CONSTRAINT, sqlite3_mprintf("UNIQUE "
          "constraint failed: %s.service_id (service %s exists; UPDATE it, "
          "or INSERT OR REPLACE)", p->zName, rowId(pNew)));
    }
    rc = cdcRowCopy(pNew, pOld);
    if( rc==SQLITE_OK ) rc = cdcApply(p, pOld, pNew, argv+2, 1, 0);
    if( rc==SQLITE_OK ) rc = cdcWriteUpdate(p, pOld, pNew);
    *pRowid = pOld->iRowid;
    return rc;
  }
  if( rc!=SQLITE_NOTFOUND ) return rc;
  if( cdcServiceById(rowId(pNew))>=0 ){
    return cdcError(p, SQLITE_CORRUPT_VTAB, sqlite3_mprintf("%s: Annex A "
        "service %s is missing from %s_data; SELECT x1060_integrity('%q') "
        "lists every problem", p->zName, rowId(pNew), p->zName, p->zName));
  }
  memset(&v, 0, sizeof(v));
  v.eType = SQLITE_INTEGER; v.i = 1;
  rc = cdcRowSet(pNew, CDC_S_CUSTOM, &v);
  if( rc==SQLITE_OK ) rc = cdcApply(p, pOld, pNew, argv+2, 1, 1);
  if( rc==SQLITE_OK ) rc = cdcRun(p, STMT_INSERT, pNew->a, CDC_NSTORED-1, 0);
  if( rc==SQLITE_OK ) *pRowid = sqlite3_last_insert_rowid(p->db);
  return rc;
}

/*
** The row iRowid as it is, for an UPDATE or DELETE, into pOld (clear).
** In one pass (a lookup by rowid or service_id) SQLite reads the row,
** closes the cursor, then calls xUpdate: the row is then taken from what
** the cursor left (when nothing changed since), instead of read again.
*/
static int cdcLoadOld(CdcVtab *p, sqlite3_int64 iRowid, CdcRow *pOld){
  if( p->bStash && p->stash.iRowid==iRowid
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
** xUpdate: DELETE (argc==1), INSERT (argv[0] NULL) or UPDATE.  Every check
** comes before any write (SQLITE_VTAB_CONSTRAINT_SUPPORT).
*/
static int cdcUpdate(sqlite3_vtab *pVtab, int argc, sqlite3_value **argv,
                     sqlite3_int64 *pRowid){
  CdcVtab *p = (CdcVtab*)pVtab;
  CdcRow old, row;
  int rc;
  memset(&old, 0, sizeof(old));
  memset(&row, 0, sizeof(row));
  cdcRowClear(&old);
  cdcRowClear(&row);
  if( argc>1 && sqlite3_value_type(argv[0])==SQLITE_NULL ){
    rc = cdcInsert(p, argv, &old, &row, pRowid);
  }else{
    rc = cdcLoadOld(p, sqlite3_value_int64(argv[0]), &old);
    if( rc==SQLITE_NOTFOUND ) rc = SQLITE_OK;      /* nothing to do */
    else if( rc==SQLITE_OK && argc==1 ){
      if( old.a[CDC_S_CUSTOM].i==0 ){
        rc = cdcError(p, SQLITE_CONSTRAINT, sqlite3_mprintf("%s: service %s "
            "is an Annex A service and cannot be deleted; to leave it out of "
            "the catalogue, set level = 'Unnecessary'", p->zName,
            rowId(&old)));
      }else{
        rc = cdcDeleteRow(p, &old);
      }
    }else if( rc==SQLITE_OK ){
      if( sqlite3_value_int64(argv[1])!=old.iRowid
       || sqlite3_value_type(argv[1])!=SQLITE_INTEGER ){
        rc = cdcError(p, SQLITE_CONSTRAINT, sqlite3_mprintf("%s: the rowid "
            "of service %s cannot be changed", p->zName, rowId(&old)));
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
    char *zProblem = cdcStoredProblem(pCur->pStmt, 1,
                                      CDC_ALL_STORED & ~pCur->mChecked, &rc);
    cdcRowClear(&p->stash);
    if( zProblem==0 && rc==SQLITE_OK
     && cdcRowLoad(&p->stash, pCur->pStmt)==SQLITE_OK ){
      p->bStash = 1;
      p->nStashChanges = sqlite3_total_changes64(p->db);
    }
    sqlite3_free(zProblem);
  }
  cdcGive(p, pCur->iPlan, pCur->mSel, pCur->pStmt);
  sqlite3_free(pCur);
  return SQLITE_OK;
}

/* xFilter: run read plan idxNum, selecting the columns that idxStr names
** (see cdcBestIndex). */
static int cdcFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv){
  CdcCursor *pCur = (CdcCursor*)cur;
  CdcVtab *p = (CdcVtab*)cur->pVtab;
  const char *zCols = idxStr ? strstr(idxStr, CDC_COLS_TAG) : 0;
  int rc;
  cdcGive(p, pCur->iPlan, pCur->mSel, pCur->pStmt);
  pCur->pStmt = 0;
  pCur->bEof = 1;
  pCur->iPlan = (idxNum>=STMT_SCAN && idxNum<=STMT_CATEGORY) ? idxNum : 0;
  pCur->mSel = zCols ? (unsigned int)strtoul(zCols+strlen(CDC_COLS_TAG), 0, 16)
                       & CDC_ALL_STORED : CDC_ALL_STORED;
  rc = cdcTake(p, pCur->iPlan, pCur->mSel, &pCur->pStmt);
  if( rc==SQLITE_OK && pCur->iPlan!=STMT_SCAN && argc>0 ){
    rc = sqlite3_bind_value(pCur->pStmt, 1, argv[0]);
  }
  pCur->mChecked = 0;
  pCur->bRow = 0;
  if( rc==SQLITE_OK ) rc = cdcStep(p, pCur->pStmt, 0, &pCur->bEof);
  p->bStash = 0;          /* a new scan: what it finds is what counts */
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
** xColumn: stored columns straight from <name>_data, derived ones
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
  int k = cdcColumns[i].iStored, rc = SQLITE_OK;
  X1060Value v;
  if( k>=0 ){
    sqlite3_value *pVal;
    if( (pCur->mSel & (1u<<k))==0 ){     /* not in colUsed: not expected */
      return cdcError(p, SQLITE_ERROR, sqlite3_mprintf("%s: column %s was "
          "not selected", p->zName, cdcColumns[i].zName));
    }
    pVal = sqlite3_column_value(pStmt, cdcPosition(pCur->mSel, k));
    if( (pCur->mChecked & (1u<<k))==0 ){
      char *zProblem = cdcStoredValueProblem(pVal, k, &rc);
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

static int cdcRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = sqlite3_column_int64(((CdcCursor*)cur)->pStmt, 0);
  return SQLITE_OK;
}

/*
** xBestIndex: an equality on rowid or service_id reads one row, one on
** category reads that category (about 64/9 rows); else a full scan.  Text
** equalities are used only under the BINARY collation; none is omitted,
** so SQLite checks every row again.  Rows come in rowid order.
*/
/* The stored columns that a scan needs, from sqlite3_index_info.colUsed:
** those used and service_id, or all of them when a derived column is used
** (it reads the row). */
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

static int cdcBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  static const char *const azPlan[] = {
    "", "rowid=?", "service_id=?", "category=?"
  };
  int i, iBest = -1, iPlan = STMT_SCAN;
  unsigned int mCols;
  (void)pVtab;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    int e = STMT_SCAN;
    if( !c->usable || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( c->iColumn<0 ) e = STMT_ROWID;
    else if( (c->iColumn==CDC_SERVICE_ID || c->iColumn==CDC_CATEGORY)
          && sqlite3_stricmp(sqlite3_vtab_collation(pInfo, i), "BINARY")==0 ){
      e = c->iColumn==CDC_SERVICE_ID ? STMT_ID : STMT_CATEGORY;
    }
    if( e!=STMT_SCAN && (iPlan==STMT_SCAN || iPlan==STMT_CATEGORY) ){
      iPlan = e;
      iBest = i;
    }
  }
  pInfo->idxNum = iPlan;
  pInfo->idxStr = (char*)azPlan[iPlan];
  mCols = cdcColumnsUsed(pInfo->colUsed);
  if( mCols!=CDC_ALL_STORED ){
    /* a query that reads few columns gets a statement that selects them */
    pInfo->idxStr = sqlite3_mprintf("%s%s" CDC_COLS_TAG "%x", azPlan[iPlan],
                                    iPlan ? " " : "", mCols);
    if( pInfo->idxStr==0 ) return SQLITE_NOMEM;
    pInfo->needToFreeIdxStr = 1;
  }
  if( iBest>=0 ) pInfo->aConstraintUsage[iBest].argvIndex = 1;
  if( iPlan==STMT_ROWID || iPlan==STMT_ID ){
    pInfo->estimatedRows = 1;
    pInfo->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
  }else{
    pInfo->estimatedRows = iPlan==STMT_CATEGORY ? 8 : X1060_NSERVICE;
  }
  pInfo->estimatedCost = (double)pInfo->estimatedRows;
  if( pInfo->nOrderBy==1 && pInfo->aOrderBy[0].iColumn<0
   && !pInfo->aOrderBy[0].desc ){
    pInfo->orderByConsumed = 1;
  }
  return SQLITE_OK;
}

/************************************************** creating and connecting */

static const char *const azShadow[] = { "config", "data", "history",
                                        "snapshot" };

/* xShadowName: the suffixes of the shadow tables. */
static int cdcShadowName(const char *zSuffix){
  size_t i;
  for(i=0; i<sizeof(azShadow)/sizeof(azShadow[0]); i++){
    if( sqlite3_stricmp(zSuffix, azShadow[i])==0 ) return 1;
  }
  return 0;
}

/* The declared schema of a CDC table, from cdcColumns. */
static char *cdcDeclaration(void){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  sqlite3_str_appendall(pStr, "CREATE TABLE x(");
  for(i=0; i<CDC_NCOL; i++){
    sqlite3_str_appendf(pStr, "%s%s %s", i ? ", " : "", cdcColumns[i].zName,
                        cdcColumns[i].zType);
  }
  sqlite3_str_appendall(pStr, ")");
  return sqlite3_str_finish(pStr);
}

/*
** Read the CREATE VIRTUAL TABLE arguments argv[3..]: org='...' (the
** organisation's name; default: the table's name).  *pzOrg is owned.
*/
static int cdcParseArgs(int argc, const char *const *argv, char **pzOrg,
                        char **pzErr){
  int i;
  for(i=3; i<argc; i++){
    const char *z = argv[i], *zVal;
    int n;
    while( *z==' ' ) z++;
    for(n=0; z[n] && z[n]!='=' && z[n]!=' '; n++){}
    zVal = z+n;
    while( *zVal==' ' ) zVal++;
    if( n!=3 || sqlite3_strnicmp(z, "org", 3)!=0 || *zVal!='=' ){
      *pzErr = sqlite3_mprintf("x1060: unknown argument %Q; allowed: "
          "org='<organisation name>'", argv[i]);
      return SQLITE_ERROR;
    }
    if( *pzOrg ){
      *pzErr = sqlite3_mprintf("x1060: org is given twice");
      return SQLITE_ERROR;
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

/* Insert one row per Annex A service into <name>_data, undecided, with
** the service's default axes and its category's default phase. */
static int cdcFillAnnexA(sqlite3 *db, const char *zS, const char *zN){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("INSERT INTO \"%w\".\"%w_data\"(seq_no,"
      "service_id,category,name,name_ja,excluded,information,expertise,"
      "phase,custom,updated_at) VALUES(?1,?2,?3,?4,?5,0,?6,?7,?8,0,"
      CDC_NOW ")", zS, zN);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int i;
  sqlite3_free(zSql);
  for(i=0; rc==SQLITE_OK && i<X1060_NSERVICE; i++){
    const X1060Service *s = &x1060Services[i];
    const X1060Category *c = &x1060Categories[x1060CategoryIndex(s->zId[0])];
    rc = sqlite3_bind_int(pStmt, 1, i+1);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 2, s->zId, -1,
                                               SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 3, s->zId, 1,
                                               SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 4, s->w.zName, -1,
                                               SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 5, s->w.zNameJa, -1,
                                               SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 6,
        x1060Information[s->eInformation].w.zName, -1, SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 7,
        x1060Expertise[s->eExpertise].w.zName, -1, SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 8,
        x1060Phases[c->iPhase].w.zName, -1, SQLITE_STATIC);
    if( rc==SQLITE_OK ){
      sqlite3_step(pStmt);
      rc = sqlite3_reset(pStmt);
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Create the shadow tables of CDC table zName in zSchema and fill them:
** the configuration and one row per Annex A service; then the history
** triggers. */
static int cdcCreateShadow(sqlite3 *db, const char *zSchema,
                           const char *zName, const char *zOrg){
  char *zCols = cdcDataColumnsDdl(0);
  char *zSnapCols = cdcDataColumnsDdl(1);
  int rc = (zCols && zSnapCols) ? SQLITE_OK : SQLITE_NOMEM, i;
  const char *zS = zSchema, *zN = zName;
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf(
      "CREATE TABLE \"%w\".\"%w_config\"(key TEXT PRIMARY KEY, value) "
      "WITHOUT ROWID", zS, zN), 0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf(
      "CREATE TABLE \"%w\".\"%w_data\"(\n  seq_no INTEGER PRIMARY KEY,\n  %s,\n"
      "  UNIQUE(category, seq_no)\n)", zS, zN, zCols), 0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf(
      "CREATE TABLE \"%w\".\"%w_history\"(\n  id INTEGER PRIMARY KEY,\n"
      "  changed_at TEXT NOT NULL,\n  service_id TEXT NOT NULL,\n"
      "  operation TEXT NOT NULL CHECK(operation='insert' OR "
      "operation='update' OR operation='delete'),\n  column_name TEXT,\n"
      "  old_value,\n"
      "  new_value\n)", zS, zN), 0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf(
      "CREATE TABLE \"%w\".\"%w_snapshot\"(\n"
      "  label TEXT NOT NULL CHECK(length(label)>0),\n"
      "  taken_at TEXT NOT NULL,\n  seq_no INTEGER NOT NULL,\n  %s,\n"
      "  PRIMARY KEY(label, service_id)\n) WITHOUT ROWID", zS, zN, zSnapCols),
      0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf(
      "INSERT INTO \"%w\".\"%w_config\"(key, value) VALUES"
      "('format', %d), ('org', ?1), ('created_at', " CDC_NOW "),"
      "('edition', '%s'), ('x1060_version', '%s')",
      zS, zN, CDC_FORMAT, X1060_EDITION, X1060_VERSION), zOrg, 0);
  if( rc==SQLITE_OK ) rc = cdcFillAnnexA(db, zS, zN);
  for(i=0; rc==SQLITE_OK && i<3; i++){     /* after the fill: not history */
    rc = x1060Exec(db, cdcTriggerSql(zS, zN, i), 0, 0);
  }
  sqlite3_free(zCols);
  sqlite3_free(zSnapCols);
  return rc;
}

/* Check the format version in <name>_config.  Messages in *pzErr. */
static int cdcCheckFormat(sqlite3 *db, const char *zSchema, const char *zName,
                          char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT value FROM \"%w\".\"%w_config\" "
                               "WHERE key='format'", zSchema, zName);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) : SQLITE_NOMEM;
  int eStep = rc==SQLITE_OK ? sqlite3_step(pStmt) : rc;
  sqlite3_free(zSql);
  if( eStep!=SQLITE_ROW && eStep!=SQLITE_DONE && rc==SQLITE_OK ){
    rc = sqlite3_reset(pStmt);           /* the step's error */
  }
  if( rc==SQLITE_OK && eStep==SQLITE_ROW ){
    sqlite3_value *v = sqlite3_column_value(pStmt, 0);
    if( sqlite3_value_type(v)==SQLITE_INTEGER
     && sqlite3_value_int64(v)==CDC_FORMAT ){
      rc = SQLITE_OK;
    }else if( sqlite3_value_type(v)==SQLITE_INTEGER
           && sqlite3_value_int64(v)>CDC_FORMAT ){
      *pzErr = sqlite3_mprintf("x1060: %s was written by a newer x1060 "
          "(format %lld); this is x1060 %s, which reads format %d: upgrade "
          "x1060", zName, sqlite3_value_int64(v), X1060_VERSION, CDC_FORMAT);
      rc = SQLITE_ERROR;
    }else{
      char *zVal = x1060DescribeValue(v);
      *pzErr = sqlite3_mprintf("x1060: %s_config is corrupt: format is %s, "
          "expected %d", zName, zVal ? zVal : "?", CDC_FORMAT);
      sqlite3_free(zVal);
      rc = SQLITE_CORRUPT_VTAB;
    }
  }else if( rc!=SQLITE_NOMEM && (rc&0xff)!=SQLITE_NOMEM ){
    *pzErr = sqlite3_mprintf("x1060: %s_config is missing, unreadable or "
        "without a format row (%s); the shadow tables of %s are damaged",
        zName, rc==SQLITE_OK ? "no row" : sqlite3_errmsg(db), zName);
    rc = SQLITE_CORRUPT_VTAB;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* xCreate and xConnect: bCreate makes and fills the shadow tables first. */
static int cdcInit(sqlite3 *db, int argc, const char *const *argv,
                   sqlite3_vtab **ppVtab, char **pzErr, int bCreate){
  CdcVtab *p = 0;
  char *zOrg = 0, *zDecl = 0;
  int rc = SQLITE_OK;
  *ppVtab = 0;
  if( bCreate ){
    rc = cdcParseArgs(argc, argv, &zOrg, pzErr);
    if( rc==SQLITE_OK ){
      rc = cdcCreateShadow(db, argv[1], argv[2], zOrg ? zOrg : argv[2]);
      if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
        *pzErr = sqlite3_mprintf("x1060: cannot create the shadow tables of "
                                 "%s: %s", argv[2], sqlite3_errmsg(db));
      }
    }
  }
  if( rc==SQLITE_OK ) rc = cdcCheckFormat(db, argv[1], argv[2], pzErr);
  if( rc==SQLITE_OK ){
    zDecl = cdcDeclaration();
    rc = zDecl ? sqlite3_declare_vtab(db, zDecl) : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    p = sqlite3_malloc64(sizeof(*p));
    if( p==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    memset(p, 0, sizeof(*p));
    p->db = db;
    p->zSchema = sqlite3_mprintf("%s", argv[1]);
    p->zName = sqlite3_mprintf("%s", argv[2]);
    if( p->zSchema==0 || p->zName==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    sqlite3_vtab_config(db, SQLITE_VTAB_CONSTRAINT_SUPPORT, 1);
    *ppVtab = &p->base;
  }else if( p ){
    sqlite3_free(p->zSchema);
    sqlite3_free(p->zName);
    sqlite3_free(p);
  }
  sqlite3_free(zDecl);
  sqlite3_free(zOrg);
  return rc;
}

static int cdcCreate(sqlite3 *db, void *pAux, int argc,
                     const char *const *argv, sqlite3_vtab **ppVtab,
                     char **pzErr){
  (void)pAux;
  return cdcInit(db, argc, argv, ppVtab, pzErr, 1);
}

static int cdcConnect(sqlite3 *db, void *pAux, int argc,
                      const char *const *argv, sqlite3_vtab **ppVtab,
                      char **pzErr){
  (void)pAux;
  return cdcInit(db, argc, argv, ppVtab, pzErr, 0);
}

static int cdcDisconnect(sqlite3_vtab *pVtab){
  CdcVtab *p = (CdcVtab*)pVtab;
  cdcFinalizeAll(p);
  cdcRowClear(&p->stash);
  sqlite3_free(p->zSchema);
  sqlite3_free(p->zName);
  sqlite3_free(p);
  return SQLITE_OK;
}

/* xDestroy: DROP TABLE drops the shadow tables too. */
static int cdcDestroy(sqlite3_vtab *pVtab){
  CdcVtab *p = (CdcVtab*)pVtab;
  size_t i;
  int rc = SQLITE_OK;
  cdcFinalizeAll(p);
  for(i=0; rc==SQLITE_OK && i<sizeof(azShadow)/sizeof(azShadow[0]); i++){
    rc = x1060Exec(p->db, sqlite3_mprintf("DROP TABLE IF EXISTS "
        "\"%w\".\"%w_%s\"", p->zSchema, p->zName, azShadow[i]), 0, 0);
  }
  if( rc==SQLITE_OK ) return cdcDisconnect(pVtab);
  return cdcError(p, rc, sqlite3_mprintf("%s: cannot drop its shadow tables: "
                                         "%s", p->zName, sqlite3_errmsg(p->db)));
}

/* True if schema zDb holds the BI views of x1060_publish(). */
static int cdcPublished(sqlite3 *db, const char *zDb){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT 1 FROM \"%w\".sqlite_schema WHERE "
      "type='view' AND name IN ('x1060_bi_portfolio','x1060_bi_trend',"
      "'x1060_bi_findings')", zDb);
  int bFound = 0;
  if( zSql && sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK ){
    bFound = sqlite3_step(pStmt)==SQLITE_ROW;
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zSql);
  return bFound;
}

/* xRename: ALTER TABLE ... RENAME renames the shadow tables with it (their
** indexes are the automatic ones of UNIQUE constraints, which follow) and
** makes the history triggers anew under the new name. */
static int cdcRename(sqlite3_vtab *pVtab, const char *zNew){
  CdcVtab *p = (CdcVtab*)pVtab;
  char *zNewName = sqlite3_mprintf("%s", zNew);
  size_t i;
  int rc = zNewName ? SQLITE_OK : SQLITE_NOMEM;
  cdcFinalizeAll(p);
  if( rc==SQLITE_OK && cdcPublished(p->db, p->zSchema) ){
    sqlite3_free(zNewName);
    return cdcError(p, SQLITE_ERROR, sqlite3_mprintf("%s: cannot be renamed "
        "while the BI views of x1060_publish() read it; DROP VIEW "
        "x1060_bi_findings; DROP VIEW x1060_bi_trend; DROP VIEW "
        "x1060_bi_portfolio; then rename, then SELECT x1060_publish() again",
        p->zName));
  }
  for(i=0; rc==SQLITE_OK && i<sizeof(azShadow)/sizeof(azShadow[0]); i++){
    rc = x1060Exec(p->db, sqlite3_mprintf("ALTER TABLE \"%w\".\"%w_%s\" RENAME "
        "TO \"%w_%s\"", p->zSchema, p->zName, azShadow[i], zNew, azShadow[i]),
        0, 0);
  }
  for(i=0; rc==SQLITE_OK && i<3; i++){
    rc = x1060Exec(p->db, sqlite3_mprintf("DROP TRIGGER \"%w\".\"%w_data_%s\"",
                 p->zSchema, p->zName, cdcTriggerOps[i]), 0, 0);
    if( rc==SQLITE_OK ){
      rc = x1060Exec(p->db, cdcTriggerSql(p->zSchema, zNew, i), 0, 0);
    }
  }
  if( rc==SQLITE_OK ){
    sqlite3_free(p->zName);
    p->zName = zNewName;
    return SQLITE_OK;
  }
  sqlite3_free(zNewName);
  if( rc==SQLITE_NOMEM ) return rc;
  return cdcError(p, rc, sqlite3_mprintf("%s: cannot rename its shadow "
      "tables to %s_*: %s", p->zName, zNew, sqlite3_errmsg(p->db)));
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
  3,                /* iVersion: xShadowName */
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
  cdcShadowName     /* xShadowName */
#if X1060_HAVE_INTEGRITY
  , cdcIntegrityMethod /* xIntegrity */
#endif
};

/* Register the module "x1060" on db, and x1060_cdc_name() outside CDC
** tables (NULL: see cdcFindFunction). */
int x1060RegisterCdc(sqlite3 *db){
  int rc = sqlite3_create_module(db, "x1060", &cdcModule, 0);
  if( rc==SQLITE_OK ){
    rc = x1060CreateFunction(db, CDC_NAME_FUNC, 1, SQLITE_UTF8
        |SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, cdcNameNull, 0, 0);
  }
  return rc;
}
