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

/* The figures of rows (k the CDC, category, phase, the flags) per CDC and
** group (the sums per category and phase first, in one pass), one row per
** CDC, group and measure (mo 1 as-is, 2 to-be, 3 achievement) with its
** value v, rounded so that equal figures tie. */
#define BENCH_GROUPS \
  "g0 AS (SELECT k, phase, category, " X1060_SQL_SCORE_SUMS " FROM rows " \
  "GROUP BY k, category, phase), " \
  "g AS (SELECT k, 0 AS ko, '' AS key, " X1060_SQL_SCORES_OF_SUMS " FROM g0 " \
  "GROUP BY k UNION ALL SELECT k, 1, phase, " X1060_SQL_SCORES_OF_SUMS \
  " FROM g0 WHERE phase IS NOT NULL GROUP BY k, phase UNION ALL SELECT k, " \
  "2, category, " X1060_SQL_SCORES_OF_SUMS " FROM g0 GROUP BY k, " \
  "category), " \
  "m AS (SELECT k, ko, key, 1 AS mo, round(avg_as_is, 9) AS v FROM g " \
  "UNION ALL SELECT k, ko, key, 2, round(avg_to_be, 9) FROM g UNION ALL " \
  "SELECT k, ko, key, 3, round(achievement, 9) FROM g), "

/* The statistics over the peers' values (p: ranked, st: per figure), the
** rows every result has (f: overall, the phases, the categories; mo: the
** measures), and the result: %d the minimum number of peers (seven
** times), then the notes (%Q: withheld for one peer, %d, withheld for %2
** peers, no rank), in the connection's language. */
#define BENCH_RESULT \
  "me AS (SELECT ko AS mko, key AS mkey, mo AS mmo, v AS mv FROM m WHERE " \
  "k=0), " \
  "p AS (SELECT ko, key, mo, v, row_number() OVER w AS r, count(*) OVER w " \
  "AS n FROM m WHERE k<>0 AND v IS NOT NULL WINDOW w AS (PARTITION BY ko, " \
  "key, mo ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED " \
  "FOLLOWING)), " \
  "st AS (SELECT ko, key, mo, max(n) AS n, min(v) AS lo, max(v) AS hi, " \
  X1060_SQL_QUANTILE("0.25") " AS q1, " X1060_SQL_QUANTILE("0.5") " AS med, " \
  X1060_SQL_QUANTILE("0.75") " AS q3, sum(v<mv) AS below, sum(v=mv) AS eq " \
  "FROM p LEFT JOIN me ON mko=ko AND mkey=key AND mmo=mo GROUP BY ko, key, " \
  "mo), " \
  "f AS (SELECT 0 AS ko, 'cdc' AS kind, '' AS key, 0 AS ord UNION ALL " \
  "SELECT 1, 'phase', name, rowid FROM x1060_phases UNION ALL SELECT 2, " \
  "'category', category, rowid FROM x1060_categories), " \
  "ms(mo, measure) AS (VALUES (1, 'as_is'), (2, 'to_be'), " \
  "(3, 'achievement')) " \
  "SELECT f.kind, nullif(f.key, ''), ms.measure, me.mv, (SELECT count(*) " \
  "FROM peer), coalesce(st.n, 0), " \
  "CASE WHEN st.n>=%d THEN st.lo END, CASE WHEN st.n>=%d THEN st.q1 END, " \
  "CASE WHEN st.n>=%d THEN st.med END, CASE WHEN st.n>=%d THEN st.q3 END, " \
  "CASE WHEN st.n>=%d THEN st.hi END, " \
  "CASE WHEN st.n>=%d AND me.mv IS NOT NULL THEN round(100.0*(st.below+" \
  "0.5*st.eq)/st.n, 1) END, " \
  "CASE WHEN coalesce(st.n, 0)=1 AND 1<%d THEN %Q " \
  "WHEN coalesce(st.n, 0)<%d THEN replace(%Q, '%%2', coalesce(st.n, 0)) " \
  "WHEN me.mv IS NULL THEN %Q END " \
  "FROM f CROSS JOIN ms LEFT JOIN st ON st.ko=f.ko AND st.key=f.key AND " \
  "st.mo=ms.mo LEFT JOIN me ON mko=f.ko AND mkey=f.key AND mmo=ms.mo " \
  "ORDER BY f.ko, f.ord, ms.mo"

/* What a filter allows, for its messages. */
static char *filterAllowed(sqlite3 *db, const X1060Filter *p){
  return p->bOverview ? x1060Msg(db, X1060_MSG_FILTER_ALLOWED_OVERVIEW,
      X1060_STR(X1060_PAGE_MAX), X1060_STR(X1060_PAGE_SIZE))
      : x1060Msg(db, X1060_MSG_FILTER_ALLOWED_PEERS,
                 X1060_STR(X1060_PEERS_MIN));
}

/* The error of filter key zKey with value v (NULL: the filter itself) in
** *pzErr, what is allowed zAllowed (owned; NULL: the filter's keys);
** SQLITE_ERROR, or SQLITE_NOMEM. */
static int filterBad(sqlite3 *db, const X1060Filter *p, char **pzErr,
                     const char *zKey, sqlite3_value *v, const char *zKind,
                     char *zAllowed){
  char *zArg = zKey ? sqlite3_mprintf("%s.%s", p->zArg, zKey) : 0;
  char *zWho = sqlite3_mprintf("%s()", p->zFunc);
  if( zAllowed==0 ) zAllowed = filterAllowed(db, p);
  *pzErr = (zKey==0 || zArg) && zWho && zAllowed ? x1060NotAllowedValue(db,
      zWho, zKey ? zArg : p->zArg, v, zKind, zAllowed) : 0;
  sqlite3_free(zArg);
  sqlite3_free(zWho);
  sqlite3_free(zAllowed);
  return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* Read filter value v (text, or a JSON array of texts, as zType says) of
** attribute i into p->azIn[i]: the canonical values as an SQL list. */
static int filterAttribute(sqlite3 *db, X1060Filter *p, int i,
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
      rc = filterBad(db, p, pzErr, c->zName, pVal, x1060VocabularyWhat(
          c->pVocab, x1060ConnLanguage(db)),
          x1060Msg(db, X1060_MSG_ATTRIBUTE_ALLOWED));
    }else{
      sqlite3_str_appendf(pList, "%s%Q", sqlite3_str_length(pList) ? ","
          : "(", x1060VocabularyWord(c->pVocab, k)->zName);
    }
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pEach);
  else sqlite3_finalize(pEach);
  if( rc==SQLITE_OK && sqlite3_str_length(pList)==0 ){
    /* no value: an empty array, or json_each that could not allocate */
    const unsigned char *z = sqlite3_value_text(v);
    while( z && *z && strchr("[ \t\r\n", *z) ) z++;
    rc = z==0 || *z!=']' ? SQLITE_NOMEM : filterBad(db, p, pzErr, c->zName,
        v, x1060TextOf(db, X1060_MSG_A_VALUE),
        x1060Msg(db, X1060_MSG_AT_LEAST_ONE_VALUE));
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
static int filterSchema(sqlite3 *db, X1060Filter *p, sqlite3_value *v,
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
    rc = filterBad(db, p, pzErr, "schema", v,
        x1060TextOf(db, X1060_MSG_A_SCHEMA_WITH_CDCS),
        x1060Msg(db, X1060_MSG_SCHEMA_WITH_CDCS_ALLOWED));
  }
  if( rc==SQLITE_OK ){
    p->zSchema = zName;
    zName = 0;
  }
  sqlite3_free(zName);
  return rc;
}

/* Read key zKey (JSON type zType, value pVal) of a filter into p. */
static int filterKey(sqlite3 *db, X1060Filter *p, const char *zKey,
                     const char *zType, sqlite3_value *pVal, char **pzErr){
  sqlite3_int64 n = sqlite3_value_int64(pVal);
  int bInt = strcmp(zType, "integer")==0, i;
  for(i=0; i<X1060_NATTRIBUTE_SHARED
           && strcmp(zKey, x1060AttributeColumns[i].zName)!=0; i++){}
  if( i<X1060_NATTRIBUTE_SHARED && p->azIn[i]==0
   && (strcmp(zType, "text")==0 || strcmp(zType, "array")==0) ){
    return filterAttribute(db, p, i, pVal, zType, pzErr);
  }
  if( strcmp(zKey, "schema")==0 && strcmp(zType, "text")==0
   && p->zSchema==0 ){
    return filterSchema(db, p, pVal, pzErr);
  }
  if( !p->bOverview && strcmp(zKey, "min_peers")==0 && bInt && n>=1
   && n<=1000000 ){
    p->nMin = (int)n;
  }else if( p->bOverview && strcmp(zKey, "page")==0 && bInt && n>=1
         && n<=1000000000 ){
    p->iPage = (int)n;
  }else if( p->bOverview && strcmp(zKey, "page_size")==0 && bInt && n>=1
         && n<=X1060_PAGE_MAX ){
    p->nPageSize = (int)n;
  }else{
    return filterBad(db, p, pzErr, zKey, pVal, 0, 0);
  }
  return SQLITE_OK;
}

/* See x1060_int.h. */
int x1060FilterRead(sqlite3 *db, sqlite3_value *v, X1060Filter *p,
                    char **pzErr){
  sqlite3_stmt *pEach = 0;
  const unsigned char *z;
  int rc;
  p->nMin = X1060_PEERS_MIN;
  p->iPage = 1;
  p->nPageSize = X1060_PAGE_SIZE;
  if( v==0 || sqlite3_value_type(v)==SQLITE_NULL ) return SQLITE_OK;
  z = sqlite3_value_type(v)==SQLITE_TEXT ? sqlite3_value_text(v) : 0;
  if( z==0 && sqlite3_value_type(v)==SQLITE_TEXT ) return SQLITE_NOMEM;
  while( z && (*z==' ' || *z=='\t' || *z=='\n' || *z=='\r') ) z++;
  if( z==0 || *z!='{' ){
    return filterBad(db, p, pzErr, 0, v, x1060TextOf(db, p->bOverview
                     ? X1060_MSG_A_FILTER_OF_CDCS
                     : X1060_MSG_A_FILTER_OF_PEERS),
                     0);
  }
  rc = sqlite3_prepare_v2(db, "SELECT key, value, type FROM json_each(?1)",
                          -1, &pEach, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_value(pEach, 1, v);
  while( rc==SQLITE_OK && sqlite3_step(pEach)==SQLITE_ROW ){
    const char *zKey = (const char*)sqlite3_column_text(pEach, 0);
    const char *zType = (const char*)sqlite3_column_text(pEach, 2);
    if( zKey==0 || zType==0 ){ rc = SQLITE_NOMEM; break; }
    rc = filterKey(db, p, zKey, zType, sqlite3_column_value(pEach, 1), pzErr);
  }
  if( rc==SQLITE_OK ) rc = sqlite3_finalize(pEach);
  else sqlite3_finalize(pEach);
  if( rc==SQLITE_ERROR && *pzErr==0 ){     /* json_each: not JSON */
    rc = filterBad(db, p, pzErr, 0, v, x1060TextOf(db, p->bOverview
                   ? X1060_MSG_A_FILTER_OF_CDCS
                   : X1060_MSG_A_FILTER_OF_PEERS),
                   0);
  }
  return rc;
}

/* See x1060_int.h. */
void x1060FilterFree(X1060Filter *p){
  int i;
  sqlite3_free(p->zSchema);
  for(i=0; i<X1060_NATTRIBUTE_SHARED; i++) sqlite3_free(p->azIn[i]);
}

/* See x1060_int.h. */
char *x1060FilterSql(sqlite3 *db, const X1060Filter *p, const char *zSelf){
  sqlite3_str *pStr;
  int i, iFormat = 0;
  if( x1060StoreFormat(db, p->zSchema, &iFormat)!=SQLITE_OK ) return 0;
  pStr = sqlite3_str_new(0);
  sqlite3_str_appendf(pStr, "SELECT c.cdc AS k, c.cdc_name AS cdc, c.org AS "
      "org, a.sector AS sector, a.size AS size, a.region AS region FROM "
      "\"%w\".x1060_store_cdc c LEFT JOIN ", p->zSchema);
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
  return sqlite3_str_finish(pStr);
}

/* See x1060_int.h. */
int x1060BenchmarkPrepare(sqlite3 *db, const char *zSchema,
                          const char *zName, sqlite3_value *pPeers,
                          sqlite3_stmt **ppStmt, char **pzErr){
  X1060Filter peers;
  char *zPeers = 0, *zMine = 0, *zSelf = 0, *zSql = 0;
  char *azNote[3] = { 0, 0, 0 };
  char zMin[16];
  int rc, iFormat = 0, n, i;
  memset(&peers, 0, sizeof(peers));
  peers.zFunc = "x1060_benchmark";
  peers.zArg = "peers";
  *ppStmt = 0;
  rc = x1060FilterRead(db, pPeers, &peers, pzErr);
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
    zPeers = x1060FilterSql(db, &peers, zSelf);
    n = peers.nMin;
    sqlite3_snprintf(sizeof(zMin), zMin, "%d", n);
    azNote[0] = x1060Msg(db, X1060_MSG_BENCH_WITHHELD_ONE, zMin);
    azNote[1] = x1060Msg(db, X1060_MSG_BENCH_WITHHELD, zMin, "%2");
    azNote[2] = x1060Msg(db, X1060_MSG_BENCH_NO_RANK);
    zSql = zMine && zPeers && azNote[0] && azNote[1] && azNote[2]
         ? sqlite3_mprintf("WITH peer AS (%s), rows AS "
        "(SELECT s.cdc AS k, s.category AS category, s.phase AS phase, "
        "s.as_is AS as_is, s.to_be AS to_be, coalesce(" X1060_SQL_SCORED("s")
        ", 0) AS sco FROM \"%w\".x1060_store_service s WHERE s.cdc IN (SELECT "
        "k FROM peer)%s" BENCH_GROUPS BENCH_RESULT, zPeers, peers.zSchema,
        zMine, n, n, n, n, n, n, n, azNote[0], n, azNote[1], azNote[2]) : 0;
    rc = x1060Prepare(db, zSql, ppStmt);
  }
  sqlite3_free(zPeers);
  sqlite3_free(zMine);
  sqlite3_free(zSelf);
  for(i=0; i<3; i++) sqlite3_free(azNote[i]);
  x1060FilterFree(&peers);
  return rc;
}
