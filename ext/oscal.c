/*
** x1060: OSCAL, NIST's machine-readable format for control catalogs and
** assessments (OSCAL 1.2.2, JSON).
**
**   SELECT x1060_oscal('catalog');                     -- X.1060 as a catalog
**   SELECT x1060_oscal('assessment-results', 'acme');  -- a CDC's evaluation
**   SELECT x1060_uuid('anything');                     -- a derived UUID
**
** The catalog: the nine categories as groups, the 64 services as controls
** (the project's summary as the statement part, in English and Japanese;
** phase, information, expertise, quadrant and suggested assignment as
** props; the recommendation level as a parameter to choose, since X.1060
** sets no default level).  The assessment results of a CDC: one result
** per evaluation (each snapshot, then the current state), in each an
** observation per service (level, assignment, team, outsourcer, as-is,
** to-be as props) and a finding per scored service, its target the
** service's statement, satisfied when as-is reaches to-be.
**
** Every UUID is x1060_uuid() of what the object is (the catalog; the CDC's
** identity and the evaluation's label; the service), so the same object
** has the same UUID in every export.  Values from the database go into
** OSCAL's one-line fields flattened (line breaks and tabs as spaces,
** trimmed) and are left out when nothing is left.  Both documents are made
** by SQL (json_object) over the reference tables and the CDC, so that
** their JSON is SQLite's.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3


#define OSCAL_VERSION "1.2.2"
#define OSCAL_NS "'urn:x1060:oscal'"
#define OSCAL_NOW CDC_NOW_SQL

/* Text x for a one-line OSCAL field: line breaks and tabs as spaces,
** trimmed, NULL when empty. */
#define FLAT(x) "nullif(trim(replace(replace(replace(" x ", char(10), ' '), " \
                "char(13), ' '), char(9), ' ')), '')"

/* The OSCAL id of service s (an Annex A id as 'x1060-a-1', a custom one
** as 'x1060-custom-' and its UTF-8 in hex: always an OSCAL token). */
#define CONTROL_ID(s) "CASE WHEN " s " IN (SELECT service_id FROM " \
  "x1060_services) THEN 'x1060-'||lower(" s ") ELSE 'x1060-custom-'||" \
  "lower(hex(" s ")) END"

/* An x1060 prop named n with value v (SQL), or NULL when v is. */
#define PROP(n, v) "CASE WHEN " v " IS NOT NULL THEN json_object('name', '" \
  n "', 'ns', " OSCAL_NS ", 'value', " v ") END"

/* The SELECT of the catalog. */
static const char zCatalogSql[] =
  "SELECT json_object('catalog', json_object("
  "'uuid', x1060_uuid('x1060 catalog 2021'), "
  "'metadata', json_object("
  "'title', 'ITU-T X.1060 (06/2021): the services of a cyber defence "
  "centre (Annex A)', "
  "'last-modified', " OSCAL_NOW ", 'version', '2021', "
  "'oscal-version', '" OSCAL_VERSION "', "
  "'props', json_array(json_object('name', 'generator', 'ns', " OSCAL_NS
  ", 'value', 'x1060 '||x1060_version())), "
  "'parties', json_array(json_object('uuid', x1060_uuid('x1060 party ITU-T'),"
  " 'type', 'organization', 'name', 'ITU-T', 'short-name', 'ITU-T')), "
  "'remarks', 'The service ids, names and categories are those of ITU-T "
  "X.1060 Annex A. The statements (summaries), their Japanese text and the "
  "Japanese names, the default phases and the sourcing props (information, "
  "expertise, quadrant, suggested assignment) are the x1060 project''s own "
  "words and suggestions, not the Recommendation''s text. X.1060 sets no "
  "default recommendation level: each control''s level is a parameter for "
  "the organisation to choose.'), "
  "'groups', (SELECT json_group_array(json(g)) FROM (SELECT json_object("
  "'id', 'x1060-'||lower(c.category), 'class', 'category', 'title', c.name, "
  "'props', json_array(json_object('name', 'label', 'value', c.category), "
  "json_object('name', 'name-ja', 'ns', " OSCAL_NS ", 'value', c.name_ja), "
  "json_object('name', 'phase', 'ns', " OSCAL_NS ", 'value', c.phase)), "
  "'controls', (SELECT json_group_array(json(k)) FROM (SELECT json_object("
  "'id', 'x1060-'||lower(s.service_id), 'class', 'service', 'title', "
  "s.name, 'params', json_array(json_object('id', "
  "'x1060-'||lower(s.service_id)||'_prm_level', 'label', 'recommendation "
  "level', 'select', json_object('how-many', 'one', 'choice', (SELECT "
  "json_group_array(level) FROM x1060_levels)))), "
  "'props', json_array(json_object('name', 'label', 'value', s.service_id),"
  " json_object('name', 'name-ja', 'ns', " OSCAL_NS ", 'value', s.name_ja), "
  "json_object('name', 'phase', 'ns', " OSCAL_NS ", 'value', s.phase), "
  "json_object('name', 'information', 'ns', " OSCAL_NS ", 'value', "
  "s.information), json_object('name', 'expertise', 'ns', " OSCAL_NS ", "
  "'value', s.expertise), json_object('name', 'quadrant', 'ns', " OSCAL_NS
  ", 'value', CAST(s.quadrant AS TEXT)), json_object('name', "
  "'suggested-assignment', 'ns', " OSCAL_NS ", 'value', "
  "s.suggested_assignment)), "
  "'parts', json_array(json_object('id', 'x1060-'||lower(s.service_id)||"
  "'_smt', 'name', 'statement', 'prose', s.summary), json_object('id', "
  "'x1060-'||lower(s.service_id)||'_smt.ja', 'name', 'statement-ja', 'ns', "
  OSCAL_NS ", 'prose', s.summary_ja))) AS k FROM x1060_services s WHERE "
  "s.category=c.category ORDER BY s.rowid))) AS g FROM x1060_categories c "
  "ORDER BY c.rowid)), "
  "'back-matter', json_object('resources', json_array(json_object('uuid', "
  "x1060_uuid('x1060 resource ITU-T X.1060'), 'title', 'Recommendation "
  "ITU-T X.1060 (06/2021), Framework for the creation and operation of a "
  "cyber defence centre', 'rlinks', json_array(json_object('href', "
  "'https://www.itu.int/rec/T-REC-X.1060')))))))";

/*
** The SELECT of a CDC's assessment results (placeholders of x1060FillSql),
** in steps (SQLite's parser limits how deeply one expression nests):
**   k  the CDC's identity (its number, creation time and org: stable
**      across renames and exports), its org and name;
**   u  the evaluations: each snapshot from its first time, then 'current'
**      now, rk the identity of each;
**   o  the services of each evaluation, their text fields flattened;
**   qa, ev  the assessments behind the scores (the answers to the rubric)
**      and each evidence reference of their answers;
**   p  the props of each observation (those with a value, the answers
**      behind its scores among them);
**   ac, rm  the improvement actions of each evaluation (but dropped ones)
**      on a service, and each as an OSCAL remediation (a response whose
**      lifecycle is 'planned', or 'completed' when done);
**   ri  a risk for each gap, with its remediations: 'remediating' while
**      an action is open, 'investigating' when all are done (the result
**      is not measured yet), 'open' when there is none;
**   ob, fi, res  the observations, the findings (scored services, a gap's
**      with its risk) and the results as JSON.
*/
static const char zResultsSql[] =
  "WITH k(k, org, cdc) AS (SELECT 'x1060 cdc '||cdc||' '||created_at||' '||"
  "org, coalesce(" FLAT("org") ", cdc_name), cdc_name FROM $C), "
  "u(label, start, ord, rk) AS (SELECT label, start, ord, (SELECT k FROM k)"
  "||' result '||label FROM (SELECT label, coalesce(strftime("
  "'%Y-%m-%dT%H:%M:%SZ', min(taken_at)), " OSCAL_NOW ") AS start, 0 AS ord "
  "FROM $N GROUP BY label UNION ALL SELECT 'current', " OSCAL_NOW ", 1)), "
  "d AS (SELECT 'current' AS label, rowid AS seq_no, service_id, name, level,"
  " assignment, team, outsourcer, as_is, to_be, excluded, evidence FROM $T "
  "UNION ALL SELECT label, seq_no, service_id, name, level, assignment, "
  "team, outsourcer, as_is, to_be, excluded, evidence FROM $N), "
  "o AS (SELECT u.label, u.start, u.rk, d.seq_no, d.service_id, d.level, "
  "d.assignment, d.as_is, d.to_be, d.excluded, coalesce(" FLAT("d.name")
  ", '') AS name, " FLAT("d.team") " AS team, " FLAT("d.outsourcer") " AS "
  "outsourcer, " FLAT("d.evidence") " AS evidence, d.evidence AS "
  "evidence_text, " X1060_SQL_SCORED("d") " AS sco, "
  "x1060_uuid(u.rk||' observation '||upper(d.service_id)) AS ouid, "
  CONTROL_ID("d.service_id") " AS cid FROM u JOIN d ON d.label=u.label), "
  "qa AS (SELECT 'current' AS label, seq_no, side, answers, evidence FROM "
  "$U UNION ALL SELECT label, seq_no, side, answers, evidence FROM $B), "
  "ev AS (SELECT qa.label, qa.seq_no, json_object('description', "
  "replace(qa.side, '_', '-')||' answer '||substr(t.fullkey, 3)||': '||"
  "t.atom) AS j FROM qa, json_tree(qa.evidence) t WHERE t.type='text'), "
  "p AS (SELECT o.label, o.seq_no, json_group_array(json(v.value)) AS props "
  "FROM o, json_each(json_array(json_object('name', 'label', 'value', "
  "o.service_id), " PROP("level", "o.level") ", " PROP("assignment",
  "o.assignment") ", " PROP("team", "o.team") ", " PROP("outsourcer",
  "o.outsourcer") ", " PROP("as-is", "CAST(o.as_is AS TEXT)") ", "
  PROP("to-be", "CAST(o.to_be AS TEXT)") ", " PROP("excluded", "CASE WHEN "
  "o.excluded THEN 'N/A' END") ", " PROP("as-is-answers", "(SELECT answers "
  "FROM qa WHERE qa.label=o.label AND qa.seq_no=o.seq_no AND "
  "qa.side='as_is')") ", " PROP("to-be-answers", "(SELECT answers FROM qa "
  "WHERE qa.label=o.label AND qa.seq_no=o.seq_no AND qa.side='to_be')")
  ")) v WHERE v.value IS NOT NULL GROUP BY "
  "o.label, o.seq_no), "
  "ob AS (SELECT o.label, o.seq_no, json_patch(json_object('uuid', o.ouid, "
  "'title', o.service_id||' '||o.name, 'description', 'X.1060 service '||"
  "o.service_id||': '||coalesce(o.level, 'no level')||', '||"
  "coalesce(o.assignment, 'no assignment')||', as-is '||CASE WHEN "
  "o.excluded THEN 'N/A' ELSE coalesce(o.as_is, '-') END||', to-be '||CASE "
  "WHEN o.excluded THEN 'N/A' ELSE coalesce(o.to_be, '-') END||'.', "
  "'props', json(p.props), 'methods', json_array('EXAMINE'), 'collected', "
  "o.start), json_object('relevant-evidence', (SELECT CASE WHEN count(*) "
  "THEN json_group_array(json(j)) END FROM (SELECT json_object("
  "'description', o.evidence_text) AS j WHERE o.evidence IS NOT NULL UNION "
  "ALL SELECT j FROM ev WHERE ev.label=o.label AND ev.seq_no=o.seq_no)))) "
  "AS j FROM o JOIN p ON p.label=o.label AND p.seq_no=o.seq_no), "
  "ac AS (SELECT 'current' AS label, action_id, service_id, title, cycle, "
  "status, owner, due, progress, effort, cost, currency FROM $X WHERE "
  "status<>'dropped' AND service_id IS NOT NULL UNION ALL SELECT label, "
  "action_id, service_id, title, cycle, status, owner, due, progress, "
  "effort, cost, currency FROM $Z WHERE status<>'dropped' AND service_id IS "
  "NOT NULL), "
  "rm AS (SELECT o.label, o.seq_no, ac.action_id, ac.status, ac.due, "
  "json_patch(json_object('uuid', x1060_uuid(o.rk||' remediation '||"
  "ac.action_id), 'lifecycle', CASE ac.status WHEN 'done' THEN 'completed' "
  "ELSE 'planned' END, 'title', coalesce(" FLAT("ac.title") ", 'Action '||"
  "ac.action_id), 'description', 'Improvement action '||ac.action_id||' ("
  "'||ac.cycle||' cycle): '||ac.status||', '||ac.progress||'% done'||"
  "coalesce(', owner '||" FLAT("ac.owner") ", '')||coalesce(', due '||"
  "ac.due, '')||coalesce(', effort '||ac.effort||' person-days', '')||"
  "coalesce(', cost '||ac.cost||' '||ac.currency, '')||'.', 'props', "
  "json_array(json_object('name', 'action-id', 'ns', " OSCAL_NS ", 'value',"
  " CAST(ac.action_id AS TEXT)), json_object('name', 'action-status', 'ns',"
  " " OSCAL_NS ", 'value', ac.status), json_object('name', 'cycle', 'ns', "
  OSCAL_NS ", 'value', ac.cycle))), json_object('tasks', CASE WHEN ac.due "
  "IS NOT NULL THEN json_array(json_object('uuid', x1060_uuid(o.rk||' task "
  "'||ac.action_id), 'type', 'milestone', 'title', 'Due', 'timing', "
  "json_object('on-date', json_object('date', ac.due||'T00:00:00Z')))) END"
  ")) AS j FROM o JOIN ac ON ac.label=o.label AND ac.service_id=o.service_id"
  " WHERE o.sco AND o.as_is<o.to_be), "
  "ri AS (SELECT o.label, o.seq_no, x1060_uuid(o.rk||' risk '||"
  "upper(o.service_id)) AS ruid, json_patch(json_object('uuid', "
  "x1060_uuid(o.rk||' risk '||upper(o.service_id)), 'title', o.service_id||"
  "' '||o.name||': target not reached', 'description', 'X.1060 service '||"
  "o.service_id||' is at '||o.as_is||' of its target '||o.to_be||'.', "
  "'statement', 'The CDC does not perform '||o.service_id||' at the level "
  "it set as its target (gap '||(o.to_be-o.as_is)||').', 'status', CASE "
  "WHEN EXISTS (SELECT 1 FROM rm WHERE rm.label=o.label AND "
  "rm.seq_no=o.seq_no AND rm.status<>'done') THEN 'remediating' WHEN "
  "EXISTS (SELECT 1 FROM rm WHERE rm.label=o.label AND rm.seq_no=o.seq_no) "
  "THEN 'investigating' ELSE 'open' END), json_object('deadline', (SELECT "
  "min(rm.due)||'T00:00:00Z' FROM rm WHERE rm.label=o.label AND "
  "rm.seq_no=o.seq_no AND rm.status<>'done'), 'remediations', (SELECT CASE "
  "WHEN count(*) THEN json_group_array(json(j)) END FROM (SELECT j FROM rm "
  "WHERE rm.label=o.label AND rm.seq_no=o.seq_no ORDER BY action_id)))) AS "
  "j FROM o WHERE o.sco AND o.as_is<o.to_be), "
  "fi AS (SELECT o.label, o.seq_no, json_patch(json_object('uuid', "
  "x1060_uuid(o.rk||"
  "' finding '||upper(o.service_id)), 'title', o.service_id||' '||o.name||"
  "CASE WHEN o.as_is>=o.to_be THEN ': target reached' ELSE ': gap '||"
  "(o.to_be-o.as_is) END, 'description', 'as-is '||o.as_is||', to-be '||"
  "o.to_be||', gap '||max(o.to_be-o.as_is, 0)||'.', 'target', json_object("
  "'type', 'statement-id', 'target-id', o.cid||'_smt', 'status', "
  "json_object('state', CASE WHEN o.as_is>=o.to_be THEN 'satisfied' ELSE "
  "'not-satisfied' END)), 'related-observations', json_array(json_object("
  "'observation-uuid', o.ouid))), json_object('related-risks', (SELECT "
  "json_array(json_object('risk-uuid', ri.ruid)) FROM ri WHERE "
  "ri.label=o.label AND ri.seq_no=o.seq_no))) AS j FROM o WHERE o.sco), "
  "res AS (SELECT u.ord, u.start, u.label, json_patch(json_object('uuid', "
  "x1060_uuid(u.rk), 'title', CASE WHEN u.label='current' THEN 'Current "
  "state' ELSE 'Snapshot '||coalesce(" FLAT("u.label") ", '-') END, "
  "'description', CASE WHEN u.label='current' THEN 'The CDC as it is now.' "
  "ELSE 'The CDC as snapshot '||u.label||' recorded it.' END, 'start', "
  "u.start, 'reviewed-controls', json_object('control-selections', "
  "json_array(json_object('include-all', json_object()))), 'observations', "
  "(SELECT json_group_array(json(j)) FROM (SELECT j FROM ob WHERE "
  "ob.label=u.label ORDER BY ob.seq_no))), json_object('findings', (SELECT "
  "CASE WHEN count(*) THEN json_group_array(json(j)) END FROM (SELECT j "
  "FROM fi WHERE fi.label=u.label ORDER BY fi.seq_no)), 'risks', (SELECT "
  "CASE WHEN count(*) THEN json_group_array(json(j)) END FROM (SELECT j "
  "FROM ri WHERE ri.label=u.label ORDER BY ri.seq_no)))) AS j FROM u) "
  "SELECT json_object('assessment-results', json_object("
  "'uuid', x1060_uuid((SELECT k FROM k)||' assessment-results'), "
  "'metadata', json_object('title', 'X.1060 evaluation of '||(SELECT org "
  "FROM k), 'last-modified', " OSCAL_NOW ", 'version', " OSCAL_NOW ", "
  "'oscal-version', '" OSCAL_VERSION "', 'props', json_array(json_object("
  "'name', 'generator', 'ns', " OSCAL_NS ", 'value', 'x1060 '||"
  "x1060_version()), json_object('name', 'cdc', 'ns', " OSCAL_NS ", "
  "'value', coalesce(" FLAT("(SELECT cdc FROM k)") ", 'cdc'))), 'parties', "
  "json_array(json_object('uuid', x1060_uuid((SELECT k FROM k)||' party'), "
  "'type', 'organization', 'name', (SELECT org FROM k)))), "
  "'import-ap', json_object('href', '#'||x1060_uuid((SELECT k FROM k)||"
  "' plan'), 'remarks', 'No OSCAL assessment plan: X.1060''s evaluation "
  "process (the back-matter resource) is the plan.'), "
  "'results', (SELECT json_group_array(json(j)) FROM (SELECT j FROM res "
  "ORDER BY ord, start, label)), "
  "'back-matter', json_object('resources', json_array(json_object('uuid', "
  "x1060_uuid((SELECT k FROM k)||' plan'), 'title', 'The evaluation "
  "process of ITU-T X.1060', 'description', 'Catalogue (recommendation "
  "levels), profile (assignments) and portfolio (as-is and to-be scores "
  "1 to 5 by the rubric), as x1060 records them.')))))";

/* A 64-bit FNV-1a hash of the n bytes of z, from seed h, then mixed. */
static sqlite3_uint64 uuidHash(const unsigned char *z, int n,
                               sqlite3_uint64 h){
  int i;
  for(i=0; i<n; i++){
    h ^= z[i];
    h *= 0x100000001b3ULL;
  }
  h ^= (sqlite3_uint64)n;
  h = (h ^ (h>>30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h>>27)) * 0x94d049bb133111ebULL;
  return h ^ (h>>31);
}

/*
** x1060_uuid(text): a UUID derived from text, the same for the same text
** everywhere: 128 bits of two hashes of its UTF-8, in the version-4
** layout that OSCAL's UUID pattern requires (version 4, variant 10).
** NULL gives NULL.
*/
static void uuidFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const unsigned char *z = sqlite3_value_text(argv[0]);
  int n = sqlite3_value_bytes(argv[0]);
  sqlite3_uint64 a, b;
  char zOut[37];
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  a = uuidHash(z, n, 0xcbf29ce484222325ULL);
  b = uuidHash(z, n, a ^ 0x9e3779b97f4a7c15ULL);
  a = (a & ~0xf000ULL) | 0x4000ULL;                 /* version 4 */
  b = (b & ~(3ULL<<62)) | (2ULL<<62);               /* variant 10 */
  sqlite3_snprintf(sizeof(zOut), zOut, "%08x-%04x-%04x-%04x-%012llx",
                   (unsigned)(a>>32), (unsigned)(a>>16) & 0xffff,
                   (unsigned)a & 0xffff, (unsigned)(b>>48),
                   (unsigned long long)(b & 0xffffffffffffULL));
  sqlite3_result_text(ctx, zOut, -1, SQLITE_TRANSIENT);
}

/*
** x1060_oscal(document [, cdc]): 'catalog' (no CDC) or
** 'assessment-results' of a CDC, as OSCAL 1.2.2 JSON (subtype J).  The
** document is matched without case; anything else is an error naming the
** allowed ones.  A NULL document or CDC gives NULL.
*/
static void oscalFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  const char *zDoc = (const char*)sqlite3_value_text(argv[0]);
  char *zSchema = 0, *zName = 0, *zErr = 0, *zOut = 0;
  int bCatalog = zDoc && sqlite3_stricmp(zDoc, "catalog")==0;
  int bResults = zDoc && sqlite3_stricmp(zDoc, "assessment-results")==0;
  int rc = SQLITE_OK, iFormat = 0;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL
   || (argc>1 && sqlite3_value_type(argv[1])==SQLITE_NULL) ) return;
  if( zDoc==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT || (!bCatalog && !bResults) ){
    zErr = x1060NotAllowedValue(db, "x1060_oscal()", 0, argv[0],
        x1060TextOf(db, X1060_MSG_AN_OSCAL_DOCUMENT),
        x1060TextOf(db, X1060_MSG_OSCAL_DOCUMENTS));
    rc = zErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }else if( bCatalog!=(argc==1) ){
    zErr = x1060Msg(db, bCatalog ? X1060_MSG_OSCAL_CATALOG_NO_CDC
                                 : X1060_MSG_OSCAL_RESULTS_CDC);
    rc = zErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }else if( bCatalog ){
    rc = x1060QueryText(db, sqlite3_mprintf("%s", zCatalogSql), &zOut);
  }else{
    rc = cdcResolve(db, argv[1], "x1060_oscal", &zSchema, &zName, &zErr);
    if( rc==SQLITE_OK ){
      /* the snapshots and the org are read directly: checked first */
      rc = cdcCheckRead(db, zSchema, zName, CDC_CHECK_CDC|CDC_CHECK_SNAPSHOTS|
                        CDC_CHECK_ACTIONS|CDC_CHECK_RECORD_SNAPSHOTS,
                        "x1060_oscal", &zErr);
    }
    if( rc==SQLITE_OK ) rc = x1060StoreFormat(db, zSchema, &iFormat);
    if( rc==SQLITE_OK ){
      rc = x1060QueryText(db, x1060FillSqlAt(zResultsSql, zSchema, zName,
                                             iFormat), &zOut);
    }
  }
  if( rc==SQLITE_OK && zOut ){
    sqlite3_result_text(ctx, zOut, -1, sqlite3_free);
    sqlite3_result_subtype(ctx, 'J');
    zOut = 0;
  }else{
    x1060ResultError(ctx, rc==SQLITE_OK ? SQLITE_NOMEM : rc, zErr);
  }
  sqlite3_free(zOut);
  sqlite3_free(zErr);
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/* Register x1060_uuid (of its argument only: deterministic, innocuous) and
** x1060_oscal: the catalog reads only the framework (innocuous), the
** assessment results a CDC named by its argument, which may be any
** schema's, so that form is DIRECTONLY (docs/security.md). */
int x1060RegisterOscal(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_uuid", 1,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, uuidFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_oscal", 1,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_INNOCUOUS, 0, oscalFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_oscal", 2,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, oscalFunc, 0, 0);
  return rc;
}
