/*
** x1060: x1060_actions, the improvement actions of every CDC of every
** attached schema (the management process: what is done about a gap,
** through the short and the long cycle).
**
**   INSERT INTO x1060_actions(cdc, service_id, title, owner, due)
**     VALUES ('acme', 'D-2', 'Write the incident playbook', 'Sato',
**             '2027-03-31');
**   UPDATE x1060_actions SET status = '実施中', progress = 40
**    WHERE cdc = 'acme' AND action_id = 1;
**   SELECT action_id, title, status, overdue FROM x1060_actions
**    WHERE cdc = 'acme';
**
** The rows live in x1060_store_action (store.c), whose columns and CHECKs
** come from x1060ActionColumns (cdc_row.c), as the services' come from
** cdcColumns; every change is recorded in x1060_store_action_history by
** the storage's triggers.  Input is read forgivingly (x1060ColumnRead: any
** case, Japanese names, full-width digits), checked as a whole row, and
** written in one statement: all or nothing.  A CDC's actions go with it
** when it is dropped and keep their CDC when it is renamed (they hold its
** id, not its name).  A storage of format 2 (x1060 0.3.0) has none; the
** first action written upgrades it (x1060StoreEnsure).
**
** Its rowid is the schema's number << 51 | the CDC's id << 20 | action_id.
*/
#include "x1060_int.h"
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The columns: where the action is, its stored columns (x1060ActionColumns,
** from ACTS_FIRST on), and two computed ones. */
enum { ACTS_SCHEMA, ACTS_CDC, ACTS_ACTION_ID, ACTS_FIRST };
#define ACTS_OVERDUE (ACTS_FIRST + ACT_NCOL)
#define ACTS_PHASE   (ACTS_OVERDUE + 1)
#define ACTS_NCOL    (ACTS_PHASE + 1)
#define ACTS_DB_SHIFT 51          /* 31 bits of CDC id, 20 of action_id */
#define ACTS_MAX_SCHEMA 4095     /* a schema number the rowid can hold */

/* The statement that reads the actions of one schema (%w: the schema,
** three times), optionally of one CDC (?1, its name; ?4 an action_id), or
** one action (?2, ?3: cdc id and action_id): the CDC's id and name,
** action_id, the stored columns (%s), overdue and phase. */
#define ACTS_SELECT "SELECT a.cdc, c.cdc_name, a.action_id, %s, " \
  X1060_SQL_OVERDUE("a") ", coalesce(s.phase, k.phase) FROM " \
  "\"%w\".x1060_store_action a JOIN \"%w\".x1060_store_cdc c ON " \
  "c.cdc=a.cdc LEFT JOIN \"%w\".x1060_store_service s ON s.cdc=a.cdc AND " \
  "s.service_id=a.service_id LEFT JOIN x1060_categories k ON " \
  "k.category=a.category WHERE (?1 IS NULL OR c.cdc_name=?1) AND (?2 IS " \
  "NULL OR (a.cdc=?2 AND a.action_id=?3)) AND (?4 IS NULL OR " \
  "a.action_id=?4) ORDER BY a.cdc, a.action_id"

typedef struct ActsVtab ActsVtab;
struct ActsVtab {
  sqlite3_vtab base;        /* base class, must be first */
  sqlite3 *db;
  X1060Idle scan;           /* ACTS_SELECT, for a cursor */
  X1060Idle dbs;            /* the schemas (pragma_database_list) */
  X1060Idle load;           /* an action by its keys (ACTS_SELECT) */
  X1060Idle svc;            /* a service of a CDC (actsService) */
  X1060Idle upd;            /* the UPDATE of actsWrite */
};

typedef struct ActsCursor ActsCursor;
struct ActsCursor {
  sqlite3_vtab_cursor base; /* base class, must be first */
  sqlite3_stmt *pSchemas;   /* the attached schemas, in order */
  sqlite3_stmt *pStmt;      /* the actions of the current schema */
  char *zSchema;            /* the current schema */
  sqlite3_int64 iDb;        /* its number */
  sqlite3_value *pCdc;      /* the CDC asked for, or NULL */
  sqlite3_value *pId;       /* the action_id asked for (with pCdc), or NULL */
  int bEof;
};

/* Set the vtab's error to zMsg (owned; NULL: out of memory) and return
** rc. */
static int actsError(sqlite3_vtab *pVtab, int rc, char *zMsg){
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return zMsg ? rc : SQLITE_NOMEM;
}

static int actsConnect(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr){
  sqlite3_str *pStr = sqlite3_str_new(0);
  ActsVtab *p;
  char *zDecl;
  int rc, i;
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  sqlite3_str_appendall(pStr, "CREATE TABLE x(schema TEXT, cdc TEXT COLLATE "
                        "NOCASE, action_id INTEGER");
  for(i=0; i<ACT_NCOL; i++){
    sqlite3_str_appendf(pStr, ", %s %s", x1060ActionColumns[i].zName,
                        x1060ActionColumns[i].zType);
  }
  sqlite3_str_appendall(pStr, ", overdue INTEGER, phase TEXT)");
  zDecl = sqlite3_str_finish(pStr);
  if( zDecl==0 ) return SQLITE_NOMEM;
  rc = sqlite3_declare_vtab(db, zDecl);
  sqlite3_free(zDecl);
  if( rc!=SQLITE_OK ) return rc;
  /* every refusal comes before any write; it reads and writes every
  ** schema's CDCs: never from a trigger or view */
  sqlite3_vtab_config(db, SQLITE_VTAB_CONSTRAINT_SUPPORT, 1);
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int actsDisconnect(sqlite3_vtab *pVtab){
  ActsVtab *p = (ActsVtab*)pVtab;
  x1060IdleFree(&p->scan);
  x1060IdleFree(&p->dbs);
  x1060IdleFree(&p->load);
  x1060IdleFree(&p->svc);
  x1060IdleFree(&p->upd);
  sqlite3_free(p);
  return SQLITE_OK;
}

static int actsOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  ActsCursor *pCur = sqlite3_malloc64(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  *ppCur = &pCur->base;
  return SQLITE_OK;
}

/* Forget the cursor's statements (kept idle in the vtab for the next
** scan) and schema. */
static void actsReset(ActsCursor *pCur){
  ActsVtab *p = (ActsVtab*)pCur->base.pVtab;
  if( pCur->pSchemas ) x1060IdleGive(&p->dbs, "", pCur->pSchemas);
  if( pCur->pStmt ) x1060IdleGive(&p->scan, pCur->zSchema, pCur->pStmt);
  sqlite3_free(pCur->zSchema);
  sqlite3_value_free(pCur->pCdc);
  sqlite3_value_free(pCur->pId);
  pCur->pSchemas = pCur->pStmt = 0;
  pCur->zSchema = 0;
  pCur->pCdc = pCur->pId = 0;
}

static int actsClose(sqlite3_vtab_cursor *cur){
  actsReset((ActsCursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Prepare into *ppStmt the reading of the actions of schema zSchema
** (ACTS_SELECT); SQLITE_NOTFOUND when it keeps none (no storage, or one
** of format 2). */
static int actsPrepare(sqlite3 *db, const char *zSchema,
                       sqlite3_stmt **ppStmt){
  char *zCols = x1060ActionColumnList("a.");
  char *zSql = zCols ? sqlite3_mprintf(ACTS_SELECT, zCols, zSchema, zSchema,
                                       zSchema) : 0;
  int rc = zSql ? x1060PrepareStorage(db, zSql, 0, ppStmt, zSchema,
                                      "x1060_store_action") : SQLITE_NOMEM;
  sqlite3_free(zCols);
  sqlite3_free(zSql);
  return rc;
}

/* The problem of the current row of pStmt (ACTS_SELECT), from
** sqlite3_mprintf, or NULL when x1060 wrote it so. */
static char *actsRowProblem(int bJa, sqlite3_stmt *pStmt, int *pRc){
  char *z = 0;
  int i;
  *pRc = SQLITE_OK;
  if( !CDC_KEY_OK(sqlite3_column_value(pStmt, 0), CDC_ID_MAX)
   || !CDC_KEY_OK(sqlite3_column_value(pStmt, 2), ACT_ID_MAX) ){
    z = x1060MsgIn(bJa, X1060_MSG_ACT_KEYS_RANGE);
    if( z==0 ) *pRc = SQLITE_NOMEM;
    return z;
  }
  for(i=0; z==0 && *pRc==SQLITE_OK && i<ACT_NCOL; i++){
    z = x1060ColumnProblem(bJa, &x1060ActionColumns[i],
                           sqlite3_column_value(pStmt, 3+i), pRc);
  }
  return z;
}

/* Step the cursor to the next action, moving to the next schema that has
** one as needed; a damaged row is an error naming it. */
static int actsStep(ActsCursor *pCur){
  sqlite3_vtab *pVtab = pCur->base.pVtab;
  sqlite3 *db = ((ActsVtab*)pVtab)->db;
  int rc = SQLITE_OK;
  for(;;){
    char *zErr = 0;
    if( pCur->pStmt && sqlite3_step(pCur->pStmt)==SQLITE_ROW ){
      zErr = actsRowProblem(x1060ConnLanguage(db), pCur->pStmt, &rc);
      if( zErr ){
        char *zWho = sqlite3_mprintf("%s.%s", pCur->zSchema,
                                     sqlite3_column_text(pCur->pStmt, 1));
        char *zNum = sqlite3_mprintf("%lld", sqlite3_column_int64(pCur->pStmt,
                                                                  2));
        char *zMsg = zWho && zNum ? x1060Msg(db, X1060_MSG_ACT_CORRUPT, zWho,
                                             zNum, zErr) : 0;
        sqlite3_free(zWho);
        sqlite3_free(zNum);
        sqlite3_free(zErr);
        return actsError(pVtab, SQLITE_CORRUPT_VTAB, zMsg);
      }
      return rc;
    }
    if( pCur->pStmt ){
      rc = sqlite3_reset(pCur->pStmt);
      if( rc!=SQLITE_OK ) return rc;
      x1060IdleGive(&((ActsVtab*)pVtab)->scan, pCur->zSchema, pCur->pStmt);
      pCur->pStmt = 0;
    }
    if( sqlite3_step(pCur->pSchemas)!=SQLITE_ROW ){
      pCur->bEof = 1;
      return sqlite3_reset(pCur->pSchemas);
    }
    sqlite3_free(pCur->zSchema);
    pCur->iDb = sqlite3_column_int64(pCur->pSchemas, 0);
    pCur->zSchema = sqlite3_mprintf("%s",
                                    sqlite3_column_text(pCur->pSchemas, 1));
    if( pCur->zSchema==0 ) return SQLITE_NOMEM;
    rc = x1060StoreGate(db, pCur->zSchema, &zErr);
    if( rc!=SQLITE_OK ) return zErr ? actsError(pVtab, rc, zErr) : rc;
    pCur->pStmt = x1060IdleTake(&((ActsVtab*)pVtab)->scan, pCur->zSchema);
    if( pCur->pStmt==0 ) rc = actsPrepare(db, pCur->zSchema, &pCur->pStmt);
    if( rc==SQLITE_NOTFOUND ){ rc = SQLITE_OK; continue; }
    if( rc==SQLITE_OK && pCur->pCdc ){
      rc = sqlite3_bind_value(pCur->pStmt, 1, pCur->pCdc);
    }
    if( rc==SQLITE_OK && pCur->pId ){
      rc = sqlite3_bind_value(pCur->pStmt, 4, pCur->pId);
    }
    if( rc!=SQLITE_OK ) return rc;
  }
}

/* xFilter: idxNum 1, the CDC named by argv[0]; 3, its action argv[1];
** 0, every action. */
static int actsFilter(sqlite3_vtab_cursor *cur, int idxNum,
                      const char *idxStr, int argc, sqlite3_value **argv){
  ActsCursor *pCur = (ActsCursor*)cur;
  sqlite3 *db = ((ActsVtab*)cur->pVtab)->db;
  int rc;
  (void)idxStr;
  actsReset(pCur);
  pCur->bEof = 0;
  if( idxNum>=1 && argc>=1 ){
    pCur->pCdc = sqlite3_value_dup(argv[0]);
    if( pCur->pCdc==0 ) return SQLITE_NOMEM;
  }
  if( idxNum==3 && argc==2 ){
    pCur->pId = sqlite3_value_dup(argv[1]);
    if( pCur->pId==0 ) return SQLITE_NOMEM;
  }
  pCur->pSchemas = x1060IdleTake(&((ActsVtab*)cur->pVtab)->dbs, "");
  rc = pCur->pSchemas ? SQLITE_OK : sqlite3_prepare_v2(db, "SELECT seq, name "
      "FROM pragma_database_list ORDER BY seq", -1, &pCur->pSchemas, 0);
  if( rc!=SQLITE_OK ) return rc;
  return actsStep(pCur);
}

static int actsNext(sqlite3_vtab_cursor *cur){
  return actsStep((ActsCursor*)cur);
}

static int actsEof(sqlite3_vtab_cursor *cur){
  return ((ActsCursor*)cur)->bEof;
}

static int actsColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  ActsCursor *pCur = (ActsCursor*)cur;
  if( i==ACTS_SCHEMA ){
    sqlite3_result_text(ctx, pCur->zSchema, -1, SQLITE_TRANSIENT);
  }else{
    /* the statement's columns: cdc id, cdc name, action_id, ... */
    sqlite3_result_value(ctx, sqlite3_column_value(pCur->pStmt, i));
  }
  return SQLITE_OK;
}

static int actsRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  ActsCursor *pCur = (ActsCursor*)cur;
  *pRowid = X1060_PACK(X1060_PACK(pCur->iDb,
                sqlite3_column_int64(pCur->pStmt, 0), ACTS_DB_SHIFT-CDC_SEQ_BITS),
                sqlite3_column_int64(pCur->pStmt, 2), CDC_SEQ_BITS);
  return SQLITE_OK;
}

/* xBestIndex: cdc = ? reads one CDC's actions, and with action_id = ?
** one action. */
static int actsBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  int i, iCdc = -1, iId = -1;
  (void)pVtab;
  pInfo->estimatedCost = 100000.0;
  pInfo->estimatedRows = 10000;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    if( !c->usable || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( c->iColumn==ACTS_CDC ) iCdc = i;
    if( c->iColumn==ACTS_ACTION_ID ) iId = i;
  }
  if( iCdc>=0 ){
    pInfo->aConstraintUsage[iCdc].argvIndex = 1;
    pInfo->idxNum = 1;
    pInfo->estimatedCost = 100.0;
    pInfo->estimatedRows = 20;
    if( iId>=0 ){
      pInfo->aConstraintUsage[iId].argvIndex = 2;
      pInfo->idxNum = 3;
      pInfo->estimatedCost = 10.0;
      pInfo->estimatedRows = 1;
    }
  }
  return SQLITE_OK;
}

/******************************************************************** writes */

/* An action being written: where, which, and its values. */
typedef struct ActRow ActRow;
struct ActRow {
  char *zSchema, *zCdc;     /* the schema and the CDC's name as stored */
  sqlite3_int64 iDb, iCdc, iAction;   /* iAction 0: a new one, not numbered */
  X1060Value a[ACT_NCOL];   /* text owned */
  unsigned mGiven;          /* the columns the statement wrote (1<<i) */
  sqlite3_value *apDerived[2];  /* overdue and phase as loaded */
  int iCycle;               /* the cycle of its service's gap, or NONE */
};

static void actRowClear(ActRow *r){
  int i;
  sqlite3_value_free(r->apDerived[0]);
  sqlite3_value_free(r->apDerived[1]);
  sqlite3_free(r->zSchema);
  sqlite3_free(r->zCdc);
  for(i=0; i<ACT_NCOL; i++){
    if( r->a[i].eType==SQLITE_TEXT ) sqlite3_free((char*)r->a[i].z);
  }
  memset(r, 0, sizeof(*r));
}

/* Put v (text owned, or borrowed when bCopy) into column i of r. */
static int actSet(ActRow *r, int i, const X1060Value *v, int bCopy){
  X1060Value n = *v;
  if( n.eType==SQLITE_TEXT && bCopy ){
    n.z = sqlite3_mprintf("%s", v->z);
    if( n.z==0 ) return SQLITE_NOMEM;
  }
  if( r->a[i].eType==SQLITE_TEXT ) sqlite3_free((char*)r->a[i].z);
  r->a[i] = n;
  return SQLITE_OK;
}

/* Refuse column iCol (-1: the row) of action r given value v (NULL: none)
** because zWhy (owned): "<cdc>: <column> of action <id>: <value> <why>".
** Returns SQLITE_CONSTRAINT, or SQLITE_NOMEM. */
static int actRefuse(sqlite3_vtab *pVtab, const ActRow *r, const char *zCol,
                     sqlite3_value *v, char *zWhy){
  int bJa = x1060ConnLanguage(((ActsVtab*)pVtab)->db);
  char *zVal = v ? x1060DescribeValueIn(v, bJa) : 0;
  char *zNum = sqlite3_mprintf("%lld", r->iAction);
  char *zWhich = !zNum ? 0 : r->iAction ? x1060MsgIn(bJa, X1060_MSG_ACTION_N,
                     zNum) : x1060MsgIn(bJa, X1060_MSG_NEW_ACTION);
  char *zTail = zWhy && (zVal || !v) ? sqlite3_mprintf("%s%s%s", zVal ? zVal
                                       : "", zVal ? " " : "", zWhy) : 0;
  const char *zWho = r->zCdc ? r->zCdc : "x1060_actions";
  char *zMsg = 0;
  if( zWhich && zTail ){
    zMsg = zCol ? x1060MsgIn(bJa, X1060_MSG_ACT_REFUSED_COL, zWho, zCol,
                             zWhich, zTail)
                : x1060MsgIn(bJa, X1060_MSG_ACT_REFUSED_ROW, zWho, zWhich,
                             zTail);
  }
  sqlite3_free(zVal);
  sqlite3_free(zNum);
  sqlite3_free(zWhich);
  sqlite3_free(zTail);
  sqlite3_free(zWhy);
  return actsError(pVtab, SQLITE_CONSTRAINT, zMsg);
}

/* The schema numbered iDb (pragma_database_list's seq), in *pz (owned;
** NULL when there is none now). */
static int actsSchemaName(sqlite3 *db, sqlite3_int64 iDb, char **pz){
  const char *z = iDb>=0 && iDb<=ACTS_MAX_SCHEMA
                ? sqlite3_db_name(db, (int)iDb) : 0;
  *pz = z ? sqlite3_mprintf("%s", z) : 0;
  return z && *pz==0 ? SQLITE_NOMEM : SQLITE_OK;
}

/* The CDC of an INSERT: cdc by name, in schema when it is given (else the
** first schema that has one so named, cdcResolve); its storage brought to
** the current format.  Sets r's schema, name and ids. */
static int actsFindCdc(ActsVtab *p, ActRow *r, sqlite3_value *pSchema,
                       sqlite3_value *pCdc){
  sqlite3_stmt *pQual = 0;
  sqlite3_value *pArg = 0;
  char *zErr = 0, *zSeq = 0;
  int rc;
  if( sqlite3_value_type(pCdc)!=SQLITE_TEXT ){
    return actRefuse(&p->base, r, "cdc", pCdc,
                     x1060Msg(p->db, X1060_MSG_ACT_NOT_CDC_NAME));
  }
  rc = cdcQualified(p->db, pSchema, pCdc, &pQual, &pArg);
  if( rc==SQLITE_OK ) rc = cdcResolve(p->db, pArg, "x1060_actions",
                                      &r->zSchema, &r->zCdc, &zErr);
  if( rc==SQLITE_OK ) rc = x1060StoreEnsure(p->db, r->zSchema, &zErr);
  if( rc==SQLITE_OK ) rc = x1060StoreFind(p->db, r->zSchema, r->zCdc,
                                          &r->iCdc, 0);
  if( rc==SQLITE_OK ) rc = x1060QueryText(p->db, sqlite3_mprintf("SELECT "
      "seq FROM pragma_database_list WHERE name=%Q", r->zSchema), &zSeq);
  if( rc==SQLITE_OK && zSeq ) r->iDb = strtoll(zSeq, 0, 10);
  sqlite3_free(zSeq);
  sqlite3_finalize(pQual);
  if( rc!=SQLITE_OK && zErr ) return actsError(&p->base, rc, zErr);
  sqlite3_free(zErr);
  return rc;
}

/* Load action (iCdc, iAction) of r->zSchema into r, with its CDC's name;
** SQLITE_NOTFOUND when there is none. */
static int actsLoad(ActsVtab *p, ActRow *r){
  sqlite3_stmt *pStmt = x1060IdleTake(&p->load, r->zSchema);
  int rc = pStmt ? SQLITE_OK : actsPrepare(p->db, r->zSchema, &pStmt), i;
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pStmt, 2, r->iCdc);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pStmt, 3, r->iAction);
  if( rc==SQLITE_OK ){
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      r->zCdc = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 1));
      if( r->zCdc==0 ) rc = SQLITE_NOMEM;
      for(i=0; rc==SQLITE_OK && i<ACT_NCOL; i++){
        X1060Value v;
        rc = cdcValueFromSql(sqlite3_column_value(pStmt, 3+i), &v);
        if( rc==SQLITE_OK ) rc = actSet(r, i, &v, 1);
      }
      for(i=0; rc==SQLITE_OK && i<2; i++){
        r->apDerived[i] = sqlite3_value_dup(sqlite3_column_value(pStmt,
                                                               ACTS_OVERDUE+i));
        if( r->apDerived[i]==0 ) rc = SQLITE_NOMEM;
      }
    }else{
      rc = sqlite3_reset(pStmt);
      if( rc==SQLITE_OK ) rc = SQLITE_NOTFOUND;
    }
  }
  if( pStmt && (rc==SQLITE_OK || rc==SQLITE_NOTFOUND) ){
    x1060IdleGive(&p->load, r->zSchema, pStmt);
  }else{
    sqlite3_finalize(pStmt);
  }
  return rc;
}

/* Read the columns the statement gives, apCol[ACTS_FIRST..], into r:
** those of an UPDATE equal to the current value are kept as they are. */
static int actsRead(ActsVtab *p, ActRow *r, sqlite3_value **apCol,
                    int bInsert){
  int i, rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<ACT_NCOL; i++){
    const CdcColumn *c = &x1060ActionColumns[i];
    sqlite3_value *v = apCol[ACTS_FIRST+i];
    X1060Value given, val;
    char *zWhy = 0;
    if( cdcValueFromSql(v, &given)!=SQLITE_OK ) return SQLITE_NOMEM;
    if( c->eKind==K_STAMP ) continue;     /* x1060 writes it */
    if( !bInsert && cdcValueEqual(&given, &r->a[i]) ) continue;
    memset(&val, 0, sizeof(val));
    rc = x1060ColumnRead(c, v, x1060ConnLanguage(p->db), &val, &zWhy);
    if( rc==X1060_SCORE_NA ){
      rc = SQLITE_CONSTRAINT;
      zWhy = x1060NotAllowed(p->db, 0, 0, 0,
                             x1060TextOf(p->db, X1060_MSG_A_SCORE),
                             x1060TextOf(p->db, X1060_MSG_SCORE_OR_NULL));
    }
    if( rc==SQLITE_OK ) rc = actSet(r, i, &val, 0);
    if( rc==SQLITE_OK ) r->mGiven |= 1u<<i;
    else if( rc==SQLITE_CONSTRAINT ) rc = actRefuse(&p->base, r, c->zName, v,
                                                    zWhy);
  }
  return rc;
}

/* The service r names, in its CDC: its id as stored and category into r,
** the cycle of its gap into r->iCycle; refused when the CDC has none so
** named, or when r names another category. */
static int actsService(ActsVtab *p, ActRow *r){
  const X1060Value *pId = &r->a[ACT_SERVICE_ID];
  const char *zCanon;
  sqlite3_stmt *pStmt = 0;
  int rc;
  r->iCycle = X1060_NONE;
  if( pId->eType!=SQLITE_TEXT ) return SQLITE_OK;
  zCanon = cdcCanonical(CDC_SERVICE_ID, pId->z, (int)strlen(pId->z));
  pStmt = x1060IdleTake(&p->svc, r->zSchema);
  rc = pStmt ? SQLITE_OK : x1060Prepare(p->db, sqlite3_mprintf("SELECT "
      "service_id, category, assignment, as_is, to_be, excluded FROM \"%w\"."
      "x1060_store_service WHERE cdc=?2 AND service_id=?1", r->zSchema),
      &pStmt);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zCanon ? zCanon
                                             : pId->z, -1, SQLITE_TRANSIENT);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pStmt, 2, r->iCdc);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    X1060Value id, cat, asg;
    int iAsg;
    cdcValueFromSql(sqlite3_column_value(pStmt, 0), &id);
    cdcValueFromSql(sqlite3_column_value(pStmt, 1), &cat);
    cdcValueFromSql(sqlite3_column_value(pStmt, 2), &asg);
    iAsg = cdcWordIndex(&x1060AssignmentVocabulary, &asg);
    r->iCycle = x1060CycleOf(iAsg,
        sqlite3_column_type(pStmt, 3)==SQLITE_INTEGER
          ? sqlite3_column_int(pStmt, 3) : X1060_NONE,
        sqlite3_column_type(pStmt, 4)==SQLITE_INTEGER
          ? sqlite3_column_int(pStmt, 4) : X1060_NONE,
        sqlite3_column_int(pStmt, 5)==1);
    if( id.eType!=SQLITE_TEXT || cat.eType!=SQLITE_TEXT ){
      rc = SQLITE_NOMEM;
    }else if( r->a[ACT_CATEGORY].eType==SQLITE_TEXT
           && strcmp(r->a[ACT_CATEGORY].z, cat.z)!=0 ){
      rc = actRefuse(&p->base, r, "category", 0, x1060Msg(p->db,
          X1060_MSG_ACT_WRONG_CATEGORY, r->a[ACT_CATEGORY].z, id.z, cat.z));
    }else{
      rc = actSet(r, ACT_SERVICE_ID, &id, 1);
      if( rc==SQLITE_OK ) rc = actSet(r, ACT_CATEGORY, &cat, 1);
    }
  }else if( rc==SQLITE_OK ){
    rc = sqlite3_reset(pStmt);
    char *zQuoted = rc==SQLITE_OK ? sqlite3_mprintf("%q", r->zCdc) : 0;
    if( rc==SQLITE_OK ) rc = actRefuse(&p->base, r, "service_id", 0,
        zQuoted ? x1060Msg(p->db, X1060_MSG_ACT_NOT_SERVICE, pId->z, r->zCdc,
                           zQuoted) : 0);
    sqlite3_free(zQuoted);
  }
  if( pStmt ) x1060IdleGive(&p->svc, r->zSchema, pStmt);
  return rc;
}

/* Set column i of r, when it is NULL (bAlways: or when the statement did
** not write it), to text z (static), integer n, or NULL (both 0 and n<0). */
static int actDefault(ActRow *r, int i, const char *z, sqlite3_int64 n,
                      int bAlways){
  X1060Value v;
  if( r->a[i].eType!=SQLITE_NULL
   && !(bAlways && (r->mGiven & (1u<<i))==0) ) return SQLITE_OK;
  memset(&v, 0, sizeof(v));
  v.eType = z ? SQLITE_TEXT : n>=0 ? SQLITE_INTEGER : SQLITE_NULL;
  v.z = z;
  v.i = n;
  return actSet(r, i, &v, 1);
}

/* Today's date in UTC, YYYY-MM-DD, into zOut. */
static int actsToday(sqlite3 *db, char zOut[11]){
  char *z = 0;
  int rc = x1060QueryText(db, sqlite3_mprintf("SELECT date('now')"), &z);
  if( rc==SQLITE_OK ) sqlite3_snprintf(11, zOut, "%s", z ? z : "");
  sqlite3_free(z);
  return rc;
}

/* Complete and check action r as a whole: the service and its category,
** the defaults (cycle: its service's gap's, else short; status planned;
** progress 0), what a change of status brings unless the statement says
** otherwise (done: progress 100 and completed today; not done: completed
** NULL), and the rules between columns. */
static int actsComplete(ActsVtab *p, ActRow *r){
  const X1060Value *a = r->a;
  char zToday[11];
  int bDone, bNewStatus, rc = actsService(p, r);
  if( rc==SQLITE_OK ) rc = actDefault(r, ACT_CYCLE,
      x1060Cycles[r->iCycle==X1060_NONE ? 0 : r->iCycle].w.zName, 0, 0);
  if( rc==SQLITE_OK ) rc = actDefault(r, ACT_STATUS,
                                      x1060ActionStatuses[0].w.zName, 0, 0);
  bDone = rc==SQLITE_OK && strcmp(a[ACT_STATUS].z, "done")==0;
  bNewStatus = (r->mGiven & (1u<<ACT_STATUS))!=0;
  if( rc==SQLITE_OK ) rc = actDefault(r, ACT_PROGRESS, 0, bDone ? 100 : 0,
                                      bDone && bNewStatus);
  if( rc==SQLITE_OK && bDone ) rc = actsToday(p->db, zToday);
  if( rc==SQLITE_OK && bDone ) rc = actDefault(r, ACT_COMPLETED, zToday, 0,
                                               0);
  if( rc==SQLITE_OK && !bDone && bNewStatus ){
    rc = actDefault(r, ACT_COMPLETED, 0, -1, 1);
  }
  if( rc!=SQLITE_OK ) return rc;
  if( a[ACT_TITLE].eType==SQLITE_NULL ){
    return actRefuse(&p->base, r, "title", 0,
                     x1060Msg(p->db, X1060_MSG_ACT_TITLE_NULL));
  }
  if( bDone && a[ACT_PROGRESS].i!=100 ){
    char zN[24];
    sqlite3_snprintf(sizeof(zN), zN, "%lld", a[ACT_PROGRESS].i);
    return actRefuse(&p->base, r, "progress", 0,
                     x1060Msg(p->db, X1060_MSG_ACT_PROGRESS_DONE, zN));
  }
  if( !bDone && a[ACT_COMPLETED].eType==SQLITE_TEXT ){
    int bJa = x1060ConnLanguage(p->db);
    int k = cdcWordIndex(&x1060StatusVocabulary, &a[ACT_STATUS]);
    return actRefuse(&p->base, r, "completed", 0, x1060MsgIn(bJa,
        X1060_MSG_ACT_COMPLETED_EARLY, a[ACT_COMPLETED].z, bJa && k>=0
        ? x1060ActionStatuses[k].w.zNameJa : a[ACT_STATUS].z));
  }
  if( a[ACT_STARTED].eType==SQLITE_TEXT && a[ACT_DUE].eType==SQLITE_TEXT
   && strcmp(a[ACT_DUE].z, a[ACT_STARTED].z)<0 ){
    return actRefuse(&p->base, r, "due", 0, x1060Msg(p->db,
        X1060_MSG_ACT_DUE_BEFORE, a[ACT_DUE].z, a[ACT_STARTED].z));
  }
  if( a[ACT_COST].eType!=SQLITE_NULL && a[ACT_CURRENCY].eType==SQLITE_NULL ){
    return actRefuse(&p->base, r, "currency", 0,
                     x1060Msg(p->db, X1060_MSG_ACT_CURRENCY_NEEDED));
  }
  return SQLITE_OK;
}

/* Bind value v to parameter i of pStmt. */
static int actsBind(sqlite3_stmt *pStmt, int i, const X1060Value *v){
  switch( v->eType ){
    case SQLITE_TEXT:    return sqlite3_bind_text(pStmt, i, v->z, -1,
                                                  SQLITE_STATIC);
    case SQLITE_INTEGER: return sqlite3_bind_int64(pStmt, i, v->i);
    case SQLITE_FLOAT:   return sqlite3_bind_double(pStmt, i, v->r);
  }
  return sqlite3_bind_null(pStmt, i);
}

/* The statement that writes an action of schema zSchema: an INSERT
** (bInsert: ?98 the CDC's id, ?99 its action_id or NULL for the next
** number) or an UPDATE of every column (of action ?99 of CDC ?98); the
** columns are ?1.., updated_at is now. */
static char *actsWriteSql(const char *zSchema, int bInsert){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  if( bInsert ){
    sqlite3_str_appendf(pStr, "INSERT INTO \"%w\".x1060_store_action(cdc,"
        "action_id", zSchema);
    for(i=0; i<ACT_NCOL; i++){
      sqlite3_str_appendf(pStr, ",%s", x1060ActionColumns[i].zName);
    }
    sqlite3_str_appendf(pStr, ") VALUES(?98,coalesce(?99,(SELECT coalesce("
        "max(action_id),0)+1 FROM \"%w\".x1060_store_action WHERE "
        "cdc=?98))", zSchema);
    for(i=0; i<ACT_NCOL; i++){
      if( i==ACT_UPDATED_AT ) sqlite3_str_appendall(pStr, "," CDC_NOW_SQL);
      else sqlite3_str_appendf(pStr, ",?%d", i+1);
    }
    sqlite3_str_appendall(pStr, ")");
  }else{
    sqlite3_str_appendf(pStr, "UPDATE \"%w\".x1060_store_action SET ",
                        zSchema);
    for(i=0; i<ACT_NCOL; i++){
      sqlite3_str_appendf(pStr, "%s%s=", i ? "," : "",
                          x1060ActionColumns[i].zName);
      if( i==ACT_UPDATED_AT ) sqlite3_str_appendall(pStr, CDC_NOW_SQL);
      else sqlite3_str_appendf(pStr, "?%d", i+1);
    }
    sqlite3_str_appendall(pStr, " WHERE cdc=?98 AND action_id=?99");
  }
  return sqlite3_str_finish(pStr);
}

/* Write action r: INSERT (bInsert; numbered max+1 when not given) or
** UPDATE of every column, updated_at now, in one statement (the UPDATE
** kept idle for the next). */
static int actsWrite(ActsVtab *p, ActRow *r, int bInsert){
  sqlite3_stmt *pStmt = bInsert ? 0 : x1060IdleTake(&p->upd, r->zSchema);
  int rc = pStmt ? SQLITE_OK : x1060Prepare(p->db, actsWriteSql(r->zSchema,
                                                                bInsert),
                                            &pStmt), i;
  for(i=0; rc==SQLITE_OK && i<ACT_UPDATED_AT; i++){
    rc = actsBind(pStmt, i+1, &r->a[i]);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pStmt, 98, r->iCdc);
  if( rc==SQLITE_OK && r->iAction ) rc = sqlite3_bind_int64(pStmt, 99,
                                                            r->iAction);
  if( rc==SQLITE_OK ){
    sqlite3_step(pStmt);
    rc = sqlite3_reset(pStmt);
  }
  if( pStmt && !bInsert && rc==SQLITE_OK ){
    x1060IdleGive(&p->upd, r->zSchema, pStmt);
  }else{
    sqlite3_finalize(pStmt);
  }
  if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
    return actsError(&p->base, rc, x1060Msg(p->db, X1060_MSG_ACT_WRITE_FAILED,
                                            r->zCdc, sqlite3_errmsg(p->db)));
  }
  return rc;
}

/* The action_id of an INSERT: NULL (the next number), or an integer
** 1..ACT_ID_MAX that the CDC does not use yet. */
static int actsNewId(ActsVtab *p, ActRow *r, sqlite3_value *v){
  char *z = 0;
  int rc;
  if( sqlite3_value_type(v)==SQLITE_NULL ) return SQLITE_OK;
  if( sqlite3_value_numeric_type(v)!=SQLITE_INTEGER
   || sqlite3_value_int64(v)<1 || sqlite3_value_int64(v)>ACT_ID_MAX ){
    char *zAllowed = x1060Msg(p->db, X1060_MSG_ACTION_NUMBER_ALLOWED,
                              X1060_STR(ACT_ID_MAX));
    rc = actRefuse(&p->base, r, "action_id", v, zAllowed ? x1060NotAllowed(
        p->db, 0, 0, 0, x1060TextOf(p->db, X1060_MSG_AN_ACTION_NUMBER),
        zAllowed) : 0);
    sqlite3_free(zAllowed);
    return rc;
  }
  rc = x1060QueryText(p->db, sqlite3_mprintf("SELECT 1 FROM \"%w\"."
      "x1060_store_action WHERE cdc=%lld AND action_id=%lld", r->zSchema,
      r->iCdc, sqlite3_value_int64(v)), &z);
  if( rc==SQLITE_OK && z ){
    rc = actRefuse(&p->base, r, "action_id", v,
                   x1060Msg(p->db, X1060_MSG_ACT_ID_TAKEN, r->zCdc));
  }
  if( rc==SQLITE_OK ) r->iAction = sqlite3_value_int64(v);
  sqlite3_free(z);
  return rc;
}

/* The action of rowid iRowid: its schema, CDC and number into r, and its
** stored values (SQLITE_NOTFOUND: gone). */
static int actsFromRowid(ActsVtab *p, sqlite3_int64 iRowid, ActRow *r){
  sqlite3_int64 iHi = X1060_PACK_HI(iRowid, CDC_SEQ_BITS);
  int rc;
  r->iAction = X1060_PACK_LO(iRowid, CDC_SEQ_BITS);
  r->iCdc = X1060_PACK_LO(iHi, ACTS_DB_SHIFT-CDC_SEQ_BITS);
  r->iDb = X1060_PACK_HI(iHi, ACTS_DB_SHIFT-CDC_SEQ_BITS);
  rc = actsSchemaName(p->db, r->iDb, &r->zSchema);
  if( rc==SQLITE_OK && r->zSchema==0 ) rc = SQLITE_NOTFOUND;
  if( rc==SQLITE_OK ) rc = actsLoad(p, r);
  return rc;
}

/* An UPDATE keeps where the action is and what x1060 computes: the
** columns apCol of those equal to the row's (or refused). */
static int actsKeep(ActsVtab *p, ActRow *r, sqlite3_value **apCol){
  static const int aKept[] = { ACTS_SCHEMA, ACTS_CDC, ACTS_ACTION_ID };
  const char *azNow[2];
  int rc = SQLITE_OK, i;
  azNow[0] = r->zSchema;
  azNow[1] = r->zCdc;
  for(i=0; rc==SQLITE_OK && i<3; i++){
    sqlite3_value *v = apCol[aKept[i]];
    int bSame = i<2 ? (sqlite3_value_type(v)==SQLITE_TEXT
                       && sqlite3_stricmp((const char*)sqlite3_value_text(v),
                                          azNow[i])==0)
                    : (sqlite3_value_type(v)==SQLITE_INTEGER
                       && sqlite3_value_int64(v)==r->iAction);
    if( !bSame ){
      rc = actRefuse(&p->base, r, i==0 ? "schema" : i==1 ? "cdc"
          : "action_id", v, x1060Msg(p->db, X1060_MSG_ACT_STAYS));
    }
  }
  for(i=0; rc==SQLITE_OK && i<2; i++){
    sqlite3_value *v = apCol[ACTS_OVERDUE+i], *pNow = r->apDerived[i];
    if( sqlite3_value_type(v)!=sqlite3_value_type(pNow)
     || (sqlite3_value_type(v)!=SQLITE_NULL
         && strcmp((const char*)sqlite3_value_text(v),
                   (const char*)sqlite3_value_text(pNow))!=0) ){
      rc = actRefuse(&p->base, r, i==0 ? "overdue" : "phase", v,
          x1060Msg(p->db, X1060_MSG_ACT_COMPUTED));
    }
  }
  return rc;
}

/*
** xUpdate: INSERT (into the CDC named by cdc, and schema when given),
** UPDATE and DELETE of one action; every input checked before the one
** statement that writes.
*/
static int actsUpdate(sqlite3_vtab *pVtab, int argc, sqlite3_value **argv,
                      sqlite3_int64 *pRowid){
  ActsVtab *p = (ActsVtab*)pVtab;
  sqlite3_value **apCol = argv+2;
  ActRow r;
  int rc, bInsert = sqlite3_value_type(argv[0])==SQLITE_NULL;
  memset(&r, 0, sizeof(r));
  if( !bInsert ){
    rc = actsFromRowid(p, sqlite3_value_int64(argv[0]), &r);
    if( rc==SQLITE_NOTFOUND ) rc = SQLITE_OK;       /* (gone: nothing to do) */
    else if( rc==SQLITE_OK && argc==1 ){
      rc = x1060Exec(p->db, sqlite3_mprintf("DELETE FROM \"%w\"."
          "x1060_store_action WHERE cdc=%lld AND action_id=%lld", r.zSchema,
          r.iCdc, r.iAction), 0, 0);
    }else if( rc==SQLITE_OK ){
      rc = actsKeep(p, &r, apCol);
      if( rc==SQLITE_OK ) rc = actsRead(p, &r, apCol, 0);
      if( rc==SQLITE_OK ) rc = actsComplete(p, &r);
      if( rc==SQLITE_OK ) rc = actsWrite(p, &r, 0);
    }
  }else{
    rc = actsFindCdc(p, &r, apCol[ACTS_SCHEMA], apCol[ACTS_CDC]);
    if( rc==SQLITE_OK ) rc = actsNewId(p, &r, apCol[ACTS_ACTION_ID]);
    if( rc==SQLITE_OK && (sqlite3_value_type(apCol[ACTS_OVERDUE])!=SQLITE_NULL
                       || sqlite3_value_type(apCol[ACTS_PHASE])!=SQLITE_NULL) ){
      rc = actRefuse(pVtab, &r, "overdue or phase", 0,
                     x1060Msg(p->db, X1060_MSG_ACT_COMPUTED_NULL));
    }
    if( rc==SQLITE_OK ) rc = actsRead(p, &r, apCol, 1);
    if( rc==SQLITE_OK ) rc = actsComplete(p, &r);
    if( rc==SQLITE_OK ) rc = actsWrite(p, &r, 1);
    if( rc==SQLITE_OK && r.iAction==0 ){
      char *z = 0;
      rc = x1060QueryText(p->db, sqlite3_mprintf("SELECT max(action_id) "
          "FROM \"%w\".x1060_store_action WHERE cdc=%lld", r.zSchema, r.iCdc),
          &z);
      if( rc==SQLITE_OK && z ) r.iAction = strtoll(z, 0, 10);
      sqlite3_free(z);
    }
    *pRowid = X1060_PACK(X1060_PACK(r.iDb, r.iCdc, ACTS_DB_SHIFT-CDC_SEQ_BITS),
                         r.iAction, CDC_SEQ_BITS);
  }
  actRowClear(&r);
  return rc;
}

static sqlite3_module actsModule = {
  0,                /* iVersion */
  0,                /* xCreate: eponymous only */
  actsConnect,      /* xConnect */
  actsBestIndex,    /* xBestIndex */
  actsDisconnect,   /* xDisconnect */
  0,                /* xDestroy */
  actsOpen,         /* xOpen */
  actsClose,        /* xClose */
  actsFilter,       /* xFilter */
  actsNext,         /* xNext */
  actsEof,          /* xEof */
  actsColumn,       /* xColumn */
  actsRowid,        /* xRowid */
  actsUpdate,       /* xUpdate */
  0, 0, 0, 0,       /* xBegin, xSync, xCommit, xRollback */
  0,                /* xFindFunction */
  0,                /* xRename */
  0, 0, 0,          /* xSavepoint, xRelease, xRollbackTo */
  0                 /* xShadowName */
  X1060_NO_INTEGRITY
};

/* Register x1060_actions. */
int x1060RegisterActions(sqlite3 *db){
  return sqlite3_create_module(db, "x1060_actions", &actsModule, 0);
}
