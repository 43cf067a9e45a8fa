/*
** x1060: x1060_score(assignment, answers), the assessment rubric as a
** decision procedure.
**
**   SELECT x1060_score('insourcing',
**     '{"working": true, "documented": true, "others_can_cover": "full",
**       "approved": false}');                                    -- 4
**   SELECT x1060_score('outsourcing', '{"reviewed": true,
**     "content_understood": true, "output_understood": false}'); -- 3
**   SELECT x1060_score('combination', '{"insourcing": {...},
**     "outsourcing": {...}}');                  -- the lower of the two
**
** The questions (aQuestion) restate the seed's rubric; each rubric's
** points are the highest rung whose conditions all hold:
**
**   insourcing   5 documented and approved      outsourcing  5 both understood, as expected
**                4 documented, others cover fully            4 both understood, not as expected
**                3 others can cover (partly or fully)        3 one of content / output understood
**                2 working                                   2 neither understood
**                1 not working                               1 outputs and reports not reviewed
**   either: "excluded": true is N/A (decided not to implement): NULL.
**
** Errors name the problem: an unknown question, a missing answer that the
** rubric needs, an answer of the wrong kind, an impossible combination
** (approved without documented; as_expected without understanding both;
** excluded with other answers).  Combination scores both rubrics and
** takes the lower (see docs/reference.md: "Scoring a Combination").  Unassigned has
** no rubric.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define RUBRIC_IN  0
#define RUBRIC_OUT 1
#define NQ 5                  /* questions per rubric */
#define ABSENT (-1)

static const char *const azRubric[2] = { "insourcing", "outsourcing" };
/* The rubrics' names in Japanese, for messages. */
static const char *const azRubricJa[2] = { "インソース", "アウトソース" };

typedef struct Question Question;
struct Question {
  const char *zKey;
  const char *azWord[3];      /* allowed words for 0, 1, 2; NULL: boolean */
  const char *zAsks, *zAsksJa;  /* the question, for messages */
  const char *zLabel, *zLabelJa;  /* the answer's name in a report (the
                                  ** project's own) */
};

static const Question aQuestion[2][NQ] = {
  { { "excluded", {0,0,0}, "decided not to implement by insourcing (N/A)?",
      "インソースでは実施しないと決めたか（N/A）",
      "excluded (N/A)", "評価外（N/A）" },
    { "working", {0,0,0}, "is the operation working?", "運用が機能しているか",
      "working", "運用が機能している" },
    { "documented", {0,0,0}, "is the operation documented?",
      "運用が明文化されているか",
      "documented", "運用が明文化されている" },
    { "others_can_cover", {"none","partial","full"}, "can others take over "
      "the operator's role: none, partial (part of it, temporarily) or "
      "full?", "担当者の役割を他者が代行できるか：none（できない）、partial"
      "（一部を一時的に）、full（すべて）", "others can take over", "他者が代行できる" },
    { "approved", {0,0,0}, "is the documented operation authorised by the "
      "CISO or another director with the responsibility?",
      "明文化された運用を CISO など責任を持つ役員が承認しているか",
      "authorised by the CISO", "CISO 等が承認している" } },
  { { "excluded", {0,0,0}, "decided not to implement by outsourcing (N/A)?",
      "アウトソースでは実施しないと決めたか（N/A）",
      "excluded (N/A)", "評価外（N/A）" },
    { "reviewed", {0,0,0}, "are the provider's outputs and reports "
      "reviewed?", "委託先の成果物と報告をレビューしているか",
      "outputs reviewed", "成果物をレビューしている" },
    { "content_understood", {0,0,0}, "is the content of the service "
      "understood?", "サービスの内容を理解しているか",
      "content understood", "サービス内容を理解している" },
    { "output_understood", {0,0,0}, "is the expected output understood?",
      "期待する成果を理解しているか",
      "expected output understood", "期待する成果を理解している" },
    { "as_expected", {0,0,0}, "are the outputs as expected?", "成果が期待どおりか",
      "output as expected", "期待どおりの成果" } },
};

/* See x1060_int.h. */
char *x1060QuestionsSql(void){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int r, q;
  sqlite3_str_appendall(pStr, "VALUES");
  for(r=0; r<2; r++){
    for(q=0; q<NQ; q++){
      sqlite3_str_appendf(pStr, "%s('%s',%d,'%s','%s','%s')", r||q ? "," : "",
          azRubric[r], q, aQuestion[r][q].zKey, aQuestion[r][q].zLabel,
          aQuestion[r][q].zLabelJa);
    }
  }
  return sqlite3_str_finish(pStr);
}

/* Indexes of the questions in aQuestion[r]. */
#define Q_EXCLUDED 0
#define Q_WORKING 1      /* insourcing */
#define Q_DOCUMENTED 2
#define Q_COVER 3
#define Q_APPROVED 4
#define Q_REVIEWED 1     /* outsourcing */
#define Q_CONTENT 2
#define Q_OUTPUT 3
#define Q_EXPECTED 4

/* Set *pzErr to "x1060_score(): " and message zMsg (owned; NULL: out of
** memory) and return SQLITE_ERROR. */
static int scoreFail(char **pzErr, char *zMsg){
  *pzErr = zMsg ? sqlite3_mprintf("x1060_score(): %s", zMsg) : 0;
  sqlite3_free(zMsg);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The allowed questions of rubric r, for messages. */
static char *questionList(int r){
  return sqlite3_mprintf("%s, %s, %s, %s, %s", aQuestion[r][0].zKey,
      aQuestion[r][1].zKey, aQuestion[r][2].zKey, aQuestion[r][3].zKey,
      aQuestion[r][4].zKey);
}

/*
** Read the answers in object node iObj of pJson for rubric r into a[]
** (ABSENT, 0/1 for booleans, 0..2 for words).
*/
static int readAnswers(const X1060Json *pJson, int iObj, int r, int *a,
                       int bJa, char **pzErr){
  int i, q;
  for(q=0; q<NQ; q++) a[q] = ABSENT;
  for(i=iObj+1; i<pJson->nNode; i++){
    const X1060JsonNode *pNode = &pJson->aNode[i];
    const char *zKey;
    const Question *pQ = 0;
    if( pNode->iParent!=iObj ) continue;
    zKey = x1060JsonKey(pJson, i);
    for(q=0; q<NQ && strcmp(aQuestion[r][q].zKey, zKey)!=0; q++){}
    if( q==NQ ){
      char *zList = questionList(r);
      char *zKind = x1060MsgIn(bJa, X1060_MSG_RUBRIC_QUESTION,
                               bJa ? azRubricJa[r] : azRubric[r]);
      char *zQuoted = sqlite3_mprintf("%Q", zKey);
      int rc = scoreFail(pzErr, zList && zKind && zQuoted ? x1060NotAllowedIn(
          bJa, 0, 0, zQuoted, zKind, zList) : 0);
      sqlite3_free(zKind);
      sqlite3_free(zQuoted);
      sqlite3_free(zList);
      return rc;
    }
    pQ = &aQuestion[r][q];
    if( pQ->azWord[0]==0 && (pNode->eType==X1060_JSON_TRUE
                          || pNode->eType==X1060_JSON_FALSE) ){
      a[q] = pNode->eType==X1060_JSON_TRUE;
      continue;
    }
    if( pQ->azWord[0] && pNode->eType==X1060_JSON_STRING ){
      int w;
      for(w=0; w<3; w++){
        if( sqlite3_stricmp(pQ->azWord[w], x1060JsonText(pJson, i))==0 ) break;
      }
      if( w<3 ){ a[q] = w; continue; }
    }
    return scoreFail(pzErr, pQ->azWord[0]
        ? x1060MsgIn(bJa, X1060_MSG_MUST_BE_WORD, zKey, pQ->azWord[0],
                     pQ->azWord[1], pQ->azWord[2])
        : x1060MsgIn(bJa, X1060_MSG_MUST_BE_BOOL, zKey));
  }
  return SQLITE_OK;
}

/* The error for a missing answer q of rubric r. */
static int needs(int r, int q, int bJa, char **pzErr){
  const Question *pQ = &aQuestion[r][q];
  return scoreFail(pzErr, x1060MsgIn(bJa, X1060_MSG_RUBRIC_NEEDS,
      bJa ? azRubricJa[r] : azRubric[r], pQ->zKey, x1060Text(bJa,
      pQ->azWord[0] ? X1060_MSG_NONE_PARTIAL_FULL : X1060_MSG_TRUE_OR_FALSE),
      bJa ? pQ->zAsksJa : pQ->zAsks));
}

/* The error for an impossible combination: why is entry eWhy. */
static int impossible(int eWhy, int bJa, char **pzErr){
  return scoreFail(pzErr, x1060MsgIn(bJa, X1060_MSG_IMPOSSIBLE,
                                     x1060Text(bJa, eWhy)));
}

/* Points 1..5 (0 for N/A) of the answers a[] to rubric r. */
static int scoreRubric(int r, const int *a, int *piPoints, int bJa,
                       char **pzErr){
  int q;
  if( a[Q_EXCLUDED]==1 ){
    for(q=1; q<NQ; q++){
      if( a[q]!=ABSENT ){
        return impossible(X1060_MSG_EXCLUDED_ALONE, bJa, pzErr);
      }
    }
    *piPoints = 0;
    return SQLITE_OK;
  }
  if( r==RUBRIC_IN ){
    if( a[Q_APPROVED]==1 && a[Q_DOCUMENTED]==0 ){
      return impossible(X1060_MSG_APPROVED_NEEDS_DOC, bJa, pzErr);
    }
    if( a[Q_WORKING]==ABSENT ) return needs(r, Q_WORKING, bJa, pzErr);
    if( a[Q_WORKING]==0 ){ *piPoints = 1; return SQLITE_OK; }
    if( a[Q_DOCUMENTED]==ABSENT ) return needs(r, Q_DOCUMENTED, bJa, pzErr);
    if( a[Q_DOCUMENTED]==1 && a[Q_APPROVED]==ABSENT ){
      return needs(r, Q_APPROVED, bJa, pzErr);
    }
    if( a[Q_DOCUMENTED]==1 && a[Q_APPROVED]==1 ){ *piPoints = 5; return 0; }
    if( a[Q_COVER]==ABSENT ) return needs(r, Q_COVER, bJa, pzErr);
    *piPoints = (a[Q_DOCUMENTED]==1 && a[Q_COVER]==2) ? 4
              : a[Q_COVER]>=1 ? 3 : 2;
    return SQLITE_OK;
  }
  if( a[Q_EXPECTED]==1 && (a[Q_CONTENT]==0 || a[Q_OUTPUT]==0) ){
    return impossible(X1060_MSG_EXPECTED_NEEDS, bJa, pzErr);
  }
  if( a[Q_REVIEWED]==ABSENT ) return needs(r, Q_REVIEWED, bJa, pzErr);
  if( a[Q_REVIEWED]==0 ){ *piPoints = 1; return SQLITE_OK; }
  if( a[Q_CONTENT]==ABSENT ) return needs(r, Q_CONTENT, bJa, pzErr);
  if( a[Q_OUTPUT]==ABSENT ) return needs(r, Q_OUTPUT, bJa, pzErr);
  if( a[Q_CONTENT]+a[Q_OUTPUT]<2 ){
    *piPoints = 2 + a[Q_CONTENT] + a[Q_OUTPUT];
    return SQLITE_OK;
  }
  if( a[Q_EXPECTED]==ABSENT ) return needs(r, Q_EXPECTED, bJa, pzErr);
  *piPoints = a[Q_EXPECTED] ? 5 : 4;
  return SQLITE_OK;
}

/* Score the object node iObj of pJson on rubric r. */
static int scoreObject(const X1060Json *pJson, int iObj, int r,
                       int *piPoints, int bJa, char **pzErr){
  int a[NQ];
  int rc = readAnswers(pJson, iObj, r, a, bJa, pzErr);
  if( rc==SQLITE_OK ) rc = scoreRubric(r, a, piPoints, bJa, pzErr);
  return rc;
}

/*
** Combination: {"insourcing": {...}, "outsourcing": {...}}, both scored;
** the result is the lower, N/A sides left out (both N/A: N/A).
*/
static int scoreCombination(const X1060Json *pJson, int *piPoints,
                            int bJa, char **pzErr){
  int aObj[2] = { -1, -1 }, aPts[2], i, r, rc = SQLITE_OK;
  for(i=1; i<pJson->nNode; i++){
    if( pJson->aNode[i].iParent!=0 ) continue;
    for(r=0; r<2 && strcmp(x1060JsonKey(pJson, i), azRubric[r])!=0; r++){}
    if( r==2 || pJson->aNode[i].eType!=X1060_JSON_OBJECT ){
      char *zKey = sqlite3_mprintf("%Q", x1060JsonKey(pJson, i));
      rc = scoreFail(pzErr, zKey ? x1060MsgIn(bJa, X1060_MSG_COMBINATION_FORM,
                                              zKey) : 0);
      sqlite3_free(zKey);
      return rc;
    }
    aObj[r] = i;
  }
  for(r=0; rc==SQLITE_OK && r<2; r++){
    if( aObj[r]<0 ){
      return scoreFail(pzErr, x1060MsgIn(bJa, X1060_MSG_COMBINATION_BOTH,
                                         azRubric[r]));
    }
    rc = scoreObject(pJson, aObj[r], r, &aPts[r], bJa, pzErr);
  }
  if( rc==SQLITE_OK ){
    *piPoints = aPts[0]==0 ? aPts[1] : aPts[1]==0 ? aPts[0]
              : aPts[0]<aPts[1] ? aPts[0] : aPts[1];
  }
  return rc;
}

/* See x1060_int.h. */
int x1060ScoreAnswers(int iAsg, const char *zAnswers, int nAnswers,
                      int *piPoints, int bJa, char **pzErr){
  X1060Json json;
  int rc;
  memset(&json, 0, sizeof(json));
  json.bJa = bJa;
  *piPoints = 0;
  rc = x1060JsonRead(zAnswers, nAnswers, &json);
  if( rc==SQLITE_ERROR ){
    rc = scoreFail(pzErr, x1060MsgIn(bJa, X1060_MSG_ANSWERS_NOT_JSON,
                                     json.zErr));
  }else if( rc==SQLITE_OK && json.aNode[0].eType!=X1060_JSON_OBJECT ){
    rc = scoreFail(pzErr, x1060MsgIn(bJa, X1060_MSG_ANSWERS_NOT_OBJECT));
  }else if( rc==SQLITE_OK ){
    const char *zR = x1060Assignments[iAsg].zRubric;
    rc = strcmp(zR, "both")==0 ? scoreCombination(&json, piPoints, bJa, pzErr)
       : scoreObject(&json, 0, strcmp(zR, "outsourcing")==0, piPoints,
                     bJa, pzErr);
  }
  x1060JsonFree(&json);
  return rc;
}

/*
** x1060_score(assignment, answers): points 1..5, NULL for N/A (or for a
** NULL argument); an error saying what is wrong otherwise.
*/
static void scoreFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  char *zErr = 0;
  int iAsg = -1, iPoints = 0, rc = SQLITE_OK;
  int bJa = x1060ConnLanguage(sqlite3_context_db_handle(ctx));
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL
   || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  if( sqlite3_value_type(argv[0])==SQLITE_TEXT ){
    if( sqlite3_value_text(argv[0])==0 ){
      sqlite3_result_error_nomem(ctx);
      return;
    }
    iAsg = x1060VocabularyFind(&x1060AssignmentVocabulary,
        (const char*)sqlite3_value_text(argv[0]), sqlite3_value_bytes(argv[0]));
  }
  if( iAsg<0 || x1060Assignments[iAsg].zRubric==0 ){
    char *zVal = x1060DescribeValueIn(argv[0], bJa);
    rc = scoreFail(&zErr, zVal ? x1060MsgIn(bJa, X1060_MSG_NO_RUBRIC, zVal)
                               : 0);
    sqlite3_free(zVal);
  }else if( sqlite3_value_type(argv[1])!=SQLITE_TEXT ){
    rc = scoreFail(&zErr, x1060MsgIn(bJa, X1060_MSG_ANSWERS_NOT_TEXT));
  }else{
    const char *z = (const char*)sqlite3_value_text(argv[1]);
    rc = z ? x1060ScoreAnswers(iAsg, z, sqlite3_value_bytes(argv[1]),
                               &iPoints, bJa, &zErr) : SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    if( iPoints ) sqlite3_result_int(ctx, iPoints);
  }else if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else{
    sqlite3_result_error(ctx, zErr, -1);
  }
  sqlite3_free(zErr);
}

/* Register x1060_score: pure, so DETERMINISTIC and INNOCUOUS. */
int x1060RegisterScore(sqlite3 *db){
  return x1060CreateFunction(db, "x1060_score", 2,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, scoreFunc, 0, 0);
}
