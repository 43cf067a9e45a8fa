/*
** x1060: the base of every other file: running SQL, savepoints, results
** and errors of SQL functions, registering, and the connection's state
** (what x1060 found sound, its language).
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* See x1060_int.h. */
int x1060Prepare(sqlite3 *db, char *zSql, sqlite3_stmt **ppStmt){
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, ppStmt, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  return rc;
}

/* See x1060_int.h. */
int x1060Exec(sqlite3 *db, char *zSql, const char *z1, const char *z2){
  sqlite3_stmt *pStmt = 0;
  int rc = x1060Prepare(db, zSql, &pStmt);
  if( rc==SQLITE_OK && z1 ) rc = sqlite3_bind_text(pStmt, 1, z1, -1,
                                                   SQLITE_STATIC);
  if( rc==SQLITE_OK && z2 ) rc = sqlite3_bind_text(pStmt, 2, z2, -1,
                                                   SQLITE_STATIC);
  if( rc==SQLITE_OK ){
    while( sqlite3_step(pStmt)==SQLITE_ROW ){}
    rc = sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* See x1060_int.h. */
sqlite3_stmt *x1060IdleTake(X1060Idle *p, const char *zSchema){
  sqlite3_stmt *pStmt = 0;
  if( p->pStmt && sqlite3_stricmp(p->zSchema, zSchema)==0 ){
    pStmt = p->pStmt;
    p->pStmt = 0;
  }
  return pStmt;
}

/* See x1060_int.h. */
void x1060IdleGive(X1060Idle *p, const char *zSchema, sqlite3_stmt *pStmt){
  char *z = zSchema ? sqlite3_mprintf("%s", zSchema) : 0;
  if( z==0 ){
    sqlite3_finalize(pStmt);
    return;
  }
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  x1060IdleFree(p);
  p->zSchema = z;
  p->pStmt = pStmt;
}

/* See x1060_int.h. */
void x1060IdleFree(X1060Idle *p){
  sqlite3_finalize(p->pStmt);
  sqlite3_free(p->zSchema);
  p->pStmt = 0;
  p->zSchema = 0;
}

/* See x1060_int.h. */
int x1060QueryTextWith(sqlite3 *db, char *zSql, const char *zBind,
                       char **pzOut){
  sqlite3_stmt *pStmt = 0;
  int rc = x1060Prepare(db, zSql, &pStmt);
  *pzOut = 0;
  if( rc==SQLITE_OK && zBind ){
    rc = sqlite3_bind_text(pStmt, 1, zBind, -1, SQLITE_STATIC);
  }
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pzOut = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 0));
    if( *pzOut==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* See x1060_int.h. */
int x1060QueryText(sqlite3 *db, char *zSql, char **pzOut){
  return x1060QueryTextWith(db, zSql, 0, pzOut);
}

/* See x1060_int.h. */
int x1060SavepointBegin(sqlite3 *db, const char *zName, X1060Savepoint *p){
  static const char *const azOp[] = { "SAVEPOINT", "ROLLBACK TO", "RELEASE" };
  int i, rc = SQLITE_OK;
  memset(p, 0, sizeof(*p));
  for(i=0; zName && rc==SQLITE_OK && i<3; i++){
    char *zSql = sqlite3_mprintf("%s %s", azOp[i], zName);
    rc = x1060Prepare(db, zSql, &p->ap[i]);
  }
  if( zName && rc==SQLITE_OK ){
    sqlite3_step(p->ap[0]);
    rc = sqlite3_reset(p->ap[0]);
  }
  if( rc!=SQLITE_OK ){
    for(i=0; i<3; i++) sqlite3_finalize(p->ap[i]);
    memset(p, 0, sizeof(*p));
  }
  return rc;
}

/* Run statement i of savepoint p; its result code. */
static int savepointRun(X1060Savepoint *p, int i){
  sqlite3_step(p->ap[i]);
  return sqlite3_reset(p->ap[i]);
}

/* See x1060_int.h. */
int x1060SavepointEnd(X1060Savepoint *p, int rc){
  int i, rc2;
  if( rc!=SQLITE_OK ) savepointRun(p, 1);
  rc2 = savepointRun(p, 2);
  if( rc==SQLITE_OK && rc2!=SQLITE_OK ){
    /* not released: undo, and say why */
    savepointRun(p, 1);
    savepointRun(p, 2);
    rc = rc2;
  }
  for(i=0; i<3; i++) sqlite3_finalize(p->ap[i]);
  return rc;
}

/* See x1060_int.h. */
void x1060ResultError(sqlite3_context *ctx, int rc, const char *zErr){
  if( zErr ){
    sqlite3_result_error(ctx, zErr, -1);
  }else if( (rc&0xff)==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_result_error(ctx,
        sqlite3_errmsg(sqlite3_context_db_handle(ctx)), -1);
  }
}

/* See x1060_int.h. */
void x1060ResultDocument(sqlite3_context *ctx, int rc, char *zOut,
                         char *zErr, int iSubtype){
  if( rc==SQLITE_OK && zOut ){
    sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
    if( iSubtype ) sqlite3_result_subtype(ctx, (unsigned)iSubtype);
    zOut = 0;
  }else{
    x1060ResultError(ctx, rc==SQLITE_OK ? SQLITE_NOMEM : rc, zErr);
  }
  sqlite3_free(zOut);
  sqlite3_free(zErr);
}

/* See x1060_int.h. */
int x1060CreateFunction(sqlite3 *db, const char *zName, int nArg, int flags,
    void *pApp, void (*xFunc)(sqlite3_context*,int,sqlite3_value**),
    void (*xStep)(sqlite3_context*,int,sqlite3_value**),
    void (*xFinal)(sqlite3_context*)){
  int rc = sqlite3_create_function(db, zName, nArg, flags, pApp, xFunc, xStep,
                                   xFinal);
  return rc==SQLITE_BUSY ? SQLITE_OK : rc;
}

/* Whether zSchema has table zTable (a lookup in its sqlite_schema):
** SQLITE_NOTFOUND when it has none (a schema that is not attached has
** none), SQLITE_OK when it has, SQLITE_NOMEM when the lookup ran out of
** memory (another error of the lookup: SQLITE_OK, so that the caller's own
** error stands). */
static int tableLookup(sqlite3 *db, const char *zSchema, const char *zTable){
  sqlite3_stmt *pStmt = 0;
  int rc = x1060Prepare(db, sqlite3_mprintf("SELECT 1 FROM \"%w\".sqlite_schema"
                        " WHERE type='table' AND name=?1", zSchema), &pStmt);
  if( rc==SQLITE_OK ){
    rc = sqlite3_bind_text(pStmt, 1, zTable, -1, SQLITE_STATIC);
    if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_DONE ){
      rc = SQLITE_NOTFOUND;
    }else if( rc==SQLITE_OK ){
      rc = sqlite3_reset(pStmt);
    }
  }else if( rc==SQLITE_ERROR ){
    rc = SQLITE_NOTFOUND;
  }
  sqlite3_finalize(pStmt);
  return (rc&0xff)==SQLITE_NOMEM ? SQLITE_NOMEM
       : rc==SQLITE_NOTFOUND ? rc : SQLITE_OK;
}

/* See x1060_int.h.  (A failed prepare is told apart by a lookup in the
** schema, not by the text of its error; the prepare is then repeated, so
** that the connection's message is its own.) */
int x1060PrepareStorage(sqlite3 *db, const char *zSql, unsigned int flags,
                        sqlite3_stmt **ppStmt, const char *zSchema,
                        const char *zTable){
  int rc;
  *ppStmt = 0;
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v3(db, zSql, -1, flags, ppStmt, 0);
  if( rc==SQLITE_ERROR && zTable ){
    rc = tableLookup(db, zSchema, zTable);
    if( rc==SQLITE_OK ) rc = sqlite3_prepare_v3(db, zSql, -1, flags, ppStmt, 0);
  }
  return rc;
}

/************************************************** the connection's state */

/* What x1060 keeps for a connection: the schemas whose storage it found
** sound, each with the file and schema cookie it found it at. */
typedef struct ConnChecked ConnChecked;
struct ConnChecked {
  char *zKey;                 /* schema name, NUL, file name, NUL */
  int nKey;                   /* its size */
  sqlite3_int64 iCookie;
  ConnChecked *pNext;
};
struct X1060Conn {
  sqlite3 *db;
  int bJa;                    /* the connection's language is Japanese */
  ConnChecked *pChecked;
  X1060Conn *pNext;
};

/* Every connection x1060 is registered on, newest first.  SQLite (3.40)
** has no per-connection data for an extension, so this list, kept under a
** static mutex held only to link, unlink and look up, is its stand-in;
** an entry lives as long as the registration that owns it (its destructor
** is x1060ConnFree). */
static X1060Conn *connList = 0;

static sqlite3_mutex *connMutex(void){
  return sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_APP3);
}

/* See x1060_int.h. */
X1060Conn *x1060ConnNew(sqlite3 *db){
  X1060Conn *p = sqlite3_malloc64(sizeof(*p));
  sqlite3_mutex *m = connMutex();
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  p->db = db;
  sqlite3_mutex_enter(m);
  p->pNext = connList;
  connList = p;
  sqlite3_mutex_leave(m);
  return p;
}

/* Forget what connection p found sound. */
static void connForget(X1060Conn *p){
  while( p->pChecked ){
    ConnChecked *c = p->pChecked;
    p->pChecked = c->pNext;
    sqlite3_free(c->zKey);
    sqlite3_free(c);
  }
}

/* See x1060_int.h. */
void x1060ConnFree(void *pArg){
  X1060Conn *p = (X1060Conn*)pArg, **pp;
  sqlite3_mutex *m = connMutex();
  if( p==0 ) return;
  sqlite3_mutex_enter(m);
  for(pp=&connList; *pp && *pp!=p; pp=&(*pp)->pNext){}
  if( *pp ) *pp = p->pNext;
  sqlite3_mutex_leave(m);
  connForget(p);
  sqlite3_free(p);
}

/* The state of connection db (the newest registration's), or NULL. */
static X1060Conn *connFind(sqlite3 *db){
  X1060Conn *p;
  sqlite3_mutex *m = connMutex();
  sqlite3_mutex_enter(m);
  for(p=connList; p && p->db!=db; p=p->pNext){}
  sqlite3_mutex_leave(m);
  return p;
}

/* The key of schema zSchema of db: its name, NUL, its file's name; its
** length in *pn.  From sqlite3_malloc64; NULL on OOM. */
static char *connKey(sqlite3 *db, const char *zSchema, int *pn){
  const char *zFile = sqlite3_db_filename(db, zSchema);
  int nSchema = (int)strlen(zSchema), nFile = zFile ? (int)strlen(zFile) : 0;
  char *z = sqlite3_malloc64(nSchema + nFile + 2);
  if( z ){
    memcpy(z, zSchema, nSchema+1);
    if( nFile ) memcpy(&z[nSchema+1], zFile, nFile);
    z[nSchema+1+nFile] = 0;
  }
  *pn = nSchema + nFile + 2;
  return z;
}

/* The record of schema zSchema of connection p whose key is zKey, or
** NULL. */
static ConnChecked *connChecked(X1060Conn *p, const char *zKey, int nKey){
  ConnChecked *c;
  for(c=p->pChecked; c; c=c->pNext){
    if( c->nKey==nKey && memcmp(c->zKey, zKey, nKey)==0 ) return c;
  }
  return 0;
}

/* See x1060_int.h. */
int x1060ConnIsChecked(sqlite3 *db, const char *zSchema,
                       sqlite3_int64 iCookie){
  X1060Conn *p = connFind(db);
  int n, bYes = 0;
  char *zKey = p ? connKey(db, zSchema, &n) : 0;
  if( zKey ){
    ConnChecked *c = connChecked(p, zKey, n);
    bYes = c && c->iCookie==iCookie;
  }
  sqlite3_free(zKey);
  return bYes;
}

/* See x1060_int.h. */
int x1060ConnLanguage(sqlite3 *db){
  X1060Conn *p = db ? connFind(db) : 0;
  return p ? p->bJa : 0;
}

/* See x1060_int.h. */
int x1060ConnSetLanguage(sqlite3 *db, int bJa){
  X1060Conn *p = connFind(db);
  if( p==0 ) return SQLITE_MISUSE;
  p->bJa = bJa;
  return SQLITE_OK;
}

/* See x1060_int.h. */
int x1060ConnSetChecked(sqlite3 *db, const char *zSchema,
                        sqlite3_int64 iCookie){
  X1060Conn *p = connFind(db);
  ConnChecked *c;
  int n;
  char *zKey;
  if( p==0 ) return SQLITE_OK;            /* nothing kept: checked again */
  zKey = connKey(db, zSchema, &n);
  if( zKey==0 ) return SQLITE_NOMEM;
  c = connChecked(p, zKey, n);
  if( c ){
    sqlite3_free(zKey);
  }else{
    c = sqlite3_malloc64(sizeof(*c));
    if( c==0 ){ sqlite3_free(zKey); return SQLITE_NOMEM; }
    c->zKey = zKey;
    c->nKey = n;
    c->pNext = p->pChecked;
    p->pChecked = c;
  }
  c->iCookie = iCookie;
  return SQLITE_OK;
}
