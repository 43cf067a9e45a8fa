/*
** x1060: x1060_report(cdc [, format [, lang]]), the state of a CDC as a
** document: Markdown (the default), one self-contained HTML page, or JSON.
**
**   .once report.html
**   SELECT x1060_report('acme', 'html');
**   SELECT x1060_report('acme', 'markdown', 'ja');
**
** Sections (aSection): the portfolio per category, the portfolio as
** X.1060 draws it (service, level, assignment, as-is, to-be), the
** findings of the evaluation, the roadmap in the short and the long cycle
** (each gap with its actions), the improvement actions and their summary
** per cycle, the answers behind the scores,
** the CDC through NIST CSF 2.0 and through the FIRST CSIRT Services
** Framework (the project's mapping), and the trend when there are
** snapshots.  Each is a query over the evaluation functions, rendered by
** one table writer per format.  The
** HTML page adds an SVG radar chart (as-is against to-be per category)
** and colours the scores as a heat map; it loads nothing from outside.
** Every value from the database is escaped for the format.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

#ifndef SQLITE_RESULT_SUBTYPE
# define SQLITE_RESULT_SUBTYPE 0x001000000
#endif

#define FMT_MARKDOWN 0
#define FMT_HTML     1
#define FMT_JSON     2

/* A section: its key (JSON), titles, column headers ('|'-separated) in
** English and Japanese, and its query (?1 the CDC table, ?2 the language;
** $T the CDC's services, see x1060FillSql). */
typedef struct Section Section;
struct Section {
  const char *zKey;
  const char *zTitle, *zTitleJa;
  const char *zHead, *zHeadJa;
  const char *zSql;
  int bOptional;              /* left out when it has no rows */
};

/* A CDC through framework fw (x1060_crosswalk_summary), for a section. */
#define CROSSWALK_SECTION_SQL(fw) \
  "SELECT ref_id, name, mapped, catalogued, scored, round(avg_as_is, 2) AS " \
  "avg_as_is, round(avg_to_be, 2) AS avg_to_be, " \
  "CAST(round(achievement*100) AS INT)||'%' AS achievement, gap_total FROM " \
  "x1060_crosswalk_summary(?1, '" fw "') ORDER BY rowid"

static const Section aSection[] = {
  { "summary", "Portfolio per category", "カテゴリ別のポートフォリオ",
    "Category|Name|Catalogued|Assigned|Scored|As-is|To-be|Achieved|Gap",
    "カテゴリ|名称|カタログ|割り当て|評価済み|現状|目標|達成率|ギャップ",
    "SELECT s.category AS category, CASE WHEN ?2='ja' THEN c.name_ja ELSE "
    "s.name END AS name, s.catalogued AS catalogued, s.assigned AS assigned,"
    " s.scored AS scored, round(s.avg_as_is, 2) AS avg_as_is, "
    "round(s.avg_to_be, 2) AS avg_to_be, CAST(round(s.achievement*100) AS "
    "INT)||'%' AS achievement, s.gap_total AS gap_total FROM "
    "x1060_summary(?1) s JOIN x1060_categories c USING (category)", 0 },
  { "portfolio", "Service portfolio", "サービスポートフォリオ",
    "Service|Name|Recommendation level|Service assignment|As-is|To-be",
    "サービス|名称|推奨レベル|割り当て|現状|目標",
    "SELECT service_id, CASE WHEN ?2='ja' THEN coalesce(name_ja, name) ELSE "
    "name END AS name, level, assignment||coalesce(' ('||CASE WHEN team IS "
    "NOT NULL AND outsourcer IS NOT NULL THEN team||' / '||outsourcer ELSE "
    "coalesce(team, outsourcer) END||')', '') AS assignment, CASE WHEN "
    "excluded THEN 'N/A' ELSE as_is END AS as_is, CASE WHEN excluded THEN "
    "'N/A' ELSE to_be END AS to_be FROM $T s WHERE "
    X1060_SQL_CATALOGUED("s") " ORDER BY rowid", 0 },
  { "findings", "Findings of the evaluation", "評価の指摘事項",
    "Process|Severity|Code|Message", "プロセス|重要度|コード|内容",
    "SELECT process, severity, code, message FROM x1060_evaluate(?1, ?2) "
    "ORDER BY CASE severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 "
    "END, rowid", 0 },
  { "roadmap_short", "Roadmap: short cycle (within today's resources)",
    "ロードマップ：短期サイクル（現状のリソース内）",
    "Rank|Service|Name|Level|As-is|To-be|Gap|Owner|Due|Actions",
    "順位|サービス|名称|レベル|現状|目標|ギャップ|責任者|期限|改善策",
    "SELECT r.rank, r.service_id, CASE WHEN ?2='ja' THEN coalesce(t.name_ja,"
    " r.name) ELSE r.name END AS name, r.level, r.as_is, r.to_be, r.gap, "
    "r.owner, r.due, r.plan FROM x1060_roadmap(?1) r JOIN $T t USING "
    "(service_id) WHERE r.cycle='short' ORDER BY r.rank", 0 },
  { "roadmap_long", "Roadmap: long cycle (needs more resources)",
    "ロードマップ：長期サイクル（リソースの増強が前提）",
    "Rank|Service|Name|Level|As-is|To-be|Gap|Owner|Due|Actions",
    "順位|サービス|名称|レベル|現状|目標|ギャップ|責任者|期限|改善策",
    "SELECT r.rank, r.service_id, CASE WHEN ?2='ja' THEN coalesce(t.name_ja,"
    " r.name) ELSE r.name END AS name, r.level, r.as_is, r.to_be, r.gap, "
    "r.owner, r.due, r.plan FROM x1060_roadmap(?1) r JOIN $T t USING "
    "(service_id) WHERE r.cycle='long' OR r.cycle IS NULL ORDER BY r.rank",
    0 },
  { "actions", "Improvement actions", "改善策",
    "Action|Service|Title|Cycle|Status|Progress|Owner|Due|Overdue|Effort "
    "(person-days)|Cost",
    "番号|サービス|件名|サイクル|状態|進捗|担当者|期限|期限超過|工数（人日）|費用",
    "SELECT a.action_id, coalesce(a.service_id, a.category, '-'), a.title, "
    "CASE WHEN ?2='ja' THEN y.name_ja ELSE a.cycle END, CASE WHEN ?2='ja' "
    "THEN t.name_ja ELSE a.status END, a.progress||'%', a.owner, a.due, "
    "CASE WHEN " X1060_SQL_OVERDUE("a") " THEN CASE WHEN ?2='ja' THEN '超過'"
    " ELSE 'overdue' END END, a.effort, a.cost||' '||a.currency FROM $X a "
    "JOIN x1060_action_statuses t ON t.name=a.status JOIN x1060_cycles y ON "
    "y.name=a.cycle ORDER BY a.action_id", 1 },
  { "cycles", "The improvement actions per cycle", "サイクル別の改善策",
    "Cycle|Actions|Open|Blocked|Done|Overdue|Done since the last snapshot|"
    "Effort (person-days)|Cost", "サイクル|改善策|未完了|停滞|完了|期限超過|"
    "前回スナップショット以降の完了|工数（人日）|費用",
    "SELECT CASE WHEN ?2='ja' THEN y.name_ja ELSE c.cycle END, c.actions, "
    "c.open, c.blocked, c.done, c.overdue, c.done_since, c.effort, "
    "c.cost||' '||c.currency FROM x1060_cycle_summary(?1) c JOIN x1060_cycles"
    " y ON y.name=c.cycle WHERE c.kind='cdc'", 1 },
  { "assessments", "The assessment behind the scores",
    "スコアの根拠（評価基準への回答）",
    "Service|Score|Assignment|Points|Answers|Evidence",
    "サービス|スコア|実施体制|点数|回答|根拠",
    "SELECT s.service_id, CASE q.side WHEN 'as_is' THEN CASE WHEN ?2='ja' "
    "THEN '現状' ELSE 'as-is' END ELSE CASE WHEN ?2='ja' THEN '目標' ELSE "
    "'to-be' END END, q.assignment, coalesce(q.score, 'N/A'), q.answers, "
    "q.evidence FROM $U q JOIN $D s ON s.seq_no=q.seq_no ORDER BY q.seq_no, "
    "q.side", 1 },
  { "csf", "Through NIST CSF 2.0 (the project's mapping)",
    "NIST CSF 2.0 から見た状態（本プロジェクトの対応付け）",
    "Function / category|Name|Mapped|Catalogued|Scored|As-is|To-be|Achieved|"
    "Gap", "機能／カテゴリ|名称|対応サービス|カタログ|評価済み|現状|目標|"
    "達成率|ギャップ", CROSSWALK_SECTION_SQL("csf"), 0 },
  { "first", "Through the FIRST CSIRT Services Framework 2.1 (the project's "
    "mapping)", "FIRST CSIRT サービスフレームワーク 2.1 から見た状態（本プロ"
    "ジェクトの対応付け）", "Area / service|Name|Mapped|Catalogued|Scored|"
    "As-is|To-be|Achieved|Gap", "エリア／サービス|名称|対応サービス|カタログ|"
    "評価済み|現状|目標|達成率|ギャップ", CROSSWALK_SECTION_SQL("first"), 0 },
  { "trend", "Trend over the snapshots", "スナップショットの推移",
    "Snapshot|Taken|Category|Scored|As-is|To-be|Achieved",
    "スナップショット|取得日時|カテゴリ|評価済み|現状|目標|達成率",
    "SELECT label, taken_at, category, scored, round(avg_as_is, 2) AS "
    "avg_as_is, round(avg_to_be, 2) AS avg_to_be, CAST(round(achievement*100)"
    " AS INT)||'%' AS achievement FROM x1060_trend(?1) WHERE EXISTS (SELECT "
    "1 FROM $N)", 1 },
};

/*
** Append text z for format eFmt so that nothing in it is live: no markup,
** no link, no image, no escape sequence for a terminal.
**   all formats: a control character (C0 but those below, DEL, C1) as
**     \u001B, a byte that is not UTF-8 as \xFF, so that the output is
**     valid, printable UTF-8 whatever the data;
**   HTML: & < > " ' as entities, a line break as <br>;
**   Markdown: & < > as entities; every character that makes Markdown
**     (links, images, emphasis, code, headings, tables) backslashed, and
**     "://", '@' and "www." too, so that no URL or address becomes a link;
**     line breaks and tabs as spaces (a table row is one line);
**   JSON: '"' and '\' backslashed, controls as \u00XX.
*/
static void appendEscaped(sqlite3_str *pOut, int eFmt, const char *z){
  const unsigned char *p = (const unsigned char*)z;
  int n = z ? (int)strlen(z) : 0, i = 0;
  while( i<n ){
    int nc = x1060Utf8CharLength(p+i, n-i);
    unsigned c = p[i];
    if( nc==0 ){
      /* (JSON has no \x: the replacement character stands for the byte) */
      if( eFmt==FMT_JSON ) sqlite3_str_appendall(pOut, "\\ufffd");
      else sqlite3_str_appendf(pOut, "\\x%02X", c);
      i++;
      continue;
    }
    if( (c=='\n' || c=='\r' || c=='\t') && eFmt!=FMT_JSON ){
      sqlite3_str_appendall(pOut, eFmt==FMT_HTML && c=='\n' ? "<br>"
                                  : eFmt==FMT_HTML && c=='\t' ? "\t" : " ");
    }else if( x1060IsControl(p+i, nc) ){
      sqlite3_str_appendf(pOut, "\\u%04X", nc==1 ? c : (unsigned)p[i+1]);
    }else if( eFmt==FMT_JSON ){
      if( c=='"' || c=='\\' ) sqlite3_str_appendchar(pOut, 1, '\\');
      sqlite3_str_append(pOut, (const char*)p+i, nc);
    }else if( c=='&' ){
      sqlite3_str_appendall(pOut, "&amp;");
    }else if( c=='<' ){
      sqlite3_str_appendall(pOut, "&lt;");
    }else if( c=='>' ){
      sqlite3_str_appendall(pOut, "&gt;");
    }else if( eFmt==FMT_HTML && (c=='"' || c=='\'') ){
      sqlite3_str_appendall(pOut, c=='"' ? "&quot;" : "&#39;");
    }else if( eFmt==FMT_MARKDOWN && nc==1 && (strchr("\\`*_[]#!~|@", (int)c)
           || (c==':' && p[i+1]=='/')
           || (c=='.' && i>=3 && sqlite3_strnicmp(z+i-3, "www", 3)==0)) ){
      sqlite3_str_appendchar(pOut, 1, '\\');
      sqlite3_str_appendchar(pOut, 1, (char)c);
    }else{
      sqlite3_str_append(pOut, (const char*)p+i, nc);
    }
    i += nc;
  }
}

/* Append the column headers zHead ('|'-separated) as a table head. */
static void appendHead(sqlite3_str *pOut, int eFmt, const char *zHead){
  const char *z;
  int n = 1;
  sqlite3_str_appendall(pOut, eFmt==FMT_HTML ? "<table><thead><tr>" : "|");
  for(z=zHead; *z; ){
    const char *zEnd = strchr(z, '|');
    int nz = zEnd ? (int)(zEnd-z) : (int)strlen(z);
    sqlite3_str_appendf(pOut, eFmt==FMT_HTML ? "<th>%.*s</th>" : " %.*s |",
                        nz, z);
    z += nz + (zEnd!=0);
    n += zEnd!=0;
  }
  if( eFmt==FMT_HTML ){
    sqlite3_str_appendall(pOut, "</tr></thead><tbody>\n");
  }else{
    sqlite3_str_appendall(pOut, "\n|");
    while( n-- ) sqlite3_str_appendall(pOut, "---|");
    sqlite3_str_appendall(pOut, "\n");
  }
}

/* The CSS class of a score cell in the HTML heat map, or NULL. */
static const char *scoreClass(sqlite3_stmt *pStmt, int i){
  static const char *const az[] = { "na", "s1", "s2", "s3", "s4", "s5" };
  const char *zCol = sqlite3_column_name(pStmt, i);
  const unsigned char *z = sqlite3_column_text(pStmt, i);
  if( zCol==0 || z==0 ) return 0;
  if( strcmp(zCol, "as_is")!=0 && strcmp(zCol, "to_be")!=0 ) return 0;
  if( z[0]=='N' ) return az[0];
  if( z[0]>='1' && z[0]<='5' && z[1]==0 ) return az[z[0]-'0'];
  return 0;
}

/* Append one row of pStmt as a table row. */
static void appendRow(sqlite3_str *pOut, int eFmt, sqlite3_stmt *pStmt){
  int i;
  sqlite3_str_appendall(pOut, eFmt==FMT_HTML ? "<tr>" : "|");
  for(i=0; i<sqlite3_column_count(pStmt); i++){
    const char *z = (const char*)sqlite3_column_text(pStmt, i);
    if( eFmt==FMT_HTML ){
      const char *zClass = scoreClass(pStmt, i);
      if( zClass ) sqlite3_str_appendf(pOut, "<td class=\"%s\">", zClass);
      else sqlite3_str_appendall(pOut, "<td>");
      appendEscaped(pOut, eFmt, z);
      sqlite3_str_appendall(pOut, "</td>");
    }else{
      sqlite3_str_appendall(pOut, " ");
      appendEscaped(pOut, eFmt, z);
      sqlite3_str_appendall(pOut, " |");
    }
  }
  sqlite3_str_appendall(pOut, eFmt==FMT_HTML ? "</tr>\n" : "\n");
}

/* The report's context: the connection, the CDC table, the options. */
typedef struct ReportDoc ReportDoc;
struct ReportDoc {
  sqlite3 *db;
  const char *zSchema, *zName;
  char *zCdc;                 /* "schema.name", for the evaluation functions */
  int eFmt;
  int bJa;
  int iFormat;                /* the storage's format (x1060FillSqlAt) */
  char *zErr;
};

/* Prepare zSql of a section with its placeholders filled in (for the
** storage's format: an older one has no actions) and ?1, ?2 bound. */
static int reportPrepare(ReportDoc *p, const char *zSql, sqlite3_stmt **ppStmt){
  int rc = x1060Prepare(p->db, x1060FillSqlAt(zSql, p->zSchema, p->zName,
                                              p->iFormat), ppStmt);
  if( rc==SQLITE_OK && sqlite3_bind_parameter_count(*ppStmt)>=1 ){
    rc = sqlite3_bind_text(*ppStmt, 1, p->zCdc, -1, SQLITE_STATIC);
  }
  if( rc==SQLITE_OK && sqlite3_bind_parameter_count(*ppStmt)>=2 ){
    rc = sqlite3_bind_text(*ppStmt, 2, p->bJa ? "ja" : "en", -1,
                           SQLITE_STATIC);
  }
  return rc;
}

/* Append section pSec as a Markdown or HTML table. */
static int appendSection(ReportDoc *p, sqlite3_str *pOut, const Section *pSec){
  sqlite3_stmt *pStmt = 0;
  int rc = reportPrepare(p, pSec->zSql, &pStmt), nRow = 0;
  const char *zTitle = p->bJa ? pSec->zTitleJa : pSec->zTitle;
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    if( nRow++==0 ){
      sqlite3_str_appendf(pOut, p->eFmt==FMT_HTML ? "<h2>%s</h2>\n"
                          : "## %s\n\n", zTitle);
      appendHead(pOut, p->eFmt, p->bJa ? pSec->zHeadJa : pSec->zHead);
    }
    appendRow(pOut, p->eFmt, pStmt);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK && nRow==0 && !pSec->bOptional ){
    sqlite3_str_appendf(pOut, p->eFmt==FMT_HTML ? "<h2>%s</h2>\n<p>%s</p>\n"
        : "## %s\n\n%s\n", zTitle, p->bJa ? "（該当なし）" : "(none)");
  }else if( rc==SQLITE_OK && nRow ){
    sqlite3_str_appendall(pOut, p->eFmt==FMT_HTML ? "</tbody></table>\n"
                                                 : "\n");
  }
  return rc;
}

/* Append z as a JSON string. */
static void appendJsonString(sqlite3_str *pOut, const char *z){
  sqlite3_str_appendchar(pOut, 1, '"');
  appendEscaped(pOut, FMT_JSON, z);
  sqlite3_str_appendchar(pOut, 1, '"');
}

/* Append section pSec as "key": [ {column: value, ...}, ... ]. */
static int appendJsonSection(ReportDoc *p, sqlite3_str *pOut,
                             const Section *pSec){
  sqlite3_stmt *pStmt = 0;
  int rc = reportPrepare(p, pSec->zSql, &pStmt), nRow = 0, i;
  sqlite3_str_appendf(pOut, ",\n\"%s\":[", pSec->zKey);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    sqlite3_str_appendall(pOut, nRow++ ? ",\n{" : "\n{");
    for(i=0; i<sqlite3_column_count(pStmt); i++){
      sqlite3_str_appendf(pOut, "%s\"%s\":", i ? "," : "",
                          sqlite3_column_name(pStmt, i));
      switch( sqlite3_column_type(pStmt, i) ){
        case SQLITE_NULL:    sqlite3_str_appendall(pOut, "null"); break;
        case SQLITE_INTEGER:
          sqlite3_str_appendf(pOut, "%lld", sqlite3_column_int64(pStmt, i));
          break;
        case SQLITE_FLOAT: {
          double r = sqlite3_column_double(pStmt, i);
          /* JSON has no Inf or NaN */
          if( r!=r || r>1e308 || r<-1e308 ) sqlite3_str_appendall(pOut, "null");
          else sqlite3_str_appendf(pOut, "%!.15g", r);
          break;
        }
        default:
          appendJsonString(pOut, (const char*)sqlite3_column_text(pStmt, i));
          break;
      }
    }
    sqlite3_str_appendall(pOut, "}");
  }
  sqlite3_str_appendall(pOut, "]");
  if( rc==SQLITE_OK ) return sqlite3_finalize(pStmt);
  sqlite3_finalize(pStmt);
  return rc;
}

/* The org, the edition and the time of the report, as three owned
** strings (org and edition may be NULL). */
static int reportHeader(ReportDoc *p, char **azOut){
  sqlite3_stmt *pStmt = 0;
  char *zSql = x1060FillSql("SELECT (SELECT org FROM $C), (SELECT edition "
      "FROM $C), strftime('%Y-%m-%d %H:%M UTC','now')", p->zSchema, p->zName);
  int rc = x1060Prepare(p->db, zSql, &pStmt);
  int i;
  for(i=0; i<3; i++) azOut[i] = 0;
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    for(i=0; rc==SQLITE_OK && i<3; i++){
      const unsigned char *z = sqlite3_column_text(pStmt, i);
      if( z && (azOut[i] = sqlite3_mprintf("%s", z))==0 ) rc = SQLITE_NOMEM;
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/*
** Append an SVG radar chart of the average as-is against to-be per
** category (0..5 on each of the nine axes).
*/
static int appendRadar(ReportDoc *p, sqlite3_str *pOut){
  static const double aCos[X1060_NCATEGORY] = { 0.0, 0.642788, 0.984808, 0.866025,
      0.342020, -0.342020, -0.866025, -0.984808, -0.642788 };
  static const double aSin[X1060_NCATEGORY] = { -1.0, -0.766044, -0.173648, 0.5,
      0.939693, 0.939693, 0.5, -0.173648, -0.766044 };
  double aVal[2][X1060_NCATEGORY];
  char azCat[X1060_NCATEGORY][2];
  sqlite3_stmt *pStmt = 0;
  int rc = reportPrepare(p, "SELECT category, coalesce(avg_as_is, 0), "
      "coalesce(avg_to_be, 0) FROM x1060_summary(?1)", &pStmt);
  int n = 0, i, k, r;
  while( rc==SQLITE_OK && n<X1060_NCATEGORY && sqlite3_step(pStmt)==SQLITE_ROW ){
    azCat[n][0] = (char)sqlite3_column_text(pStmt, 0)[0];
    azCat[n][1] = 0;
    aVal[0][n] = sqlite3_column_double(pStmt, 1);
    aVal[1][n] = sqlite3_column_double(pStmt, 2);
    n++;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc!=SQLITE_OK || n!=X1060_NCATEGORY ) return rc;
  sqlite3_str_appendf(pOut, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\""
      " viewBox=\"0 0 360 360\" width=\"360\" height=\"360\" role=\"img\" "
      "aria-label=\"%s\">\n", p->bJa ? "カテゴリ別の現状と目標" :
      "As-is against to-be per category");
  for(r=1; r<=5; r++){                       /* the grid: scores 1..5 */
    sqlite3_str_appendall(pOut, "<polygon class=\"grid\" points=\"");
    for(i=0; i<X1060_NCATEGORY; i++){
      sqlite3_str_appendf(pOut, "%.1f,%.1f ", 180+aCos[i]*28*r,
                          180+aSin[i]*28*r);
    }
    sqlite3_str_appendall(pOut, "\"/>\n");
  }
  for(i=0; i<X1060_NCATEGORY; i++){                        /* axes and their labels */
    sqlite3_str_appendf(pOut, "<line class=\"grid\" x1=\"180\" y1=\"180\" "
        "x2=\"%.1f\" y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\">%s</text>\n",
        180+aCos[i]*140, 180+aSin[i]*140, 176+aCos[i]*158,
        185+aSin[i]*158, azCat[i]);
  }
  for(k=1; k>=0; k--){                       /* to-be, then as-is on top */
    sqlite3_str_appendf(pOut, "<polygon class=\"%s\" points=\"",
                        k ? "tobe" : "asis");
    for(i=0; i<X1060_NCATEGORY; i++){
      sqlite3_str_appendf(pOut, "%.1f,%.1f ", 180+aCos[i]*28*aVal[k][i],
                          180+aSin[i]*28*aVal[k][i]);
    }
    sqlite3_str_appendall(pOut, "\"/>\n");
  }
  sqlite3_str_appendf(pOut, "</svg><figcaption><span class=\"key asis\">"
      "</span>%s <span class=\"key tobe\"></span>%s</figcaption></figure>\n",
      p->bJa ? "現状（平均）" : "as-is (average)",
      p->bJa ? "目標（平均）" : "to-be (average)");
  return SQLITE_OK;
}

/* The style of the HTML page: readable on screen and on paper. */
static const char zCss[] =
  "body{font-family:sans-serif;margin:2em;color:#222;max-width:70em}"
  "table{border-collapse:collapse;margin:0 0 1.5em 0;font-size:90%}"
  "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;"
  "vertical-align:top}th{background:#eee}"
  "td.s1{background:#f4a6a6}td.s2{background:#f7c99b}td.s3{background:"
  "#f5e79e}td.s4{background:#c6e5a8}td.s5{background:#9fd49a}td.na{"
  "background:#ddd}"
  "svg text{font-size:14px;font-weight:bold}"
  ".grid{fill:none;stroke:#bbb;stroke-width:1}"
  ".asis{fill:rgba(214,69,65,.35);stroke:#d64541;stroke-width:2}"
  ".tobe{fill:rgba(52,120,198,.15);stroke:#3478c6;stroke-width:2;"
  "stroke-dasharray:4 3}"
  ".key{display:inline-block;width:1em;height:1em;margin:0 .3em 0 1em;"
  "vertical-align:middle}span.asis{background:#d64541}span.tobe{"
  "background:#3478c6}"
  "@media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-"
  "inside:avoid}}";

/* Render the whole report into pOut. */
static int reportRender(ReportDoc *p, sqlite3_str *pOut){
  char *az[3];
  const char *zOrg, *zEd;
  int rc = reportHeader(p, az), i;
  zOrg = az[0] ? az[0] : p->zName;
  zEd = az[1] ? az[1] : "";
  if( rc==SQLITE_OK && p->eFmt==FMT_JSON ){
    sqlite3_str_appendall(pOut, "{\"format\":\"x1060-report\",\"org\":");
    appendJsonString(pOut, zOrg);
    sqlite3_str_appendf(pOut, ",\"cdc\":");
    appendJsonString(pOut, p->zName);
    sqlite3_str_appendall(pOut, ",\"edition\":");
    appendJsonString(pOut, zEd);
    sqlite3_str_appendall(pOut, ",\"generated_at\":");
    appendJsonString(pOut, az[2]);
    sqlite3_str_appendf(pOut, ",\"x1060_version\":\"%s\",\"lang\":\"%s\"",
        X1060_VERSION, p->bJa ? "ja" : "en");
    for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(aSection);
        i++){
      rc = appendJsonSection(p, pOut, &aSection[i]);
    }
    sqlite3_str_appendall(pOut, "\n}");
  }else if( rc==SQLITE_OK ){
    int bHtml = p->eFmt==FMT_HTML;
    const char *zTitle = p->bJa ? "X.1060 CDC レポート" : "X.1060 CDC report";
    if( bHtml ){
      sqlite3_str_appendf(pOut, "<!DOCTYPE html>\n<html lang=\"%s\"><head>"
          "<meta charset=\"utf-8\"><title>%s: ", p->bJa ? "ja" : "en", zTitle);
      appendEscaped(pOut, p->eFmt, zOrg);
      sqlite3_str_appendf(pOut, "</title><style>%s</style></head><body>\n"
                          "<h1>%s: ", zCss, zTitle);
    }else{
      sqlite3_str_appendf(pOut, "# %s: ", zTitle);
    }
    appendEscaped(pOut, p->eFmt, zOrg);
    sqlite3_str_appendf(pOut, bHtml ? "</h1>\n<p>" : "\n\n");
    sqlite3_str_appendall(pOut, p->bJa ? "CDC テーブル " : "CDC table ");
    appendEscaped(pOut, p->eFmt, p->zName);
    sqlite3_str_appendf(pOut, p->bJa ? "、ITU-T X.1060 (%s) に基づく、%s 作成"
        "（x1060 %s）" : ", ITU-T X.1060 (%s), made %s with x1060 %s", zEd,
        az[2], X1060_VERSION);
    sqlite3_str_appendall(pOut, bHtml ? "</p>\n" : "\n\n");
    if( bHtml ) rc = appendRadar(p, pOut);
    for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(aSection);
        i++){
      rc = appendSection(p, pOut, &aSection[i]);
    }
    if( bHtml ) sqlite3_str_appendall(pOut, "</body></html>\n");
  }
  for(i=0; i<3; i++) sqlite3_free(az[i]);
  return rc;
}

/* Read x1060_report's format and lang arguments into p; an error names
** the bad one. */
static int reportOptions(ReportDoc *p, int argc, sqlite3_value **argv){
  static const char *const azFmt[] = { "markdown", "html", "json" };
  const char *z;
  int i;
  if( argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    z = (const char*)sqlite3_value_text(argv[1]);
    for(i=0; i<3 && (z==0 || sqlite3_stricmp(z, azFmt[i])!=0); i++){}
    if( i==3 || sqlite3_value_type(argv[1])!=SQLITE_TEXT ){
      p->zErr = x1060NotAllowedValue("x1060_report()", "format", argv[1],
          "a format", "'markdown', 'html' or 'json'");
      return p->zErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    p->eFmt = i;
  }
  return x1060LangArg(argc>2 ? argv[2] : 0, "x1060_report", &p->bJa,
                      &p->zErr);
}

/* x1060_report(cdc [, format [, lang]]): the report as text (JSON with
** subtype J). */
static void reportFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  ReportDoc r;
  char *zSchema = 0, *zName = 0, *zOut;
  sqlite3_str *pOut = 0;
  int rc;
  memset(&r, 0, sizeof(r));
  r.db = sqlite3_context_db_handle(ctx);
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  rc = cdcResolve(r.db, argv[0], "x1060_report", &zSchema, &zName, &r.zErr);
  if( rc==SQLITE_OK ){
    /* the org and the snapshots are read directly: checked first */
    rc = cdcCheckRead(r.db, zSchema, zName, CDC_CHECK_CDC|CDC_CHECK_SNAPSHOTS|
                      CDC_CHECK_ACTIONS, "x1060_report", &r.zErr);
  }
  if( rc==SQLITE_OK ) rc = reportOptions(&r, argc, argv);
  if( rc==SQLITE_OK ) rc = x1060StoreFormat(r.db, zSchema, &r.iFormat);
  if( rc==SQLITE_OK ){
    r.zSchema = zSchema;
    r.zName = zName;
    r.zCdc = sqlite3_mprintf("%s.%s", zSchema, zName);
    pOut = sqlite3_str_new(r.db);
    rc = r.zCdc ? reportRender(&r, pOut) : SQLITE_NOMEM;
    if( rc==SQLITE_OK ) rc = sqlite3_str_errcode(pOut);
  }
  zOut = pOut ? sqlite3_str_finish(pOut) : 0;
  if( rc==SQLITE_OK ){
    sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
    if( r.eFmt==FMT_JSON ) sqlite3_result_subtype(ctx, 'J');
    zOut = 0;
  }else if( r.zErr ){
    sqlite3_result_error(ctx, r.zErr, -1);
  }else if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( rc==SQLITE_TOOBIG ){
    sqlite3_result_error_toobig(ctx);
  }else{
    char *zMsg = sqlite3_mprintf("x1060_report(): %s", sqlite3_errmsg(r.db));
    sqlite3_result_error(ctx, zMsg ? zMsg : "out of memory", -1);
    sqlite3_free(zMsg);
  }
  sqlite3_free(zOut);
  sqlite3_free(r.zErr);
  sqlite3_free(r.zCdc);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/* Register x1060_report: it reads the CDC it is named, of any schema, so
** it is DIRECTONLY (docs/security.md); JSON subtype. */
int x1060RegisterReport(sqlite3 *db){
  int rc = SQLITE_OK, n;
  for(n=1; rc==SQLITE_OK && n<=3; n++){
    rc = x1060CreateFunction(db, "x1060_report", n,
        SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, reportFunc,
        0, 0);
  }
  return rc;
}
