/*
** x1060: the rules of rules.c as SQL functions, for use on any data.
**
**   SELECT x1060_criterion('outsourcing', 3, 'ja');
**   SELECT x1060_quadrant('external', 'specialised');     -- 4
**   SELECT x1060_suggest('external', 'specialised');      -- Outsourcing
**   SELECT x1060_gap(2, 4), x1060_cycle('Insourcing', 2, 4); -- 2, short
**   SELECT x1060_achievement(as_is, to_be) FROM acme;     -- 0.0 .. 1.0
**
** All are deterministic and innocuous.  NULL in any argument gives NULL.
** Values are read as everywhere in x1060 (any case, Japanese names, scores
** as 3 or '3', 'N/A'); anything else is an error naming the function, the
** argument and what is allowed.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* Fail function zFunc: its argument v (named zArg) is not zWhat; zAllowed
** is what is. */
static void badArg(sqlite3_context *ctx, const char *zFunc, const char *zArg,
                   sqlite3_value *v, const char *zWhat, const char *zAllowed){
  char *zWho = sqlite3_mprintf("%s()", zFunc);
  char *zMsg = zWho ? x1060NotAllowedValue(sqlite3_context_db_handle(ctx),
                                           zWho, zArg, v, zWhat, zAllowed) : 0;
  if( zMsg ) sqlite3_result_error(ctx, zMsg, -1);
  else sqlite3_result_error_nomem(ctx);
  sqlite3_free(zMsg);
  sqlite3_free(zWho);
}

/* True if any of the argc arguments is NULL. */
static int anyNull(int argc, sqlite3_value **argv){
  int i;
  for(i=0; i<argc; i++){
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return 1;
  }
  return 0;
}

/* Index of the word of pVocab that v spells, or -1 after failing the
** function with a message listing what is allowed. */
static int argWord(sqlite3_context *ctx, const char *zFunc, const char *zArg,
                   const X1060Vocabulary *pVocab, sqlite3_value *v){
  int i;
  if( sqlite3_value_type(v)==SQLITE_TEXT && sqlite3_value_text(v)==0 ){
    sqlite3_result_error_nomem(ctx);
    return -1;
  }
  i = sqlite3_value_type(v)!=SQLITE_TEXT ? -1 : x1060VocabularyFind(
      pVocab, (const char*)sqlite3_value_text(v), sqlite3_value_bytes(v));
  if( i<0 ){
    int bJa = x1060ConnLanguage(sqlite3_context_db_handle(ctx));
    char *zAllowed = x1060VocabularyAllowed(pVocab, bJa);
    if( zAllowed ){
      badArg(ctx, zFunc, zArg, v, x1060VocabularyWhat(pVocab, bJa), zAllowed);
    }
    else sqlite3_result_error_nomem(ctx);
    sqlite3_free(zAllowed);
  }
  return i;
}

/* Score in v (1..5, or X1060_NONE for 'N/A'), or -2 after failing. */
static int argScore(sqlite3_context *ctx, const char *zFunc, const char *zArg,
                    sqlite3_value *v){
  sqlite3_int64 i = 0;
  int rc = x1060ReadScore(v, &i);
  if( rc==X1060_SCORE_NA ) return X1060_NONE;
  if( rc==SQLITE_OK ) return (int)i;
  if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
    return -2;
  }
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  badArg(ctx, zFunc, zArg, v, x1060TextOf(db, X1060_MSG_A_SCORE),
         x1060TextOf(db, X1060_MSG_SCORE_OR_NA));
  return -2;
}

/* x1060_quadrant(information, expertise) and x1060_suggest(...): the
** sourcing quadrant 1..4, or the assignment it suggests. */
static void quadrantFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *zFunc = (const char*)sqlite3_user_data(ctx);
  int iInfo, iExp, q;
  if( anyNull(argc, argv) ) return;
  iInfo = argWord(ctx, zFunc, "information", &x1060InformationVocabulary,
                  argv[0]);
  if( iInfo<0 ) return;
  iExp = argWord(ctx, zFunc, "expertise", &x1060ExpertiseVocabulary, argv[1]);
  if( iExp<0 ) return;
  q = x1060QuadrantOf(iInfo, iExp);
  if( zFunc[6]=='q' ){
    sqlite3_result_int(ctx, q);
  }else{
    sqlite3_result_text(ctx,
        x1060Assignments[x1060Quadrants[q-1].iAssignment].w.zName, -1,
        SQLITE_STATIC);
  }
}

/* x1060_gap(as_is, to_be): to_be - as_is; NULL when either is 'N/A'. */
static void gapFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iAsIs, iToBe, iGap;
  if( sqlite3_value_type(argv[0])==SQLITE_INTEGER
   && sqlite3_value_type(argv[1])==SQLITE_INTEGER ){
    /* two integer scores, the usual case: read here, without the general
    ** reader (argScore, x1060ReadScore), whose layers cost more than the
    ** subtraction (make bench) */
    sqlite3_int64 a = sqlite3_value_int64(argv[0]);
    sqlite3_int64 b = sqlite3_value_int64(argv[1]);
    if( a>=1 && a<=5 && b>=1 && b<=5 ){
      sqlite3_result_int(ctx, (int)(b - a));
      return;
    }
  }
  if( anyNull(argc, argv) ) return;
  if( (iAsIs = argScore(ctx, "x1060_gap", "as_is", argv[0]))==-2 ) return;
  if( (iToBe = argScore(ctx, "x1060_gap", "to_be", argv[1]))==-2 ) return;
  iGap = x1060GapOf(iAsIs, iToBe, 0);
  if( iGap!=X1060_NO_GAP ) sqlite3_result_int(ctx, iGap);
}

/* x1060_cycle(assignment, as_is, to_be): 'short' or 'long' for a positive
** gap, else NULL. */
static void cycleFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iAsg, iAsIs, iToBe, c;
  if( anyNull(argc, argv) ) return;
  iAsg = argWord(ctx, "x1060_cycle", "assignment", &x1060AssignmentVocabulary,
                 argv[0]);
  if( iAsg<0 ) return;
  if( (iAsIs = argScore(ctx, "x1060_cycle", "as_is", argv[1]))==-2 ) return;
  if( (iToBe = argScore(ctx, "x1060_cycle", "to_be", argv[2]))==-2 ) return;
  c = x1060CycleOf(iAsg, iAsIs, iToBe, 0);
  if( c!=X1060_NONE ){
    sqlite3_result_text(ctx, x1060Cycles[c].w.zName, -1, SQLITE_STATIC);
  }
}

/*
** x1060_criterion(assignment, points [, lang]): the rubric text for points
** 1..5 or 'N/A' under the rubric of assignment (Insourcing, Outsourcing,
** or the rubric names themselves), in English ('en') or Japanese ('ja');
** without lang, in the connection's language (x1060_language).
*/
static void criterionFunc(sqlite3_context *ctx, int argc,
                          sqlite3_value **argv){
  int iAsg, iPts, bJa = 0;
  if( anyNull(2, argv) ) return;        /* (a NULL lang: the connection's) */
  iAsg = argWord(ctx, "x1060_criterion", "assignment",
                 &x1060AssignmentVocabulary, argv[0]);
  if( iAsg<0 ) return;
  if( x1060Assignments[iAsg].zRubric==0
   || strcmp(x1060Assignments[iAsg].zRubric, "both")==0 ){
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    badArg(ctx, "x1060_criterion", "assignment", argv[0],
           x1060TextOf(db, X1060_MSG_A_RUBRIC),
           x1060TextOf(db, X1060_MSG_RUBRIC_ALLOWED));
    return;
  }
  if( (iPts = argScore(ctx, "x1060_criterion", "points", argv[1]))==-2 ){
    return;
  }
  {
    char *zErr = 0;
    int rc = x1060LangArg(sqlite3_context_db_handle(ctx),
                          argc==3 ? argv[2] : 0, "x1060_criterion", &bJa, &zErr);
    if( rc!=SQLITE_OK ){
      x1060ResultError(ctx, rc, zErr);
      sqlite3_free(zErr);
      return;
    }
  }
  sqlite3_result_text(ctx, x1060CriterionOf(iAsg, iPts, iPts==X1060_NONE,
                                            bJa), -1, SQLITE_STATIC);
}

/* The state of x1060_achievement(). */
typedef struct Achievement Achievement;
struct Achievement {
  sqlite3_int64 nScored;     /* rows with both scores */
  sqlite3_int64 nReached;    /* of which as_is >= to_be */
};

/* x1060_achievement(as_is, to_be) step: rows with a NULL or 'N/A' score
** are not scored and do not count. */
static void achievementStep(sqlite3_context *ctx, int argc,
                            sqlite3_value **argv){
  Achievement *p;
  int iAsIs, iToBe;
  if( anyNull(argc, argv) ) return;
  if( (iAsIs = argScore(ctx, "x1060_achievement", "as_is", argv[0]))==-2 ){
    return;
  }
  if( (iToBe = argScore(ctx, "x1060_achievement", "to_be", argv[1]))==-2 ){
    return;
  }
  if( iAsIs==X1060_NONE || iToBe==X1060_NONE ) return;
  p = (Achievement*)sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 ){ sqlite3_result_error_nomem(ctx); return; }
  p->nScored++;
  if( iAsIs>=iToBe ) p->nReached++;
}

/* x1060_achievement(): reached / scored, or NULL when nothing is scored. */
static void achievementFinal(sqlite3_context *ctx){
  Achievement *p = (Achievement*)sqlite3_aggregate_context(ctx, 0);
  if( p && p->nScored ){
    sqlite3_result_double(ctx, (double)p->nReached/(double)p->nScored);
  }
}

/* Register the rule functions: DETERMINISTIC, INNOCUOUS; but for
** x1060_criterion without lang, whose text follows the connection's
** language, so that no index or generated column may hold it. */
int x1060RegisterRuleFunctions(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
    int bDeterministic;
  } aFunc[] = {
    { "x1060_quadrant",  2, quadrantFunc, 1 },
    { "x1060_suggest",   2, quadrantFunc, 1 },
    { "x1060_gap",       2, gapFunc, 1 },
    { "x1060_cycle",     3, cycleFunc, 1 },
    { "x1060_criterion", 2, criterionFunc, 0 },
    { "x1060_criterion", 3, criterionFunc, 1 },
  };
  const int f = SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS;
  int rc = SQLITE_OK;
  int i;
  for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(aFunc); i++){
    rc = x1060CreateFunction(db, aFunc[i].zName, aFunc[i].nArg,
        aFunc[i].bDeterministic ? f : f & ~SQLITE_DETERMINISTIC,
        (void*)aFunc[i].zName, aFunc[i].xFunc, 0, 0);
  }
  if( rc==SQLITE_OK ){
    rc = x1060CreateFunction(db, "x1060_achievement", 2, f, 0, 0,
                                 achievementStep, achievementFinal);
  }
  return rc;
}
