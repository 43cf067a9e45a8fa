/*
** x1060: the rules over the framework data, in one place.
**
** The CDC table's derived columns (quadrant, suggested_assignment, gap,
** cycle, criterion) and the analysis functions use these and only these.
** The rules marked "project's reading" are documented in docs/reference.md.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* Quadrant 1..4 of the sourcing axes (Figure 5, project's reading):
** 1 internal/general, 2 internal/specialised, 3 external/general,
** 4 external/specialised. */
int x1060QuadrantOf(int eInformation, int eExpertise){
  return 1 + eInformation*2 + eExpertise;
}

/* The gap to_be - as_is (-4..4), or X1060_NO_GAP when either score is
** missing or the service is excluded from evaluation (rubric N/A).
** Negative gaps (target below the current score) are kept: the evaluation
** reports them.  (Not X1060_NONE, which is -1, a gap.) */
int x1060GapOf(int iAsIs, int iToBe, int bExcluded){
  if( bExcluded || iAsIs==X1060_NONE || iToBe==X1060_NONE ) return X1060_NO_GAP;
  return iToBe - iAsIs;
}

/*
** The management cycle (0 short, 1 long) that closes a positive gap, or
** X1060_NONE when there is no positive gap or no assignment decided.
** Project's reading: a gap needs the long cycle (more resources) when
** nobody is assigned (Unassigned) or the service is not working (as-is
** 1); otherwise today's assignment can close it (documenting, approving,
** reviewing a provider's output): the short cycle.
*/
int x1060CycleOf(int iAssignment, int iAsIs, int iToBe, int bExcluded){
  int iGap = x1060GapOf(iAsIs, iToBe, bExcluded);
  if( iGap==X1060_NO_GAP || iGap<=0 || iAssignment==X1060_NONE ){
    return X1060_NONE;
  }
  if( x1060Assignments[iAssignment].zRubric==0 ) return 1;
  return iAsIs<=1 ? 1 : 0;
}

/*
** The rubric criterion (English, or Japanese when bJa) that as-is score
** iPoints meets under assignment iAssignment, the rubric's N/A text when
** the service is excluded, or NULL: no score, no assignment, or an
** assignment without a rubric of its own (Combination, Unassigned).
*/
const char *x1060CriterionOf(int iAssignment, int iPoints, int bExcluded,
                             int bJa){
  const char *zRubric;
  int i;
  if( iAssignment==X1060_NONE ) return 0;
  zRubric = x1060Assignments[iAssignment].zRubric;
  if( zRubric==0 ) return 0;
  if( bExcluded ) iPoints = 0;
  else if( iPoints==X1060_NONE ) return 0;
  for(i=0; i<X1060_NRUBRIC; i++){
    const X1060Criterion *c = &x1060Criteria[i];
    if( c->iPoints==iPoints
     && strcmp(x1060Rubrics[c->iRubric].zName, zRubric)==0 ){
      return bJa ? c->zTextJa : c->zText;
    }
  }
  return 0;
}

/* See x1060_int.h.  The quadrant and its suggestion are read off
** x1060Quadrants, the long cycle off the assignments without a rubric (as
** x1060CycleOf). */
char *x1060DerivedSql(const char *zA){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i;
  sqlite3_str_appendf(pStr, "CASE WHEN %s.excluded=0 THEN %s.to_be-%s.as_is "
      "END AS gap, CASE %s.information||'/'||%s.expertise", zA, zA, zA, zA,
      zA);
  for(i=0; i<X1060_NQUADRANT; i++){
    const X1060Quadrant *q = &x1060Quadrants[i];
    sqlite3_str_appendf(pStr, " WHEN '%s/%s' THEN %d",
        x1060Information[q->eInformation].w.zName,
        x1060Expertise[q->eExpertise].w.zName,
        x1060QuadrantOf(q->eInformation, q->eExpertise));
  }
  sqlite3_str_appendf(pStr, " END AS quadrant, CASE %s.information||'/'||"
                      "%s.expertise", zA, zA);
  for(i=0; i<X1060_NQUADRANT; i++){
    const X1060Quadrant *q = &x1060Quadrants[i];
    sqlite3_str_appendf(pStr, " WHEN '%s/%s' THEN '%s'",
        x1060Information[q->eInformation].w.zName,
        x1060Expertise[q->eExpertise].w.zName,
        x1060Assignments[q->iAssignment].w.zName);
  }
  sqlite3_str_appendf(pStr, " END AS suggested_assignment, CASE WHEN "
      "%s.excluded=0 AND %s.to_be>%s.as_is AND %s.assignment IS NOT NULL "
      "THEN CASE WHEN %s.as_is<=1", zA, zA, zA, zA, zA);
  for(i=0; i<X1060_NASSIGNMENT; i++){
    if( x1060Assignments[i].zRubric==0 ){
      sqlite3_str_appendf(pStr, " OR %s.assignment='%s'", zA,
                          x1060Assignments[i].w.zName);
    }
  }
  sqlite3_str_appendf(pStr, " THEN '%s' ELSE '%s' END END AS cycle",
                      x1060Cycles[1].w.zName, x1060Cycles[0].w.zName);
  return sqlite3_str_finish(pStr);
}
