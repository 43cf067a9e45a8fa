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

typedef struct Question Question;
struct Question {
  const char *zKey;
  const char *azWord[3];      /* allowed words for 0, 1, 2; NULL: boolean */
  const char *zAsks;
  const char *zLabel, *zLabelJa;  /* the answer's name in a report (the
                                  ** project's own) */
};

static const Question aQuestion[2][NQ] = {
  { { "excluded", {0,0,0}, "decided not to implement by insourcing (N/A)?",
      "excluded (N/A)", "評価外（N/A）" },
    { "working", {0,0,0}, "is the operation working?",
      "working", "運用が機能している" },
    { "documented", {0,0,0}, "is the operation documented?",
      "documented", "運用が明文化されている" },
    { "others_can_cover", {"none","partial","full"}, "can others take over "
      "the operator's role: none, partial (part of it, temporarily) or "
      "full?", "others can take over", "他者が代行できる" },
    { "approved", {0,0,0}, "is the documented operation authorised by the "
      "CISO or another director with the responsibility?",
      "authorised by the CISO", "CISO 等が承認している" } },
  { { "excluded", {0,0,0}, "decided not to implement by outsourcing (N/A)?",
      "excluded (N/A)", "評価外（N/A）" },
    { "reviewed", {0,0,0}, "are the provider's outputs and reports "
      "reviewed?", "outputs reviewed", "成果物をレビューしている" },
    { "content_understood", {0,0,0}, "is the content of the service "
      "understood?", "content understood", "サービス内容を理解している" },
    { "output_understood", {0,0,0}, "is the expected output understood?",
      "expected output understood", "期待する成果を理解している" },
    { "as_expected", {0,0,0}, "are the outputs as expected?",
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

/* Set *pzErr to a message (from a format) and return SQLITE_ERROR. */
static int scoreFail(char **pzErr, char *zMsg){
  *pzErr = zMsg;
  return zMsg ? SQLITE_ERROR : SQLITE_NOMEM;
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
                       char **pzErr){
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
      char *zKind = sqlite3_mprintf("a question of the %s rubric",
                                    azRubric[r]);
      char *zQuoted = sqlite3_mprintf("%Q", zKey);
      int rc = scoreFail(pzErr, zList && zKind && zQuoted ? x1060NotAllowed(
          "x1060_score()", 0, zQuoted, zKind, zList) : 0);
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
        ? sqlite3_mprintf("x1060_score(): \"%s\" must be \"%s\", \"%s\" or "
              "\"%s\"", zKey, pQ->azWord[0], pQ->azWord[1], pQ->azWord[2])
        : sqlite3_mprintf("x1060_score(): \"%s\" must be true or false",
              zKey));
  }
  return SQLITE_OK;
}

/* The error for a missing answer q of rubric r. */
static int needs(int r, int q, char **pzErr){
  const Question *pQ = &aQuestion[r][q];
  return scoreFail(pzErr, sqlite3_mprintf("x1060_score(): the %s rubric "
      "needs \"%s\" (%s): %s", azRubric[r], pQ->zKey, pQ->azWord[0]
      ? "none, partial or full" : "true or false", pQ->zAsks));
}

/* The error for an impossible combination. */
static int impossible(const char *zWhy, char **pzErr){
  return scoreFail(pzErr, sqlite3_mprintf("x1060_score(): impossible "
                                          "answers: %s", zWhy));
}

/* Points 1..5 (0 for N/A) of the answers a[] to rubric r. */
static int scoreRubric(int r, const int *a, int *piPoints, char **pzErr){
  int q;
  if( a[Q_EXCLUDED]==1 ){
    for(q=1; q<NQ; q++){
      if( a[q]!=ABSENT ){
        return impossible("\"excluded\": true (decided not to implement) "
                          "goes with no other answer", pzErr);
      }
    }
    *piPoints = 0;
    return SQLITE_OK;
  }
  if( r==RUBRIC_IN ){
    if( a[Q_APPROVED]==1 && a[Q_DOCUMENTED]==0 ){
      return impossible("\"approved\": true needs \"documented\": true "
                        "(only a documented operation can be authorised)",
                        pzErr);
    }
    if( a[Q_WORKING]==ABSENT ) return needs(r, Q_WORKING, pzErr);
    if( a[Q_WORKING]==0 ){ *piPoints = 1; return SQLITE_OK; }
    if( a[Q_DOCUMENTED]==ABSENT ) return needs(r, Q_DOCUMENTED, pzErr);
    if( a[Q_DOCUMENTED]==1 && a[Q_APPROVED]==ABSENT ){
      return needs(r, Q_APPROVED, pzErr);
    }
    if( a[Q_DOCUMENTED]==1 && a[Q_APPROVED]==1 ){ *piPoints = 5; return 0; }
    if( a[Q_COVER]==ABSENT ) return needs(r, Q_COVER, pzErr);
    *piPoints = (a[Q_DOCUMENTED]==1 && a[Q_COVER]==2) ? 4
              : a[Q_COVER]>=1 ? 3 : 2;
    return SQLITE_OK;
  }
  if( a[Q_EXPECTED]==1 && (a[Q_CONTENT]==0 || a[Q_OUTPUT]==0) ){
    return impossible("\"as_expected\": true needs \"content_understood\" "
        "and \"output_understood\": true (what is expected must be "
        "understood)", pzErr);
  }
  if( a[Q_REVIEWED]==ABSENT ) return needs(r, Q_REVIEWED, pzErr);
  if( a[Q_REVIEWED]==0 ){ *piPoints = 1; return SQLITE_OK; }
  if( a[Q_CONTENT]==ABSENT ) return needs(r, Q_CONTENT, pzErr);
  if( a[Q_OUTPUT]==ABSENT ) return needs(r, Q_OUTPUT, pzErr);
  if( a[Q_CONTENT]+a[Q_OUTPUT]<2 ){
    *piPoints = 2 + a[Q_CONTENT] + a[Q_OUTPUT];
    return SQLITE_OK;
  }
  if( a[Q_EXPECTED]==ABSENT ) return needs(r, Q_EXPECTED, pzErr);
  *piPoints = a[Q_EXPECTED] ? 5 : 4;
  return SQLITE_OK;
}

/* Score the object node iObj of pJson on rubric r. */
static int scoreObject(const X1060Json *pJson, int iObj, int r,
                       int *piPoints, char **pzErr){
  int a[NQ];
  int rc = readAnswers(pJson, iObj, r, a, pzErr);
  if( rc==SQLITE_OK ) rc = scoreRubric(r, a, piPoints, pzErr);
  return rc;
}

/*
** Combination: {"insourcing": {...}, "outsourcing": {...}}, both scored;
** the result is the lower, N/A sides left out (both N/A: N/A).
*/
static int scoreCombination(const X1060Json *pJson, int *piPoints,
                            char **pzErr){
  int aObj[2] = { -1, -1 }, aPts[2], i, r, rc = SQLITE_OK;
  for(i=1; i<pJson->nNode; i++){
    if( pJson->aNode[i].iParent!=0 ) continue;
    for(r=0; r<2 && strcmp(x1060JsonKey(pJson, i), azRubric[r])!=0; r++){}
    if( r==2 || pJson->aNode[i].eType!=X1060_JSON_OBJECT ){
      return scoreFail(pzErr, sqlite3_mprintf("x1060_score(): a Combination "
          "is answered as {\"insourcing\": {...}, \"outsourcing\": {...}}; "
          "%Q is not allowed there", x1060JsonKey(pJson, i)));
    }
    aObj[r] = i;
  }
  for(r=0; rc==SQLITE_OK && r<2; r++){
    if( aObj[r]<0 ){
      return scoreFail(pzErr, sqlite3_mprintf("x1060_score(): a Combination "
          "needs the answers of both rubrics; \"%s\" is missing",
          azRubric[r]));
    }
    rc = scoreObject(pJson, aObj[r], r, &aPts[r], pzErr);
  }
  if( rc==SQLITE_OK ){
    *piPoints = aPts[0]==0 ? aPts[1] : aPts[1]==0 ? aPts[0]
              : aPts[0]<aPts[1] ? aPts[0] : aPts[1];
  }
  return rc;
}

/* See x1060_int.h. */
int x1060ScoreAnswers(int iAsg, const char *zAnswers, int nAnswers,
                      int *piPoints, char **pzErr){
  X1060Json json;
  int rc;
  memset(&json, 0, sizeof(json));
  *piPoints = 0;
  rc = x1060JsonRead(zAnswers, nAnswers, &json);
  if( rc==SQLITE_ERROR ){
    rc = scoreFail(pzErr, sqlite3_mprintf("x1060_score(): the answers are "
        "not valid JSON: %s", json.zErr));
  }else if( rc==SQLITE_OK && json.aNode[0].eType!=X1060_JSON_OBJECT ){
    rc = scoreFail(pzErr, sqlite3_mprintf("x1060_score(): the answers must "
        "be a JSON object, e.g. '{\"working\": true, ...}'"));
  }else if( rc==SQLITE_OK ){
    const char *zR = x1060Assignments[iAsg].zRubric;
    rc = strcmp(zR, "both")==0 ? scoreCombination(&json, piPoints, pzErr)
       : scoreObject(&json, 0, strcmp(zR, "outsourcing")==0, piPoints,
                     pzErr);
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
    char *zVal = x1060DescribeValue(argv[0]);
    rc = scoreFail(&zErr, zVal ? sqlite3_mprintf("x1060_score(): %s has no "
        "rubric; allowed: Insourcing, Outsourcing, Combination (an "
        "Unassigned service has nobody whose work could be assessed)",
        zVal) : 0);
    sqlite3_free(zVal);
  }else if( sqlite3_value_type(argv[1])!=SQLITE_TEXT ){
    rc = scoreFail(&zErr, sqlite3_mprintf("x1060_score(): the answers must be "
        "a JSON object as text, e.g. '{\"working\": true, ...}'"));
  }else{
    const char *z = (const char*)sqlite3_value_text(argv[1]);
    rc = z ? x1060ScoreAnswers(iAsg, z, sqlite3_value_bytes(argv[1]),
                               &iPoints, &zErr) : SQLITE_NOMEM;
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
