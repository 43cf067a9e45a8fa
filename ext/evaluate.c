/*
** x1060: the evaluation process, as table-valued functions over a CDC.
**
**   SELECT * FROM x1060_evaluate('acme');          -- findings
**   SELECT * FROM x1060_evaluate('acme', 'ja', 0.4);
**   SELECT * FROM x1060_summary('acme');           -- per category
**   SELECT * FROM x1060_roadmap('acme');           -- gaps, in order
**   SELECT * FROM x1060_trend('acme');             -- per snapshot
**   SELECT * FROM x1060_compare('acme', 'FY2026-H1', 'current');
**
** One module serves them all: a report (aReport) is its columns, its
** arguments (hidden columns; the first, the CDC table, is required) and
** the SQL that computes it from the CDC's services (read through
** x1060_cdc_services, so that damaged rows are refused) and its snapshots.
** The SQL is written with the placeholders of x1060FillSql ($T the
** services, $N the snapshots), prepared once per schema with the CDC bound
** as X1060_CDC_PARAM; the other arguments are bound as ?1...
** Every formula is in README.md ("The evaluation process").
*/
#include "cdc.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* Parts of the findings' SQL. */
#define CAT "(d.level IS NOT NULL AND d.level<>'Unnecessary')"
#define ASSIGNED "d.assignment IN ('Insourcing','Outsourcing','Combination')"
#define BY_LEVEL "CASE d.level WHEN 'Basic' THEN 'error' WHEN 'Standard' " \
                 "THEN 'warning' ELSE 'info' END"
#define JA "?1='ja'"
#define SVC "d.service_id, d.name"

/* One kind of finding: its SQL returns (process, service_id, severity,
** code, message, ord). */
static const char *const azFinding[] = {
  /* catalogue: a service without a level */
  "SELECT 'catalogue', d.service_id, 'warning', 'no-level', CASE WHEN " JA
  " THEN printf('%s %s：推奨レベルが未定です', " SVC ") ELSE printf('%s %s:"
  " no recommendation level yet', " SVC ") END, d.rowid FROM $T d"
  " WHERE d.level IS NULL",
  /* catalogue: a whole category Unnecessary */
  "SELECT 'catalogue', NULL, 'warning', 'category-unnecessary', CASE WHEN "
  JA " THEN printf('カテゴリ %s（%s）のサービスがすべて Unnecessary です。"
  "カテゴリ全体が本当に不要か確認してください', c.category, c.name_ja) ELSE"
  " printf('category %s (%s): every service is Unnecessary; is the whole "
  "category really out of scope?', c.category, c.name) END, 0"
  " FROM x1060_categories c JOIN (SELECT category, count(*) AS n, "
  "sum(level='Unnecessary') AS u FROM $T GROUP BY category) s"
  " ON s.category=c.category WHERE s.n=s.u",
  /* profile: catalogued, nobody assigned */
  "SELECT 'profile', d.service_id, " BY_LEVEL ", 'unassigned', CASE WHEN "
  JA " THEN printf('%s %s（%s）：%s', " SVC ", d.level, CASE WHEN "
  "d.assignment IS NULL THEN '実施体制（アサイン）が未定です' ELSE "
  "'Unassigned：担当者がいません' END) ELSE printf('%s %s (%s): %s', " SVC
  ", d.level, CASE WHEN d.assignment IS NULL THEN 'no assignment decided' "
  "ELSE 'Unassigned: nobody performs it' END) END, d.rowid FROM $T d WHERE "
  CAT " AND (d.assignment IS NULL OR d.assignment='Unassigned')",
  /* profile: the team in charge not named */
  "SELECT 'profile', d.service_id, 'warning', 'no-team', CASE WHEN " JA
  " THEN printf('%s %s：%s ですが担当チームが記入されていません', " SVC
  ", d.assignment) ELSE printf('%s %s: %s, but no team in charge is named',"
  " " SVC ", d.assignment) END, d.rowid FROM $T d WHERE d.assignment IN "
  "('Insourcing','Combination') AND d.team IS NULL",
  /* profile: the outsourcer not named */
  "SELECT 'profile', d.service_id, 'warning', 'no-outsourcer', CASE WHEN "
  JA " THEN printf('%s %s：%s ですが委託先が記入されていません', " SVC
  ", d.assignment) ELSE printf('%s %s: %s, but no outsourcer is named', "
  SVC ", d.assignment) END, d.rowid FROM $T d WHERE d.assignment IN "
  "('Outsourcing','Combination') AND d.outsourcer IS NULL",
  /* profile: an assignment against the quadrant's suggestion */
  "SELECT 'profile', d.service_id, 'info', 'against-quadrant', CASE WHEN "
  JA " THEN printf('%s %s：%s ですが、ソーシング象限 %d（%s・%s）は %s を"
  "示唆します', " SVC ", d.assignment, d.quadrant, d.information, "
  "d.expertise, d.suggested_assignment) ELSE printf('%s %s: %s, while its "
  "sourcing quadrant %d (%s information, %s expertise) suggests %s', " SVC
  ", d.assignment, d.quadrant, d.information, d.expertise, "
  "d.suggested_assignment) END, d.rowid FROM $T d WHERE " ASSIGNED
  " AND d.suggested_assignment IS NOT NULL AND "
  "d.assignment<>d.suggested_assignment",
  /* profile: one performer carries too large a share */
  "SELECT 'profile', NULL, 'warning', 'team-load', CASE WHEN " JA
  " THEN printf('%s が割り当て済みサービス %d 件中 %d 件（%d%%）を担って"
  "います（上限 %d%%）', w.who, t.n, w.k, w.k*100/t.n, CAST(?2*100 AS INT))"
  " ELSE printf('%s performs %d of the %d assigned services (%d%%), more "
  "than the limit of %d%%', w.who, w.k, t.n, w.k*100/t.n, CAST(?2*100 AS "
  "INT)) END, -w.k FROM (SELECT who, count(*) AS k FROM (SELECT d.team AS "
  "who FROM $T d WHERE " CAT " AND d.assignment IN "
  "('Insourcing','Combination') AND d.team IS NOT NULL UNION ALL SELECT "
  "d.outsourcer FROM $T d WHERE " CAT " AND d.assignment IN "
  "('Outsourcing','Combination') AND d.outsourcer IS NOT NULL) GROUP BY "
  "who) w, (SELECT count(*) AS n FROM $T d WHERE " CAT " AND " ASSIGNED
  ") t WHERE t.n>=5 AND w.k>?2*t.n",
  /* portfolio: catalogued, not scored */
  "SELECT 'portfolio', d.service_id, 'warning', 'not-scored', CASE WHEN "
  JA " THEN printf('%s %s：%s が未評価です', " SVC ", CASE WHEN d.as_is IS "
  "NULL AND d.to_be IS NULL THEN '現状と目標' WHEN d.as_is IS NULL THEN "
  "'現状' ELSE '目標' END) ELSE printf('%s %s: no %s score', " SVC ", CASE"
  " WHEN d.as_is IS NULL AND d.to_be IS NULL THEN 'as-is or to-be' WHEN "
  "d.as_is IS NULL THEN 'as-is' ELSE 'to-be' END) END, d.rowid FROM $T d "
  "WHERE " CAT " AND d.excluded=0 AND (d.as_is IS NULL OR d.to_be IS NULL)",
  /* portfolio: a target below today */
  "SELECT 'portfolio', d.service_id, 'warning', 'target-below-current', "
  "CASE WHEN " JA " THEN printf('%s %s：目標 %d が現状 %d を下回っています',"
  " " SVC ", d.to_be, d.as_is) ELSE printf('%s %s: the target %d is below "
  "the current score %d', " SVC ", d.to_be, d.as_is) END, d.rowid FROM $T "
  "d WHERE d.excluded=0 AND d.to_be<d.as_is",
  /* portfolio: the gap analysis, targets not reached */
  "SELECT 'portfolio', d.service_id, " BY_LEVEL ", 'gap', CASE WHEN " JA
  " THEN printf('%s %s（%s）：現状 %d、目標 %d、ギャップ %d（%s）', " SVC
  ", d.level, d.as_is, d.to_be, d.gap, CASE d.cycle WHEN 'short' THEN "
  "'短期サイクル' WHEN 'long' THEN '長期サイクル' ELSE '-' END) ELSE "
  "printf('%s %s (%s): as-is %d, target %d, gap %d (%s cycle)', " SVC
  ", d.level, d.as_is, d.to_be, d.gap, coalesce(d.cycle, 'no')) END, "
  "d.rowid FROM $T d WHERE " CAT " AND d.gap>0",
  /* portfolio: scores on a service that is not catalogued */
  "SELECT 'portfolio', d.service_id, 'warning', 'scored-not-catalogued', "
  "CASE WHEN " JA " THEN printf('%s %s：カタログにない（%s）サービスに評価"
  "が付いています', " SVC ", coalesce(d.level, 'レベル未定')) ELSE printf("
  "'%s %s: scored, but not in the catalogue (%s)', " SVC ", "
  "coalesce(d.level, 'no level')) END, d.rowid FROM $T d WHERE NOT " CAT
  " AND (d.as_is IS NOT NULL OR d.to_be IS NOT NULL)",
  /* portfolio: scores on an excluded service */
  "SELECT 'portfolio', d.service_id, 'warning', 'scored-excluded', CASE "
  "WHEN " JA " THEN printf('%s %s：評価外（N/A）のサービスに評価が付いて"
  "います', " SVC ") ELSE printf('%s %s: excluded from evaluation (N/A), "
  "yet scored', " SVC ") END, d.rowid FROM $T d WHERE d.excluded=1 AND "
  "(d.as_is IS NOT NULL OR d.to_be IS NOT NULL)",
};

/* The SQL of x1060_evaluate: every kind of finding, in process order. */
static char *evaluateSql(void){
  sqlite3_str *pStr = sqlite3_str_new(0);
  size_t i;
  sqlite3_str_appendall(pStr, "SELECT process, service_id, severity, code, "
      "message FROM (SELECT NULL AS process, NULL AS service_id, NULL AS "
      "severity, NULL AS code, NULL AS message, NULL AS ord WHERE 0");
  for(i=0; i<sizeof(azFinding)/sizeof(azFinding[0]); i++){
    sqlite3_str_appendf(pStr, " UNION ALL %s", azFinding[i]);
  }
  sqlite3_str_appendall(pStr, ") ORDER BY CASE process WHEN 'catalogue' "
      "THEN 1 WHEN 'profile' THEN 2 ELSE 3 END, ord, code, message");
  return sqlite3_str_finish(pStr);
}

/* Per category: the counts and averages of README's formulas. */
#define SUMMARY_COLUMNS \
  "count(*) FILTER (WHERE cat) AS catalogued, " \
  "count(*) FILTER (WHERE cat AND assignment IN ('Insourcing','Outsourcing'," \
  "'Combination')) AS assigned, " \
  "count(*) FILTER (WHERE sco) AS scored, " \
  "avg(as_is) FILTER (WHERE sco) AS avg_as_is, " \
  "avg(to_be) FILTER (WHERE sco) AS avg_to_be, " \
  "CAST(count(*) FILTER (WHERE sco AND as_is>=to_be) AS REAL) / " \
  "nullif(count(*) FILTER (WHERE sco), 0) AS achievement, " \
  "sum(max(to_be-as_is, 0)) FILTER (WHERE sco) AS gap_total"

/* The rows of a CDC or a snapshot with the flags cat (catalogued) and sco
** (scored: catalogued, both scores, not excluded). */
#define FLAGGED(cols, src) \
  "SELECT " cols ", level IS NOT NULL AND level<>'Unnecessary' AS cat, " \
  "level IS NOT NULL AND level<>'Unnecessary' AND as_is IS NOT NULL AND " \
  "to_be IS NOT NULL AND excluded=0 AS sco FROM " src

/* (grouped before the join, over only the columns it needs: the CDC's
** rows are read once, narrow, with no index built per call) */
static const char zSummarySql[] =
  "SELECT c.category, c.name, c.phase, coalesce(d.catalogued, 0), "
  "coalesce(d.assigned, 0), coalesce(d.scored, 0), d.avg_as_is, d.avg_to_be,"
  " d.achievement, d.gap_total FROM x1060_categories c LEFT JOIN (SELECT "
  "category, " SUMMARY_COLUMNS " FROM (" FLAGGED("category, level, "
  "assignment, as_is, to_be", "$T") ") GROUP BY category) d ON "
  "d.category=c.category ORDER BY c.category";

/* x1060_crosswalk_summary: per element of the frameworks (see
** CDC_CROSSWALK_WITH), the CDC's figures over the services mapped to it,
** with x1060_summary's formulas; ?1 the framework, or NULL for both. */
static const char zCrosswalkSql[] = CDC_CROSSWALK_WITH
  "SELECT e.framework, e.kind, e.ref_id, e.name, e.parent, "
  "count(m.service_id) AS mapped, " SUMMARY_COLUMNS " FROM e LEFT JOIN m ON "
  "m.framework=e.framework AND m.ref_id=e.ref_id LEFT JOIN (" FLAGGED(
  "service_id, level, assignment, as_is, to_be", "$T") ") d ON "
  "d.service_id=m.service_id WHERE ?1 IS NULL OR e.framework=?1 "
  "GROUP BY e.ord ORDER BY e.ord";

static const char zRoadmapSql[] =
  "SELECT row_number() OVER (ORDER BY coalesce(l.priority, 9), d.gap DESC, "
  "d.cycle='long', d.due IS NULL, d.due, d.rowid) AS rank, d.service_id, "
  "d.name, d.level, d.assignment, d.as_is, d.to_be, d.gap, d.cycle, "
  "d.owner, d.due FROM $T d LEFT JOIN x1060_levels l ON l.level=d.level "
  "WHERE " CAT " AND d.gap>0 ORDER BY rank";

static const char zTrendSql[] =
  "SELECT label, taken_at, category, count(*) FILTER (WHERE sco) AS scored,"
  " avg(as_is) FILTER (WHERE sco) AS avg_as_is, avg(to_be) FILTER (WHERE "
  "sco) AS avg_to_be, CAST(count(*) FILTER (WHERE sco AND as_is>=to_be) AS"
  " REAL) / nullif(count(*) FILTER (WHERE sco), 0) AS achievement FROM ("
  FLAGGED("label, taken_at, category, level, as_is, to_be, excluded", "$N")
  " UNION ALL " FLAGGED("'current', " CDC_NOW_SQL ", category, level, "
  "as_is, to_be, excluded", "$T")
  ") GROUP BY label, category ORDER BY label='current', min(taken_at), "
  "label, category";

/*
** The SQL of x1060_compare: for each stored column but the bookkeeping
** ones, the services whose value differs between source a (?1) and b
** (?2), each a snapshot label or 'current'; and the services present in
** one only (column 'service').
*/
static char *compareSql(void){
  sqlite3_str *pStr;
  char *zCols = cdcStoredColumnList("");
  int k;
  if( zCols==0 ) return 0;
  pStr = sqlite3_str_new(0);
  sqlite3_str_appendf(pStr, "WITH a AS (SELECT seq_no, %s FROM $N WHERE "
      "label=?1 UNION ALL SELECT rowid, %s FROM $T WHERE ?1='current'), "
      "b AS (SELECT seq_no, %s FROM $N WHERE label=?2 UNION ALL SELECT "
      "rowid, %s FROM $T WHERE ?2='current') SELECT service_id, column, a, "
      "b FROM (SELECT NULL AS service_id, NULL AS column, NULL AS a, NULL "
      "AS b, NULL AS ord, NULL AS k WHERE 0", zCols, zCols, zCols, zCols);
  sqlite3_free(zCols);
  for(k=1; k<CDC_NSTORED; k++){
    const char *z = cdcColumns[cdcStored(k)].zName;
    if( k==CDC_S_CUSTOM || k==CDC_S_UPDATED_AT ) continue;
    sqlite3_str_appendf(pStr, " UNION ALL SELECT service_id, '%s', a.%s, "
        "b.%s, coalesce(b.seq_no, a.seq_no), %d FROM a JOIN b USING "
        "(service_id) WHERE a.%s IS NOT b.%s", z, z, z, k, z, z);
  }
  sqlite3_str_appendall(pStr, " UNION ALL SELECT service_id, 'service', "
      "name, NULL, seq_no, 0 FROM a WHERE service_id NOT IN (SELECT "
      "service_id FROM b) UNION ALL SELECT service_id, 'service', NULL, "
      "name, seq_no, 0 FROM b WHERE service_id NOT IN (SELECT service_id "
      "FROM a)) ORDER BY ord, k");
  return sqlite3_str_finish(pStr);
}

/******************************************************* the report module */

#define REPORT_MAX_ARG 3

typedef struct ReportCursor ReportCursor;

typedef struct Report Report;
struct Report {
  const char *zName;
  const char *zColumns;         /* the visible columns, declared */
  const char *azArg[REPORT_MAX_ARG];  /* hidden argument columns */
  int nRequired;                /* how many arguments must be given */
  const char *zSql;             /* the SQL, or NULL: xSql makes it */
  char *(*xSql)(void);
  /* binds arguments 2.. (the xFilter arguments by position, NULL when not
  ** given: SQLite's own values, not copies, which some SQLite versions
  ** cannot convert) */
  int (*xBind)(ReportCursor*, sqlite3_value**, sqlite3_stmt*, char**);
  int mCheck;                   /* storage it reads directly (CDC_CHECK_*),
                                ** checked first: never a figure from damage */
};

typedef struct ReportVtab ReportVtab;
struct ReportVtab {
  sqlite3_vtab base;            /* base class, must be first */
  sqlite3 *db;
  const Report *pReport;
  int nCol;                     /* visible columns */
  /* the report's statement for the CDCs of schema zIdle, idle (its CDC is
  ** the parameter X1060_CDC_PARAM): evaluating every CDC of a schema
  ** prepares it once */
  sqlite3_stmt *pIdle;
  char *zIdle;
};

struct ReportCursor {
  sqlite3_vtab_cursor base;     /* base class, must be first */
  sqlite3_stmt *pStmt;
  sqlite3_value *apArg[REPORT_MAX_ARG];  /* the arguments given, or NULL */
  char *zSchema, *zName;        /* the CDC table */
  sqlite3_int64 iRow;
  int bEof;
};

/* x1060_evaluate's lang (?1: 'en' or 'ja', default 'en') and max_share
** (?2: a share of the assigned services above 0 and at most 1, default
** 0.5). */
static int evaluateBind(ReportCursor *pCur, sqlite3_value **apArg,
                        sqlite3_stmt *pStmt, char **pzErr){
  sqlite3_value *pLang = apArg[1], *pShare = apArg[2];
  const char *zLang = "en";
  double rShare = 0.5;
  (void)pCur;
  if( pLang && sqlite3_value_type(pLang)!=SQLITE_NULL ){
    zLang = (const char*)sqlite3_value_text(pLang);
    if( sqlite3_value_type(pLang)!=SQLITE_TEXT || zLang==0
     || (sqlite3_stricmp(zLang, "en")!=0 && sqlite3_stricmp(zLang, "ja")!=0) ){
      char *zVal = x1060DescribeValue(pLang);
      *pzErr = sqlite3_mprintf("x1060_evaluate(): lang %s is not a "
          "language; allowed: 'en' or 'ja'", zVal);
      sqlite3_free(zVal);
      return SQLITE_ERROR;
    }
  }
  if( pShare && sqlite3_value_type(pShare)!=SQLITE_NULL ){
    int e = sqlite3_value_numeric_type(pShare);
    rShare = sqlite3_value_double(pShare);
    if( (e!=SQLITE_INTEGER && e!=SQLITE_FLOAT) || !(rShare>0.0 && rShare<=1.0) ){
      char *zVal = x1060DescribeValue(pShare);
      *pzErr = sqlite3_mprintf("x1060_evaluate(): max_share %s is not a share;"
          " allowed: a number above 0 and at most 1 (default 0.5)", zVal);
      sqlite3_free(zVal);
      return SQLITE_ERROR;
    }
  }
  sqlite3_bind_text(pStmt, 1, sqlite3_stricmp(zLang, "ja")==0 ? "ja" : "en",
                    -1, SQLITE_STATIC);
  return sqlite3_bind_double(pStmt, 2, rShare);
}

/* x1060_crosswalk_summary's framework (?1): 'csf' or 'first' in any case,
** or NULL (not given) for both. */
static int crosswalkBind(ReportCursor *pCur, sqlite3_value **apArg,
                         sqlite3_stmt *pStmt, char **pzErr){
  sqlite3_value *v = apArg[1];
  const char *z = v ? (const char*)sqlite3_value_text(v) : 0;
  int i;
  (void)pCur;
  if( v==0 || sqlite3_value_type(v)==SQLITE_NULL ) return SQLITE_OK;
  for(i=0; z && sqlite3_value_type(v)==SQLITE_TEXT && i<X1060_NFRAMEWORK;
      i++){
    if( sqlite3_stricmp(z, x1060Frameworks[i].zId)==0 ){
      return sqlite3_bind_text(pStmt, 1, x1060Frameworks[i].zId, -1,
                               SQLITE_STATIC);
    }
  }
  if( z==0 && sqlite3_value_type(v)!=SQLITE_BLOB ) return SQLITE_NOMEM;
  {
    char *zVal = x1060DescribeValue(v);
    *pzErr = sqlite3_mprintf("x1060_crosswalk_summary(): framework %s is not "
        "a crosswalk; allowed: 'csf' (NIST CSF 2.0), 'first' (FIRST CSIRT "
        "Services Framework 2.1) or NULL for both", zVal);
    sqlite3_free(zVal);
  }
  return SQLITE_ERROR;
}

/* x1060_compare's a and b (?1, ?2): snapshot labels of the CDC table, or
** 'current'. */
static int compareBind(ReportCursor *pCur, sqlite3_value **apArg,
                       sqlite3_stmt *pStmt, char **pzErr){
  sqlite3 *db = sqlite3_db_handle(pStmt);
  sqlite3_stmt *pLabels = 0;
  char *zSql = x1060FillSql("SELECT group_concat(quote(label), ', ') "
      "FROM (SELECT DISTINCT label FROM $N ORDER BY label)", pCur->zSchema,
      pCur->zName);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pLabels, 0) : SQLITE_NOMEM;
  int i;
  sqlite3_free(zSql);
  if( rc==SQLITE_OK && sqlite3_step(pLabels)!=SQLITE_ROW ){
    rc = sqlite3_reset(pLabels);
    if( rc==SQLITE_OK ) rc = SQLITE_NOMEM;   /* an aggregate has a row */
  }
  for(i=1; rc==SQLITE_OK && i<=2; i++){
    sqlite3_value *v = apArg[i];
    const char *z = (const char*)sqlite3_value_text(v);
    sqlite3_stmt *pFind = 0;
    int bFound = z && sqlite3_value_type(v)==SQLITE_TEXT
              && sqlite3_stricmp(z, "current")==0;
    if( !bFound && z && sqlite3_value_type(v)==SQLITE_TEXT ){
      zSql = x1060FillSql("SELECT 1 FROM $N WHERE label=?1", pCur->zSchema,
                          pCur->zName);
      rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, &pFind, 0) : SQLITE_NOMEM;
      sqlite3_free(zSql);
      if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pFind, 1, v);
      if( rc==SQLITE_OK ) bFound = sqlite3_step(pFind)==SQLITE_ROW;
      if( rc==SQLITE_OK ) rc = sqlite3_finalize(pFind);
      else sqlite3_finalize(pFind);
    }
    if( rc==SQLITE_OK && !bFound ){
      char *zVal = x1060DescribeValue(v);
      const char *zList = (const char*)sqlite3_column_text(pLabels, 0);
      *pzErr = sqlite3_mprintf("x1060_compare(): %s is not a snapshot of %s; "
          "allowed: 'current' or a snapshot label%s%s", zVal, pCur->zName,
          zList ? ": " : " (there are none yet; take one with "
          "x1060_snapshot)", zList ? zList : "");
      sqlite3_free(zVal);
      rc = SQLITE_ERROR;
    }
    if( rc==SQLITE_OK ){
      rc = z && sqlite3_stricmp(z, "current")==0
         ? sqlite3_bind_text(pStmt, i, "current", -1, SQLITE_STATIC)
         : sqlite3_bind_value(pStmt, i, v);
    }
  }
  sqlite3_finalize(pLabels);
  return rc;
}

static const Report aReport[] = {
  { "x1060_evaluate",
    "process TEXT, service_id TEXT, severity TEXT, code TEXT, message TEXT",
    { "cdc", "lang", "max_share" }, 1, 0, evaluateSql, evaluateBind, 0 },
  { "x1060_summary",
    "category TEXT, name TEXT, phase TEXT, catalogued INTEGER, "
    "assigned INTEGER, scored INTEGER, avg_as_is REAL, avg_to_be REAL, "
    "achievement REAL, gap_total INTEGER",
    { "cdc", 0, 0 }, 1, zSummarySql, 0, 0, 0 },
  { "x1060_roadmap",
    "rank INTEGER, service_id TEXT, name TEXT, level TEXT, assignment TEXT, "
    "as_is INTEGER, to_be INTEGER, gap INTEGER, cycle TEXT, owner TEXT, "
    "due TEXT",
    { "cdc", 0, 0 }, 1, zRoadmapSql, 0, 0, 0 },
  { "x1060_crosswalk_summary",
    "framework TEXT, kind TEXT, ref_id TEXT, name TEXT, parent TEXT, "
    "mapped INTEGER, catalogued INTEGER, assigned INTEGER, scored INTEGER, "
    "avg_as_is REAL, avg_to_be REAL, achievement REAL, gap_total INTEGER",
    { "cdc", "framework_filter", 0 }, 1, zCrosswalkSql, 0, crosswalkBind, 0 },
  { "x1060_trend",
    "label TEXT, taken_at TEXT, category TEXT, scored INTEGER, "
    "avg_as_is REAL, avg_to_be REAL, achievement REAL",
    { "cdc", 0, 0 }, 1, zTrendSql, 0, 0, CDC_CHECK_SNAPSHOTS },
  { "x1060_compare",
    "service_id TEXT, column TEXT, a, b",
    { "cdc", "a_label", "b_label" }, 3, 0, compareSql, compareBind,
    CDC_CHECK_SNAPSHOTS },
};

/* Number of argument columns of pReport. */
static int reportArgs(const Report *pReport){
  int n = 0;
  while( n<REPORT_MAX_ARG && pReport->azArg[n] ) n++;
  return n;
}

static int reportConnect(sqlite3 *db, void *pAux, int argc,
                         const char *const *argv, sqlite3_vtab **ppVtab,
                         char **pzErr){
  const Report *pReport = (const Report*)pAux;
  sqlite3_str *pStr = sqlite3_str_new(db);
  ReportVtab *p;
  char *zDecl;
  int rc, i, nCol = 1;
  const char *z;
  (void)argc; (void)argv; (void)pzErr;
  for(z=pReport->zColumns; *z; z++) nCol += *z==',';
  sqlite3_str_appendf(pStr, "CREATE TABLE x(%s", pReport->zColumns);
  for(i=0; i<reportArgs(pReport); i++){
    sqlite3_str_appendf(pStr, ", %s HIDDEN", pReport->azArg[i]);
  }
  sqlite3_str_appendall(pStr, ")");
  zDecl = sqlite3_str_finish(pStr);
  rc = zDecl ? sqlite3_declare_vtab(db, zDecl) : SQLITE_NOMEM;
  sqlite3_free(zDecl);
  if( rc!=SQLITE_OK ) return rc;
  p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  p->pReport = pReport;
  p->nCol = nCol;
  /* the CDC named may be any schema's: never from a trigger or view */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int reportDisconnect(sqlite3_vtab *pVtab){
  ReportVtab *p = (ReportVtab*)pVtab;
  sqlite3_finalize(p->pIdle);
  sqlite3_free(p->zIdle);
  sqlite3_free(p);
  return SQLITE_OK;
}

/* The report's statement for the CDCs of zSchema, from the vtab's idle one
** or prepared; its CDC is bound to zName. */
static int reportTake(ReportVtab *p, const char *zSchema, const char *zName,
                      sqlite3_stmt **ppStmt, char **pzErr){
  const Report *pReport = p->pReport;
  char *zTpl = 0, *zSql = 0;
  int rc = SQLITE_OK;
  *ppStmt = 0;
  if( p->pIdle && sqlite3_stricmp(p->zIdle, zSchema)==0 ){
    *ppStmt = p->pIdle;
    p->pIdle = 0;
  }else{
    zTpl = pReport->zSql ? 0 : pReport->xSql();
    zSql = (pReport->zSql || zTpl)
         ? x1060FillSql(pReport->zSql ? pReport->zSql : zTpl, zSchema, 0) : 0;
    rc = zSql ? sqlite3_prepare_v2(p->db, zSql, -1, ppStmt, 0) : SQLITE_NOMEM;
    if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
      *pzErr = sqlite3_mprintf("%s(): %s", pReport->zName,
                               sqlite3_errmsg(p->db));
    }
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_bind_text(*ppStmt, sqlite3_bind_parameter_index(*ppStmt,
                           X1060_CDC_PARAM), zName, -1, SQLITE_TRANSIENT);
  }
  sqlite3_free(zSql);
  sqlite3_free(zTpl);
  return rc;
}

/* Give statement pStmt of schema zSchema back to the vtab, reset. */
static void reportGive(ReportVtab *p, const char *zSchema,
                       sqlite3_stmt *pStmt){
  char *z = zSchema && p->pIdle==0 ? sqlite3_mprintf("%s", zSchema) : 0;
  if( z==0 ){
    sqlite3_finalize(pStmt);
    return;
  }
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  sqlite3_free(p->zIdle);
  p->zIdle = z;
  p->pIdle = pStmt;
}

/*
** xBestIndex: the arguments are equality constraints on the hidden
** columns; bit j of idxNum says argument j is given (they reach xFilter in
** order).  When a required one is there but not usable yet, another join
** order will do (SQLITE_CONSTRAINT).  When it is missing, the plan costs
** so much that SQLite takes any other, and xFilter says what is missing
** if SQLite has no other (an OR may have split the WHERE clause).
*/
static int reportBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  ReportVtab *p = (ReportVtab*)pVtab;
  const Report *pReport = p->pReport;
  int aIdx[REPORT_MAX_ARG] = { -1, -1, -1 };
  int i, j, mUnusable = 0, nGiven = 0, bMissing = 0;
  for(i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    j = c->iColumn - p->nCol;
    if( j<0 || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( !c->usable ) mUnusable |= 1<<j;
    else aIdx[j] = i;
  }
  pInfo->idxNum = 0;
  for(j=0; j<reportArgs(pReport); j++){
    if( aIdx[j]>=0 ){
      pInfo->aConstraintUsage[aIdx[j]].argvIndex = ++nGiven;
      pInfo->aConstraintUsage[aIdx[j]].omit = 1;
      pInfo->idxNum |= 1<<j;
    }else if( j<pReport->nRequired ){
      if( mUnusable & (1<<j) ) return SQLITE_CONSTRAINT;
      bMissing = 1;
    }
  }
  pInfo->estimatedRows = 100;
  pInfo->estimatedCost = bMissing ? 1e99 : 10000.0;  /* reads a CDC table */
  return SQLITE_OK;
}

static int reportOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  ReportCursor *pCur = sqlite3_malloc64(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  pCur->bEof = 1;
  *ppCur = &pCur->base;
  return SQLITE_OK;
}

/* Release what the cursor holds from its last xFilter. */
static void reportReset(ReportCursor *pCur){
  int j;
  if( pCur->pStmt ){
    reportGive((ReportVtab*)pCur->base.pVtab, pCur->zSchema, pCur->pStmt);
  }
  pCur->pStmt = 0;
  for(j=0; j<REPORT_MAX_ARG; j++){
    sqlite3_value_free(pCur->apArg[j]);
    pCur->apArg[j] = 0;
  }
  sqlite3_free(pCur->zSchema);
  sqlite3_free(pCur->zName);
  pCur->zSchema = pCur->zName = 0;
  pCur->bEof = 1;
  pCur->iRow = 0;
}

static int reportClose(sqlite3_vtab_cursor *cur){
  reportReset((ReportCursor*)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Step to the next row. */
static int reportStep(ReportCursor *pCur){
  int rc = sqlite3_step(pCur->pStmt);
  pCur->iRow++;
  pCur->bEof = rc!=SQLITE_ROW;
  if( rc==SQLITE_ROW || rc==SQLITE_DONE ) return SQLITE_OK;
  {
    ReportVtab *p = (ReportVtab*)pCur->base.pVtab;
    sqlite3_free(p->base.zErrMsg);
    p->base.zErrMsg = sqlite3_mprintf("%s", sqlite3_errmsg(p->db));
    return sqlite3_reset(pCur->pStmt);
  }
}

/* xFilter: resolve the CDC table, make and run the report's SQL. */
static int reportFilter(sqlite3_vtab_cursor *cur, int idxNum,
                        const char *idxStr, int argc, sqlite3_value **argv){
  ReportCursor *pCur = (ReportCursor*)cur;
  ReportVtab *p = (ReportVtab*)cur->pVtab;
  const Report *pReport = p->pReport;
  char *zErr = 0;
  sqlite3_value *apGiven[REPORT_MAX_ARG];
  int rc = SQLITE_OK, j, k = 0;
  (void)idxStr; (void)argc;
  reportReset(pCur);
  memset(apGiven, 0, sizeof(apGiven));
  for(j=0; rc==SQLITE_OK && j<REPORT_MAX_ARG; j++){
    if( (idxNum & (1<<j))==0 ){
      if( j<pReport->nRequired ){
        sqlite3_free(p->base.zErrMsg);
        p->base.zErrMsg = sqlite3_mprintf("%s(): %s; call it as SELECT * "
            "FROM %s('acme'%s)", pReport->zName, j==0 ? "needs the name of "
            "a CDC table" : "needs the two states to compare",
            pReport->zName, pReport->nRequired==3 ? ", 'FY2026-H1', "
            "'current'" : "");
        return p->base.zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
      }
      continue;
    }
    apGiven[j] = argv[k];
    pCur->apArg[j] = sqlite3_value_dup(argv[k++]);
    if( pCur->apArg[j]==0 ) rc = SQLITE_NOMEM;
  }
  if( rc!=SQLITE_OK ) return rc;
  if( sqlite3_value_type(pCur->apArg[0])==SQLITE_NULL ) return SQLITE_OK;
  rc = cdcResolve(p->db, pCur->apArg[0], pReport->zName, &pCur->zSchema,
                  &pCur->zName, &zErr);
  if( rc==SQLITE_OK && pReport->mCheck ){
    rc = cdcCheckRead(p->db, pCur->zSchema, pCur->zName, pReport->mCheck,
                      pReport->zName, &zErr);
  }
  if( rc==SQLITE_OK ){
    rc = reportTake(p, pCur->zSchema, pCur->zName, &pCur->pStmt, &zErr);
  }
  if( rc==SQLITE_OK && pReport->xBind ){
    rc = pReport->xBind(pCur, apGiven, pCur->pStmt, &zErr);
  }
  if( rc==SQLITE_OK ) rc = reportStep(pCur);
  if( zErr ){
    sqlite3_free(p->base.zErrMsg);
    p->base.zErrMsg = zErr;
  }
  return rc;
}

static int reportNext(sqlite3_vtab_cursor *cur){
  return reportStep((ReportCursor*)cur);
}

static int reportEof(sqlite3_vtab_cursor *cur){
  return ((ReportCursor*)cur)->bEof;
}

static int reportColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx,
                        int i){
  ReportCursor *pCur = (ReportCursor*)cur;
  int nCol = ((ReportVtab*)cur->pVtab)->nCol;
  if( i<nCol ){
    sqlite3_result_value(ctx, sqlite3_column_value(pCur->pStmt, i));
  }else if( pCur->apArg[i-nCol] ){
    sqlite3_result_value(ctx, pCur->apArg[i-nCol]);
  }
  return SQLITE_OK;
}

static int reportRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  *pRowid = ((ReportCursor*)cur)->iRow;
  return SQLITE_OK;
}

static sqlite3_module reportModule = {
  0,                /* iVersion */
  0,                /* xCreate: eponymous only */
  reportConnect,    /* xConnect */
  reportBestIndex,  /* xBestIndex */
  reportDisconnect, /* xDisconnect */
  0,                /* xDestroy */
  reportOpen,       /* xOpen */
  reportClose,      /* xClose */
  reportFilter,     /* xFilter */
  reportNext,       /* xNext */
  reportEof,        /* xEof */
  reportColumn,     /* xColumn */
  reportRowid,      /* xRowid */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 /* xUpdate .. xShadowName: none */
  X1060_NO_INTEGRITY
};

/* Register the evaluation functions.  They read the CDC they are named,
** of any schema, so they are DIRECTONLY (in reportConnect). */
int x1060RegisterEvaluate(sqlite3 *db){
  int rc = SQLITE_OK;
  size_t i;
  for(i=0; rc==SQLITE_OK && i<sizeof(aReport)/sizeof(aReport[0]); i++){
    rc = sqlite3_create_module(db, aReport[i].zName, &reportModule,
                               (void*)&aReport[i]);
  }
  return rc;
}
