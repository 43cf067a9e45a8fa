/*
** x1060: the document of x1060_export_anonymised(cdc) (interchange.c), a
** CDC's figures without what identifies it, for pooling with peers
** (docs/peers.md).
**
**   SELECT writefile('acme-anon.json', x1060_export_anonymised('acme'));
**   INSERT INTO x1060_cdcs(name) VALUES ('peer-1');       -- in the pool
**   SELECT x1060_import('peer-1', readfile('acme-anon.json'));
**
** The document is an x1060_export document (format_version 3, marked
** "anonymised": true) that x1060_import reads as it is.  Each column is
** kept, replaced by a pseudonym ("team 1", numbered in the order of the
** services), coarsened to the last day of its month, or replaced by a
** constant, as aService and aAction say; every other column, the
** organisation, the CDC's name, custom services, snapshots, history,
** assessments and the attribute assessed_by are left out.
*/
#include "x1060_int.h"

SQLITE_EXTENSION_INIT3

#define ANON_KEEP      0      /* as stored */
#define ANON_PSEUDONYM 1      /* "<word> <n>": the n-th distinct value */
#define ANON_MONTH     2      /* a date: the last day of its month */
#define ANON_CONSTANT  3      /* zWord, whatever was stored */
#define ANON_ANNEX     4      /* a service id: NULL for a custom service */

typedef struct AnonColumn AnonColumn;
struct AnonColumn {
  const char *zCol;
  int eRule;
  const char *zWord;          /* the pseudonym's word, the constant */
};

/* The columns of a service that the document carries, and how. */
static const AnonColumn aService[] = {
  { "service_id", ANON_KEEP, 0 },      { "category", ANON_KEEP, 0 },
  { "level", ANON_KEEP, 0 },           { "assignment", ANON_KEEP, 0 },
  { "team", ANON_PSEUDONYM, "team" },
  { "outsourcer", ANON_PSEUDONYM, "provider" },
  { "as_is", ANON_KEEP, 0 },           { "to_be", ANON_KEEP, 0 },
  { "excluded", ANON_KEEP, 0 },        { "information", ANON_KEEP, 0 },
  { "expertise", ANON_KEEP, 0 },       { "phase", ANON_KEEP, 0 },
  { "owner", ANON_PSEUDONYM, "owner" }, { "due", ANON_MONTH, 0 },
};

/* The columns of an improvement action that the document carries. */
static const AnonColumn aAction[] = {
  { "service_id", ANON_ANNEX, 0 },     { "category", ANON_KEEP, 0 },
  { "title", ANON_CONSTANT, "(anonymised)" },
  { "cycle", ANON_KEEP, 0 },           { "status", ANON_KEEP, 0 },
  { "owner", ANON_PSEUDONYM, "owner" },
  { "started", ANON_MONTH, 0 },        { "due", ANON_MONTH, 0 },
  { "completed", ANON_MONTH, 0 },      { "progress", ANON_KEEP, 0 },
  { "target", ANON_KEEP, 0 },
};

/* Append the json_object of a row of alias zA (a service or an action)
** as aCol (n columns) says, after the pairs zFirst (or none). */
static void anonObject(sqlite3_str *pStr, const char *zFirst, const char *zA,
                       const AnonColumn *aCol, int n){
  int i;
  sqlite3_str_appendf(pStr, "json_object(%s", zFirst ? zFirst : "");
  for(i=0; i<n; i++){
    const AnonColumn *c = &aCol[i];
    sqlite3_str_appendf(pStr, "%s'%s',", i || zFirst ? "," : "", c->zCol);
    switch( c->eRule ){
      case ANON_PSEUDONYM:
        sqlite3_str_appendf(pStr, "(SELECT '%s '||n FROM ps_%s WHERE v=%s.%s)",
                            c->zWord, c->zCol, zA, c->zCol);
        break;
      case ANON_MONTH:
        sqlite3_str_appendf(pStr, "date(%s.%s,'start of month','+1 month',"
                            "'-1 day')", zA, c->zCol);
        break;
      case ANON_CONSTANT:
        sqlite3_str_appendf(pStr, "%Q", c->zWord);
        break;
      case ANON_ANNEX:
        sqlite3_str_appendf(pStr, "(SELECT service_id FROM d WHERE "
                            "d.service_id=%s.%s)", zA, c->zCol);
        break;
      default:
        sqlite3_str_appendf(pStr, "%s.%s", zA, c->zCol);
    }
  }
  sqlite3_str_appendall(pStr, ")");
}

/* See x1060_int.h.  The pseudonyms (ps_team, ps_outsourcer, ps_owner) are
** numbered in the order of the services, then of the actions. */
char *x1060AnonymisedSql(void){
  static const char *const azPseudo[] = { "team", "outsourcer", "owner" };
  char *zAttr = x1060AttributePairs("a.", X1060_NATTRIBUTE_SHARED);
  sqlite3_str *pStr;
  int i;
  if( zAttr==0 ) return 0;
  pStr = sqlite3_str_new(0);
  sqlite3_str_appendall(pStr, "WITH d AS (SELECT * FROM $D WHERE custom=0)");
  for(i=0; i<X1060_ARRAY_SIZE(azPseudo); i++){
    sqlite3_str_appendf(pStr, ", ps_%s AS (SELECT v, row_number() OVER "
        "(ORDER BY min(o)) AS n FROM (SELECT %s AS v, seq_no AS o FROM d%s) "
        "WHERE v IS NOT NULL GROUP BY v)", azPseudo[i], azPseudo[i],
        i==2 ? " UNION ALL SELECT owner, " X1060_STR(CDC_SEQ_MAX)
        "+action_id FROM $X" : "");
  }
  sqlite3_str_appendf(pStr, " SELECT json_object('format','"
      X1060_JSON_FORMAT "','format_version',%d,'anonymised',json('true'),"
      "'x1060_version','%s','edition',(SELECT edition FROM $C),"
      "'exported_at',strftime('%%Y-%%m', 'now'),'services',(SELECT "
      "json_group_array(json(o)) FROM (SELECT ", X1060_JSON_VERSION,
      X1060_VERSION);
  anonObject(pStr, 0, "d", aService, X1060_ARRAY_SIZE(aService));
  sqlite3_str_appendall(pStr, " AS o FROM d ORDER BY seq_no)),'actions',"
      "(SELECT json_group_array(json(o)) FROM (SELECT ");
  anonObject(pStr, "'action_id',row_number() OVER (ORDER BY x.action_id)",
             "x", aAction, X1060_ARRAY_SIZE(aAction));
  sqlite3_str_appendf(pStr, " AS o FROM $X x ORDER BY x.action_id)),"
      "'settings',(SELECT json_group_object(key,value) FROM (SELECT * FROM "
      "$G ORDER BY key)),'attributes',(SELECT json_object(%s) FROM (SELECT 1)"
      " LEFT JOIN $K a ON 1))", zAttr);
  sqlite3_free(zAttr);
  return sqlite3_str_finish(pStr);
}
