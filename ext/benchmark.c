/*
** x1060: a CDC compared with its peers, the SQL of x1060_benchmark.
**
**   SELECT * FROM x1060_benchmark('acme');
**   SELECT * FROM x1060_benchmark('acme', '{"sector": "K", "size": "large"}');
**   SELECT * FROM x1060_benchmark('acme', '{"schema": "pool"}');
**
** For the CDC and each of its peers, the average as-is, average to-be and
** achievement (x1060_summary's formulas, rules.c) overall, per management
** phase and per category; then, per figure, the peers' count, range,
** quartiles and median (linear interpolation between ranks), and the
** CDC's percentile rank among them (ties count half).  A figure that fewer
** peers than the minimum (default X1060_PEERS_MIN) have is withheld: too
** few to show without revealing one.  Peers are the CDCs of one schema:
** the CDC's own (itself left out) or the one that "schema" names, narrowed
** by the shared attributes (organisation.c).  docs/peers.md gives every
** rule; evaluate.c serves the rows.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

/* The quantile p (SQL text) of the values v ranked r of n, interpolating
** linearly between ranks (Hyndman and Fan's type 7, as spreadsheets'
** PERCENTILE.INC): an aggregate over the rows of one group. */
#define BENCH_H(p)  "((n-1)*" p ")"
#define BENCH_LO(p) "CAST(" BENCH_H(p) " AS INTEGER)"
#define BENCH_Q(p) \
  "sum(CASE r WHEN " BENCH_LO(p) "+1 THEN v*(1-(" BENCH_H(p) "-" \
  BENCH_LO(p) ")) WHEN " BENCH_LO(p) "+2 THEN v*(" BENCH_H(p) "-" \
  BENCH_LO(p) ") ELSE 0 END)"

/* The figures of rows (k the CDC, category, phase, the flags) per CDC and
** group, one row per CDC, group and measure (mo 1 as-is, 2 to-be, 3
** achievement) with its value v, rounded so that equal figures tie. */
#define BENCH_GROUPS \
  "g AS (SELECT k, 0 AS ko, '' AS key, " X1060_SQL_SCORES " FROM rows " \
  "GROUP BY k UNION ALL SELECT k, 1, phase, " X1060_SQL_SCORES " FROM rows " \
  "WHERE phase IS NOT NULL GROUP BY k, phase UNION ALL SELECT k, 2, " \
  "category, " X1060_SQL_SCORES " FROM rows GROUP BY k, category), " \
  "m AS (SELECT k, ko, key, 1 AS mo, round(avg_as_is, 9) AS v FROM g " \
  "UNION ALL SELECT k, ko, key, 2, round(avg_to_be, 9) FROM g UNION ALL " \
  "SELECT k, ko, key, 3, round(achievement, 9) FROM g), "

/* The statistics over the peers' values (p: ranked, st: per figure), the
** rows every result has (f: overall, the phases, the categories; mo: the
** measures), and the result, with %d the minimum number of peers (thrice). */
#define BENCH_RESULT \
  "p AS (SELECT ko, key, mo, v, row_number() OVER w AS r, count(*) OVER " \
  "(PARTITION BY ko, key, mo) AS n FROM m WHERE k<>0 AND v IS NOT NULL " \
  "WINDOW w AS (PARTITION BY ko, key, mo ORDER BY v)), " \
  "st AS (SELECT ko, key, mo, max(n) AS n, min(v) AS lo, max(v) AS hi, " \
  BENCH_Q("0.25") " AS q1, " BENCH_Q("0.5") " AS med, " BENCH_Q("0.75") \
  " AS q3 FROM p GROUP BY ko, key, mo), " \
  "f AS (SELECT 0 AS ko, 'cdc' AS kind, '' AS key, 0 AS ord UNION ALL " \
  "SELECT 1, 'phase', name, rowid FROM x1060_phases UNION ALL SELECT 2, " \
  "'category', category, rowid FROM x1060_categories), " \
  "ms(mo, measure) AS (VALUES (1, 'as_is'), (2, 'to_be'), " \
  "(3, 'achievement')) " \
  "SELECT f.kind, nullif(f.key, ''), ms.measure, me.v, (SELECT count(*) " \
  "FROM peer), coalesce(st.n, 0), " \
  "CASE WHEN st.n>=%d THEN st.lo END, CASE WHEN st.n>=%d THEN st.q1 END, " \
  "CASE WHEN st.n>=%d THEN st.med END, CASE WHEN st.n>=%d THEN st.q3 END, " \
  "CASE WHEN st.n>=%d THEN st.hi END, " \
  "CASE WHEN st.n>=%d AND me.v IS NOT NULL THEN (SELECT round(100.0*" \
  "(sum(p.v<me.v)+0.5*sum(p.v=me.v))/count(*), 1) FROM p WHERE " \
  "p.ko=f.ko AND p.key=f.key AND p.mo=ms.mo) END, " \
  "CASE WHEN coalesce(st.n, 0)<%d THEN printf('%%d peer%%s with this " \
  "figure, fewer than the minimum %d: withheld', coalesce(st.n, 0), " \
  "CASE WHEN coalesce(st.n, 0)=1 THEN '' ELSE 's' END) WHEN me.v IS NULL " \
  "THEN 'this CDC has nothing scored here: no rank' END " \
  "FROM f CROSS JOIN ms LEFT JOIN st ON st.ko=f.ko AND st.key=f.key AND " \
  "st.mo=ms.mo LEFT JOIN (SELECT * FROM m WHERE k=0) me ON me.ko=f.ko AND " \
  "me.key=f.key AND me.mo=ms.mo ORDER BY f.ko, f.ord, ms.mo"

/* The peers asked for: a schema, a filter on each shared attribute (an
** SQL list of canonical values, or NULL), the minimum. */
typedef struct BenchPeers BenchPeers;
struct BenchPeers {
  char *zSchema;
  char *azIn[X1060_NATTRIBUTE_SHARED];
  int nMin;
};

static void benchPeersFree(BenchPeers *p){
  int i;
  sqlite3_free(p->zSchema);
  for(i=0; i<X1060_NATTRIBUTE_SHARED; i++) sqlite3_free(p->azIn[i]);
}

#define BENCH_ALLOWED "a JSON object with any of \"sector\", \"size\", " \
  "\"region\" (a value or an array of values: peers with any of them), " \
  "\"schema\" (the schema whose CDCs are the peers) and \"min_peers\" (an " \
  "integer from 1, default " X1060_STR(X1060_PEERS_MIN) ")"

/* The error of peers filter key zKey with value v (NULL: the filter
** itself) in *pzErr; SQLITE_ERROR, or SQLITE_NOMEM. */
static int benchBad(char **pzErr, const char *zKey, sqlite3_value *v,
                    const char *zKind, const char *zAllowed){
  char *zArg = zKey ? sqlite3_mprintf("peers.%s", zKey) : 0;
  *pzErr = (zKey==0 || zArg) ? x1060NotAllowedValue("x1060_benchmark()",
      zKey ? zArg : "peers", v, zKind, zAllowed) : 0;
  sqlite3_free(zArg);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Read filter value v (text, or a JSON array of texts, as pType says) of
** attribute i into p->azIn[i]: the canonical values as an SQL list. */
static int benchAttribute(sqlite3 *db, BenchPeers *p, int i,
                          sqlite3_value *v, const char *zType, char **pzErr){
  const CdcColumn *c = &x1060AttributeColumns[i];
  sqlite3_str *pList = sqlite3_str_new(0);
  sqlite3_stmt *pEach = 0;
  int rc = sqlite3_prepare_v2(db, strcmp(zType, "array")==0 ? "SELECT value"
      " FROM json_each(?1)" : "SELECT ?1", -1, &pEach, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pEach, 1, v);
  while( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
    sqlite3_value *pVal = sqlite3_column_value(pEach, 0);
    const char *z = (const char*)sqlite3_value_text(pVal);
    int k = z && sqlite3_value_type(pVal)==SQLITE_TEXT ? x1060VocabularyFind(
        c->pVocab, z, sqlite3_value_bytes(pVal)) : -1;
    if( k<0 ){
      rc = benchBad(pzErr, c->zName, pVal, c->pVocab->zWhat,
          "a value of SELECT value FROM x1060_attribute_values WHERE "
          "attribute=... (any case, its code or Japanese name), or an array "
          "of them");
    }else{
      sqlite3_str_appendf(pList, "%s%Q", sqlite3_str_length(pList) ? ","
          : "(", x1060VocabularyWord(c->pVocab, k)->zName);
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pEach);
  else sqlite3_finalize(pEach);
  if( rc==SQLITE_OK && sqlite3_str_length(pList)==0 ){
    rc = benchBad(pzErr, c->zName, v, "a value", "at least one value");
  }
  sqlite3_str_appendall(pList, ")");
  if( rc==SQLITE_OK ){
    p->azIn[i] = sqlite3_str_finish(pList);
    return p->azIn[i] ? SQLITE_OK : SQLITE_NOMEM;
  }
  sqlite3_free(sqlite3_str_finish(pList));
  return rc;
}

/* Read into p->zSchema the schema that v names, one with CDCs. */
static int benchSchema(sqlite3 *db, BenchPeers *p, sqlite3_value *v,
                       char **pzErr){
  int rc, iFormat = 0;
  char *zName = 0;
  sqlite3_stmt *pFind = 0;
  rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_database_list WHERE "
      "name=?1 COLLATE NOCASE", -1, &pFind, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pFind, 1, v);
  if( rc==SQLITE_OK && sqlite3_step(pFind)==SQLITE_ROW ){
    zName = sqlite3_mprintf("%s", sqlite3_column_text(pFind, 0));
    if( zName==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pFind);
  else sqlite3_finalize(pFind);
  if( rc==SQLITE_OK && zName ) rc = x1060StoreFormat(db, zName, &iFormat);
  if( rc==SQLITE_OK && iFormat==0 ){
    rc = benchBad(pzErr, "schema", v, "a schema with CDCs", "the name of "
        "an attached database that holds CDCs (SELECT DISTINCT schema FROM "
        "x1060_cdcs)");
  }
  if( rc==SQLITE_OK ){
    p->zSchema = zName;
    zName = 0;
  }
  sqlite3_free(zName);
  return rc;
}

/* Read peers filter v (NULL: none) into *p. */
static int benchPeersRead(sqlite3 *db, sqlite3_value *v, BenchPeers *p,
                          char **pzErr){
  sqlite3_stmt *pEach = 0;
  int rc, bObject = 0;
  p->nMin = X1060_PEERS_MIN;
  if( v==0 || sqlite3_value_type(v)==SQLITE_NULL ) return SQLITE_OK;
  rc = sqlite3_prepare_v2(db, "SELECT CASE WHEN json_valid(?1) THEN "
      "json_type(?1)='object' END", -1, &pEach, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pEach, 1, v);
  if( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
    bObject = sqlite3_value_type(v)==SQLITE_TEXT
           && sqlite3_column_int(pEach, 0);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pEach);
  else sqlite3_finalize(pEach);
  pEach = 0;
  if( rc==SQLITE_OK && !bObject ){
    return benchBad(pzErr, 0, v, "a filter of peers", BENCH_ALLOWED);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_prepare_v2(db, "SELECT key, value, type "
      "FROM json_each(?1)", -1, &pEach, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pEach, 1, v);
  while( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
    const char *zKey = (const char*)sqlite3_column_text(pEach, 0);
    const char *zType = (const char*)sqlite3_column_text(pEach, 2);
    sqlite3_value *pVal = sqlite3_column_value(pEach, 1);
    int i;
    if( zKey==0 || zType==0 ){ rc = SQLITE_NOMEM; break; }
    for(i=0; i<X1060_NATTRIBUTE_SHARED
             && strcmp(zKey, x1060AttributeColumns[i].zName)!=0; i++){}
    if( i<X1060_NATTRIBUTE_SHARED && p->azIn[i]==0
     && (strcmp(zType, "text")==0 || strcmp(zType, "array")==0) ){
      rc = benchAttribute(db, p, i, pVal, zType, pzErr);
    }else if( strcmp(zKey, "schema")==0 && strcmp(zType, "text")==0
           && p->zSchema==0 ){
      rc = benchSchema(db, p, pVal, pzErr);
    }else if( strcmp(zKey, "min_peers")==0 && strcmp(zType, "integer")==0
           && sqlite3_value_int64(pVal)>=1
           && sqlite3_value_int64(pVal)<=1000000 ){
      p->nMin = sqlite3_value_int(pVal);
    }else{
      rc = benchBad(pzErr, zKey, pVal, 0, BENCH_ALLOWED);
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pEach);
  else sqlite3_finalize(pEach);
  return rc;
}

/* The peers' part of the SQL (WITH ... rows AS): the CDCs of p's schema
** but the CDC (id zSelf, SQL, or NULL when in another schema) that match
** p's filters; their services' flagged rows.  From sqlite3_mprintf. */
static char *benchPeersSql(sqlite3 *db, const BenchPeers *p,
                           const char *zSelf, char **pzErr){
  sqlite3_str *pStr = sqlite3_str_new(0);
  int i, iFormat = 0, rc = x1060StoreFormat(db, p->zSchema, &iFormat);
  (void)pzErr;
  if( rc!=SQLITE_OK ){
    sqlite3_free(sqlite3_str_finish(pStr));
    return 0;
  }
  sqlite3_str_appendf(pStr, "WITH peer AS (SELECT c.cdc AS k FROM \"%w\"."
                      "x1060_store_cdc c LEFT JOIN ", p->zSchema);
  if( iFormat>=4 ){
    sqlite3_str_appendf(pStr, "\"%w\".x1060_store_attribute", p->zSchema);
  }else{                        /* an older storage has no attributes */
    sqlite3_str_appendall(pStr, "(SELECT NULL AS cdc");
    for(i=0; i<X1060_NATTRIBUTE; i++){
      sqlite3_str_appendf(pStr, ", NULL AS %s", x1060AttributeColumns[i].zName);
    }
    sqlite3_str_appendall(pStr, " WHERE 0)");
  }
  sqlite3_str_appendf(pStr, " a ON a.cdc=c.cdc WHERE %s%s", zSelf ? "c.cdc<>"
                      : "1", zSelf ? zSelf : "");
  for(i=0; i<X1060_NATTRIBUTE_SHARED; i++){
    if( p->azIn[i] ) sqlite3_str_appendf(pStr, " AND a.%s IN %s",
                                         x1060AttributeColumns[i].zName,
                                         p->azIn[i]);
  }
  sqlite3_str_appendf(pStr, "), rows AS (SELECT s.cdc AS k, s.category AS "
      "category, s.phase AS phase, s.as_is AS as_is, s.to_be AS to_be, "
      "coalesce(" X1060_SQL_SCORED("s") ", 0) AS sco FROM \"%w\"."
      "x1060_store_service s WHERE s.cdc IN (SELECT k FROM peer)",
      p->zSchema);
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
int x1060BenchmarkPrepare(sqlite3 *db, const char *zSchema,
                          const char *zName, sqlite3_value *pPeers,
                          sqlite3_stmt **ppStmt, char **pzErr){
  BenchPeers peers;
  char *zPeers = 0, *zMine = 0, *zSelf = 0, *zSql = 0;
  int rc, iFormat = 0, n;
  memset(&peers, 0, sizeof(peers));
  *ppStmt = 0;
  rc = benchPeersRead(db, pPeers, &peers, pzErr);
  if( rc==SQLITE_OK && peers.zSchema==0 ){
    peers.zSchema = sqlite3_mprintf("%s", zSchema);
    if( peers.zSchema==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ) rc = x1060StoreFormat(db, zSchema, &iFormat);
  if( rc==SQLITE_OK ){
    /* the CDC's own rows through x1060_cdc_services (checked values) */
    zMine = x1060FillSqlAt(" UNION ALL SELECT 0, category, phase, as_is, "
        "to_be, coalesce(" X1060_SQL_SCORED("t") ", 0) FROM $T t), ",
        zSchema, zName, iFormat);
    zSelf = sqlite3_stricmp(peers.zSchema, zSchema)==0
          ? x1060FillSqlAt("$I", zSchema, zName, iFormat) : 0;
    zPeers = benchPeersSql(db, &peers, zSelf ? zSelf : 0, pzErr);
    n = peers.nMin;
    zSql = zMine && zPeers ? sqlite3_mprintf("%s%s" BENCH_GROUPS
        BENCH_RESULT, zPeers, zMine, n, n, n, n, n, n, n, n) : 0;
    rc = x1060Prepare(db, zSql, ppStmt);
  }
  sqlite3_free(zPeers);
  sqlite3_free(zMine);
  sqlite3_free(zSelf);
  benchPeersFree(&peers);
  return rc;
}
