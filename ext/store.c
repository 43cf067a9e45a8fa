/*
** x1060: the storage (format 3), shared by every CDC of a schema.
**
**   CREATE VIRTUAL TABLE acme USING x1060(org='ACME Corp');   -- makes it
**   INSERT INTO x1060_cdcs(name, org) VALUES ('client42', 'Client 42');
**   SELECT x1060_upgrade();          -- formats 1 and 2 to format 3
**
** A schema that holds a CDC holds, once, whatever its number of CDCs, the
** storage's objects, listed with their DDL in x1060StoreObjects below (the
** owner x1060_store, the tables x1060_store_config, _cdc, _service,
** _history and _snapshot, and since format 3 the improvement actions, their
** history and snapshots, the assessments and their snapshots and the
** settings; the indexes and the triggers), the BI views and reference
** copies (azView, azCopy), and its own instance of x1060_cdc_services
** (cdc.c).  docs/formats.md describes them for users.
**
** Every CHECK is core SQL (x1060ColumnDdl), so any client sees them.
** Format 1 (release 0.2.0) kept four shadow tables and three triggers per
** CDC table (<name>_config, _data, _history, _snapshot); x1060_upgrade()
** moves every CDC of a schema into the storage in one transaction.  Format
** 2 (0.3.0) lacks what format 3 added: it is read as having no actions,
** and upgraded in place by x1060_upgrade() or by the first write that
** needs format 3 (x1060StoreEnsure).
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The placeholders of x1060FillSql: what each stands for, as a format of
** the schema (%w, nSchema times) and then the CDC's name (%s, bName: an
** SQL string or the parameter X1060_CDC_PARAM); the storage format that
** added its table (a storage of an older one has none: no rows, fillEmpty
** below). */
static const struct FillPart {
  char c; int nSchema; int bName; int iSince; const char *zFmt;
} aFill[] = {
  { 'T', 1, 1, 0, "(SELECT seq_no AS rowid,* FROM \"%w\".x1060_cdc_services "
                  "WHERE cdc=%s)" },
  { 'N', 2, 1, 0, "(SELECT * FROM \"%w\".x1060_store_snapshot WHERE cdc="
                  "(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'H', 2, 1, 0, "(SELECT * FROM \"%w\".x1060_store_history WHERE cdc="
                  "(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'D', 2, 1, 0, "(SELECT * FROM \"%w\".x1060_store_service WHERE cdc="
                  "(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'X', 2, 1, 3, "(SELECT * FROM \"%w\".x1060_store_action WHERE cdc="
                  "(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'G', 2, 1, 3, "(SELECT * FROM \"%w\".x1060_store_setting WHERE cdc="
                  "(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s))" },
  { 'Z', 2, 1, 3, "(SELECT * FROM \"%w\".x1060_store_action_snapshot WHERE "
                  "cdc=(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE "
                  "cdc_name=%s))" },
  { 'W', 2, 1, 3, "(SELECT * FROM \"%w\".x1060_store_action_history WHERE "
                  "cdc=(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE "
                  "cdc_name=%s))" },
  { 'U', 2, 1, 3, "(SELECT * FROM \"%w\".x1060_store_assessment WHERE "
                  "cdc=(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE "
                  "cdc_name=%s))" },
  { 'B', 2, 1, 3, "(SELECT * FROM \"%w\".x1060_store_assessment_snapshot "
                  "WHERE cdc=(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE "
                  "cdc_name=%s))" },
  { 'K', 2, 1, 4, "(SELECT * FROM \"%w\".x1060_store_attribute WHERE "
                  "cdc=(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE "
                  "cdc_name=%s))" },
  { 'C', 1, 1, 0, "(SELECT * FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s)" },
  { 'I', 1, 1, 0, "(SELECT cdc FROM \"%w\".x1060_store_cdc WHERE cdc_name=%s)" },
  { 'S', 1, 0, 0, "\"%w\"" },
  { 'A', 1, 0, 0, "\"%w\".x1060_cdc_services" },
  { 'Q', 0, 1, 0, "%s" },
};

/* Append to pStr the rows of placeholder c in a storage that has no table
** for it: none, with the table's columns (those named, then those of the
** column list, if any). */
static void fillEmpty(sqlite3_str *pStr, char c){
  static const struct {
    char c; const char *zNamed; const CdcColumn *aCol; int nCol;
  } aEmpty[] = {
    { 'X', "cdc,action_id", x1060ActionColumns, ACT_NCOL },
    { 'Z', "cdc,label,taken_at,action_id", x1060ActionColumns, ACT_NCOL },
    { 'W', "id,cdc,changed_at,action_id,operation,column_name,old_value,"
           "new_value", 0, 0 },
    { 'G', "cdc,key,value", 0, 0 },
    { 'U', "cdc," X1060_ASSESSMENT_COLUMNS, 0, 0 },
    { 'B', "cdc,label," X1060_ASSESSMENT_COLUMNS, 0, 0 },
    { 'K', "cdc", x1060AttributeColumns, X1060_NATTRIBUTE },
  };
  const char *z;
  int i, k;
  for(k=0; k<X1060_ARRAY_SIZE(aEmpty)-1 && aEmpty[k].c!=c; k++){}
  sqlite3_str_appendall(pStr, "(SELECT ");
  for(z=aEmpty[k].zNamed; *z; z+=(*z==',')){
    int n = (int)strcspn(z, ",");
    sqlite3_str_appendf(pStr, "%sNULL AS %.*s", z==aEmpty[k].zNamed ? ""
                        : ",", n, z);
    z += n;
  }
  for(i=0; i<aEmpty[k].nCol; i++){
    sqlite3_str_appendf(pStr, ",NULL AS %s", aEmpty[k].aCol[i].zName);
  }
  sqlite3_str_appendall(pStr, " WHERE 0)");
}

/* See x1060_int.h (store.c). */
char *x1060FillSqlAt(const char *zSql, const char *zSchema,
                     const char *zName, int iFormat){
  sqlite3_str *pStr = sqlite3_str_new(0);
  char *zLit = zName ? sqlite3_mprintf("%Q", zName) : 0;
  const char *zN = zName ? zLit : X1060_CDC_PARAM;
  const char *z;
  if( zN==0 ){
    sqlite3_free(sqlite3_str_finish(pStr));
    return 0;
  }
  for(z=zSql; *z; z++){
    const struct FillPart *pPart = 0;
    size_t i;
    for(i=0; z[0]=='$' && pPart==0 && i<X1060_ARRAY_SIZE(aFill); i++){
      if( aFill[i].c==z[1] ) pPart = &aFill[i];
    }
    if( pPart==0 ){
      sqlite3_str_appendchar(pStr, 1, *z);
    }else if( pPart->iSince>iFormat ){
      fillEmpty(pStr, pPart->c);
    }else if( pPart->nSchema==2 ){
      sqlite3_str_appendf(pStr, pPart->zFmt, zSchema, zSchema, zN);
    }else if( pPart->nSchema==1 && pPart->bName ){
      sqlite3_str_appendf(pStr, pPart->zFmt, zSchema, zN);
    }else{
      sqlite3_str_appendf(pStr, pPart->zFmt, pPart->bName ? zN : zSchema);
    }
    if( pPart ) z++;
  }
  sqlite3_free(zLit);
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h (store.c). */
char *x1060FillSql(const char *zSql, const char *zSchema, const char *zName){
  return x1060FillSqlAt(zSql, zSchema, zName, STORE_FORMAT);
}

/* The flags of a row p of the BI views, in core SQL (rules.c). */
#define BI_CAT X1060_SQL_CATALOGUED("p")
#define BI_SCO X1060_SQL_SCORED("p")

/* The CDC's name in a view that groups by CDC: cdc, and gk to group by.
** A query's WHERE cdc=? then reaches the view's own WHERE, and reads one
** CDC through the index on cdc_name, rather than filtering after every
** CDC's groups: SQLite (3.40 and later) moves a condition on a grouped
** view only to a term of its GROUP BY that compares as BINARY, and
** cdc_name is NOCASE (as UNIQUE, two names never differ only in case, so
** grouping by it as BINARY makes the same groups). */
#define BI_NAME "c.cdc_name AS cdc, c.cdc_name COLLATE BINARY AS gk"

/* x1060_bi_trend's rows of one state table: per CDC (label) and category,
** the scores' formulas. */
#define BI_TREND(label, taken, table, by) \
  "SELECT cdc, label, min(taken_at) AS taken_at, category, " \
  X1060_SQL_SCORES " FROM (SELECT c.cdc AS k, " BI_NAME ", " label \
  " AS label, " taken " AS taken_at, p.category AS category, p.as_is AS " \
  "as_is, p.to_be AS to_be, coalesce(" BI_SCO ", 0) AS sco FROM " \
  "x1060_store_cdc c JOIN " table " p ON p.cdc=c.cdc) GROUP BY k, gk, " by \
  "category"

/* The views, in the order they are made (later ones read earlier ones).
** The services and the actions are read CDC by CDC (CROSS JOIN keeps that
** order; the CDCs' table in key order, as these views need more of it than
** its index on cdc_name holds): each CDC's rows are one range of the
** table's primary key rather than a look-up of the service's row through
** the index on service_id.  The other views read their table in its own
** order and look the CDC up per row: read CDC by CDC, the snapshots took
** as long at 50,000 CDCs (3.0 s and 3.1 s, warm), and a view that needs
** only the CDC's name would read the CDCs through the index on cdc_name,
** in the names' order, and the table's ranges out of order.  A query's
** WHERE cdc=? reads one CDC through the index on cdc_name in every one. */
static const char *const azView[][2] = {
  { "x1060_bi_cdcs",
    "SELECT c.cdc_name AS cdc, c.org AS org, c.kind AS kind, c.created_at "
    "AS created_at, c.edition AS edition, a.sector AS sector, a.size AS "
    "size, a.region AS region, a.assessed_by AS assessed_by FROM "
    "x1060_store_cdc c LEFT JOIN x1060_store_attribute a ON a.cdc=c.cdc" },
  { "x1060_bi_portfolio",
    "SELECT c.cdc_name AS cdc, c.org AS org, s.service_id AS service_id, "
    "s.name AS name, s.name_ja AS name_ja, s.category AS category, s.phase "
    "AS phase, s.level AS level, s.assignment AS assignment, s.team AS team, "
    "s.outsourcer AS outsourcer, s.as_is AS as_is, s.to_be AS to_be, "
    "s.excluded AS excluded, CASE WHEN s.excluded=0 THEN s.to_be-s.as_is END"
    " AS gap, s.owner AS owner, s.due AS due, s.custom AS custom, "
    "s.updated_at AS updated_at, s.seq_no AS seq_no FROM x1060_store_cdc c "
    "CROSS JOIN x1060_store_service s ON s.cdc=c.cdc" },
  { "x1060_bi_snapshots",
    "SELECT c.cdc_name AS cdc, s.label AS label, s.taken_at AS taken_at, "
    "s.seq_no AS seq_no, s.service_id AS service_id, s.category AS category, "
    "s.name AS name, s.level AS level, s.assignment AS assignment, s.team AS "
    "team, s.outsourcer AS outsourcer, s.as_is AS as_is, s.to_be AS to_be, "
    "s.excluded AS excluded, s.phase AS phase, s.owner AS owner, s.due AS "
    "due, s.custom AS custom FROM x1060_store_snapshot s JOIN "
    "x1060_store_cdc c ON c.cdc=s.cdc" },
  { "x1060_bi_history",
    "SELECT c.cdc_name AS cdc, h.id AS id, h.changed_at AS changed_at, "
    "h.service_id AS service_id, h.operation AS operation, h.column_name AS "
    "column_name, h.old_value AS old_value, h.new_value AS new_value FROM "
    "x1060_store_history h JOIN x1060_store_cdc c ON c.cdc=h.cdc" },
  /* (the current state and the snapshots grouped apart: neither is
  ** copied into a union before grouping) */
  { "x1060_bi_trend",
    BI_TREND("'current'", "NULL", "x1060_store_service", "") " UNION ALL "
    BI_TREND("p.label", "p.taken_at", "x1060_store_snapshot", "label, ") },
  { "x1060_bi_actions",
    "SELECT c.cdc_name AS cdc, c.org AS org, a.action_id AS action_id, "
    "a.service_id AS service_id, a.category AS category, coalesce(s.phase, "
    "k.phase) AS phase, a.title AS title, a.cycle AS cycle, a.status AS "
    "status, a.owner AS owner, a.started AS started, a.due AS due, "
    "a.completed AS completed, a.progress AS progress, a.target AS target, "
    "a.effort AS effort, a.cost AS cost, a.currency AS currency, a.note AS "
    "note, a.updated_at AS updated_at, " X1060_SQL_OVERDUE("a") " AS overdue "
    "FROM x1060_store_cdc c CROSS JOIN x1060_store_action a ON a.cdc=c.cdc "
    "LEFT JOIN x1060_store_service s ON s.cdc=a.cdc AND s.service_id="
    "a.service_id LEFT JOIN x1060_bi_categories k ON k.category=a.category" },
  { "x1060_bi_assessments",
    "SELECT c.cdc_name AS cdc, s.service_id AS service_id, q.side AS side, "
    "q.assignment AS assignment, q.answers AS answers, q.evidence AS "
    "evidence, q.score AS score, q.assessed_at AS assessed_at, CASE q.side "
    "WHEN 'as_is' THEN s.as_is ELSE s.to_be END AS stored_score FROM "
    "x1060_store_assessment q JOIN x1060_store_cdc c ON c.cdc=q.cdc JOIN "
    "x1060_store_service s ON s.cdc=q.cdc AND s.seq_no=q.seq_no" },
  { "x1060_bi_findings", 0 },             /* findingsSql() */
  /* x1060_crosswalk_summary of every CDC, over the copy below: the CDCs in
  ** key order and the copy in element order (its index), so the groups
  ** come in order and SQLite sorts nothing */
  { "x1060_bi_frameworks",
    "SELECT cdc, framework, kind, ref_id, name, parent, ord AS seq, "
    "count(service_id) AS mapped, sum(cat) AS catalogued, sum(asg) AS "
    "assigned, " X1060_SQL_SCORES ", " X1060_SQL_GAP_TOTAL " FROM (SELECT "
    "c.cdc AS k, " BI_NAME ", f.*, p.as_is AS "
    "as_is, p.to_be AS to_be, coalesce(" BI_CAT ", 0) AS cat, coalesce("
    X1060_SQL_ASSIGNED("p") ", 0) AS asg, coalesce(" BI_SCO ", 0) AS sco "
    "FROM x1060_store_cdc c JOIN "
    "x1060_bi_framework_services f LEFT JOIN x1060_store_service p ON "
    "p.cdc=c.cdc AND p.service_id=f.service_id) GROUP BY k, gk, ord" },
};

/* The reference copies: name, columns, the query that fills them and the
** columns of an index that orders them for a view, if any. */
static const char *const azCopy[][4] = {
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
  { "x1060_bi_crosswalk",
    "service_id TEXT, framework TEXT, ref_id TEXT, ref_name TEXT, "
    "relation TEXT, rationale TEXT, judgement TEXT",
    "SELECT service_id, framework, ref_id, ref_name, relation, rationale, "
    "judgement FROM x1060_crosswalk" },
  /* (read by x1060_bi_frameworks: one row per element and service mapped
  ** to it, one with no service for an element that has none; read in the
  ** order of its index, which holds every column) */
  { "x1060_bi_framework_services",
    "framework TEXT, kind TEXT, ref_id TEXT, name TEXT, parent TEXT, "
    "ord INTEGER, service_id TEXT",
    CDC_CROSSWALK_WITH "SELECT e.framework, e.kind, e.ref_id, e.name, "
    "e.parent, e.ord, m.service_id FROM e LEFT JOIN m ON "
    "m.framework=e.framework AND m.ref_id=e.ref_id",
    "ord, service_id, framework, kind, ref_id, name, parent" },
};

/* The SELECT of x1060_bi_findings, from sqlite3_mprintf: the findings of
** findings.c over every CDC's services with the derived columns computed
** in core SQL (rules.c), team-load at its default limit 0.5. */
static char *findingsSql(void){
  char *zCols = cdcStoredColumnList("s.");
  char *zDerived = x1060DerivedSql("s");
  char *zActCols = x1060ActionColumnList("a.");
  char *zActions = zActCols ? sqlite3_mprintf("(SELECT c.cdc_name AS cdc, "
      "a.cdc AS k, a.action_id AS action_id, %s FROM x1060_store_action a "
      "JOIN x1060_store_cdc c ON c.cdc=a.cdc)", zActCols) : 0;
  X1060FindingsFrom from = { "r", "x1060_bi_categories", "0.5", zActions,
      "x1060_store_setting", "x1060_store_history", "(SELECT c.cdc_name AS "
      "cdc, q.seq_no AS seq_no, q.side AS side, q.assignment AS assignment, "
      "q.score AS score FROM x1060_store_assessment q JOIN x1060_store_cdc c "
      "ON c.cdc=q.cdc)" };
  char *zFind = zActions ? x1060FindingsSql(&from) : 0;
  char *zSql = 0;
  if( zCols && zDerived && zFind ){
    zSql = sqlite3_mprintf("SELECT f.cdc AS cdc, c.org AS org, f.service_id "
        "AS service_id, f.severity AS severity, f.code AS code, f.message AS "
        "message, f.process AS process, f.message_ja AS message_ja FROM "
        "(WITH r AS (SELECT c.cdc_name AS cdc, s.seq_no AS seq_no, %s, %s "
        "FROM x1060_store_service s JOIN x1060_store_cdc c ON c.cdc=s.cdc) "
        "%s) f JOIN x1060_store_cdc c ON c.cdc_name=f.cdc", zCols, zDerived,
        zFind);
  }
  sqlite3_free(zCols);
  sqlite3_free(zDerived);
  sqlite3_free(zFind);
  sqlite3_free(zActions);
  sqlite3_free(zActCols);
  return zSql;
}

/* See x1060_int.h. */
int x1060StorePublish(sqlite3 *db, const char *zDb, int bReplace){
  int rc = SQLITE_OK;
  size_t i;
  for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(azView); i++){
    char *zSelect = azView[i][1] ? sqlite3_mprintf("%s", azView[i][1])
                                 : findingsSql();
    if( zSelect==0 ) return SQLITE_NOMEM;
    if( bReplace ) rc = x1060Exec(db, sqlite3_mprintf("DROP VIEW IF EXISTS "
        "\"%w\".%s", zDb, azView[i][0]), 0, 0);
    if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("CREATE VIEW IF "
        "NOT EXISTS \"%w\".%s AS %s", zDb, azView[i][0], zSelect), 0, 0);
    sqlite3_free(zSelect);
  }
  for(i=0; rc==SQLITE_OK && i<X1060_ARRAY_SIZE(azCopy); i++){
    rc = x1060Exec(db, sqlite3_mprintf("CREATE TABLE IF NOT EXISTS "
        "\"%w\".%s(%s)", zDb, azCopy[i][0], azCopy[i][1]), 0, 0);
    if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("DELETE FROM "
        "\"%w\".%s", zDb, azCopy[i][0]), 0, 0);
    if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("INSERT INTO "
        "\"%w\".%s %s", zDb, azCopy[i][0], azCopy[i][2]), 0, 0);
    if( rc==SQLITE_OK && azCopy[i][3] ){
      rc = x1060Exec(db, sqlite3_mprintf("CREATE INDEX IF NOT EXISTS "
          "\"%w\".%s_order ON %s(%s)", zDb, azCopy[i][0], azCopy[i][0],
          azCopy[i][3]), 0, 0);
    }
  }
  return rc;
}

/* Names of the history triggers on x1060_store_service, by operation. */
X1060_DATA_DEF const char *const cdcTriggerOps[3] = {
  "insert", "update", "delete"
};

/* The tables whose every change is history: the services (their inserts
** and deletes only for custom services: Annex A rows come and go with
** their CDC) and the improvement actions.  Each one's key column, the
** column whose value an insert or delete records, and its history table. */
static const struct StoreHistory {
  const char *zTable, *zKey, *zLabel, *zHistory, *zWhen;
} aHistory[] = {
  { "x1060_store_service", "service_id", "name", "x1060_store_history",
    "custom=1" },
  { "x1060_store_action", "action_id", "title", "x1060_store_action_history",
    0 },
};

/*
** CREATE TRIGGER for history trigger iTrigger in zSchema, from
** sqlite3_mprintf: trigger iTrigger%3 (0 insert, 1 update, 2 delete) of
** table iTrigger/3 of aHistory.  The triggers write the history in core
** SQL: one row per insert or delete, one per changed column of an update
** (updated_at aside).  Every write, through x1060 or not, is recorded, in
** the same statement as the write.
*/
static char *storeTriggerSql(const char *zSchema, int iTrigger){
  const struct StoreHistory *h = &aHistory[iTrigger/3];
  const int iOp = iTrigger%3, bAction = iTrigger>=3;
  const char *zRow = iOp==0 ? "new" : "old";
  sqlite3_str *pStr = sqlite3_str_new(0);
  int k;
  sqlite3_str_appendf(pStr, "CREATE TRIGGER IF NOT EXISTS \"%w\".%s_%s "
      "AFTER %s ON %s", zSchema, h->zTable, cdcTriggerOps[iOp],
      iOp==0 ? "INSERT" : iOp==1 ? "UPDATE" : "DELETE", h->zTable);
  if( h->zWhen && iOp!=1 ){
    sqlite3_str_appendf(pStr, " WHEN %s.%s", zRow, h->zWhen);
  }
  sqlite3_str_appendf(pStr, " BEGIN\nINSERT INTO %s(cdc,changed_at,%s,"
      "operation,column_name,old_value,new_value) ", h->zHistory, h->zKey);
  if( iOp!=1 ){
    sqlite3_str_appendf(pStr, "VALUES(%s.cdc,%s,%s.%s,'%s',NULL,", zRow,
                        CDC_NOW_SQL, zRow, h->zKey, cdcTriggerOps[iOp]);
    if( iOp==0 ) sqlite3_str_appendf(pStr, "NULL,new.%s);\n", h->zLabel);
    else sqlite3_str_appendf(pStr, "old.%s,NULL);\n", h->zLabel);
  }else{
    /* one statement: every column as a row (c, o, n) of a UNION ALL, of
    ** which those that changed are kept */
    int nCol = bAction ? ACT_NCOL : CDC_NSTORED;
    sqlite3_str_appendf(pStr, "SELECT new.cdc,%s,new.%s,'update',c,o,n FROM(",
                        CDC_NOW_SQL, h->zKey);
    for(k=0; k<nCol; k++){
      const char *zCol = bAction ? x1060ActionColumns[k].zName
                                 : cdcColumns[cdcStored(k)].zName;
      if( strcmp(zCol, "updated_at")==0 ) continue;
      sqlite3_str_appendf(pStr, k ? "\nUNION ALL SELECT'%s',old.%s,new.%s"
          : "SELECT'%s'c,old.%s o,new.%s n", zCol, zCol, zCol);
    }
    sqlite3_str_appendall(pStr, ")WHERE o IS NOT n;\n");
  }
  sqlite3_str_appendall(pStr, "END");
  return sqlite3_str_finish(pStr);
}

/*
** The storage's objects, listed once, in the order they are made: each
** one's name, kind ("virtual", "table", "index" or "trigger"), the table
** an index or trigger is on, what is lost without it, and its DDL: a
** format of the schema (%w) and then the stored columns' definitions
** (%s).  x1060_store has none (its owner, made by CREATE VIRTUAL TABLE),
** nor the history triggers (storeTriggerSql).  Made from this list: the
** storage (storeCreateTables), its repair, DROP TABLE x1060_store, the
** shadow names, and the check of x1060_integrity (cdc_admin.c).
*/
/* The CHECKs of a storage's keys (x1060 0.3.0 made some of them, not all:
** storeObjectProblem). */
#define STORE_CDC_CHECK " CHECK(cdc BETWEEN 1 AND " X1060_STR(CDC_ID_MAX) ")"
#define STORE_SEQ_CHECK " CHECK(seq_no BETWEEN 1 AND " \
                        X1060_STR(CDC_SEQ_MAX) ")"
#define STORE_ACTION_CHECK " CHECK(action_id BETWEEN 1 AND " \
                           X1060_STR(ACT_ID_MAX) ")"
/* The columns of an assessment (x1060_store_assessment and its snapshot):
** which score, the assignment the answers were given for, the answers to
** its rubric (x1060_score's JSON), the evidence of each, the score they
** give (NULL: N/A), and when.  (The CHECKs ask for JSON objects by their
** first character: json_valid() in a CHECK would turn an out-of-memory
** error into a constraint failure; x1060_integrity parses them.) */
#define STORE_ASSESSMENT_COLUMNS \
  "  side TEXT NOT NULL CHECK(side='as_is' OR side='to_be'),\n" \
  "  assignment TEXT NOT NULL CHECK(assignment='Insourcing' OR " \
  "assignment='Outsourcing' OR assignment='Combination'),\n" \
  "  answers TEXT NOT NULL CHECK(typeof(answers)='text' AND " \
  "substr(answers,1,1)='{'),\n" \
  "  evidence TEXT CHECK(evidence IS NULL OR (typeof(evidence)='text' AND " \
  "substr(evidence,1,1)='{')),\n" \
  "  score INTEGER CHECK(score IS NULL OR (typeof(score)='integer' AND " \
  "score BETWEEN 1 AND 5)),\n  assessed_at TEXT NOT NULL,\n"

/* What a storage of format 3 misses until it is upgraded. */
#define STORE_LOST_ATTRIBUTES X1060_MSG_LOST_ATTRIBUTES
/* What a storage of format 2 (x1060 0.3.0) misses until it is upgraded. */
#define STORE_LOST_ACTIONS X1060_MSG_LOST_ACTIONS

X1060_DATA_DEF const X1060StoreObject x1060StoreObjects[X1060_NSTORE_OBJECT] = {
  { "x1060_store", "virtual", 0, 0,
  "CREATE VIRTUAL TABLE IF NOT EXISTS \"%w\".x1060_store USING x1060_store", 0, 0 },
  { "x1060_store_config", "table", 0, 0,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_config(key TEXT PRIMARY "
  "KEY, value) "
  "WITHOUT ROWID", 0, 0 },
  { "x1060_store_cdc", "table", 0, 0,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_cdc(\n"
  "  cdc INTEGER PRIMARY KEY" STORE_CDC_CHECK ",\n"
  "  cdc_name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK(typeof(cdc_name)"
  "='text' AND length(cdc_name) BETWEEN 1 AND " X1060_STR(CDC_NAME_MAX) "),\n"
  "  org TEXT NOT NULL CHECK(typeof(org)='text'),\n"
  "  kind TEXT NOT NULL CHECK(kind='table' OR kind='row'),\n"
  "  created_at TEXT NOT NULL,\n  edition TEXT NOT NULL,\n"
  "  x1060_version TEXT NOT NULL\n)", 0, 0 },
  { "x1060_store_service", "table", 0, 0,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_service(\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n"
  "  seq_no INTEGER NOT NULL" STORE_SEQ_CHECK ",\n  %s,\n"
  "  PRIMARY KEY(cdc, seq_no),\n  UNIQUE(cdc, service_id)\n) WITHOUT ROWID", 0, 0 },
  { "x1060_store_history", "table", 0, 0,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_history(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n  changed_at TEXT NOT NULL,\n"
  "  service_id TEXT NOT NULL,\n"
  "  operation TEXT NOT NULL CHECK(operation='insert' OR "
  "operation='update' OR operation='delete'),\n  column_name TEXT,\n"
  "  old_value,\n  new_value\n)", 0, 0 },
  { "x1060_store_history_cdc", "index", "x1060_store_history",
    X1060_MSG_LOST_HISTORY_INDEX,
  "CREATE INDEX IF NOT EXISTS \"%w\".x1060_store_history_cdc ON "
  "x1060_store_history(cdc, id)", 0, 0 },
  { "x1060_store_snapshot", "table", 0, 0,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_snapshot(\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n"
  "  label TEXT NOT NULL CHECK(length(label)>0),\n"
  "  taken_at TEXT NOT NULL,\n  seq_no INTEGER NOT NULL" STORE_SEQ_CHECK
  ",\n  %s,\n"
  "  PRIMARY KEY(cdc, label, service_id)\n) WITHOUT ROWID", 0, 0 },
  { "x1060_store_service_insert", "trigger", "x1060_store_service",
    X1060_MSG_LOST_SERVICE_HISTORY, 0, 0, 0 },
  { "x1060_store_service_update", "trigger", "x1060_store_service",
    X1060_MSG_LOST_SERVICE_HISTORY, 0, 0, 0 },
  { "x1060_store_service_delete", "trigger", "x1060_store_service",
    X1060_MSG_LOST_SERVICE_HISTORY, 0, 0, 0 },
  /* a new CDC gets the Annex A services, undecided, with the service's
  ** default axes and its category's default phase; a CDC removed takes its
  ** services, history and snapshots with it (services first: their delete
  ** trigger writes history) */
  { "x1060_store_cdc_insert", "trigger", "x1060_store_cdc",
    X1060_MSG_LOST_NEW_CDC,
  "CREATE TRIGGER IF NOT EXISTS \"%w\".x1060_store_cdc_insert AFTER INSERT "
  "ON x1060_store_cdc BEGIN\nINSERT INTO x1060_store_service(cdc,seq_no,"
  "service_id,category,name,name_ja,excluded,information,expertise,phase,"
  "custom,updated_at) SELECT new.cdc,s.rowid,s.service_id,s.category,s.name,"
  "s.name_ja,0,s.information,s.expertise,s.phase,0,new.created_at FROM "
  "x1060_services s;\nEND", 0, 0 },
  { "x1060_store_cdc_delete", "trigger", "x1060_store_cdc",
    X1060_MSG_LOST_CDC_ROWS,
  "CREATE TRIGGER IF NOT EXISTS \"%w\".x1060_store_cdc_delete AFTER DELETE "
  "ON x1060_store_cdc BEGIN\nDELETE FROM x1060_store_service WHERE "
  "cdc=old.cdc;\nDELETE FROM x1060_store_history WHERE cdc=old.cdc;\n"
  "DELETE FROM x1060_store_snapshot WHERE cdc=old.cdc;\nEND", 0, 0 },
  /* the schema's own x1060_cdc_services (the eponymous one reads main) */
  { "x1060_cdc_services", "virtual", 0,
    X1060_MSG_LOST_CDC_SERVICES,
  "CREATE VIRTUAL TABLE IF NOT EXISTS \"%w\".x1060_cdc_services USING "
  "x1060_cdc_services(storage)", 0, 0 },
  /* format 3 (x1060 0.4.0): the improvement actions, their history and
  ** snapshots, and the CDCs' settings (%s: the action columns) */
  { "x1060_store_action", "table", 0, STORE_LOST_ACTIONS,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_action(\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n"
  "  action_id INTEGER NOT NULL" STORE_ACTION_CHECK ",\n  %s,\n"
  "  PRIMARY KEY(cdc, action_id)\n) WITHOUT ROWID", 1, 3 },
  { "x1060_store_action_history", "table", 0, STORE_LOST_ACTIONS,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_action_history(\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n  changed_at TEXT NOT NULL,\n"
  "  action_id INTEGER NOT NULL,\n"
  "  operation TEXT NOT NULL CHECK(operation='insert' OR "
  "operation='update' OR operation='delete'),\n  column_name TEXT,\n"
  "  old_value,\n  new_value\n)", 0, 3 },
  { "x1060_store_action_history_cdc", "index", "x1060_store_action_history",
    X1060_MSG_LOST_ACTION_HISTORY_INDEX,
  "CREATE INDEX IF NOT EXISTS \"%w\".x1060_store_action_history_cdc ON "
  "x1060_store_action_history(cdc, id)", 0, 3 },
  { "x1060_store_action_snapshot", "table", 0, STORE_LOST_ACTIONS,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_action_snapshot(\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n"
  "  label TEXT NOT NULL CHECK(length(label)>0),\n"
  "  taken_at TEXT NOT NULL,\n  action_id INTEGER NOT NULL"
  STORE_ACTION_CHECK ",\n  %s,\n"
  "  PRIMARY KEY(cdc, label, action_id)\n) WITHOUT ROWID", 1, 3 },
  { "x1060_store_setting", "table", 0, STORE_LOST_ACTIONS,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_setting(\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n"
  "  key TEXT NOT NULL CHECK(%s),\n"
  "  value NOT NULL CHECK(typeof(value) IN ('integer','real') AND "
  "value>=0),\n  PRIMARY KEY(cdc, key)\n) WITHOUT ROWID", 2, 3 },
  { "x1060_store_action_insert", "trigger", "x1060_store_action",
    X1060_MSG_LOST_ACTION_HISTORY, 0, 0, 3 },
  { "x1060_store_action_update", "trigger", "x1060_store_action",
    X1060_MSG_LOST_ACTION_HISTORY, 0, 0, 3 },
  { "x1060_store_action_delete", "trigger", "x1060_store_action",
    X1060_MSG_LOST_ACTION_HISTORY, 0, 0, 3 },
  /* the answers to the rubric behind a service's score (as_is or to_be),
  ** and as each snapshot kept them */
  { "x1060_store_assessment", "table", 0, STORE_LOST_ACTIONS,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_assessment(\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n"
  "  seq_no INTEGER NOT NULL" STORE_SEQ_CHECK ",\n" STORE_ASSESSMENT_COLUMNS
  "  PRIMARY KEY(cdc, seq_no, side)\n) WITHOUT ROWID", 0, 3 },
  { "x1060_store_assessment_snapshot", "table", 0, STORE_LOST_ACTIONS,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_assessment_snapshot(\n"
  "  cdc INTEGER NOT NULL" STORE_CDC_CHECK ",\n"
  "  label TEXT NOT NULL CHECK(length(label)>0),\n"
  "  seq_no INTEGER NOT NULL" STORE_SEQ_CHECK ",\n" STORE_ASSESSMENT_COLUMNS
  "  PRIMARY KEY(cdc, label, seq_no, side)\n) WITHOUT ROWID", 0, 3 },
  /* a CDC removed takes its actions (first: their delete trigger writes
  ** history), their history and snapshots, its assessments and its
  ** settings with it; a service removed, its assessment */
  { "x1060_store_cdc_delete_actions", "trigger", "x1060_store_cdc",
    X1060_MSG_LOST_CDC_ACTIONS,
  "CREATE TRIGGER IF NOT EXISTS \"%w\".x1060_store_cdc_delete_actions AFTER "
  "DELETE ON x1060_store_cdc BEGIN\nDELETE FROM x1060_store_action WHERE "
  "cdc=old.cdc;\nDELETE FROM x1060_store_action_history WHERE cdc=old.cdc;\n"
  "DELETE FROM x1060_store_action_snapshot WHERE cdc=old.cdc;\nDELETE FROM "
  "x1060_store_assessment WHERE cdc=old.cdc;\nDELETE FROM "
  "x1060_store_assessment_snapshot WHERE cdc=old.cdc;\nDELETE FROM "
  "x1060_store_setting WHERE cdc=old.cdc;\nEND", 0, 3 },
  { "x1060_store_service_delete_assessment", "trigger",
    "x1060_store_service", X1060_MSG_LOST_SERVICE_ASSESSMENT,
  "CREATE TRIGGER IF NOT EXISTS \"%w\".x1060_store_service_delete_"
  "assessment AFTER DELETE ON x1060_store_service BEGIN\nDELETE FROM "
  "x1060_store_assessment WHERE cdc=old.cdc AND seq_no=old.seq_no;\nEND",
  0, 3 },
  /* format 4 (x1060 0.4.0): the attributes that describe the organisation
  ** (%s: their columns), one row per CDC that has any */
  { "x1060_store_attribute", "table", 0, STORE_LOST_ATTRIBUTES,
  "CREATE TABLE IF NOT EXISTS \"%w\".x1060_store_attribute(\n"
  "  cdc INTEGER PRIMARY KEY" STORE_CDC_CHECK ",\n  %s\n)", 3, 4 },
  { "x1060_store_cdc_delete_attributes", "trigger", "x1060_store_cdc",
    X1060_MSG_LOST_CDC_ATTRIBUTES,
  "CREATE TRIGGER IF NOT EXISTS \"%w\".x1060_store_cdc_delete_attributes "
  "AFTER DELETE ON x1060_store_cdc BEGIN\nDELETE FROM x1060_store_attribute "
  "WHERE cdc=old.cdc;\nEND", 0, 4 },
};

/* Create the storage tables, triggers and views in zSchema, those that are
** not there (all of them for a new storage; the missing ones of a damaged
** one, empty, which x1060StoreRepair asks for). */
/* What the %s of the DDL of storage objects with eColumns e stands for
** (X1060StoreObject), from sqlite3_mprintf. */
static char *storeColumnsText(int e){
  if( e==1 ) return x1060ColumnsDdl(x1060ActionColumns, ACT_NCOL);
  if( e==2 ) return x1060SettingKeysCheck();
  if( e==3 ) return x1060ColumnsDdl(x1060AttributeColumns, X1060_NATTRIBUTE);
  return cdcDataColumnsDdl();
}

static int storeCreateTables(sqlite3 *db, const char *zS){
  char *azCols[4];
  int rc = SQLITE_OK, i, iOp = 0;
  for(i=0; i<4; i++){
    azCols[i] = storeColumnsText(i);
    if( azCols[i]==0 ) rc = SQLITE_NOMEM;
  }
  for(i=0; rc==SQLITE_OK && i<X1060_NSTORE_OBJECT; i++){
    const X1060StoreObject *o = &x1060StoreObjects[i];
    if( strcmp(o->zKind, "virtual")==0 ){
      continue;                   /* below: they read the tables */
    }else if( o->zDdl ){
      rc = x1060Exec(db, sqlite3_mprintf(o->zDdl, zS, azCols[o->eColumns]),
                     0, 0);
    }else if( strcmp(o->zKind, "trigger")==0 ){
      rc = x1060Exec(db, storeTriggerSql(zS, iOp++), 0, 0);
    }
  }
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf(
      "INSERT OR IGNORE INTO \"%w\".x1060_store_config(key, value) VALUES"
      "('format', %d), ('x1060_version', '%s'), ('created_at', " CDC_NOW ")",
      zS, STORE_FORMAT, X1060_VERSION), 0, 0);
  for(i=1; rc==SQLITE_OK && i<X1060_NSTORE_OBJECT; i++){
    /* the virtual tables but x1060_store (whose xCreate runs this) */
    const X1060StoreObject *o = &x1060StoreObjects[i];
    if( strcmp(o->zKind, "virtual")==0 ){
      rc = x1060Exec(db, sqlite3_mprintf(o->zDdl, zS), 0, 0);
    }
  }
  if( rc==SQLITE_OK ) rc = x1060StorePublish(db, zS, 0);
  for(i=0; i<4; i++) sqlite3_free(azCols[i]);
  return rc;
}

/*
** The format of the storage in zSchema: STORE_FORMAT_UPGRADABLE ..
** STORE_FORMAT, or 0 when there is none.  A storage of another format,
** or a damaged one, is an error with
** a message in *pzErr.
*/
static int storeFormat(sqlite3 *db, const char *zSchema, int *piFormat,
                       char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT value FROM \"%w\".x1060_store_config "
                               "WHERE key='format'", zSchema);
  int rc = x1060PrepareStorage(db, zSql, 0, &pStmt, zSchema,
                               "x1060_store_config");
  sqlite3_free(zSql);
  *piFormat = 0;
  if( rc==SQLITE_NOTFOUND ){
    return SQLITE_OK;                       /* no storage yet */
  }
  if( rc==SQLITE_OK ){
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      sqlite3_value *v = sqlite3_column_value(pStmt, 0);
      if( sqlite3_value_type(v)==SQLITE_INTEGER
       && sqlite3_value_int64(v)>=STORE_FORMAT_UPGRADABLE
       && sqlite3_value_int64(v)<=STORE_FORMAT ){
        *piFormat = (int)sqlite3_value_int64(v);
      }else if( sqlite3_value_type(v)==SQLITE_INTEGER
             && sqlite3_value_int64(v)>STORE_FORMAT ){
        char zV[24];
        sqlite3_snprintf(sizeof(zV), zV, "%lld", sqlite3_value_int64(v));
        *pzErr = x1060Msg(db, X1060_MSG_STORAGE_NEWER, zSchema, zV,
                          X1060_VERSION, X1060_STR(STORE_FORMAT));
        rc = SQLITE_ERROR;
      }else{
        char *zVal = x1060DescribeValueIn(v, x1060ConnLanguage(db));
        *pzErr = x1060Msg(db, X1060_MSG_CONFIG_CORRUPT, zSchema,
                          zVal ? zVal : "?", X1060_STR(STORE_FORMAT));
        sqlite3_free(zVal);
        rc = SQLITE_CORRUPT_VTAB;
      }
    }
    if( rc==SQLITE_OK ) rc = sqlite3_reset(pStmt);
  }
  if( rc!=SQLITE_OK && *pzErr==0 && (rc&0xff)!=SQLITE_NOMEM ){
    *pzErr = x1060Msg(db, X1060_MSG_STORAGE_UNREADABLE, zSchema,
                      sqlite3_errmsg(db));
  }
  if( rc==SQLITE_OK && *piFormat==0 ){
    *pzErr = x1060Msg(db, X1060_MSG_NO_FORMAT_ROW, zSchema);
    rc = SQLITE_CORRUPT_VTAB;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* Remove from z, in place, the first occurrence of zCut (bAll: every
** one). */
static void storeCut(char *z, const char *zCut, int bAll){
  size_t n = zCut ? strlen(zCut) : 0;
  char *zAt;
  while( z && n && (zAt = strstr(z, zCut))!=0 ){
    memmove(zAt, zAt+n, strlen(zAt+n)+1);
    if( !bAll ) break;
  }
}

/*
** The text sqlite_schema holds for storage object i of zSchema as x1060
** makes it: its DDL without "IF NOT EXISTS" and the schema (bOld: without
** the CHECKs of its keys, some of which x1060 0.3.0 did not make).  From
** sqlite3_mprintf; NULL on OOM.
*/
static char *storeObjectText(int i, const char *zSchema, int bOld){
  const X1060StoreObject *o = &x1060StoreObjects[i];
  char *zCols = 0, *zText = 0, *zPrefix;
  int j, iOp = 0;
  for(j=0; j<i; j++){
    if( x1060StoreObjects[j].zDdl==0 ) iOp++;    /* the history triggers */
  }
  if( o->zDdl ){
    zCols = storeColumnsText(o->eColumns);
    if( zCols ) zText = sqlite3_mprintf(o->zDdl, zSchema, zCols);
  }else{
    zText = storeTriggerSql(zSchema, iOp);
  }
  zPrefix = sqlite3_mprintf("IF NOT EXISTS \"%w\".", zSchema);
  if( zPrefix==0 ){
    sqlite3_free(zText);
    zText = 0;
  }
  storeCut(zText, zPrefix, 0);
  if( bOld ){
    storeCut(zText, STORE_CDC_CHECK, 1);
    storeCut(zText, STORE_SEQ_CHECK, 1);
  }
  sqlite3_free(zPrefix);
  sqlite3_free(zCols);
  return zText;
}

/* Whether zName is a storage object's name (not case-sensitive, as SQL
** names are not): its index in x1060StoreObjects, or -1. */
static int storeObjectIndex(const char *zName){
  int i;
  for(i=0; zName && i<X1060_NSTORE_OBJECT; i++){
    if( sqlite3_stricmp(zName, x1060StoreObjects[i].zName)==0 ) return i;
  }
  return -1;
}

/* The kind of a schema object zKind ('table', 'index', 'trigger', 'view',
** or 'virtual' for a virtual table) as a message names it. */
static const char *storeKindWord(int bJa, const char *zKind){
  static const struct { const char *zKind; int eMsg; } a[] = {
    { "virtual", X1060_MSG_KIND_VIRTUAL_TABLE }, { "table", X1060_MSG_KIND_TABLE },
    { "index", X1060_MSG_KIND_INDEX }, { "trigger", X1060_MSG_KIND_TRIGGER },
    { "view", X1060_MSG_KIND_VIEW },
  };
  int i;
  for(i=0; i<X1060_ARRAY_SIZE(a); i++){
    if( strcmp(a[i].zKind, zKind)==0 ) return x1060Text(bJa, a[i].eMsg);
  }
  return zKind;
}

/* The problem of storage object i, found in sqlite_schema as zType on
** zTbl with text zSql (zType NULL: not there), from sqlite3_mprintf; NULL
** when it is what x1060 makes.  *peKind is set to the problem's kind. */
static char *storeObjectProblem(int bJa, int i, const char *zSchema,
                                const char *zType, const char *zTbl,
                                const char *zSql, int *peKind, int *pbNomem){
  const X1060StoreObject *o = &x1060StoreObjects[i];
  const char *zKind = strcmp(o->zKind, "virtual")==0 ? "table" : o->zKind;
  char *zNow, *zOld;
  int bSame;
  *peKind = X1060_STORE_MISSING;
  if( zType==0 ){
    if( o->eLost ){
      return x1060MsgIn(bJa, X1060_MSG_OBJECT_MISSING_LOST, bJa
          ? storeKindWord(bJa, o->zKind) : o->zKind, o->zName,
          x1060Text(bJa, o->eLost));
    }
    return x1060MsgIn(bJa, X1060_MSG_OBJECT_MISSING, o->zName);
  }
  *peKind = X1060_STORE_FOREIGN;
  if( strcmp(zType, zKind)!=0 || sqlite3_stricmp(zTbl,
                                       o->zOn ? o->zOn : o->zName)!=0 ){
    return x1060MsgIn(bJa, o->zOn ? X1060_MSG_OBJECT_WRONG_KIND_ON
        : X1060_MSG_OBJECT_WRONG_KIND, o->zName, storeKindWord(bJa, zType),
        storeKindWord(bJa, o->zKind), o->zOn);
  }
  zNow = storeObjectText(i, zSchema, 0);
  zOld = strcmp(o->zKind, "table")==0 ? storeObjectText(i, zSchema, 1) : 0;
  bSame = zSql && zNow && strcmp(zSql, zNow)==0;
  if( !bSame && zSql && zOld ){
    /* x1060 0.3.0 checked some keys, not all: compared without them */
    char *zSeen = sqlite3_mprintf("%s", zSql);
    if( zSeen==0 ) *pbNomem = 1;
    storeCut(zSeen, STORE_CDC_CHECK, 1);
    storeCut(zSeen, STORE_SEQ_CHECK, 1);
    bSame = zSeen && strcmp(zSeen, zOld)==0;
    sqlite3_free(zSeen);
  }
  if( zNow==0 || (zOld==0 && strcmp(o->zKind, "table")==0) ) *pbNomem = 1;
  sqlite3_free(zNow);
  sqlite3_free(zOld);
  if( bSame || *pbNomem ) return 0;
  return x1060MsgIn(bJa, X1060_MSG_OBJECT_REDEFINED,
                    storeKindWord(bJa, o->zKind), o->zName);
}

/* See x1060_int.h. */
int x1060StoreProblems(sqlite3 *db, const char *zSchema,
                       void (*xProblem)(void*, int eKind, char *zProblem),
                       void *pArg){
  sqlite3_stmt *pStmt = 0;
  int rc, i, bNomem = 0, iFormat = 0, aSeen[X1060_NSTORE_OBJECT];
  int bJa = x1060ConnLanguage(db);
  /* every storage object, every trigger on a storage table, every table or
  ** view named as one of x1060's eponymous tables */
  rc = x1060Prepare(db, sqlite3_mprintf("SELECT type, name, tbl_name, sql, "
      "type IN ('table','view') AND lower(name) IN (SELECT name FROM "
      "pragma_module_list WHERE substr(name,1,6)='x1060_' AND length(name)>6) "
      "FROM \"%w\".sqlite_schema WHERE lower(substr(name,1,5))='x1060' OR "
      "(type='trigger' AND lower(substr(tbl_name,1,5))='x1060')", zSchema), &pStmt);
  memset(aSeen, 0, sizeof(aSeen));
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zType = (const char*)sqlite3_column_text(pStmt, 0);
    const char *zName = (const char*)sqlite3_column_text(pStmt, 1);
    const char *zTbl = (const char*)sqlite3_column_text(pStmt, 2);
    const char *zSql = (const char*)sqlite3_column_text(pStmt, 3);
    int iObj = storeObjectIndex(zName), eKind = 0;
    char *zProblem = 0;
    if( zType==0 || zName==0 || zTbl==0 ){ rc = SQLITE_NOMEM; break; }
    if( iObj>=0 ){
      aSeen[iObj] = 1;
      zProblem = storeObjectProblem(bJa, iObj, zSchema, zType, zTbl, zSql,
                                    &eKind, &bNomem);
    }else if( strcmp(zType, "trigger")==0 && storeObjectIndex(zTbl)>=0 ){
      eKind = X1060_STORE_FOREIGN;
      zProblem = x1060MsgIn(bJa, X1060_MSG_FOREIGN_TRIGGER, zName, zTbl);
    }else if( sqlite3_column_int(pStmt, 4) ){
      eKind = X1060_STORE_FOREIGN;
      zProblem = x1060MsgIn(bJa, X1060_MSG_HIDING_TABLE,
                            storeKindWord(bJa, zType), zName);
    }else{
      continue;
    }
    if( zProblem ) xProblem(pArg, eKind, zProblem);
    else if( eKind==X1060_STORE_FOREIGN && iObj<0 ) bNomem = 1;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ){
    /* a storage of an older format lacks what later ones added */
    char *zIgnored = 0;
    if( storeFormat(db, zSchema, &iFormat, &zIgnored)!=SQLITE_OK
     || iFormat==0 ){
      iFormat = STORE_FORMAT;
    }
    sqlite3_free(zIgnored);
  }
  for(i=0; rc==SQLITE_OK && i<X1060_NSTORE_OBJECT; i++){
    int eKind = 0;
    if( aSeen[i] || x1060StoreObjects[i].iSince>iFormat ) continue;
    xProblem(pArg, X1060_STORE_MISSING,
             storeObjectProblem(bJa, i, zSchema, 0, 0, 0, &eKind, &bNomem));
  }
  return rc==SQLITE_OK && bNomem ? SQLITE_NOMEM : rc;
}

/* The first problem of a storage that makes x1060 refuse it. */
typedef struct StoreGate StoreGate;
struct StoreGate { char *zFirst; int bNomem; };

static void storeGateProblem(void *pArg, int eKind, char *zProblem){
  StoreGate *g = (StoreGate*)pArg;
  if( zProblem==0 ) g->bNomem = 1;
  if( eKind==X1060_STORE_FOREIGN && g->zFirst==0 ) g->zFirst = zProblem;
  else sqlite3_free(zProblem);
}

/* The schema cookie of zSchema, in *piCookie. */
static int storeCookie(sqlite3 *db, const char *zSchema,
                       sqlite3_int64 *piCookie){
  sqlite3_stmt *pStmt = 0;
  int rc = x1060Prepare(db, sqlite3_mprintf("PRAGMA \"%w\".schema_version",
                                            zSchema), &pStmt);
  *piCookie = 0;
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *piCookie = sqlite3_column_int64(pStmt, 0);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* See x1060_int.h. */
int x1060StoreGate(sqlite3 *db, const char *zSchema, char **pzErr){
  sqlite3_int64 iCookie = 0;
  int iFormat = 0;
  int rc = storeCookie(db, zSchema, &iCookie);
  if( rc==SQLITE_OK && !x1060ConnIsChecked(db, zSchema, iCookie) ){
    StoreGate g;
    memset(&g, 0, sizeof(g));
    rc = x1060StoreProblems(db, zSchema, storeGateProblem, &g);
    if( rc==SQLITE_OK && g.bNomem ) rc = SQLITE_NOMEM;
    if( rc==SQLITE_OK && g.zFirst ){
      *pzErr = x1060Msg(db, X1060_MSG_FOREIGN_SCHEMA, zSchema, g.zFirst);
      rc = *pzErr ? SQLITE_CORRUPT_VTAB : SQLITE_NOMEM;
    }
    sqlite3_free(g.zFirst);
    if( rc==SQLITE_OK ) rc = x1060ConnSetChecked(db, zSchema, iCookie);
  }
  if( rc==SQLITE_OK ) rc = storeFormat(db, zSchema, &iFormat, pzErr);
  return rc;
}

/* See x1060_int.h. */
int x1060StoreRepair(sqlite3 *db, const char *zSchema){
  int rc = x1060Exec(db, sqlite3_mprintf(x1060StoreObjects[0].zDdl, zSchema),
                     0, 0);
  if( rc==SQLITE_OK ) rc = storeCreateTables(db, zSchema);
  return rc;
}

/* See x1060_int.h. */
int x1060StoreFormat(sqlite3 *db, const char *zSchema, int *piFormat){
  char *zErr = 0;
  int rc = storeFormat(db, zSchema, piFormat, &zErr);
  sqlite3_free(zErr);
  return rc;
}

/* Upgrade the storage of zSchema from an older format it was read in (it
** was checked): what the newer formats add is made, the views are made
** anew, and the format row says STORE_FORMAT. */
static int storeUpgradeFormat(sqlite3 *db, const char *zSchema){
  int rc = x1060StoreRepair(db, zSchema);
  if( rc==SQLITE_OK ) rc = x1060StorePublish(db, zSchema, 1);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("UPDATE \"%w\"."
      "x1060_store_config SET value=%d WHERE key='format'", zSchema,
      STORE_FORMAT), 0, 0);
  return rc;
}

/* See x1060_int.h. */
int x1060StoreEnsure(sqlite3 *db, const char *zSchema, char **pzErr){
  int iFormat = 0;
  int rc = x1060StoreGate(db, zSchema, pzErr);
  if( rc==SQLITE_OK ) rc = storeFormat(db, zSchema, &iFormat, pzErr);
  if( rc==SQLITE_OK && iFormat>0 && iFormat<STORE_FORMAT ){
    rc = storeUpgradeFormat(db, zSchema);
    if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
      char zFrom[16];
      sqlite3_snprintf(sizeof(zFrom), zFrom, "%d", iFormat);
      *pzErr = x1060Msg(db, X1060_MSG_UPGRADE_FAILED, zSchema, zFrom,
                        X1060_STR(STORE_FORMAT), sqlite3_errmsg(db));
    }
  }else if( rc==SQLITE_OK && iFormat==0 ){
    /* none yet, or the one whose x1060_store_config is gone */
    rc = x1060StoreRepair(db, zSchema);
    if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
      *pzErr = x1060Msg(db, X1060_MSG_CREATE_STORAGE_FAILED, zSchema,
                        sqlite3_errmsg(db));
    }
  }
  return rc;
}

/* See x1060_int.h. */
int x1060StoreFind(sqlite3 *db, const char *zSchema, const char *zName,
                   sqlite3_int64 *piCdc, char **pzName){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT cdc, cdc_name FROM \"%w\"."
      "x1060_store_cdc WHERE cdc_name=?1", zSchema);
  int rc = x1060PrepareStorage(db, zSql, 0, &pStmt, zSchema,
                               "x1060_store_cdc");
  sqlite3_free(zSql);
  *piCdc = 0;
  if( pzName ) *pzName = 0;
  if( rc==SQLITE_NOTFOUND ){
    return SQLITE_NOTFOUND;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zName, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK ){
    if( sqlite3_step(pStmt)==SQLITE_ROW ){
      if( !CDC_KEY_OK(sqlite3_column_value(pStmt, 0), CDC_ID_MAX) ){
        sqlite3_finalize(pStmt);
        return SQLITE_CORRUPT_VTAB;       /* never packed into a rowid */
      }
      *piCdc = sqlite3_column_int64(pStmt, 0);
      if( pzName ){
        *pzName = sqlite3_mprintf("%s", sqlite3_column_text(pStmt, 1));
        if( *pzName==0 ) rc = SQLITE_NOMEM;
      }
    }
    if( rc==SQLITE_OK ) rc = sqlite3_reset(pStmt);
    if( rc==SQLITE_OK && *piCdc==0 ) rc = SQLITE_NOTFOUND;
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/* See x1060_int.h. */
int x1060CdcNameCheck(sqlite3 *db, const char *zWho, const char *zName,
                      char **pzErr){
  int n = (int)strlen(zName);
  char *zVal, *zRule;
  *pzErr = 0;
  if( n>=1 && n<=CDC_NAME_MAX && x1060CleanText(zName, n, "")
   && strchr(zName, '.')==0 && zName[0]!=' ' && zName[n-1]!=' '
   && sqlite3_strnicmp(zName, "x1060_", 6)!=0
   && sqlite3_strnicmp(zName, "sqlite_", 7)!=0 ){
    return SQLITE_OK;
  }
  zVal = x1060DescribeText(zName, n);
  zRule = x1060Msg(db, X1060_MSG_CDC_NAME_RULE, X1060_STR(CDC_NAME_MAX));
  *pzErr = zVal && zRule ? x1060NotAllowed(db, zWho, "name", zVal,
      x1060TextOf(db, X1060_MSG_A_CDC_NAME), zRule) : 0;
  sqlite3_free(zVal);
  sqlite3_free(zRule);
  return *pzErr ? SQLITE_CONSTRAINT : SQLITE_NOMEM;
}

/* See x1060_int.h. */
int x1060StoreCreateCdc(sqlite3 *db, const char *zSchema, const char *zName,
                        const char *zOrg, int bTable, sqlite3_int64 *piCdc,
                        char **pzErr){
  sqlite3_int64 iOld = 0;
  int rc;
  rc = x1060CdcNameCheck(db, "x1060", zName, pzErr);
  if( rc!=SQLITE_OK ) return rc;
  rc = x1060StoreEnsure(db, zSchema, pzErr);
  if( rc==SQLITE_OK ){
    rc = x1060StoreFind(db, zSchema, zName, &iOld, 0);
    if( rc==SQLITE_OK || rc==SQLITE_CORRUPT_VTAB ){
      char *zLit = sqlite3_mprintf("%Q", zName);
      *pzErr = zLit ? x1060Msg(db, X1060_MSG_CDC_EXISTS, zLit, zSchema) : 0;
      sqlite3_free(zLit);
      return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if( rc==SQLITE_NOTFOUND ) rc = SQLITE_OK;
  }
  if( rc==SQLITE_OK ){
    /* one statement (its trigger adds the Annex A services): atomic, as
    ** xCreate and xUpdate need */
    rc = x1060Exec(db, sqlite3_mprintf("INSERT INTO \"%w\".x1060_store_cdc"
        "(cdc_name,org,kind,created_at,edition,x1060_version) VALUES(?1,?2,"
        "'%s'," CDC_NOW ",'%s','%s')", zSchema, bTable ? "table" : "row",
        X1060_EDITION, X1060_VERSION), zName, zOrg);
    *piCdc = sqlite3_last_insert_rowid(db);
  }
  if( rc!=SQLITE_OK && *pzErr==0 && (rc&0xff)!=SQLITE_NOMEM ){
    *pzErr = x1060Msg(db, X1060_MSG_CDC_CREATE_FAILED, zName,
                      sqlite3_errmsg(db));
  }
  return rc;
}

/* See x1060_int.h. */
int x1060StoreDropCdc(sqlite3 *db, const char *zSchema, sqlite3_int64 iCdc){
  /* one statement: its trigger removes the rest */
  static const char zDrop[] = "DELETE FROM \"%w\".x1060_store_cdc WHERE "
                              "cdc=%lld";
  int rc = x1060Exec(db, sqlite3_mprintf(zDrop, zSchema, iCdc), 0, 0);
  if( (rc&0xff)==SQLITE_ERROR ){
    /* a damaged storage (a table the trigger writes is gone): remade,
    ** empty where it was missing, the CDC can go */
    rc = x1060StoreRepair(db, zSchema);
    if( rc==SQLITE_OK ){
      rc = x1060Exec(db, sqlite3_mprintf(zDrop, zSchema, iCdc), 0, 0);
    }
  }
  return rc;
}

/* See x1060_int.h. */
int x1060StoreSetCdc(sqlite3 *db, const char *zSchema, sqlite3_int64 iCdc,
                     const char *zName, const char *zOrg, char **pzErr){
  int rc = x1060CdcNameCheck(db, "x1060", zName, pzErr);
  if( rc!=SQLITE_OK ) return rc;
  return x1060Exec(db, sqlite3_mprintf("UPDATE \"%w\".x1060_store_cdc SET "
      "cdc_name=?1, org=coalesce(?2, org) WHERE cdc=%lld", zSchema, iCdc),
      zName, zOrg);
}

/************************************* recognising CDC tables of format 1 */

/* Skip white space and comments. */
static const char *skipSpace(const char *z){
  for(;;){
    if( *z==' ' || (*z>='\t' && *z<='\r') ){
      z++;
    }else if( z[0]=='-' && z[1]=='-' ){
      while( *z && *z!='\n' ) z++;
    }else if( z[0]=='/' && z[1]=='*' ){
      z += 2;
      while( *z && !(z[0]=='*' && z[1]=='/') ) z++;
      if( *z ) z += 2;
    }else{
      return z;
    }
  }
}

/* The end of the SQL token (word or quoted identifier) at z. */
static const char *skipToken(const char *z){
  if( *z=='"' || *z=='\'' || *z=='`' || *z=='[' ){
    char q = *z=='[' ? ']' : *z;
    for(z++; *z; z++){
      if( *z==q ){
        if( q!=']' && z[1]==q ){ z++; continue; }
        return z+1;
      }
    }
    return z;
  }
  while( (*z>='a' && *z<='z') || (*z>='A' && *z<='Z') || (*z>='0' && *z<='9')
      || *z=='_' || *z=='$' || (unsigned char)*z>=0x80 ){
    z++;
  }
  return z;
}

/* If the token at *pz is the keyword zWord, move past it and return 1. */
static int takeWord(const char **pz, const char *zWord){
  const char *z = skipSpace(*pz), *zEnd = skipToken(z);
  int n = (int)strlen(zWord);
  if( zEnd-z!=n || sqlite3_strnicmp(z, zWord, n)!=0 ) return 0;
  *pz = zEnd;
  return 1;
}

/* True if zSql, a CREATE statement from sqlite_schema, makes a table with
** the module x1060 (quoted or not, any case). */
int cdcIsX1060Sql(const char *zSql){
  const char *z = zSql, *zMod;
  if( z==0 || !takeWord(&z, "CREATE") || !takeWord(&z, "VIRTUAL")
   || !takeWord(&z, "TABLE") ){
    return 0;
  }
  if( takeWord(&z, "IF") && !(takeWord(&z, "NOT") && takeWord(&z, "EXISTS")) ){
    return 0;
  }
  z = skipToken(skipSpace(z));
  z = skipSpace(z);
  if( *z=='.' ) z = skipToken(skipSpace(z+1));
  if( !takeWord(&z, "USING") ) return 0;
  zMod = skipSpace(z);
  z = skipToken(zMod);
  if( *zMod=='"' || *zMod=='\'' || *zMod=='`' || *zMod=='[' ){
    zMod++;
    z--;
  }
  return z-zMod==5 && sqlite3_strnicmp(zMod, "x1060", 5)==0;
}

/*************************************************** format 1 and upgrading */

/* The tables of a CDC of format 1, after its name and '_'. */
static const char *const azFormat1[] = { "config", "data", "history",
                                         "snapshot" };

/* See x1060_int.h. */
int x1060StoreIsFormat1(sqlite3 *db, const char *zSchema, const char *zName,
                        int *pbYes){
  char *zN = 0;
  int rc = x1060QueryText(db, sqlite3_mprintf("SELECT count(*) FROM "
      "\"%w\".sqlite_schema WHERE type='table' AND lower(name) IN "
      "(lower('%q_%s'),lower('%q_%s'),lower('%q_%s'),lower('%q_%s'))",
      zSchema, zName, azFormat1[0], zName, azFormat1[1], zName, azFormat1[2],
      zName, azFormat1[3]), &zN);
  *pbYes = rc==SQLITE_OK && zN && zN[0]!='0';
  sqlite3_free(zN);
  return rc;
}

/* Format-1 CDC zName of zSchema can be read whole: its four tables there
** and its format row the integer 1.  Else *pzErr says what is not, and
** what to do; nothing is then upgraded. */
static int upgradeReadable(sqlite3 *db, const char *zS, const char *zN,
                           char **pzErr){
  char *zWhat = 0;
  int rc = SQLITE_OK, i;
  for(i=0; rc==SQLITE_OK && zWhat==0 && i<4; i++){
    char *zTab = sqlite3_mprintf("%s_%s", zN, azFormat1[i]);
    rc = zTab ? x1060QueryText(db, sqlite3_mprintf("SELECT 1 FROM \"%w\"."
        "sqlite_schema WHERE type='table' AND lower(name)=lower(%Q)", zS,
        zTab), &zWhat) : SQLITE_NOMEM;
    if( rc==SQLITE_OK && zWhat ){
      sqlite3_free(zWhat);                    /* (the table is there) */
      zWhat = 0;
    }else if( rc==SQLITE_OK ){
      zWhat = x1060Msg(db, X1060_MSG_FORMAT1_TABLE_MISSING, zTab);
      if( zWhat==0 ) rc = SQLITE_NOMEM;
    }
    sqlite3_free(zTab);
  }
  if( rc==SQLITE_OK && zWhat==0 ){
    /* what the format row holds: '' when it is 1, NULL when missing */
    char *zRow = 0;
    rc = x1060QueryText(db, sqlite3_mprintf("SELECT CASE WHEN (SELECT "
        "value FROM \"%w\".\"%w_config\" WHERE key='format') IS 1 THEN '' "
        "ELSE (SELECT quote(value)||' ('||typeof(value)||')' FROM "
        "\"%w\".\"%w_config\" WHERE key='format') END", zS, zN, zS, zN),
        &zRow);
    if( rc==SQLITE_OK && (zRow==0 || zRow[0]) ){
      zWhat = zRow ? x1060Msg(db, X1060_MSG_FORMAT1_ROW, zN, zRow)
                   : x1060Msg(db, X1060_MSG_FORMAT1_ROW_MISSING, zN);
      if( zWhat==0 ) rc = SQLITE_NOMEM;
    }
    sqlite3_free(zRow);
  }
  if( rc==SQLITE_OK && zWhat ){
    char *zId = sqlite3_mprintf("%w", zN);
    *pzErr = zId ? x1060Msg(db, X1060_MSG_FORMAT1_UNREADABLE, zS, zN, zWhat,
                            zId) : 0;
    sqlite3_free(zId);
    rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  sqlite3_free(zWhat);
  return rc;
}

/* Set *pbYes when zSchema has a CDC table named zName (a table made with
** USING x1060, whatever the storage says of it). */
int x1060StoreIsCdcTable(sqlite3 *db, const char *zSchema, const char *zName,
                         int *pbYes){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT sql FROM \"%w\".sqlite_schema WHERE "
                               "type='table' AND name=?1", zSchema);
  int rc = x1060Prepare(db, zSql, &pStmt);
  *pbYes = 0;
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zName, -1,
                                             SQLITE_STATIC);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pbYes = cdcIsX1060Sql((const char*)sqlite3_column_text(pStmt, 0));
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/*
** Move format-1 CDC table zName of zSchema into the storage: its registry
** row from <name>_config, its services (seq_no kept), snapshots and history
** (in order), then drop its shadow tables and triggers.
*/
static int upgradeOne(sqlite3 *db, const char *zS, const char *zN){
  char *zCols = cdcStoredColumnList("");
  sqlite3_int64 iCdc = 0;
  int rc = zCols ? SQLITE_OK : SQLITE_NOMEM, i;
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("INSERT INTO "
      "\"%w\".x1060_store_cdc(cdc_name,org,kind,created_at,edition,"
      "x1060_version) SELECT ?1, coalesce((SELECT value FROM \"%w\".\"%w_config\""
      " WHERE key='org'), ?1), 'table', coalesce((SELECT value FROM "
      "\"%w\".\"%w_config\" WHERE key='created_at'), " CDC_NOW "), "
      "coalesce((SELECT value FROM \"%w\".\"%w_config\" WHERE key='edition'), "
      "'%s'), coalesce((SELECT value FROM \"%w\".\"%w_config\" WHERE "
      "key='x1060_version'), '0.2.0')", zS, zS, zN, zS, zN, zS, zN,
      X1060_EDITION, zS, zN), zN, 0);
  iCdc = sqlite3_last_insert_rowid(db);
  /* its trigger gave it the Annex A services: take those of format 1 */
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("DELETE FROM "
      "\"%w\".x1060_store_service WHERE cdc=%lld", zS, iCdc), 0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("INSERT INTO "
      "\"%w\".x1060_store_service(cdc,seq_no,%s) SELECT %lld,seq_no,%s FROM "
      "\"%w\".\"%w_data\" ORDER BY seq_no", zS, zCols, iCdc, zCols, zS, zN),
      0, 0);
  /* the insert trigger recorded the custom services: their history is
  ** the one copied next */
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("DELETE FROM "
      "\"%w\".x1060_store_history WHERE cdc=%lld", zS, iCdc), 0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("INSERT INTO "
      "\"%w\".x1060_store_history(cdc,changed_at,service_id,operation,"
      "column_name,old_value,new_value) SELECT %lld,changed_at,service_id,"
      "operation,column_name,old_value,new_value FROM \"%w\".\"%w_history\" "
      "ORDER BY id", zS, iCdc, zS, zN), 0, 0);
  if( rc==SQLITE_OK ) rc = x1060Exec(db, sqlite3_mprintf("INSERT INTO "
      "\"%w\".x1060_store_snapshot(cdc,label,taken_at,seq_no,%s) SELECT "
      "%lld,label,taken_at,seq_no,%s FROM \"%w\".\"%w_snapshot\"", zS, zCols,
      iCdc, zCols, zS, zN), 0, 0);
  for(i=0; rc==SQLITE_OK && i<3; i++){
    rc = x1060Exec(db, sqlite3_mprintf("DROP TRIGGER IF EXISTS "
        "\"%w\".\"%w_data_%s\"", zS, zN, cdcTriggerOps[i]), 0, 0);
  }
  for(i=0; rc==SQLITE_OK && i<4; i++){
    rc = x1060Exec(db, sqlite3_mprintf("DROP TABLE \"%w\".\"%w_%s\"", zS, zN,
                                       azFormat1[i]), 0, 0);
  }
  sqlite3_free(zCols);
  return rc;
}

static int storeCount(sqlite3*, const char*, const char*, sqlite3_int64*);

/* Bring the storage of zSchema to STORE_FORMAT before format-1 tables
** move in (bNeeded: make it when there is none); a storage of an older
** format adds its CDCs to *pn. */
static int upgradeStorage(sqlite3 *db, const char *zSchema, int bNeeded,
                          int *pn, char **pzErr){
  sqlite3_int64 nCdc = 0;
  int iFormat = 0;
  int rc = x1060StoreGate(db, zSchema, pzErr);
  if( rc==SQLITE_OK ) rc = storeFormat(db, zSchema, &iFormat, pzErr);
  if( rc==SQLITE_OK && iFormat>0 && iFormat<STORE_FORMAT ){
    rc = storeCount(db, zSchema, "x1060_store_cdc", &nCdc);
    if( rc==SQLITE_OK ) *pn += (int)nCdc;
  }
  if( rc==SQLITE_OK && (bNeeded || iFormat>0) ){
    rc = x1060StoreEnsure(db, zSchema, pzErr);
  }
  return rc;
}

/* Upgrade every format-1 CDC table of zSchema; *pn counts them (and the
** CDCs of a storage of an older format, upgradeStorage). */
static int upgradeSchema(sqlite3 *db, const char *zSchema, int *pn,
                         char **pzErr){
  sqlite3_stmt *pStmt = 0;
  char **azName = 0;
  int nName = 0, rc, i;
  char *zSql = sqlite3_mprintf(X1060_SQL_VTABS, zSchema);
  rc = x1060Prepare(db, zSql, &pStmt);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pStmt, 0);
    char **aNew;
    int bFormat1 = 0;
    sqlite3_int64 iCdc = 0;
    if( !cdcIsX1060Sql((const char*)sqlite3_column_text(pStmt, 1)) ) continue;
    /* (a CDC the storage holds is of format 2, whatever tables are named
    ** after it) */
    rc = x1060StoreFind(db, zSchema, zName, &iCdc, 0);
    if( rc==SQLITE_OK || rc==SQLITE_CORRUPT_VTAB ){ rc = SQLITE_OK; continue; }
    if( rc!=SQLITE_NOTFOUND ) break;          /* (busy, out of memory...) */
    rc = x1060StoreIsFormat1(db, zSchema, zName, &bFormat1);
    if( rc==SQLITE_OK && bFormat1 ) rc = upgradeReadable(db, zSchema, zName,
                                                         pzErr);
    if( rc!=SQLITE_OK ) break;
    if( !bFormat1 ) continue;
    aNew = sqlite3_realloc64(azName, sizeof(char*)*(nName+1));
    if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
    azName = aNew;
    azName[nName] = sqlite3_mprintf("%s", zName);
    if( azName[nName++]==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ) rc = upgradeStorage(db, zSchema, nName>0, pn, pzErr);
  for(i=0; rc==SQLITE_OK && i<nName; i++){
    rc = upgradeOne(db, zSchema, azName[i]);
    if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM && *pzErr==0 ){
      *pzErr = x1060Msg(db, X1060_MSG_UPGRADE_ONE_FAILED, zSchema, azName[i],
                        sqlite3_errmsg(db));
    }
  }
  if( rc==SQLITE_OK ) *pn += nName;
  for(i=0; i<nName; i++) sqlite3_free(azName[i]);
  sqlite3_free(azName);
  return rc;
}


/*
** x1060_upgrade([schema]): convert every CDC table of format 1 (x1060
** 0.2.0) in schema (default: main) to format 2, in one savepoint: all of
** them or none.  Its result: how many were converted (0 when none was
** left).
*/
static int upgradeRun(sqlite3 *db, int nArg, sqlite3_value **apArg,
                      const char *zSavepoint, sqlite3_int64 *pn, char **pzErr){
  const char *zSchema = nArg ? (const char*)sqlite3_value_text(apArg[0])
                             : "main";
  X1060Savepoint sp;
  int rc, n = 0;
  if( nArg && sqlite3_value_type(apArg[0])==SQLITE_NULL ){
    return X1060_NULL_RESULT;
  }
  if( zSchema==0 ) return SQLITE_NOMEM;
  rc = x1060SavepointBegin(db, zSavepoint, &sp);
  if( rc==SQLITE_OK ){
    rc = upgradeSchema(db, zSchema, &n, pzErr);
    if( rc!=SQLITE_OK && *pzErr==0 && (rc&0xff)!=SQLITE_NOMEM ){
      *pzErr = sqlite3_mprintf("x1060_upgrade(): %s", sqlite3_errmsg(db));
    }
    rc = x1060SavepointEnd(&sp, rc);
  }else if( (rc&0xff)!=SQLITE_NOMEM ){
    *pzErr = sqlite3_mprintf("x1060_upgrade(): %s", sqlite3_errmsg(db));
  }
  *pn = n;
  return rc;
}
static const X1060WriteOp x1060UpgradeOp = {
  "x1060_upgrade", 0, 0, 1, upgradeRun
};

/******************************************* x1060_store: the storage's owner */

typedef struct StoreVtab StoreVtab;
struct StoreVtab {
  sqlite3_vtab base;      /* base class, must be first */
  sqlite3 *db;
  char *zSchema;
};

typedef struct StoreCursor StoreCursor;
struct StoreCursor {
  sqlite3_vtab_cursor base; /* base class, must be first */
  sqlite3_stmt *pStmt;
  int bEof;
};

/* xCreate (bCreate: make the storage) and xConnect. */
static int storeInit(sqlite3 *db, int argc, const char *const *argv,
                     sqlite3_vtab **ppVtab, char **pzErr, int bCreate){
  StoreVtab *p;
  int rc = SQLITE_OK;
  *ppVtab = 0;
  if( argc>3 ){
    *pzErr = x1060Msg(db, X1060_MSG_TAKES_NO_ARGUMENTS, "x1060_store");
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( sqlite3_stricmp(argv[2], "x1060_store")!=0 ){
    *pzErr = x1060Msg(db, X1060_MSG_STORE_NAME);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if( bCreate ){
    rc = storeCreateTables(db, argv[1]);
    if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
      *pzErr = x1060Msg(db, X1060_MSG_CREATE_STORAGE, sqlite3_errmsg(db));
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_declare_vtab(db, "CREATE TABLE x(format "
      "INTEGER, x1060_version TEXT, created_at TEXT, cdcs INTEGER)");
  if( rc!=SQLITE_OK ) return rc;
  p = sqlite3_malloc64(sizeof(*p));
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  p->zSchema = sqlite3_mprintf("%s", argv[1]);
  if( p->zSchema==0 ){ sqlite3_free(p); return SQLITE_NOMEM; }
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int storeCreate(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr){
  (void)pAux;
  return storeInit(db, argc, argv, ppVtab, pzErr, 1);
}

static int storeConnect(sqlite3 *db, void *pAux, int argc,
                        const char *const *argv, sqlite3_vtab **ppVtab,
                        char **pzErr){
  (void)pAux;
  return storeInit(db, argc, argv, ppVtab, pzErr, 0);
}

static int storeDisconnect(sqlite3_vtab *pVtab){
  StoreVtab *p = (StoreVtab*)pVtab;
  sqlite3_free(p->base.zErrMsg);   /* one SQLite did not take (xDestroy) */
  sqlite3_free(p->zSchema);
  sqlite3_free(p);
  return SQLITE_OK;
}

/* The rows storage table zTable of zSchema holds, in *pn (0 when the table
** is gone); an error when they cannot be counted. */
static int storeCount(sqlite3 *db, const char *zSchema, const char *zTable,
                      sqlite3_int64 *pn){
  sqlite3_stmt *pStmt = 0;
  char *zSql = sqlite3_mprintf("SELECT count(*) FROM \"%w\".\"%w\"",
                               zSchema, zTable);
  int rc = x1060PrepareStorage(db, zSql, 0, &pStmt, zSchema, zTable);
  sqlite3_free(zSql);
  *pn = 0;
  if( rc==SQLITE_NOTFOUND ) return SQLITE_OK;
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    *pn = sqlite3_column_int64(pStmt, 0);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pStmt);
  else sqlite3_finalize(pStmt);
  return rc;
}

/* Why the storage of p cannot be dropped, from sqlite3_mprintf, or NULL
** (*pRc: SQLITE_OK) when it holds nothing: no CDC and no row of one, its
** objects x1060's and readable.  Any doubt refuses. */
static char *storeDropProblem(StoreVtab *p, int *pRc){
  char *zErr = 0;
  int i, rc = x1060StoreGate(p->db, p->zSchema, &zErr);
  for(i=0; rc==SQLITE_OK && i<X1060_NSTORE_OBJECT; i++){
    const X1060StoreObject *o = &x1060StoreObjects[i];
    sqlite3_int64 n = 0;
    if( strcmp(o->zKind, "table")!=0 ) continue;
    rc = storeCount(p->db, p->zSchema, o->zName, &n);
    if( rc!=SQLITE_OK && (rc&0xff)!=SQLITE_NOMEM ){
      zErr = x1060Msg(p->db, X1060_MSG_STORE_CANNOT_TELL, o->zName,
                      sqlite3_errmsg(p->db));
    }else if( n>0 && strcmp(o->zName, "x1060_store_cdc")==0 ){
      char zN[24];
      sqlite3_snprintf(sizeof(zN), zN, "%lld", n);
      zErr = x1060Msg(p->db, X1060_MSG_STORE_HOLDS_CDCS, zN);
      rc = SQLITE_ERROR;
    }else if( n>0 && strcmp(o->zName, "x1060_store_config")!=0 ){
      char zN[24];
      sqlite3_snprintf(sizeof(zN), zN, "%lld", n);
      zErr = x1060Msg(p->db, X1060_MSG_STORE_ORPHAN_ROWS, o->zName, zN);
      rc = SQLITE_ERROR;
    }
  }
  *pRc = rc;
  return zErr;
}

/* xDestroy: DROP TABLE x1060_store removes the storage and its views, once
** it holds nothing (storeDropProblem; the reference copies stay).  Refused
** otherwise; SQLite does not pass a message of xDestroy on ("SQL logic
** error"). */
static int storeDestroy(sqlite3_vtab *pVtab){
  StoreVtab *p = (StoreVtab*)pVtab;
  size_t i;
  int rc = SQLITE_OK;
  char *zErr = storeDropProblem(p, &rc);
  if( rc!=SQLITE_OK ){
    sqlite3_free(p->base.zErrMsg);
    p->base.zErrMsg = zErr;
    return rc;
  }
  for(i=0; i<X1060_ARRAY_SIZE(azView); i++){
    rc = x1060Exec(p->db, sqlite3_mprintf("DROP VIEW IF EXISTS \"%w\".%s",
                   p->zSchema, azView[X1060_ARRAY_SIZE(azView)-1-i][0]),
                   0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  rc = x1060Exec(p->db, sqlite3_mprintf("DROP TABLE IF EXISTS \"%w\"."
                 "x1060_cdc_services", p->zSchema), 0, 0);
  for(i=0; rc==SQLITE_OK && i<X1060_NSTORE_OBJECT; i++){
    if( strcmp(x1060StoreObjects[i].zKind, "table")!=0 ) continue;
    rc = x1060Exec(p->db, sqlite3_mprintf("DROP TABLE IF EXISTS \"%w\".%s",
                   p->zSchema, x1060StoreObjects[i].zName), 0, 0);
  }
  if( rc==SQLITE_OK ) return storeDisconnect(pVtab);
  return rc;
}

static int storeOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  StoreCursor *pCur = sqlite3_malloc64(sizeof(*pCur));
  (void)pVtab;
  if( pCur==0 ) return SQLITE_NOMEM;
  memset(pCur, 0, sizeof(*pCur));
  *ppCur = &pCur->base;
  return SQLITE_OK;
}

static int storeClose(sqlite3_vtab_cursor *cur){
  sqlite3_finalize(((StoreCursor*)cur)->pStmt);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* xFilter: one row, read from x1060_store_config and x1060_store_cdc. */
static int storeFilter(sqlite3_vtab_cursor *cur, int idxNum,
                       const char *idxStr, int argc, sqlite3_value **argv){
  StoreCursor *pCur = (StoreCursor*)cur;
  StoreVtab *p = (StoreVtab*)cur->pVtab;
  const char *zS = p->zSchema;
  char *zSql = sqlite3_mprintf("SELECT (SELECT value FROM \"%w\"."
      "x1060_store_config WHERE key='format'), (SELECT value FROM \"%w\"."
      "x1060_store_config WHERE key='x1060_version'), (SELECT value FROM "
      "\"%w\".x1060_store_config WHERE key='created_at'), (SELECT count(*) "
      "FROM \"%w\".x1060_store_cdc)", zS, zS, zS, zS);
  int rc;
  (void)idxNum; (void)idxStr; (void)argc; (void)argv;
  sqlite3_finalize(pCur->pStmt);
  pCur->pStmt = 0;
  rc = x1060Prepare(p->db, zSql, &pCur->pStmt);
  if( rc==SQLITE_OK ){
    pCur->bEof = sqlite3_step(pCur->pStmt)!=SQLITE_ROW;
    if( pCur->bEof ) rc = sqlite3_reset(pCur->pStmt);
  }
  return rc;
}

static int storeNext(sqlite3_vtab_cursor *cur){
  ((StoreCursor*)cur)->bEof = 1;
  return SQLITE_OK;
}

static int storeEof(sqlite3_vtab_cursor *cur){
  return ((StoreCursor*)cur)->bEof;
}

static int storeColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i){
  sqlite3_result_value(ctx, sqlite3_column_value(((StoreCursor*)cur)->pStmt,
                                                 i));
  return SQLITE_OK;
}

static int storeRowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *pRowid){
  (void)cur;
  *pRowid = 1;
  return SQLITE_OK;
}

static int storeBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  (void)pVtab;
  pInfo->estimatedRows = 1;
  pInfo->estimatedCost = 10.0;
  return SQLITE_OK;
}

/* xShadowName: the storage tables, x1060_store_<suffix>. */
static int storeShadowName(const char *zSuffix){
  int i;
  for(i=0; i<X1060_NSTORE_OBJECT; i++){
    const X1060StoreObject *o = &x1060StoreObjects[i];
    if( strcmp(o->zKind, "table")==0
     && sqlite3_stricmp(zSuffix, o->zName + sizeof("x1060_store_") - 1)==0 ){
      return 1;
    }
  }
  return 0;
}

/* xRename: the storage keeps its name. */
static int storeRename(sqlite3_vtab *pVtab, const char *zNew){
  (void)zNew;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = x1060Msg(((StoreVtab*)pVtab)->db,
                            X1060_MSG_STORE_NO_RENAME);
  return SQLITE_ERROR;
}

static sqlite3_module storeModule = {
  3,                /* iVersion: xShadowName */
  storeCreate,      /* xCreate */
  storeConnect,     /* xConnect */
  storeBestIndex,   /* xBestIndex */
  storeDisconnect,  /* xDisconnect */
  storeDestroy,     /* xDestroy */
  storeOpen,        /* xOpen */
  storeClose,       /* xClose */
  storeFilter,      /* xFilter */
  storeNext,        /* xNext */
  storeEof,         /* xEof */
  storeColumn,      /* xColumn */
  storeRowid,       /* xRowid */
  0,                /* xUpdate: read-only */
  0, 0, 0, 0,       /* xBegin, xSync, xCommit, xRollback */
  0,                /* xFindFunction */
  storeRename,      /* xRename */
  0, 0, 0,          /* xSavepoint, xRelease, xRollbackTo */
  storeShadowName   /* xShadowName */
  X1060_NO_INTEGRITY
};

/* Register the module x1060_store and x1060_upgrade (DIRECTONLY: it
** writes). */
int x1060RegisterStore(sqlite3 *db){
  /* the connection's state lives as long as the module (its destructor) */
  int rc = sqlite3_create_module_v2(db, "x1060_store", &storeModule,
                                    x1060ConnNew(db), x1060ConnFree);
  if( rc==SQLITE_OK ) rc = x1060RegisterWriteOp(db, &x1060UpgradeOp);
  return rc;
}
