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
** Every formula is in docs/reference.md ("The formulas"), made from the
** SQL macros of x1060_int.h (rules.c).
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The SQL of x1060_evaluate: every finding of findings.c over the CDC
** ($T, its actions $X, settings $G and history $H), in process order, in
** the language ?1, with the team-load limit ?2.  The CDC's rows are read
** (and checked) once, into t, which every finding reads. */
static char *evaluateSql(void){
  char *zActCols = x1060ActionColumnList("");
  char *zActions = zActCols ? sqlite3_mprintf("(SELECT " X1060_CDC_PARAM
      " AS cdc, cdc AS k, action_id, %s FROM $X)", zActCols) : 0;
  X1060FindingsFrom from = { "t", "x1060_categories", "?2", zActions, "$G",
      "$H", "(SELECT " X1060_CDC_PARAM " AS cdc, seq_no, side, assignment, "
      "score FROM $U)" };
  char *zFindings = zActions ? x1060FindingsSql(&from) : 0;
  char *zSql = zFindings ? sqlite3_mprintf("WITH t AS MATERIALIZED (SELECT "
      "* FROM $T) SELECT process, service_id, "
      "severity, code, CASE WHEN ?1='ja' THEN message_ja ELSE message END "
      "FROM (%s) ORDER BY CASE process WHEN 'catalogue' THEN 1 WHEN "
      "'profile' THEN 2 WHEN 'portfolio' THEN 3 ELSE 4 END, ord, code, 5",
      zFindings) : 0;
  sqlite3_free(zFindings);
  sqlite3_free(zActions);
  sqlite3_free(zActCols);
  return zSql;
}

/* Per category: the counts and averages of the formulas (x1060_int.h,
** rules.c), over rows with the flags cat, asg and sco. */
#define SUMMARY_COLUMNS \
  "count(CASE WHEN cat THEN 1 END) AS catalogued, count(CASE WHEN asg " \
  "THEN 1 END) AS assigned, " X1060_SQL_SCORES ", " \
  X1060_SQL_GAP_TOTAL

/* The rows of a CDC or a snapshot with the flags cat (catalogued), asg
** (assigned) and sco (scored). */
#define FLAGGED(cols, src) \
  "SELECT " cols ", coalesce(" X1060_SQL_CATALOGUED("f") ", 0) AS cat, " \
  "coalesce(" X1060_SQL_ASSIGNED("f") ", 0) AS asg, coalesce(" \
  X1060_SQL_SCORED("f") ", 0) AS sco FROM " src " f"

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
** with x1060_summary's formulas; ?1 the framework, or NULL for both; ?2
** the language of the names ('ja': the project's translation). */
static const char zCrosswalkSql[] = CDC_CROSSWALK_WITH
  "SELECT e.framework, e.kind, e.ref_id, CASE ?2 WHEN 'ja' THEN e.name_ja "
  "ELSE e.name END, e.parent, "
  "count(m.service_id) AS mapped, " SUMMARY_COLUMNS " FROM e LEFT JOIN m ON "
  "m.framework=e.framework AND m.ref_id=e.ref_id LEFT JOIN (" FLAGGED(
  "service_id, level, assignment, as_is, to_be", "$T") ") d ON "
  "d.service_id=m.service_id WHERE ?1 IS NULL OR e.framework=?1 "
  "GROUP BY e.ord ORDER BY e.ord";

/* x1060_roadmap: the gaps in order, each with its improvement actions
** (those not dropped): how many, how many open and overdue, and the plan
** ("#1 in progress; #3 blocked"). */
static const char zRoadmapSql[] =
  "SELECT row_number() OVER (ORDER BY coalesce(l.priority, 9), d.gap DESC, "
  "d.cycle='long', d.due IS NULL, d.due, d.rowid) AS rank, d.service_id, "
  "d.name, d.level, d.assignment, d.as_is, d.to_be, d.gap, d.cycle, "
  "d.owner, d.due, coalesce(p.n, 0), coalesce(p.o, 0), coalesce(p.od, 0), "
  "p.plan FROM $T d LEFT JOIN x1060_levels l ON l.level=d.level LEFT JOIN "
  "(SELECT service_id, count(*) AS n, sum(" X1060_SQL_OPEN("x") ") AS o, "
  "sum(" X1060_SQL_OVERDUE("x") ") AS od, group_concat('#'||action_id||' '||"
  "status, '; ') AS plan FROM (SELECT * FROM $X ORDER BY action_id) x WHERE "
  "status<>'dropped' GROUP BY service_id) p ON p.service_id=d.service_id "
  "WHERE " X1060_SQL_CATALOGUED("d") " AND d.gap>0 ORDER BY rank";

static const char zTrendSql[] =
  "SELECT label, taken_at, category, " X1060_SQL_SCORES " FROM ("
  FLAGGED("label, taken_at, category, level, as_is, to_be, excluded", "$N")
  " UNION ALL " FLAGGED("'current', " CDC_NOW_SQL ", category, level, "
  "as_is, to_be, excluded", "$T")
  ") GROUP BY label, category ORDER BY label='current', min(taken_at), "
  "label, category";

/*
** The SQL of x1060_compare: for each stored column but the bookkeeping
** ones, the services whose value differs between source a (?1) and b
** (?2), each a snapshot label or 'current'; the services present in one
** only (column 'service'); then the same for the improvement actions, with
** their number in action_id (column 'action' for one present in one only,
** with its title).
*/
static char *compareSql(void){
  sqlite3_str *pStr;
  char *zCols = cdcStoredColumnList("");
  char *zActCols = x1060ActionColumnList("");
  int k;
  if( zCols==0 || zActCols==0 ){
    sqlite3_free(zCols);
    sqlite3_free(zActCols);
    return 0;
  }
  pStr = sqlite3_str_new(0);
  sqlite3_str_appendf(pStr, "WITH a AS (SELECT seq_no, %s FROM $N WHERE "
      "label=?1 UNION ALL SELECT rowid, %s FROM $T WHERE ?1='current'), "
      "b AS (SELECT seq_no, %s FROM $N WHERE label=?2 UNION ALL SELECT "
      "rowid, %s FROM $T WHERE ?2='current'), ", zCols, zCols, zCols, zCols);
  sqlite3_str_appendf(pStr, "x AS (SELECT action_id, %s FROM $Z WHERE "
      "label=?1 UNION ALL SELECT action_id, %s FROM $X WHERE ?1='current'), "
      "y AS (SELECT action_id, %s FROM $Z WHERE label=?2 UNION ALL SELECT "
      "action_id, %s FROM $X WHERE ?2='current') ", zActCols, zActCols,
      zActCols, zActCols);
  sqlite3_str_appendall(pStr, "SELECT service_id, column, a, b, action_id "
      "FROM (SELECT NULL AS service_id, NULL AS column, NULL AS a, NULL AS b, "
      "NULL AS action_id, NULL AS ord, NULL AS k WHERE 0");
  sqlite3_free(zCols);
  sqlite3_free(zActCols);
  for(k=1; k<CDC_NSTORED; k++){
    const char *z = cdcColumns[cdcStored(k)].zName;
    if( k==CDC_S_CUSTOM || k==CDC_S_UPDATED_AT ) continue;
    sqlite3_str_appendf(pStr, " UNION ALL SELECT service_id, '%s', a.%s, "
        "b.%s, NULL, coalesce(b.seq_no, a.seq_no), %d FROM a JOIN b USING "
        "(service_id) WHERE a.%s IS NOT b.%s", z, z, z, k, z, z);
  }
  sqlite3_str_appendall(pStr, " UNION ALL SELECT service_id, 'service', "
      "name, NULL, NULL, seq_no, 0 FROM a WHERE service_id NOT IN (SELECT "
      "service_id FROM b) UNION ALL SELECT service_id, 'service', NULL, "
      "name, NULL, seq_no, 0 FROM b WHERE service_id NOT IN (SELECT "
      "service_id FROM a)");
  for(k=0; k<ACT_UPDATED_AT; k++){
    const char *z = x1060ActionColumns[k].zName;
    sqlite3_str_appendf(pStr, " UNION ALL SELECT coalesce(y.service_id, "
        "x.service_id), '%s', x.%s, y.%s, action_id, %d+action_id, %d FROM "
        "x JOIN y USING (action_id) WHERE x.%s IS NOT y.%s", z, z, z,
        CDC_SEQ_MAX, k+1, z, z);
  }
  sqlite3_str_appendf(pStr, " UNION ALL SELECT service_id, 'action', title, "
      "NULL, action_id, %d+action_id, 0 FROM x WHERE action_id NOT IN (SELECT "
      "action_id FROM y) UNION ALL SELECT service_id, 'action', NULL, title, "
      "action_id, %d+action_id, 0 FROM y WHERE action_id NOT IN (SELECT "
      "action_id FROM x)) ORDER BY ord, k", CDC_SEQ_MAX, CDC_SEQ_MAX);
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
  /* or, for SQL that depends on the arguments: prepares it (never kept) */
  int (*xPrepare)(sqlite3*, const char *zSchema, const char *zName,
                  sqlite3_value *pArg2, sqlite3_stmt**, char**);
};

typedef struct ReportVtab ReportVtab;
struct ReportVtab {
  sqlite3_vtab base;            /* base class, must be first */
  sqlite3 *db;
  const Report *pReport;
  int nCol;                     /* visible columns */
  /* the report's statement for the CDCs of one schema, idle (its CDC is
  ** the parameter X1060_CDC_PARAM): evaluating every CDC of a schema
  ** prepares it once */
  X1060Idle idle;
};

struct ReportCursor {
  sqlite3_vtab_cursor base;     /* base class, must be first */
  sqlite3_stmt *pStmt;
  sqlite3_value *apArg[REPORT_MAX_ARG];  /* the arguments given, or NULL */
  char *zSchema, *zName;        /* the CDC table */
  sqlite3_int64 iRow;
  int bEof;
  int bKeep;                    /* pStmt may be kept idle (reportTake) */
};

/* x1060_evaluate's lang (?1: 'en' or 'ja', default 'en') and max_share
** (?2: a share of the assigned services above 0 and at most 1, default
** 0.5). */
static int evaluateBind(ReportCursor *pCur, sqlite3_value **apArg,
                        sqlite3_stmt *pStmt, char **pzErr){
  sqlite3_value *pShare = apArg[2];
  double rShare = 0.5;
  sqlite3 *db = sqlite3_db_handle(pStmt);
  int bJa = 0;
  int rc = x1060LangArg(db, apArg[1], "x1060_evaluate", &bJa, pzErr);
  (void)pCur;
  if( rc!=SQLITE_OK ) return rc;
  if( pShare && sqlite3_value_type(pShare)!=SQLITE_NULL ){
    int e = sqlite3_value_numeric_type(pShare);
    rShare = sqlite3_value_double(pShare);
    if( (e!=SQLITE_INTEGER && e!=SQLITE_FLOAT) || !(rShare>0.0 && rShare<=1.0) ){
      *pzErr = x1060NotAllowedValue(db, "x1060_evaluate()", "max_share",
          pShare, x1060TextOf(db, X1060_MSG_A_SHARE),
          x1060TextOf(db, X1060_MSG_SHARE_ALLOWED));
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
  }
  sqlite3_bind_text(pStmt, 1, bJa ? "ja" : "en", -1, SQLITE_STATIC);
  return sqlite3_bind_double(pStmt, 2, rShare);
}

/* x1060_crosswalk_summary's framework (?1): 'csf' or 'first' in any case,
** or NULL (not given) for both; and lang (?2, x1060LangArg). */
static int crosswalkBind(ReportCursor *pCur, sqlite3_value **apArg,
                         sqlite3_stmt *pStmt, char **pzErr){
  sqlite3_value *v = apArg[1];
  const char *z = v ? (const char*)sqlite3_value_text(v) : 0;
  int i, bJa = 0;
  int rc = x1060LangArg(sqlite3_db_handle(pStmt), apArg[2],
                        "x1060_crosswalk_summary", &bJa, pzErr);
  (void)pCur;
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 2, bJa ? "ja" : "en", -1,
                                             SQLITE_STATIC);
  if( rc!=SQLITE_OK ) return rc;
  if( v==0 || sqlite3_value_type(v)==SQLITE_NULL ) return SQLITE_OK;
  for(i=0; z && sqlite3_value_type(v)==SQLITE_TEXT && i<X1060_NFRAMEWORK;
      i++){
    if( sqlite3_stricmp(z, x1060Frameworks[i].zId)==0 ){
      return sqlite3_bind_text(pStmt, 1, x1060Frameworks[i].zId, -1,
                               SQLITE_STATIC);
    }
  }
  if( z==0 && sqlite3_value_type(v)!=SQLITE_BLOB ) return SQLITE_NOMEM;
  *pzErr = x1060NotAllowedValue(sqlite3_db_handle(pStmt),
      "x1060_crosswalk_summary()", "framework", v,
      x1060TextOf(sqlite3_db_handle(pStmt), X1060_MSG_A_CROSSWALK),
      x1060TextOf(sqlite3_db_handle(pStmt), X1060_MSG_CROSSWALK_ALLOWED));
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Bind to parameter i of pStmt argument v of function zFunc, a snapshot
** label of the cursor's CDC ('current' too when bCurrent); anything else
** is an error that lists the labels there are. */
static int labelBind(ReportCursor *pCur, sqlite3_stmt *pStmt, int i,
                     sqlite3_value *v, const char *zFunc, int bCurrent,
                     char **pzErr){
  sqlite3 *db = sqlite3_db_handle(pStmt);
  const char *z = (const char*)sqlite3_value_text(v);
  sqlite3_stmt *pFind = 0;
  char *zList = 0;
  int rc = SQLITE_OK;
  int bCur = bCurrent && z && sqlite3_value_type(v)==SQLITE_TEXT
          && sqlite3_stricmp(z, "current")==0;
  int bFound = bCur;
  if( !bFound && z && sqlite3_value_type(v)==SQLITE_TEXT ){
    rc = x1060Prepare(db, x1060FillSql("SELECT 1 FROM $N WHERE label=?1",
                      pCur->zSchema, pCur->zName), &pFind);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pFind, 1, v);
    if( rc==SQLITE_OK ) bFound = sqlite3_step(pFind)==SQLITE_ROW;
    if( rc==SQLITE_OK ) rc = sqlite3_finalize(pFind);
    else sqlite3_finalize(pFind);
  }
  if( rc==SQLITE_OK && !bFound ){
    int bJa = x1060ConnLanguage(db);
    char *zVal = x1060DescribeValueIn(v, bJa), *zAllowed = 0;
    rc = x1060QueryText(db, x1060FillSql("SELECT group_concat(quote(label),"
        " ', ') FROM (SELECT DISTINCT label FROM $N ORDER BY label)",
        pCur->zSchema, pCur->zName), &zList);
    if( rc==SQLITE_OK ){
      zAllowed = zList && zList[0] ? x1060MsgIn(bJa, bCurrent
          ? X1060_MSG_SNAPSHOT_LABELS_CURRENT : X1060_MSG_SNAPSHOT_LABELS,
          zList) : x1060MsgIn(bJa, bCurrent ? X1060_MSG_NO_SNAPSHOTS_CURRENT
          : X1060_MSG_NO_SNAPSHOTS);
      *pzErr = zAllowed && zVal ? x1060MsgIn(bJa, X1060_MSG_NOT_A_SNAPSHOT,
          zFunc, zVal, pCur->zName, zAllowed) : 0;
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    sqlite3_free(zVal);
    sqlite3_free(zAllowed);
  }
  sqlite3_free(zList);
  if( rc==SQLITE_OK ){
    rc = bCur ? sqlite3_bind_text(pStmt, i, "current", -1, SQLITE_STATIC)
              : sqlite3_bind_value(pStmt, i, v);
  }
  return rc;
}

/* x1060_compare's a and b (?1, ?2): snapshot labels of the CDC table, or
** 'current'. */
static int compareBind(ReportCursor *pCur, sqlite3_value **apArg,
                       sqlite3_stmt *pStmt, char **pzErr){
  int rc = labelBind(pCur, pStmt, 1, apArg[1], "x1060_compare", 1, pzErr);
  if( rc==SQLITE_OK ) rc = labelBind(pCur, pStmt, 2, apArg[2],
                                     "x1060_compare", 1, pzErr);
  return rc;
}

/* x1060_cycle_summary's since (?1): a snapshot label, or NULL (not given:
** the latest snapshot). */
static int cycleBind(ReportCursor *pCur, sqlite3_value **apArg,
                     sqlite3_stmt *pStmt, char **pzErr){
  if( apArg[1]==0 || sqlite3_value_type(apArg[1])==SQLITE_NULL ){
    return SQLITE_OK;
  }
  return labelBind(pCur, pStmt, 1, apArg[1], "x1060_cycle_summary", 0, pzErr);
}

/* x1060_cycle_summary: per cycle, the CDC's improvement actions ($X) as a
** whole, per management phase and per category: counts by status, open,
** overdue, the date of the snapshot ?1 (default: the latest; NULL without
** one) and the actions done since, and the resources (effort; cost when the group has one currency,
** else NULL with currency 'mixed'). */
static const char zCycleSql[] =
  "WITH a AS (SELECT x.*, coalesce(s.phase, k.phase) AS ph, "
  X1060_SQL_OVERDUE("x") " AS od FROM $X x LEFT JOIN $D s ON "
  "s.service_id=x.service_id LEFT JOIN x1060_categories k ON "
  "k.category=x.category), t AS (SELECT date(min(taken_at)) AS since FROM "
  "$N WHERE label=coalesce(?1, (SELECT label FROM $N ORDER BY taken_at "
  "DESC, label DESC LIMIT 1))), g AS (SELECT a.*, 'cdc' AS kind, NULL AS "
  "key, 0 AS ko FROM a UNION ALL SELECT a.*, 'phase', ph, 1 FROM a WHERE ph "
  "IS NOT NULL UNION ALL SELECT a.*, 'category', category, 2 FROM a WHERE "
  "category IS NOT NULL) "
  "SELECT cycle, kind, key, count(*), sum(status='planned'), "
  "sum(status='in progress'), sum(status='blocked'), sum(status='done'), "
  "sum(status='dropped'), sum(" X1060_SQL_OPEN("g") "), sum(od), "
  "(SELECT since FROM t), CASE WHEN (SELECT since FROM t) IS NOT NULL THEN "
  "sum(status='done' AND completed>=(SELECT since FROM t)) END, sum(effort),"
  " CASE WHEN count(DISTINCT currency)<=1 THEN sum(cost) END, CASE "
  "count(DISTINCT currency) WHEN 0 THEN NULL WHEN 1 THEN min(currency) ELSE "
  "'mixed' END FROM g GROUP BY cycle, ko, key ORDER BY cycle='long', ko, "
  "key";

static const Report aReport[] = {
  { "x1060_evaluate",
    "process TEXT, service_id TEXT, severity TEXT, code TEXT, message TEXT",
    { "cdc", "lang", "max_share" }, 1, 0, evaluateSql, evaluateBind,
    CDC_CHECK_ACTIONS, 0 },
  { "x1060_summary",
    "category TEXT, name TEXT, phase TEXT, catalogued INTEGER, "
    "assigned INTEGER, scored INTEGER, avg_as_is REAL, avg_to_be REAL, "
    "achievement REAL, gap_total INTEGER",
    { "cdc", 0, 0 }, 1, zSummarySql, 0, 0, 0, 0 },
  { "x1060_roadmap",
    "rank INTEGER, service_id TEXT, name TEXT, level TEXT, assignment TEXT, "
    "as_is INTEGER, to_be INTEGER, gap INTEGER, cycle TEXT, owner TEXT, "
    "due TEXT, actions INTEGER, open_actions INTEGER, overdue_actions "
    "INTEGER, plan TEXT",
    { "cdc", 0, 0 }, 1, zRoadmapSql, 0, 0, CDC_CHECK_ACTIONS, 0 },
  { "x1060_crosswalk_summary",
    "framework TEXT, kind TEXT, ref_id TEXT, name TEXT, parent TEXT, "
    "mapped INTEGER, catalogued INTEGER, assigned INTEGER, scored INTEGER, "
    "avg_as_is REAL, avg_to_be REAL, achievement REAL, gap_total INTEGER",
    { "cdc", "framework_filter", "lang" }, 1, zCrosswalkSql, 0, crosswalkBind,
    0, 0 },
  { "x1060_trend",
    "label TEXT, taken_at TEXT, category TEXT, scored INTEGER, "
    "avg_as_is REAL, avg_to_be REAL, achievement REAL",
    { "cdc", 0, 0 }, 1, zTrendSql, 0, 0, CDC_CHECK_SNAPSHOTS, 0 },
  { "x1060_cycle_summary",
    "cycle TEXT, kind TEXT, key TEXT, actions INTEGER, planned INTEGER, "
    "in_progress INTEGER, blocked INTEGER, done INTEGER, dropped INTEGER, "
    "open INTEGER, overdue INTEGER, since_date TEXT, done_since INTEGER, "
    "effort REAL, cost REAL, currency TEXT",
    { "cdc", "since", 0 }, 1, zCycleSql, 0, cycleBind,
    CDC_CHECK_SNAPSHOTS|CDC_CHECK_ACTIONS, 0 },
  { "x1060_compare",
    "service_id TEXT, column TEXT, a, b, action_id INTEGER",
    { "cdc", "a_label", "b_label" }, 3, 0, compareSql, compareBind,
    CDC_CHECK_SNAPSHOTS|CDC_CHECK_ACTIONS|CDC_CHECK_RECORD_SNAPSHOTS, 0 },
  { "x1060_benchmark",
    "kind TEXT, key TEXT, measure TEXT, value REAL, peer_set INTEGER, "
    "peer_count INTEGER, peer_min REAL, peer_q1 REAL, peer_median REAL, peer_q3 "
    "REAL, peer_max REAL, percentile REAL, note TEXT",
    { "cdc", "peers", 0 }, 1, 0, 0, 0, 0, x1060BenchmarkPrepare },
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
  x1060IdleFree(&p->idle);
  sqlite3_free(p);
  return SQLITE_OK;
}

/* The report's statement for the CDCs of zSchema, from the vtab's idle one
** or prepared; its CDC is bound to zName.  *pbKeep: it may be kept idle
** after use. */
static int reportTake(ReportVtab *p, const char *zSchema, const char *zName,
                      sqlite3_stmt **ppStmt, int *pbKeep, char **pzErr){
  const Report *pReport = p->pReport;
  char *zTpl = 0, *zSql = 0;
  int rc = SQLITE_OK;
  int iFormat = STORE_FORMAT;
  *ppStmt = 0;
  *pbKeep = 0;
  rc = x1060StoreFormat(p->db, zSchema, &iFormat);
  if( rc!=SQLITE_OK ) return rc;
  /* (a storage of an older format is upgraded by the next write: the
  ** statement made for it is not kept) */
  *pbKeep = iFormat==STORE_FORMAT;
  if( *pbKeep ) *ppStmt = x1060IdleTake(&p->idle, zSchema);
  if( *ppStmt==0 ){
    zTpl = pReport->zSql ? 0 : pReport->xSql();
    zSql = (pReport->zSql || zTpl) ? x1060FillSqlAt(pReport->zSql
             ? pReport->zSql : zTpl, zSchema, 0, iFormat) : 0;
    rc = x1060Prepare(p->db, zSql, ppStmt);
    zSql = 0;
    if( rc!=SQLITE_OK && rc!=SQLITE_NOMEM ){
      *pzErr = sqlite3_mprintf("%s(): %s", pReport->zName,
                               sqlite3_errmsg(p->db));
    }
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_bind_text(*ppStmt, sqlite3_bind_parameter_index(*ppStmt,
                           X1060_CDC_PARAM), zName, -1, SQLITE_TRANSIENT);
  }
  sqlite3_free(zTpl);
  return rc;
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
  if( pCur->pStmt && pCur->bKeep ){
    x1060IdleGive(&((ReportVtab*)pCur->base.pVtab)->idle, pCur->zSchema,
                  pCur->pStmt);
  }else{
    sqlite3_finalize(pCur->pStmt);
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
        p->base.zErrMsg = x1060Msg(p->db, j==0 ? X1060_MSG_NEEDS_CDC
                                   : X1060_MSG_NEEDS_STATES, pReport->zName);
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
  if( rc==SQLITE_OK && pReport->xPrepare ){
    rc = pReport->xPrepare(p->db, pCur->zSchema, pCur->zName, apGiven[1],
                           &pCur->pStmt, &zErr);
  }else if( rc==SQLITE_OK ){
    rc = reportTake(p, pCur->zSchema, pCur->zName, &pCur->pStmt,
                    &pCur->bKeep, &zErr);
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
  for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(aReport); i++){
    rc = sqlite3_create_module(db, aReport[i].zName, &reportModule,
                               (void*)&aReport[i]);
  }
  return rc;
}
