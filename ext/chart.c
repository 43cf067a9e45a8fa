/*
** x1060: the charts of the HTML report, as inline SVG that loads nothing.
**
** Each chart draws the average as-is against the average to-be of a few
** groups (categories, management phases, snapshots) on the rubric's scale,
** which starts at 1: there is no 0 to draw, and a group with nothing scored
** has no value (X1060_CHART_NONE) and says "not scored" instead of
** pretending to be a point.  As-is is a solid dark line or bar with round
** markers, to-be a dashed grey one with square markers, so that the two
** read apart in greyscale and in print; to-be is a target, never coloured
** as good or bad.  Each chart has a title and a text alternative (its
** values in words) for readers that do not see it.  Every label is
** escaped (x1060AppendEscaped): snapshot labels are the user's.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#define SCALE_MIN 1.0
#define SCALE_MAX 5.0

/* Whether v is a value on the scale (else the group is not scored). */
static int chartHas(double v){
  return v>=SCALE_MIN && v<=SCALE_MAX;
}

/* Append label z as the lines of an SVG text at x: broken at a space, or
** anywhere in text without spaces (Japanese), so that no line is wider
** than about nWide units (a CJK character counts two). */
static void chartWrapped(sqlite3_str *pOut, const char *z, double x, int nWide){
  int nLine = 0;
  while( z && *z ){
    int i = 0, w = 0, iCut = -1, iCutSp = -1;
    while( z[i] ){
      int nc = x1060Utf8CharLength((const unsigned char*)z+i, (int)strlen(z+i));
      if( nc==0 ) nc = 1;
      if( z[i]==' ' ) iCutSp = i;
      w += nc>1 ? 2 : 1;
      if( w>nWide ){ iCut = iCutSp>nWide/3 ? iCutSp : i; break; }
      i += nc;
    }
    if( iCut<0 ) iCut = i;
    if( nLine++ ) sqlite3_str_appendf(pOut, "<tspan x=\"%.1f\" dy=\"14\">", x);
    else sqlite3_str_appendall(pOut, "<tspan>");
    x1060AppendEscapedN(pOut, X1060_FMT_HTML, z, iCut);
    sqlite3_str_appendall(pOut, "</tspan>");
    z += iCut;
    while( *z==' ' ) z++;
  }
}

/* End the text element of group i's label at x: its name, wrapped, and
** "(not scored)" under it when it has no value. */
static void chartAxisLabel(sqlite3_str *pOut, const X1060Chart *p, int i,
                           double x, int nWide){
  chartWrapped(pOut, p->azLabel[i], x, nWide);
  if( !chartHas(p->aAsIs[i]) ){
    sqlite3_str_appendf(pOut, "<tspan class=\"none\" x=\"%.1f\" dy=\"14\">(",
                        x);
    x1060AppendEscaped(pOut, X1060_FMT_HTML, p->zNone);
    sqlite3_str_appendall(pOut, ")</tspan>");
  }
  sqlite3_str_appendall(pOut, "</text>\n");
}

/* Open the SVG of chart p, w by h, with its title and text alternative:
** the values of every group in words. */
static void chartOpen(sqlite3_str *pOut, const X1060Chart *p, int w, int h){
  int i;
  sqlite3_str_appendf(pOut, "<figure class=\"chart\"><svg xmlns=\"http://www"
      ".w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
      "role=\"img\" aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">", w, h,
      w, h, p->zId, p->zId, p->zId);
  x1060AppendEscaped(pOut, X1060_FMT_HTML, p->zTitle);
  sqlite3_str_appendf(pOut, "</title><desc id=\"%s-d\">", p->zId);
  for(i=0; i<p->n; i++){
    x1060AppendEscaped(pOut, X1060_FMT_HTML, p->azLabel[i]);
    if( chartHas(p->aAsIs[i]) ){
      sqlite3_str_appendf(pOut, ": %s %.2f, %s ", p->zAsIs, p->aAsIs[i],
                          p->zToBe);
      if( chartHas(p->aToBe[i]) ) sqlite3_str_appendf(pOut, "%.2f", p->aToBe[i]);
      else x1060AppendEscaped(pOut, X1060_FMT_HTML, p->zNone);
    }else{
      sqlite3_str_appendall(pOut, ": ");
      x1060AppendEscaped(pOut, X1060_FMT_HTML, p->zNone);
    }
    sqlite3_str_appendall(pOut, i+1<p->n ? "; " : ".");
  }
  sqlite3_str_appendall(pOut, "</desc>\n");
}

/* The legend at (x, y): a solid line with a round marker for as-is, a
** dashed one with a square marker for to-be. */
static void chartLegend(sqlite3_str *pOut, const X1060Chart *p, int x, int y){
  sqlite3_str_appendf(pOut, "<g class=\"legend\"><line class=\"asis\" x1=\"%d\""
      " y1=\"%d\" x2=\"%d\" y2=\"%d\"/><circle class=\"asis\" cx=\"%d\" "
      "cy=\"%d\" r=\"4\"/><text x=\"%d\" y=\"%d\">", x, y, x+30, y, x+15, y,
      x+38, y+4);
  x1060AppendEscaped(pOut, X1060_FMT_HTML, p->zAsIs);
  sqlite3_str_appendf(pOut, "</text><line class=\"tobe\" x1=\"%d\" y1=\"%d\" "
      "x2=\"%d\" y2=\"%d\"/><rect class=\"tobe\" x=\"%d\" y=\"%d\" width=\"8\""
      " height=\"8\"/><text x=\"%d\" y=\"%d\">", x, y+20, x+30, y+20, x+11,
      y+16, x+38, y+24);
  x1060AppendEscaped(pOut, X1060_FMT_HTML, p->zToBe);
  sqlite3_str_appendall(pOut, "</text></g>\n");
}

/* A marker at (x, y): round for as-is (k 0), square for to-be (k 1). */
static void chartMarker(sqlite3_str *pOut, int k, double x, double y){
  if( k==0 ){
    sqlite3_str_appendf(pOut, "<circle class=\"asis\" cx=\"%.1f\" cy=\"%.1f\" "
                        "r=\"4\"/>", x, y);
  }else{
    sqlite3_str_appendf(pOut, "<rect class=\"tobe\" x=\"%.1f\" y=\"%.1f\" "
                        "width=\"8\" height=\"8\"/>", x-4, y-4);
  }
}

/* The radar's geometry: nine axes clockwise from the top; ring 1 at
** radius RADAR_R1 (the centre is below the scale: nothing is drawn
** there), ring 5 at RADAR_R5. */
#define RADAR_CX 410.0
#define RADAR_CY 230.0
#define RADAR_R1 30.0
#define RADAR_R5 150.0
static const double aRadarCos[X1060_NCATEGORY] = { 0.0, 0.642788, 0.984808,
    0.866025, 0.342020, -0.342020, -0.866025, -0.984808, -0.642788 };
static const double aRadarSin[X1060_NCATEGORY] = { -1.0, -0.766044,
    -0.173648, 0.5, 0.939693, 0.939693, 0.5, -0.173648, -0.766044 };

/* The radius of value v on the radar. */
static double radarRadius(double v){
  return RADAR_R1 + (v-SCALE_MIN)*(RADAR_R5-RADAR_R1)/(SCALE_MAX-SCALE_MIN);
}

/* Draw series k (0 as-is, 1 to-be) of the radar: a closed polygon when
** every axis has a value, else the segments between neighbouring axes
** that both have one; a marker on each value. */
static void radarSeries(sqlite3_str *pOut, const X1060Chart *p, int k){
  const double *a = k ? p->aToBe : p->aAsIs;
  const char *zClass = k ? "tobe" : "asis";
  int i, nHas = 0;
  for(i=0; i<p->n; i++) nHas += chartHas(a[i]);
  if( nHas==p->n ){
    sqlite3_str_appendf(pOut, "<polygon class=\"%s area\" points=\"", zClass);
    for(i=0; i<p->n; i++){
      sqlite3_str_appendf(pOut, "%.1f,%.1f ",
          RADAR_CX+aRadarCos[i]*radarRadius(a[i]),
          RADAR_CY+aRadarSin[i]*radarRadius(a[i]));
    }
    sqlite3_str_appendall(pOut, "\"/>\n");
  }else{
    for(i=0; i<p->n; i++){
      int j = (i+1)%p->n;
      if( !chartHas(a[i]) || !chartHas(a[j]) ) continue;
      sqlite3_str_appendf(pOut, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" "
          "x2=\"%.1f\" y2=\"%.1f\"/>\n", zClass,
          RADAR_CX+aRadarCos[i]*radarRadius(a[i]),
          RADAR_CY+aRadarSin[i]*radarRadius(a[i]),
          RADAR_CX+aRadarCos[j]*radarRadius(a[j]),
          RADAR_CY+aRadarSin[j]*radarRadius(a[j]));
    }
  }
  for(i=0; i<p->n; i++){
    if( !chartHas(a[i]) ) continue;
    chartMarker(pOut, k, RADAR_CX+aRadarCos[i]*radarRadius(a[i]),
                RADAR_CY+aRadarSin[i]*radarRadius(a[i]));
  }
}

/* See x1060_int.h. */
void x1060ChartRadar(sqlite3_str *pOut, const X1060Chart *p){
  int i, r;
  if( p->n!=X1060_NCATEGORY ) return;
  chartOpen(pOut, p, 820, 480);
  for(r=1; r<=5; r++){                       /* the rings 1..5, labelled */
    sqlite3_str_appendall(pOut, "<polygon class=\"grid\" points=\"");
    for(i=0; i<p->n; i++){
      sqlite3_str_appendf(pOut, "%.1f,%.1f ",
          RADAR_CX+aRadarCos[i]*radarRadius(r),
          RADAR_CY+aRadarSin[i]*radarRadius(r));
    }
    sqlite3_str_appendf(pOut, "\"/><text class=\"tick\" x=\"%.1f\" "
        "y=\"%.1f\">%d</text>\n", RADAR_CX+4, RADAR_CY-radarRadius(r)+12, r);
  }
  for(i=0; i<p->n; i++){                     /* the axes and their names */
    double x = RADAR_CX+aRadarCos[i]*(RADAR_R5+14);
    double y = RADAR_CY+aRadarSin[i]*(RADAR_R5+14)+4;
    const char *zAnchor = aRadarCos[i]>0.2 ? "start" : aRadarCos[i]<-0.2
                          ? "end" : "middle";
    if( aRadarSin[i]<-0.9 ) y -= 20;
    sqlite3_str_appendf(pOut, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
        "x2=\"%.1f\" y2=\"%.1f\"/><text class=\"axis\" x=\"%.1f\" y=\"%.1f\" "
        "text-anchor=\"%s\">", RADAR_CX+aRadarCos[i]*RADAR_R1,
        RADAR_CY+aRadarSin[i]*RADAR_R1, RADAR_CX+aRadarCos[i]*RADAR_R5,
        RADAR_CY+aRadarSin[i]*RADAR_R5, x, y, zAnchor);
    chartAxisLabel(pOut, p, i, x, 30);
  }
  radarSeries(pOut, p, 1);
  radarSeries(pOut, p, 0);
  chartLegend(pOut, p, 10, 440);
  sqlite3_str_appendall(pOut, "</svg></figure>\n");
}

/* The bars' geometry: the scale 1..5 from BAR_X1 to BAR_X5. */
#define BAR_X1 220.0
#define BAR_X5 560.0
#define BAR_ROW 46
static double barX(double v){
  return BAR_X1 + (v-SCALE_MIN)*(BAR_X5-BAR_X1)/(SCALE_MAX-SCALE_MIN);
}

/* See x1060_int.h. */
void x1060ChartBars(sqlite3_str *pOut, const X1060Chart *p){
  int h = 60 + BAR_ROW*p->n + 40, i, r;
  chartOpen(pOut, p, 660, h);
  for(r=1; r<=5; r++){                       /* the scale, labelled */
    sqlite3_str_appendf(pOut, "<line class=\"grid\" x1=\"%.1f\" y1=\"40\" "
        "x2=\"%.1f\" y2=\"%d\"/><text class=\"tick\" x=\"%.1f\" y=\"34\" "
        "text-anchor=\"middle\">%d</text>\n", barX(r), barX(r),
        50+BAR_ROW*p->n, barX(r), r);
  }
  for(i=0; i<p->n; i++){
    int y = 50 + BAR_ROW*i;
    sqlite3_str_appendf(pOut, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" "
        "text-anchor=\"end\">", BAR_X1-10, y+22);
    x1060AppendEscaped(pOut, X1060_FMT_HTML, p->azLabel[i]);
    sqlite3_str_appendall(pOut, "</text>");
    if( !chartHas(p->aAsIs[i]) ){
      sqlite3_str_appendf(pOut, "<text class=\"none\" x=\"%.1f\" y=\"%d\">",
                          BAR_X1+6, y+22);
      x1060AppendEscaped(pOut, X1060_FMT_HTML, p->zNone);
      sqlite3_str_appendall(pOut, "</text>\n");
      continue;
    }
    if( chartHas(p->aToBe[i]) ){
      sqlite3_str_appendf(pOut, "<rect class=\"tobe\" x=\"%.1f\" y=\"%d\" "
          "width=\"%.1f\" height=\"28\"/>", BAR_X1, y+4,
          barX(p->aToBe[i])-BAR_X1);
    }
    sqlite3_str_appendf(pOut, "<rect class=\"asis bar\" x=\"%.1f\" y=\"%d\" "
        "width=\"%.1f\" height=\"14\"/><text class=\"value\" x=\"%.1f\" "
        "y=\"%d\">%.1f", BAR_X1, y+11, barX(p->aAsIs[i])-BAR_X1,
        BAR_X5+10, y+22, p->aAsIs[i]);
    if( chartHas(p->aToBe[i]) ){
      sqlite3_str_appendf(pOut, " \xe2\x86\x92 %.1f", p->aToBe[i]);
    }
    sqlite3_str_appendall(pOut, "</text>\n");
  }
  chartLegend(pOut, p, 10, h-30);
  sqlite3_str_appendall(pOut, "</svg></figure>\n");
}

/* The line chart's geometry: 1 at LINE_Y1, 5 at LINE_Y5; points LINE_DX
** apart from LINE_X0. */
#define LINE_Y1 250.0
#define LINE_Y5 40.0
#define LINE_X0 90
#define LINE_DX 110
static double lineY(double v){
  return LINE_Y1 - (v-SCALE_MIN)*(LINE_Y1-LINE_Y5)/(SCALE_MAX-SCALE_MIN);
}

/* Draw series k (0 as-is, 1 to-be) of the line chart: segments between
** neighbouring points that both have a value, a marker on each, and the
** as-is values written above. */
static void lineSeries(sqlite3_str *pOut, const X1060Chart *p, int k){
  const double *a = k ? p->aToBe : p->aAsIs;
  int i;
  for(i=0; i+1<p->n; i++){
    if( !chartHas(a[i]) || !chartHas(a[i+1]) ) continue;
    sqlite3_str_appendf(pOut, "<line class=\"%s\" x1=\"%d\" y1=\"%.1f\" "
        "x2=\"%d\" y2=\"%.1f\"/>", k ? "tobe" : "asis", LINE_X0+LINE_DX*i,
        lineY(a[i]), LINE_X0+LINE_DX*(i+1), lineY(a[i+1]));
  }
  for(i=0; i<p->n; i++){
    if( !chartHas(a[i]) ) continue;
    chartMarker(pOut, k, LINE_X0+LINE_DX*i, lineY(a[i]));
    sqlite3_str_appendf(pOut, "<text class=\"value\" x=\"%d\" y=\"%.1f\" "
        "text-anchor=\"middle\">%.2f</text>", LINE_X0+LINE_DX*i,
        lineY(a[i]) + (k ? -10 : 18), a[i]);
  }
  sqlite3_str_appendall(pOut, "\n");
}

/* See x1060_int.h. */
void x1060ChartLine(sqlite3_str *pOut, const X1060Chart *p){
  int w = LINE_X0 + LINE_DX*(p->n>1 ? p->n-1 : 1) + 80, i, r;
  if( w<660 ) w = 660;
  chartOpen(pOut, p, w, 340);
  for(r=1; r<=5; r++){
    sqlite3_str_appendf(pOut, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" "
        "x2=\"%d\" y2=\"%.1f\"/><text class=\"tick\" x=\"%d\" y=\"%.1f\" "
        "text-anchor=\"end\">%d</text>\n", LINE_X0-30, lineY(r), w-20,
        lineY(r), LINE_X0-36, lineY(r)+4, r);
  }
  for(i=0; i<p->n; i++){
    sqlite3_str_appendf(pOut, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" "
        "text-anchor=\"middle\">", LINE_X0+LINE_DX*i, LINE_Y1+24);
    chartAxisLabel(pOut, p, i, LINE_X0+LINE_DX*i, 18);
  }
  lineSeries(pOut, p, 1);
  lineSeries(pOut, p, 0);
  chartLegend(pOut, p, 10, 306);
  sqlite3_str_appendall(pOut, "</svg></figure>\n");
}
