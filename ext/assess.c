/*
** x1060: the assessment behind a score: the answers to the rubric that
** gave a service its as-is (or to-be) score, with the evidence of each.
**
**   SELECT x1060_assess('acme', 'D-2', 'as_is',
**     '{"working": true, "documented": true, "others_can_cover": "partial"}',
**     '{"documented": "wiki: incident runbook v3"}');              -- 3
**   INSERT INTO x1060_cdcs(command, name, argument) VALUES ('assess', 'acme',
**     '{"service_id": "D-2", "side": "as_is", "answers": {...}}');
**   SELECT * FROM x1060_bi_assessments WHERE cdc = 'acme';
**
** The answers are checked as x1060_score checks them, on the rubric of the
** service's assignment (a Combination's on both), and the score is derived
** from them: x1060_assess writes the answers (x1060_store_assessment) and
** the score they give through the CDC table, so the service's history
** records it.  A score written by hand afterwards, or an assignment changed
** since, contradicts the answers: a finding (findings.c), never silently
** overwritten.  Snapshots keep the assessments as they were.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The two scores an assessment may be behind, as the storage names them,
** and the spellings each is read from (any case). */
static const struct AssessSide {
  const char *zName;
  const char *azAlso[4];
} aSide[] = {
  { "as_is", { "as-is", "asis", "現状", 0 } },
  { "to_be", { "to-be", "tobe", "目標", 0 } },
};
/* Fail with "x1060_assess(): " and message zMsg (owned; NULL: out of
** memory) in *pzErr: SQLITE_ERROR, or SQLITE_NOMEM. */
static int assessFail(char **pzErr, char *zMsg){
  *pzErr = zMsg ? sqlite3_mprintf("x1060_assess(): %s", zMsg) : 0;
  sqlite3_free(zMsg);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The side v names, or -1. */
static int assessSide(sqlite3_value *v){
  const char *z = (const char*)sqlite3_value_text(v);
  int i, k;
  for(i=0; z && sqlite3_value_type(v)==SQLITE_TEXT && i<2; i++){
    if( sqlite3_stricmp(z, aSide[i].zName)==0 ) return i;
    for(k=0; aSide[i].azAlso[k]; k++){
      if( sqlite3_stricmp(z, aSide[i].azAlso[k])==0 ) return i;
    }
  }
  return -1;
}

/* What an assessment is about: the CDC, the service, the side. */
typedef struct Assess Assess;
struct Assess {
  char *zSchema, *zName;    /* the CDC */
  sqlite3_int64 iCdc;
  sqlite3_int64 iSeq;       /* the service's seq_no */
  char *zId;                /* its id as stored */
  int iAsg;                 /* its assignment (x1060Assignments), or -1 */
  int iSide;                /* aSide */
};

static void assessClear(Assess *a){
  sqlite3_free(a->zSchema);
  sqlite3_free(a->zName);
  sqlite3_free(a->zId);
  memset(a, 0, sizeof(*a));
}

/* Find service pSvc of the CDC of a (any spelling of an Annex A id, or a
** custom id): its seq_no, id and assignment into a. */
static int assessService(sqlite3 *db, Assess *a, sqlite3_value *pSvc,
                         char **pzErr){
  sqlite3_stmt *pStmt = 0;
  const char *z = (const char*)sqlite3_value_text(pSvc);
  const char *zCanon = z ? cdcCanonical(CDC_SERVICE_ID, z,
                                        sqlite3_value_bytes(pSvc)) : 0;
  int rc = x1060Prepare(db, sqlite3_mprintf("SELECT seq_no, service_id, "
      "assignment FROM \"%w\".x1060_store_service WHERE cdc=%lld AND "
      "service_id=?1", a->zSchema, a->iCdc), &pStmt);
  if( rc==SQLITE_OK ){
    rc = zCanon ? sqlite3_bind_text(pStmt, 1, zCanon, -1, SQLITE_STATIC)
                : sqlite3_bind_value(pStmt, 1, pSvc);
  }
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    X1060Value asg;
    a->iSeq = sqlite3_column_int64(pStmt, 0);
    a->zId = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 1));
    cdcValueFromSql(sqlite3_column_value(pStmt, 2), &asg);
    a->iAsg = cdcWordIndex(&x1060AssignmentVocabulary, &asg);
    if( a->zId==0 ) rc = SQLITE_NOMEM;
  }else if( rc==SQLITE_OK ){
    rc = sqlite3_reset(pStmt);
    if( rc==SQLITE_OK ){
      char *zWho = sqlite3_mprintf("x1060_assess(): %s", a->zName);
      *pzErr = zWho ? x1060NotAllowedValue(db, zWho, "service", pSvc,
          x1060TextOf(db, X1060_MSG_ITS_SERVICES),
          x1060TextOf(db, X1060_MSG_SERVICE_ID_ALLOWED)) : 0;
      sqlite3_free(zWho);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Check evidence pEvidence (not given: a NULL pointer; SQL NULL; or a JSON
** object that mirrors the answers: a reference, non-empty text, for
** answers that are there) against the answers pAnswers. */
static int assessEvidence(sqlite3 *db, sqlite3_value *pAnswers,
                          sqlite3_value *pEvidence, char **pzErr){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( pEvidence==0 || sqlite3_value_type(pEvidence)==SQLITE_NULL ){
    return SQLITE_OK;
  }
  /* the first problem: its kind (an entry of the catalogue) and path */
  rc = sqlite3_prepare_v2(db, "SELECT CASE WHEN NOT json_valid(?2) OR "
      "json_type(?2)<>'object' THEN ?3 ELSE (SELECT CASE WHEN type<>'text' "
      "OR trim(atom)='' THEN ?4 ELSE ?5 END FROM json_tree(?2) WHERE type "
      "NOT IN ('object') AND (type<>'text' OR trim(atom)='' OR json_type(?1, "
      "fullkey) IS NULL OR json_type(?1, fullkey)='object') LIMIT 1) END, "
      "CASE WHEN json_valid(?2) AND json_type(?2)='object' THEN (SELECT "
      "fullkey FROM json_tree(?2) WHERE type NOT IN ('object') AND "
      "(type<>'text' OR trim(atom)='' OR json_type(?1, fullkey) IS NULL OR "
      "json_type(?1, fullkey)='object') LIMIT 1) END",
      -1, &pStmt, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pStmt, 1, pAnswers);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pStmt, 2, pEvidence);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int(pStmt, 3,
                                            X1060_MSG_EVIDENCE_NOT_OBJECT);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int(pStmt, 4,
                                            X1060_MSG_EVIDENCE_NOT_REF);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_int(pStmt, 5,
                                            X1060_MSG_EVIDENCE_NOT_ANSWER);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW
   && sqlite3_column_type(pStmt, 0)!=SQLITE_NULL ){
    char *zWhy = x1060Msg(db, sqlite3_column_int(pStmt, 0),
                          (const char*)sqlite3_column_text(pStmt, 1));
    rc = assessFail(pzErr, zWhy ? x1060Msg(db, X1060_MSG_EVIDENCE_BAD, zWhy)
                                : 0);
    sqlite3_free(zWhy);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* The score the answers give, on the rubric of the service's assignment:
** 1..5 in *piPoints, 0 for N/A. */
static int assessScore(sqlite3 *db, Assess *a, sqlite3_value *pAnswers,
                       int *piPoints, char **pzErr){
  const char *z = (const char*)sqlite3_value_text(pAnswers);
  char *zWhy = 0;
  int rc, bJa = x1060ConnLanguage(db);
  const X1060Word *pAsg = a->iAsg<0 ? 0 : &x1060Assignments[a->iAsg].w;
  if( a->iAsg<0 || x1060Assignments[a->iAsg].zRubric==0 ){
    return assessFail(pzErr, x1060MsgIn(bJa, X1060_MSG_ASSESS_NO_RUBRIC,
        a->zId, a->zName, pAsg==0 ? x1060Text(bJa, X1060_MSG_NOT_ASSIGNED)
        : bJa ? pAsg->zNameJa : pAsg->zName));
  }
  if( sqlite3_value_type(pAnswers)!=SQLITE_TEXT ){
    *pzErr = x1060NotAllowedValue(db, "x1060_assess()", "answers", pAnswers,
        x1060Text(bJa, X1060_MSG_ANSWERS),
        x1060Text(bJa, X1060_MSG_ANSWERS_ALLOWED));
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( z==0 ) return SQLITE_NOMEM;
  rc = x1060ScoreAnswers(a->iAsg, z, sqlite3_value_bytes(pAnswers),
                         piPoints, bJa, &zWhy);
  if( rc==SQLITE_ERROR ){
    const char *zSkip = strncmp(zWhy, "x1060_score(): ", 15)==0 ? zWhy+15
                                                                : zWhy;
    const char *zAsg = bJa ? pAsg->zNameJa : pAsg->zName;
    rc = assessFail(pzErr, strcmp(x1060Assignments[a->iAsg].zRubric,
        "both")==0 ? x1060MsgIn(bJa, X1060_MSG_ASSESS_ANSWERS_BOTH, a->zId,
        zAsg, zSkip) : x1060MsgIn(bJa, X1060_MSG_ASSESS_ANSWERS_ONE, a->zId,
        zAsg, bJa ? zAsg : x1060Assignments[a->iAsg].zRubric, zSkip));
  }
  sqlite3_free(zWhy);
  return rc;
}

/* See x1060_int.h. */
int x1060AssessmentCheck(sqlite3 *db, const char *zAssignment,
                         sqlite3_value *pAnswers, sqlite3_value *pEvidence,
                         int *piPoints, char **pzErr){
  Assess a;
  X1060Value asg;
  int rc;
  memset(&a, 0, sizeof(a));
  memset(&asg, 0, sizeof(asg));
  asg.eType = SQLITE_TEXT;
  asg.z = zAssignment;
  a.iAsg = cdcWordIndex(&x1060AssignmentVocabulary, &asg);
  a.zId = (char*)x1060TextOf(db, X1060_MSG_THE_SERVICE);
  a.zName = (char*)x1060TextOf(db, X1060_MSG_THE_CDC);
  rc = assessScore(db, &a, pAnswers, piPoints, pzErr);
  if( rc==SQLITE_OK ) rc = assessEvidence(db, pAnswers, pEvidence, pzErr);
  return rc;
}

/* Write the assessment of a (answers, evidence, points) and the score it
** gives through the CDC table; answers NULL removes the assessment. */
static int assessWrite(sqlite3 *db, Assess *a, sqlite3_value *pAnswers,
                       sqlite3_value *pEvidence, int iPoints){
  sqlite3_stmt *pStmt = 0;
  int rc;
  if( sqlite3_value_type(pAnswers)==SQLITE_NULL ){
    return x1060Exec(db, sqlite3_mprintf("DELETE FROM \"%w\"."
        "x1060_store_assessment WHERE cdc=%lld AND seq_no=%lld AND side=%Q",
        a->zSchema, a->iCdc, a->iSeq, aSide[a->iSide].zName), 0, 0);
  }
  rc = x1060Prepare(db, sqlite3_mprintf("INSERT OR REPLACE INTO \"%w\"."
      "x1060_store_assessment(cdc,seq_no,side,assignment,answers,evidence,"
      "score,assessed_at) VALUES(%lld,%lld,%Q,%Q,json(?1),json(?2),?3,"
      CDC_NOW ")", a->zSchema, a->iCdc, a->iSeq, aSide[a->iSide].zName,
      x1060Assignments[a->iAsg].w.zName), &pStmt);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pStmt, 1, pAnswers);
  if( rc==SQLITE_OK && pEvidence ) rc = sqlite3_bind_value(pStmt, 2,
                                                           pEvidence);
  if( rc==SQLITE_OK && iPoints ) rc = sqlite3_bind_int(pStmt, 3, iPoints);
  if( rc==SQLITE_OK ){
    sqlite3_step(pStmt);
    rc = sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ){
    char *zSql = sqlite3_mprintf("UPDATE $A SET %s=%s WHERE cdc=$Q AND "
        "service_id=%Q", aSide[a->iSide].zName, iPoints ? "?1" : "'N/A'",
        a->zId);
    rc = zSql ? x1060Prepare(db, x1060FillSql(zSql, a->zSchema, a->zName),
                             &pStmt) : SQLITE_NOMEM;
    sqlite3_free(zSql);
    if( rc==SQLITE_OK && iPoints ) rc = sqlite3_bind_int(pStmt, 1, iPoints);
    if( rc==SQLITE_OK ){
      sqlite3_step(pStmt);
      rc = sqlite3_reset(pStmt);
    }
    sqlite3_finalize(pStmt);
  }
  return rc;
}

/* The arguments of the object form x1060_assess(cdc, {"service_id": ...,
** "side": ..., "answers": {...}, "evidence": {...}}): into apOut[0..3]
** (values of *ppStmt, which must outlive them). */
static int assessObject(sqlite3 *db, sqlite3_value *pObj,
                        sqlite3_stmt **ppStmt, sqlite3_value **apOut,
                        char **pzErr){
  int rc = sqlite3_prepare_v2(db, "SELECT json_extract(?1,'$.service_id'), "
      "json_extract(?1,'$.side'), json_extract(?1,'$.answers'), "
      "json_extract(?1,'$.evidence'), json_valid(?1) AND json_type(?1)="
      "'object' AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE key NOT "
      "IN ('service_id','side','answers','evidence'))", -1, ppStmt, 0);
  int i;
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(*ppStmt, 1, pObj);
  if( rc==SQLITE_OK && sqlite3_step(*ppStmt)!=SQLITE_ROW ){
    rc = sqlite3_reset(*ppStmt);
    if( rc==SQLITE_OK ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK && sqlite3_column_int(*ppStmt, 4)==0 ){
    *pzErr = x1060NotAllowedValue(db, "x1060_assess()", 0, pObj,
        x1060TextOf(db, X1060_MSG_AN_ASSESSMENT),
        x1060TextOf(db, X1060_MSG_ASSESSMENT_ALLOWED));
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  for(i=0; rc==SQLITE_OK && i<4; i++){
    apOut[i] = sqlite3_column_value(*ppStmt, i);
  }
  return rc;
}

/*
** x1060_assess(cdc, service, side, answers [, evidence]), or
** x1060_assess(cdc, json_object): record the answers to the rubric behind
** the service's as_is or to_be score, and the score they give (written
** through the CDC table); answers NULL removes the assessment.  All or
** nothing.  Its result: the score, NULL for N/A (or a removal).
*/
static int assessRun(sqlite3 *db, int nArg, sqlite3_value **apArg,
                     const char *zSavepoint, sqlite3_int64 *pn, char **pzErr){
  sqlite3_value *apVal[4];
  sqlite3_stmt *pObj = 0;
  X1060Savepoint sp;
  Assess a;
  int rc = SQLITE_OK, iPoints = 0, i;
  memset(&a, 0, sizeof(a));
  if( sqlite3_value_type(apArg[0])==SQLITE_NULL ) return X1060_NULL_RESULT;
  if( nArg==3 ){
    return assessFail(pzErr, x1060Msg(db, X1060_MSG_ASSESS_ARGS));
  }
  if( nArg==2 ){
    rc = assessObject(db, apArg[1], &pObj, apVal, pzErr);
  }else{
    for(i=0; i<4; i++) apVal[i] = i+1<nArg ? apArg[i+1] : 0;
  }
  if( rc==SQLITE_OK ) rc = cdcResolve(db, apArg[0], "x1060_assess",
                                      &a.zSchema, &a.zName, pzErr);
  if( rc==SQLITE_OK ){
    a.iSide = assessSide(apVal[1]);
    if( a.iSide<0 ){
      *pzErr = x1060NotAllowedValue(db, "x1060_assess()", "side", apVal[1],
                                    x1060TextOf(db, X1060_MSG_A_SCORE),
                                    x1060TextOf(db, X1060_MSG_SIDES_ALLOWED));
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ) rc = x1060SavepointBegin(db, zSavepoint, &sp);
  if( rc==SQLITE_OK ){
    int rc2 = x1060StoreEnsure(db, a.zSchema, pzErr);
    if( rc2==SQLITE_OK ) rc2 = x1060StoreFind(db, a.zSchema, a.zName,
                                              &a.iCdc, 0);
    if( rc2==SQLITE_OK ) rc2 = assessService(db, &a, apVal[0], pzErr);
    if( rc2==SQLITE_OK && sqlite3_value_type(apVal[2])!=SQLITE_NULL ){
      rc2 = assessScore(db, &a, apVal[2], &iPoints, pzErr);
      if( rc2==SQLITE_OK ) rc2 = assessEvidence(db, apVal[2], apVal[3],
                                                pzErr);
    }
    if( rc2==SQLITE_OK ) rc2 = assessWrite(db, &a, apVal[2], apVal[3],
                                           iPoints);
    if( rc2!=SQLITE_OK && *pzErr==0 && (rc2&0xff)!=SQLITE_NOMEM ){
      *pzErr = sqlite3_mprintf("x1060_assess(): %s", sqlite3_errmsg(db));
    }
    rc = x1060SavepointEnd(&sp, rc2);
  }
  *pn = iPoints;
  sqlite3_finalize(pObj);
  assessClear(&a);
  if( rc==SQLITE_OK && iPoints==0 ) rc = X1060_NULL_RESULT;
  return rc;
}
X1060_DATA_DEF const X1060WriteOp x1060AssessOp = {
  "x1060_assess", "assess", 2, 5, assessRun
};

/* Register x1060_assess (it writes: DIRECTONLY). */
int x1060RegisterAssess(sqlite3 *db){
  return x1060RegisterWriteOp(db, &x1060AssessOp);
}
