/*
** x1060: views for BI tools, which open the database without x1060.
**
**   SELECT x1060_publish();        -- in main
**   SELECT x1060_publish('aux');   -- in an attached database
**
** (Re)creates in the schema, over the shadow tables of every CDC table
** there, views written in core SQL only (no x1060 function, no virtual
** table), and refreshes three plain tables copied from the reference
** tables:
**
**   x1060_bi_services, x1060_bi_categories, x1060_bi_levels   (tables)
**   x1060_bi_portfolio   one row per CDC and service
**   x1060_bi_trend       per CDC, snapshot (and 'current') and category
**   x1060_bi_findings    the per-service checks of x1060_evaluate that
**                        core SQL can express, in English
**
** Calling it again after CDC tables are created, dropped or renamed
** refreshes the views.  Returns the number of CDC tables covered.
*/
#include "cdc.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The reference copies: name, columns, and the query that fills them. */
static const char *const azCopy[][3] = {
  { "x1060_bi_services",
    "service_id TEXT PRIMARY KEY, category TEXT, seq INTEGER, name TEXT, "
    "name_ja TEXT, summary TEXT, summary_ja TEXT, phase TEXT, "
    "information TEXT, expertise TEXT, quadrant INTEGER, "
    "suggested_assignment TEXT, edition TEXT",
    "SELECT service_id, category, seq, name, name_ja, summary, summary_ja, "
    "phase, information, expertise, quadrant, suggested_assignment, edition "
    "FROM x1060_services" },
  { "x1060_bi_categories",
    "category TEXT PRIMARY KEY, name TEXT, name_ja TEXT, phase TEXT, "
    "services INTEGER",
    "SELECT category, name, name_ja, phase, services FROM x1060_categories" },
  { "x1060_bi_levels",
    "level TEXT PRIMARY KEY, name_ja TEXT, priority INTEGER, "
    "description TEXT",
    "SELECT level, name_ja, priority, description FROM x1060_levels" },
};

/* Core-SQL flags of a portfolio row p: catalogued and scored. */
#define BI_CAT "(p.level IS NOT NULL AND p.level<>'Unnecessary')"
#define BI_SCO "(" BI_CAT " AND p.as_is IS NOT NULL AND p.to_be IS NOT " \
               "NULL AND p.excluded=0)"
#define BI_BY_LEVEL "CASE p.level WHEN 'Basic' THEN 'error' WHEN 'Standard' " \
                    "THEN 'warning' ELSE 'info' END"

/* The checks of x1060_bi_findings: code, severity, condition, message. */
static const char *const azCheck[][4] = {
  { "no-level", "'warning'", "p.level IS NULL",
    "p.service_id||' '||p.name||': no recommendation level yet'" },
  { "unassigned", BI_BY_LEVEL, BI_CAT " AND (p.assignment IS NULL OR "
    "p.assignment='Unassigned')", "p.service_id||' '||p.name||' ('||p.level||"
    "'): '||CASE WHEN p.assignment IS NULL THEN 'no assignment decided' ELSE "
    "'Unassigned: nobody performs it' END" },
  { "no-team", "'warning'", "p.assignment IN ('Insourcing','Combination') "
    "AND p.team IS NULL", "p.service_id||' '||p.name||': '||p.assignment||"
    "', but no team in charge is named'" },
  { "no-outsourcer", "'warning'", "p.assignment IN ('Outsourcing',"
    "'Combination') AND p.outsourcer IS NULL", "p.service_id||' '||p.name||"
    "': '||p.assignment||', but no outsourcer is named'" },
  { "not-scored", "'warning'", BI_CAT " AND p.excluded=0 AND (p.as_is IS "
    "NULL OR p.to_be IS NULL)", "p.service_id||' '||p.name||': no '||CASE "
    "WHEN p.as_is IS NULL AND p.to_be IS NULL THEN 'as-is or to-be' WHEN "
    "p.as_is IS NULL THEN 'as-is' ELSE 'to-be' END||' score'" },
  { "target-below-current", "'warning'", "p.excluded=0 AND p.to_be<p.as_is",
    "p.service_id||' '||p.name||': the target '||p.to_be||' is below the "
    "current score '||p.as_is" },
  { "gap", BI_BY_LEVEL, BI_CAT " AND p.gap>0", "p.service_id||' '||p.name||"
    "' ('||p.level||'): as-is '||p.as_is||', target '||p.to_be||', gap '||"
    "p.gap" },
  { "scored-not-catalogued", "'warning'", "NOT " BI_CAT " AND (p.as_is IS "
    "NOT NULL OR p.to_be IS NOT NULL)", "p.service_id||' '||p.name||': "
    "scored, but not in the catalogue ('||coalesce(p.level, 'no level')||')'" },
  { "scored-excluded", "'warning'", "p.excluded=1 AND (p.as_is IS NOT NULL "
    "OR p.to_be IS NOT NULL)", "p.service_id||' '||p.name||': excluded from "
    "evaluation (N/A), yet scored'" },
};

/* The names of the CDC tables of schema zDb, each as a row of pNames. */
static int cdcNames(sqlite3 *db, const char *zDb, sqlite3_stmt **ppNames){
  char *zSql = sqlite3_mprintf("SELECT name, sql FROM \"%w\".sqlite_schema "
      "WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%%' ORDER BY name",
      zDb);
  int rc = zSql ? sqlite3_prepare_v2(db, zSql, -1, ppNames, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  return rc;
}

/* The SELECT of x1060_bi_portfolio over the CDC tables of zDb; *pn is
** their number. */
static char *portfolioSql(sqlite3 *db, const char *zDb, int *pn, int *pRc){
  sqlite3_str *pStr = sqlite3_str_new(0);
  sqlite3_stmt *pNames = 0;
  int rc = cdcNames(db, zDb, &pNames);
  *pn = 0;
  while( rc==SQLITE_OK && sqlite3_step(pNames)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pNames, 0);
    if( !cdcIsX1060Sql((const char*)sqlite3_column_text(pNames, 1)) ) continue;
    sqlite3_str_appendf(pStr, "%sSELECT %Q AS cdc, (SELECT value FROM "
        "\"%w_config\" WHERE key='org') AS org, service_id, name, name_ja, "
        "category, phase, level, assignment, team, outsourcer, as_is, to_be, "
        "excluded, CASE WHEN excluded=0 THEN to_be-as_is END AS gap, owner, "
        "due, custom, updated_at FROM \"%w_data\"", (*pn)++ ? " UNION ALL " : "",
        zName, zName, zName);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pNames);
  else sqlite3_finalize(pNames);
  if( *pn==0 ){
    sqlite3_str_appendall(pStr, "SELECT NULL AS cdc, NULL AS org, NULL AS "
        "service_id, NULL AS name, NULL AS name_ja, NULL AS category, NULL AS "
        "phase, NULL AS level, NULL AS assignment, NULL AS team, NULL AS "
        "outsourcer, NULL AS as_is, NULL AS to_be, NULL AS excluded, NULL AS "
        "gap, NULL AS owner, NULL AS due, NULL AS custom, NULL AS updated_at "
        "WHERE 0");
  }
  *pRc = rc;
  return sqlite3_str_finish(pStr);
}

/* The SELECT of x1060_bi_trend: per CDC, snapshot and category (the
** current state as label 'current'), with the summary's formulas. */
static char *trendSql(sqlite3 *db, const char *zDb, int *pRc){
  sqlite3_str *pStr = sqlite3_str_new(0);
  sqlite3_stmt *pNames = 0;
  int rc = cdcNames(db, zDb, &pNames);
  sqlite3_str_appendall(pStr, "SELECT p.cdc AS cdc, p.label AS label, "
      "min(p.taken_at) AS taken_at, p.category AS category, "
      "sum(CASE WHEN " BI_SCO " THEN 1 ELSE 0 END) AS scored, "
      "avg(CASE WHEN " BI_SCO " THEN p.as_is END) AS avg_as_is, "
      "avg(CASE WHEN " BI_SCO " THEN p.to_be END) AS avg_to_be, "
      "CAST(sum(CASE WHEN " BI_SCO " AND p.as_is>=p.to_be THEN 1 ELSE 0 END) "
      "AS REAL)/nullif(sum(CASE WHEN " BI_SCO " THEN 1 ELSE 0 END), 0) AS "
      "achievement FROM (SELECT cdc, 'current' AS label, NULL AS taken_at, "
      "category, level, as_is, to_be, excluded FROM x1060_bi_portfolio");
  while( rc==SQLITE_OK && sqlite3_step(pNames)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pNames, 0);
    if( !cdcIsX1060Sql((const char*)sqlite3_column_text(pNames, 1)) ) continue;
    sqlite3_str_appendf(pStr, " UNION ALL SELECT %Q, label, taken_at, "
        "category, level, as_is, to_be, excluded FROM \"%w_snapshot\"",
        zName, zName);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pNames);
  else sqlite3_finalize(pNames);
  sqlite3_str_appendall(pStr, ") p GROUP BY p.cdc, p.label, p.category");
  *pRc = rc;
  return sqlite3_str_finish(pStr);
}

/* The SELECT of x1060_bi_findings. */
static char *findingsSql(void){
  sqlite3_str *pStr = sqlite3_str_new(0);
  size_t i;
  for(i=0; i<sizeof(azCheck)/sizeof(azCheck[0]); i++){
    sqlite3_str_appendf(pStr, "%sSELECT p.cdc AS cdc, p.org AS org, "
        "p.service_id AS service_id, %s AS severity, '%s' AS code, %s AS "
        "message FROM x1060_bi_portfolio p WHERE %s", i ? " UNION ALL " : "",
        azCheck[i][1], azCheck[i][0], azCheck[i][3], azCheck[i][2]);
  }
  return sqlite3_str_finish(pStr);
}

/* Create or refresh the copies of the reference tables in zDb. */
static int publishCopies(sqlite3 *db, const char *zDb){
  int rc = SQLITE_OK;
  size_t i;
  for(i=0; rc==SQLITE_OK && i<sizeof(azCopy)/sizeof(azCopy[0]); i++){
    rc = x1060Exec(db, sqlite3_mprintf("CREATE TABLE IF NOT EXISTS \"%w\".%s(%s)",
                                 zDb, azCopy[i][0], azCopy[i][1]), 0, 0);
    if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("DELETE FROM "
        "\"%w\".%s", zDb, azCopy[i][0]), 0, 0);
    if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("INSERT INTO "
        "\"%w\".%s %s", zDb, azCopy[i][0], azCopy[i][2]), 0, 0);
  }
  return rc;
}

/* (Re)create view zView (a name of ours) in zDb as zSelect (owned). */
static int publishView(sqlite3 *db, const char *zDb, const char *zView,
                       char *zSelect){
  int rc = zSelect ? SQLITE_OK : SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("DROP VIEW IF EXISTS "
      "\"%w\".%s", zDb, zView), 0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("CREATE VIEW \"%w\".%s AS "
      "%s", zDb, zView, zSelect), 0, 0);
  sqlite3_free(zSelect);
  return rc;
}

/* x1060_publish([schema]): the BI views and copies in schema (default
** main); returns the number of CDC tables they cover. */
static void publishFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  const char *zDb = argc>0 ? (const char*)sqlite3_value_text(argv[0]) : "main";
  int rc = SQLITE_OK, rc2 = SQLITE_OK, n = 0;
  if( argc>0 && sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( zDb==0 ) rc = SQLITE_NOMEM;
  if( rc==SQLITE_OK ) rc = publishCopies(db, zDb);
  if( rc==SQLITE_OK ){
    rc = publishView(db, zDb, "x1060_bi_portfolio", portfolioSql(db, zDb, &n,
                                                                 &rc2));
  }
  if( rc==SQLITE_OK ) rc = rc2;
  if( rc==SQLITE_OK ){
    rc = publishView(db, zDb, "x1060_bi_trend", trendSql(db, zDb, &rc2));
  }
  if( rc==SQLITE_OK ) rc = rc2;
  if( rc==SQLITE_OK ) rc = publishView(db, zDb, "x1060_bi_findings",
                                       findingsSql());
  if( rc==SQLITE_OK ){
    sqlite3_result_int(ctx, n);
  }else if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else{
    char *zMsg = sqlite3_mprintf("x1060_publish(): cannot publish in %Q: %s",
                                 zDb ? zDb : "", sqlite3_errmsg(db));
    sqlite3_result_error(ctx, zMsg ? zMsg : "out of memory", -1);
    sqlite3_free(zMsg);
  }
}

/* Register x1060_publish: it writes the schema, so DIRECTONLY. */
int x1060RegisterPublish(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_publish", 0,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, publishFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_publish", 1,
      SQLITE_UTF8|SQLITE_DIRECTONLY, 0, publishFunc, 0, 0);
  return rc;
}
