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

/* Text x for a one-line OSCAL field (X1060_SQL_FLAT). */
#define FLAT(x) X1060_SQL_FLAT(x)

/* The OSCAL id of service s (an Annex A id as 'x1060-a-1', a custom one
** as 'x1060-custom-' and its UTF-8 in hex: always an OSCAL token). */
#define CONTROL_ID(s) "CASE WHEN " s " IN (SELECT service_id FROM " \
  "x1060_services) THEN 'x1060-'||lower(" s ") ELSE 'x1060-custom-'||" \
  "lower(hex(" s ")) END"

/* An x1060 prop named n with value v (SQL), or NULL when v is. */
#define PROP(n, v) "CASE WHEN " v " IS NOT NULL THEN json_object('name', '" \
  n "', 'ns', " OSCAL_NS ", 'value', " v ") END"

/* The CDC's identity k (X1060_SQL_CDC_KEY), its org and name: a CTE of
** every CDC document. */
#define CDC_K "k(k, org, cdc) AS (SELECT " X1060_SQL_CDC_KEY ", coalesce(" \
  FLAT("org") ", cdc_name), cdc_name FROM $C)"

/* The catalog's services (sv): Annex A's, as the head of a CTE that a
** CDC's catalog continues with its own services. */
#define CATALOG_ANNEX_A "sv AS (SELECT s.service_id, s.category, s.name, " \
  "s.name_ja, s.phase, s.information, s.expertise, CAST(s.quadrant AS TEXT) "\
  "AS quadrant, s.suggested_assignment, s.summary, s.summary_ja, NULL AS "  \
  "origin, s.rowid AS ord FROM x1060_services s"

/* The CTEs of X.1060's catalog (cx: what the catalog is; sv). */
static const char zCatalogAnnexA[] =
  "WITH cx(uuid, title, note) AS (SELECT x1060_uuid('x1060 catalog 2021'), "
  "'ITU-T X.1060 (06/2021): the services of a cyber defence centre (Annex "
  "A)', ''), " CATALOG_ANNEX_A ") ";

/* The CTEs of a CDC's catalog: Annex A, then the CDC's own services, each
** with a statement saying whose it is. */
static const char zCatalogCdc[] =
  "WITH " CDC_K ", cx(uuid, title, note) AS (SELECT x1060_uuid(k||' catalog"
  "'), 'ITU-T X.1060 (06/2021): the services of a cyber defence centre, "
  "with those of '||org, ' The services of '||org||'''s own (not in Annex A)"
  " follow Annex A''s in their categories, with the prop origin ''cdc''.' "
  "FROM k), " CATALOG_ANNEX_A " UNION ALL SELECT t.service_id, t.category, "
  "t.name, NULL, NULL, NULL, NULL, NULL, NULL, 'A service of '||(SELECT org "
  "FROM k)||'''s own, not in X.1060 Annex A: '||coalesce(" FLAT("t.name")
  ", t.service_id)||'.', NULL, 'cdc', 1000000+t.rowid FROM $T t WHERE "
  "t.service_id NOT IN (SELECT service_id FROM x1060_services)) ";

/* The elements of JSON array a (SQL) that are not null, as an array. */
#define NOT_NULL(a) "(SELECT json_group_array(json(value)) FROM " \
  "json_each(json_array(" a ")) WHERE type<>'null')"

/* The SELECT of a catalog over cx and sv (zCatalogAnnexA, zCatalogCdc). */
static const char zCatalogSql[] =
  "SELECT json_object('catalog', json_object("
  "'uuid', (SELECT uuid FROM cx), "
  "'metadata', json_object('title', (SELECT title FROM cx), "
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
  "the organisation to choose.'||(SELECT note FROM cx)), "
  "'groups', (SELECT json_group_array(json(g)) FROM (SELECT json_object("
  "'id', 'x1060-'||lower(c.category), 'class', 'category', 'title', c.name, "
  "'props', json_array(json_object('name', 'label', 'value', c.category), "
  "json_object('name', 'name-ja', 'ns', " OSCAL_NS ", 'value', c.name_ja), "
  "json_object('name', 'phase', 'ns', " OSCAL_NS ", 'value', c.phase)), "
  "'controls', (SELECT json_group_array(json(k)) FROM (SELECT json_object("
  "'id', " CONTROL_ID("s.service_id") ", 'class', 'service', 'title', "
  "s.name, 'params', json_array(json_object('id', " CONTROL_ID("s.service_id")
  "||'_prm_level', 'label', 'recommendation level', 'select', json_object("
  "'how-many', 'one', 'choice', (SELECT json_group_array(level) FROM "
  "x1060_levels)))), "
  "'props', " NOT_NULL("json_object('name', 'label', 'value', s.service_id),"
  " " PROP("name-ja", "s.name_ja") ", " PROP("phase", "s.phase") ", "
  PROP("information", "s.information") ", " PROP("expertise", "s.expertise")
  ", " PROP("quadrant", "s.quadrant") ", " PROP("suggested-assignment",
  "s.suggested_assignment") ", " PROP("origin", "s.origin")) ", "
  "'parts', " NOT_NULL("json_object('id', " CONTROL_ID("s.service_id") "||"
  "'_smt', 'name', 'statement', 'prose', s.summary), CASE WHEN s.summary_ja "
  "IS NOT NULL THEN json_object('id', " CONTROL_ID("s.service_id") "||"
  "'_smt.ja', 'name', 'statement-ja', 'ns', " OSCAL_NS ", 'prose', "
  "s.summary_ja) END") ") AS k FROM sv s WHERE s.category=c.category ORDER "
  "BY s.ord))) AS g FROM x1060_categories c ORDER BY c.rowid)), "
  "'back-matter', json_object('resources', json_array(json_object('uuid', "
  "x1060_uuid('x1060 resource ITU-T X.1060'), 'title', 'Recommendation "
  "ITU-T X.1060 (06/2021), Framework for the creation and operation of a "
  "cyber defence centre', 'rlinks', json_array(json_object('href', "
  "'https://www.itu.int/rec/T-REC-X.1060')))))))";

/* The back-matter resource that carries catalog ?1 (base64) under uuid u,
** titled t (SQL expressions). */
#define CATALOG_RESOURCE(u, t) "json_object('uuid', " u ", 'title', " t ", " \
  "'description', 'The OSCAL catalog of the services (x1060_oscal(''catalog" \
  "''...)), base64-encoded JSON: the controls that the document''s " \
  "targets and ids name.', 'base64', json_object('filename', " \
  "'x1060-catalog.json', 'media-type', 'application/oscal.catalog+json', " \
  "'value', ?1))"

/*
** The CTEs of a CDC's assessment results and POA&M (placeholders of
** x1060FillSql), in steps (SQLite's parser limits how deeply one
** expression nests):
**   k  the CDC's identity, its org and name (CDC_K);
**   u  the evaluations: each snapshot from its first time, then 'current'
**      now, rk the identity of each;
**   o  the services of each evaluation, their text fields flattened;
**   qa, ev  the assessments behind the scores (the answers to the rubric)
**      and each evidence reference of their answers;
**   p  the props of each observation (those with a value, the answers
**      behind its scores among them), all in x1060's namespace;
**   ob the observations as JSON;
**   ac, rm  the improvement actions of each evaluation (but dropped ones)
**      on a service, and each as an OSCAL remediation (a response whose
**      lifecycle is 'planned', or 'completed' when done);
**   ri  a risk for each gap, with its remediations: 'remediating' while
**      an action is open, 'investigating' when all are done (the result
**      is not measured yet), 'open' when there is none.
*/
#define CDC_CTES \
  "WITH " CDC_K ", " \
  "u(label, start, ord, rk) AS (SELECT label, start, ord, (SELECT k FROM k)"\
  "||' result '||label FROM (SELECT label, coalesce(strftime(" \
  "'%Y-%m-%dT%H:%M:%SZ', min(taken_at)), " OSCAL_NOW ") AS start, 0 AS ord "\
  "FROM $N GROUP BY label UNION ALL SELECT 'current', " OSCAL_NOW ", 1)), " \
  "d AS (SELECT 'current' AS label, rowid AS seq_no, service_id, name, level,"\
  " assignment, team, outsourcer, as_is, to_be, excluded, evidence FROM $T "\
  "UNION ALL SELECT label, seq_no, service_id, name, level, assignment, " \
  "team, outsourcer, as_is, to_be, excluded, evidence FROM $N), " \
  "o AS (SELECT u.label, u.start, u.rk, d.seq_no, d.service_id, d.level, " \
  "d.assignment, d.as_is, d.to_be, d.excluded, coalesce(" FLAT("d.name") \
  ", '') AS name, " FLAT("d.team") " AS team, " FLAT("d.outsourcer") " AS " \
  "outsourcer, " FLAT("d.evidence") " AS evidence, d.evidence AS " \
  "evidence_text, " X1060_SQL_SCORED("d") " AS sco, " \
  "x1060_uuid(u.rk||' observation '||upper(d.service_id)) AS ouid, " \
  CONTROL_ID("d.service_id") " AS cid FROM u JOIN d ON d.label=u.label), " \
  "qa AS (SELECT 'current' AS label, seq_no, side, answers, evidence FROM " \
  "$U UNION ALL SELECT label, seq_no, side, answers, evidence FROM $B), " \
  "ev AS (SELECT qa.label, qa.seq_no, json_object('description', " \
  "replace(qa.side, '_', '-')||' answer '||substr(t.fullkey, 3)||': '||" \
  "t.atom) AS j FROM qa, json_tree(qa.evidence) t WHERE t.type='text'), " \
  "p AS (SELECT o.label, o.seq_no, json_group_array(json(v.value)) AS props "\
  "FROM o, json_each(json_array(" PROP("label", "o.service_id") ", " \
  PROP("level", "o.level") ", " PROP("assignment", "o.assignment") ", " \
  PROP("team", "o.team") ", " PROP("outsourcer", "o.outsourcer") ", " \
  PROP("as-is", "CAST(o.as_is AS TEXT)") ", " PROP("to-be", \
  "CAST(o.to_be AS TEXT)") ", " PROP("excluded", "CASE WHEN o.excluded " \
  "THEN 'N/A' END") ", " PROP("as-is-answers", "(SELECT answers FROM qa " \
  "WHERE qa.label=o.label AND qa.seq_no=o.seq_no AND qa.side='as_is')") \
  ", " PROP("to-be-answers", "(SELECT answers FROM qa WHERE qa.label=" \
  "o.label AND qa.seq_no=o.seq_no AND qa.side='to_be')") ")) v WHERE " \
  "v.value IS NOT NULL GROUP BY o.label, o.seq_no), " \
  "ob AS (SELECT o.label, o.seq_no, o.service_id, o.ouid, json_patch(" \
  "json_object('uuid', o.ouid, 'title', o.service_id||' '||o.name, " \
  "'description', 'X.1060 service '||o.service_id||': '||coalesce(o.level,"\
  " 'no level')||', '||coalesce(o.assignment, 'no assignment')||', as-is '"\
  "||CASE WHEN o.excluded THEN 'N/A' ELSE coalesce(o.as_is, '-') END||', " \
  "to-be '||CASE WHEN o.excluded THEN 'N/A' ELSE coalesce(o.to_be, '-') " \
  "END||'.', 'props', json(p.props), 'methods', json_array('EXAMINE'), " \
  "'collected', o.start), json_object('relevant-evidence', (SELECT CASE " \
  "WHEN count(*) THEN json_group_array(json(j)) END FROM (SELECT " \
  "json_object('description', o.evidence_text) AS j WHERE o.evidence IS " \
  "NOT NULL UNION ALL SELECT j FROM ev WHERE ev.label=o.label AND " \
  "ev.seq_no=o.seq_no)))) AS j FROM o JOIN p ON p.label=o.label AND " \
  "p.seq_no=o.seq_no), " \
  "ac AS (SELECT 'current' AS label, action_id, service_id, title, cycle, " \
  "status, owner, due, progress, effort, cost, currency FROM $X WHERE " \
  "status<>'dropped' AND service_id IS NOT NULL UNION ALL SELECT label, " \
  "action_id, service_id, title, cycle, status, owner, due, progress, " \
  "effort, cost, currency FROM $Z WHERE status<>'dropped' AND service_id IS "\
  "NOT NULL), " \
  "rm AS (SELECT o.label, o.seq_no, ac.action_id, ac.status, ac.due, " \
  "json_patch(json_object('uuid', x1060_uuid(o.rk||' remediation '||" \
  "ac.action_id), 'lifecycle', CASE ac.status WHEN 'done' THEN 'completed' "\
  "ELSE 'planned' END, 'title', coalesce(" FLAT("ac.title") ", 'Action '||" \
  "ac.action_id), 'description', 'Improvement action '||ac.action_id||' (" \
  "'||ac.cycle||' cycle): '||ac.status||', '||ac.progress||'% done'||" \
  "coalesce(', owner '||" FLAT("ac.owner") ", '')||coalesce(', due '||" \
  "ac.due, '')||coalesce(', effort '||ac.effort||' person-days', '')||" \
  "coalesce(', cost '||ac.cost||' '||ac.currency, '')||'.', 'props', " \
  "json_array(json_object('name', 'action-id', 'ns', " OSCAL_NS ", 'value',"\
  " CAST(ac.action_id AS TEXT)), json_object('name', 'action-status', 'ns',"\
  " " OSCAL_NS ", 'value', ac.status), json_object('name', 'cycle', 'ns', " \
  OSCAL_NS ", 'value', ac.cycle))), json_object('tasks', CASE WHEN ac.due " \
  "IS NOT NULL THEN json_array(json_object('uuid', x1060_uuid(o.rk||' task "\
  "'||ac.action_id), 'type', 'milestone', 'title', 'Due', 'timing', " \
  "json_object('on-date', json_object('date', ac.due||'T00:00:00Z')))) END"\
  ")) AS j FROM o JOIN ac ON ac.label=o.label AND ac.service_id=o.service_id"\
  " WHERE o.sco AND o.as_is<o.to_be), " \
  "ri AS (SELECT o.label, o.seq_no, o.service_id, x1060_uuid(o.rk||' risk "\
  "'||upper(o.service_id)) AS ruid, json_patch(json_object('uuid', " \
  "x1060_uuid(o.rk||' risk '||upper(o.service_id)), 'title', o.service_id||"\
  "' '||o.name||': target not reached', 'description', 'X.1060 service '||" \
  "o.service_id||' is at '||o.as_is||' of its target '||o.to_be||'.', " \
  "'statement', 'The CDC does not perform '||o.service_id||' at the level " \
  "it set as its target (gap '||(o.to_be-o.as_is)||').', 'status', CASE " \
  "WHEN EXISTS (SELECT 1 FROM rm WHERE rm.label=o.label AND " \
  "rm.seq_no=o.seq_no AND rm.status<>'done') THEN 'remediating' WHEN " \
  "EXISTS (SELECT 1 FROM rm WHERE rm.label=o.label AND rm.seq_no=o.seq_no) "\
  "THEN 'investigating' ELSE 'open' END), json_object('deadline', (SELECT " \
  "min(rm.due)||'T00:00:00Z' FROM rm WHERE rm.label=o.label AND " \
  "rm.seq_no=o.seq_no AND rm.status<>'done'), 'remediations', (SELECT CASE "\
  "WHEN count(*) THEN json_group_array(json(j)) END FROM (SELECT j FROM rm "\
  "WHERE rm.label=o.label AND rm.seq_no=o.seq_no ORDER BY action_id)))) AS "\
  "j FROM o WHERE o.sco AND o.as_is<o.to_be)"

/*
** The SELECT of a CDC's assessment results over CDC_CTES: fi and res the
** findings (scored services, a gap's with its risk) and the results as
** JSON; import-ap names the back-matter resource that carries the CDC's
** catalog (?1), where the findings' targets are.
*/
static const char zResultsSql[] =
  CDC_CTES ", "
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
  "process is the plan, and the back-matter resource named here carries "
  "the catalog of the services evaluated (Annex A and the CDC''s own), "
  "where the findings'' targets are.'), "
  "'results', (SELECT json_group_array(json(j)) FROM (SELECT j FROM res "
  "ORDER BY ord, start, label)), "
  "'back-matter', json_object('resources', json_array("
  CATALOG_RESOURCE("x1060_uuid((SELECT k FROM k)||' plan')", "'The "
  "services evaluated by the evaluation process of ITU-T X.1060: catalogue "
  "(recommendation levels), profile (assignments) and portfolio (as-is and "
  "to-be scores 1 to 5 by the rubric)'") "))))";

/*
** The SELECT of a CDC's plan of action and milestones over CDC_CTES (the
** current state only): a poam-item per improvement action (its service,
** status, owner, dates, effort and cost as props, related to the risk of
** the gap it closes unless dropped), the risks of those gaps, and the
** observations of their services.  The risks and observations are the
** assessment results' current ones, with their UUIDs.
*/
static const char zPoamSql[] =
  CDC_CTES ", "
  "pa AS (SELECT a.*, (SELECT ri.ruid FROM ri WHERE ri.label='current' AND "
  "ri.service_id=a.service_id AND a.status<>'dropped') AS ruid, (SELECT "
  "ob.ouid FROM ob WHERE "
  "ob.label='current' AND ob.service_id=a.service_id) AS ouid FROM $X a), "
  "pi AS (SELECT action_id, json_patch(json_object('uuid', x1060_uuid("
  "(SELECT k FROM k)||' poam-item '||action_id), 'title', coalesce("
  FLAT("title") ", 'Action '||action_id), 'description', 'Improvement "
  "action '||action_id||' ('||cycle||' cycle) on '||coalesce('service '||"
  "service_id, 'category '||category, 'the whole CDC')||': '||status||', '||"
  "progress||'% done'||coalesce(', owner '||" FLAT("owner") ", '')||"
  "coalesce(', started '||started, '')||coalesce(', due '||due, '')||"
  "coalesce(', completed '||completed, '')||coalesce(', effort '||effort||"
  "' person-days', '')||coalesce(', cost '||cost||' '||currency, '')||'.', "
  "'props', " NOT_NULL(PROP("action-id", "CAST(action_id AS TEXT)") ", "
  PROP("service-id", "service_id") ", " PROP("category", "category") ", "
  PROP("action-status", "status") ", " PROP("cycle", "cycle") ", "
  PROP("owner", FLAT("owner")) ", " PROP("started", "started") ", "
  PROP("due", "due") ", " PROP("completed", "completed") ", "
  PROP("progress", "CAST(progress AS TEXT)") ", " PROP("effort",
  "CAST(effort AS TEXT)") ", " PROP("cost", "CASE WHEN cost IS NOT NULL "
  "THEN cost||' '||currency END")) "), json_object('related-observations', "
  "CASE WHEN ouid IS NOT NULL THEN json_array(json_object("
  "'observation-uuid', ouid)) END, 'related-risks', CASE WHEN ruid IS NOT "
  "NULL THEN json_array(json_object('risk-uuid', ruid)) END)) AS j FROM pa) "
  "SELECT json_object('plan-of-action-and-milestones', json_patch("
  "json_object('uuid', x1060_uuid((SELECT k FROM k)||' poam'), "
  "'metadata', json_object('title', 'X.1060 improvement plan of '||(SELECT "
  "org FROM k), 'last-modified', " OSCAL_NOW ", 'version', " OSCAL_NOW ", "
  "'oscal-version', '" OSCAL_VERSION "', 'props', json_array(json_object("
  "'name', 'generator', 'ns', " OSCAL_NS ", 'value', 'x1060 '||"
  "x1060_version()), json_object('name', 'cdc', 'ns', " OSCAL_NS ", "
  "'value', coalesce(" FLAT("(SELECT cdc FROM k)") ", 'cdc'))), 'parties', "
  "json_array(json_object('uuid', x1060_uuid((SELECT k FROM k)||' party'), "
  "'type', 'organization', 'name', (SELECT org FROM k))), 'remarks', 'The "
  "improvement actions of the CDC (x1060_actions) as POA&M items; the risks"
  " are the gaps (as-is below to-be) that the actions close.'), "
  "'poam-items', (SELECT json_group_array(json(j)) FROM (SELECT j FROM pi "
  "ORDER BY action_id))), json_object("
  "'observations', (SELECT CASE WHEN count(*) THEN json_group_array(json(j))"
  " END FROM (SELECT ob.j FROM ob WHERE ob.ouid IN (SELECT ouid FROM pa) "
  "ORDER BY ob.seq_no)), "
  "'risks', (SELECT CASE WHEN count(*) THEN json_group_array(json(j)) END "
  "FROM (SELECT ri.j FROM ri WHERE ri.ruid IN (SELECT ruid FROM pa) ORDER "
  "BY ri.seq_no))))) WHERE EXISTS (SELECT 1 FROM pa)";

/*
** The SELECT of the crosswalk as an OSCAL mapping collection: a mapping
** per framework from X.1060's catalog (carried in the back-matter, ?1) to
** the framework (an rlink to where it is published), a map per row of
** x1060_crosswalk that names an element (OLIR's relation as OSCAL's
** relationship, the rationale as remarks), and the services related to
** no element of a framework as the mapping's source gap summary.
*/
static const char zMappingSql[] =
  "WITH fw AS (SELECT framework, name, version, url, rowid AS ord, "
  "x1060_uuid('x1060 resource '||framework||' '||version) AS ruid FROM "
  "x1060_frameworks), "
  "mp AS (SELECT f.framework, json_group_array(json(json_object('uuid', "
  "x1060_uuid('x1060 map '||f.framework||' '||c.service_id||' '||"
  "c.ref_id), 'matching-rationale', 'semantic', 'relationship', CASE "
  "c.relation WHEN 'equal' THEN 'equivalent-to' WHEN 'subset of' THEN "
  "'subset-of' WHEN 'superset of' THEN 'superset-of' WHEN 'intersects "
  "with' THEN 'intersects-with' ELSE 'no-relationship' END, 'sources', "
  "json_array(json_object('type', 'control', 'id-ref', " CONTROL_ID(
  "c.service_id") ")), 'targets', json_array(json_object('type', 'control',"
  " 'id-ref', c.ref_id)), 'remarks', c.rationale))) AS maps FROM fw f JOIN "
  "x1060_crosswalk c ON c.framework=f.framework WHERE c.ref_id IS NOT NULL "
  "GROUP BY f.framework), "
  "gp AS (SELECT c.framework, json_group_array(" CONTROL_ID("c.service_id")
  ") AS ids FROM x1060_crosswalk c WHERE c.ref_id IS NULL GROUP BY "
  "c.framework) "
  "SELECT json_object('mapping-collection', json_object("
  "'uuid', x1060_uuid('x1060 mapping 2021'), "
  "'metadata', json_object('title', 'ITU-T X.1060 Annex A services to NIST "
  "CSF 2.0 and the FIRST CSIRT Services Framework 2.1 (the x1060 project''s"
  " crosswalk)', 'last-modified', " OSCAL_NOW ", 'version', "
  "x1060_version(), 'oscal-version', '" OSCAL_VERSION "', 'props', "
  "json_array(json_object('name', 'generator', 'ns', " OSCAL_NS ", 'value', "
  "'x1060 '||x1060_version())), 'remarks', 'Every map and its rationale "
  "is the x1060 project''s own judgement, not ITU-T''s, NIST''s or "
  "FIRST''s. The relationships are read from the X.1060 service (source) "
  "to the element of the other framework (target): a CSF 2.0 category "
  "id, or a FIRST service number.'), "
  "'provenance', json_object('method', 'human', 'matching-rationale', "
  "'semantic', 'status', 'complete', 'mapping-description', 'The x1060 "
  "project''s crosswalk (x1060_crosswalk): each X.1060 service related to "
  "the CSF 2.0 categories and FIRST services that do its work, with the "
  "set-theory relationships of NIST IR 8278.'), "
  "'mappings', (SELECT json_group_array(json(j)) FROM (SELECT json_patch("
  "json_object('uuid', x1060_uuid('x1060 mapping '||f.framework||' '||"
  "f.version), "
  "'source-resource', json_object('type', 'catalog', 'href', '#'||"
  "x1060_uuid('x1060 resource x1060 catalog')), 'target-resource', "
  "json_object('type', 'catalog', 'href', '#'||f.ruid), 'maps', "
  "json(m.maps)), json_object('source-gap-summary', CASE WHEN g.ids IS NOT "
  "NULL THEN json_object('uuid', x1060_uuid('x1060 gaps '||f.framework||' '"
  "||f.version), 'unmapped-controls', json_array(json_object('with-ids', "
  "json(g.ids)))) END)) AS j FROM fw f JOIN mp m ON m.framework=f.framework "
  "LEFT JOIN gp g ON g.framework=f.framework ORDER BY f.ord)), "
  "'back-matter', json_object('resources', (SELECT json_group_array(json(j))"
  " FROM (SELECT 0 AS ord, " CATALOG_RESOURCE("x1060_uuid('x1060 resource "
  "x1060 catalog')", "'ITU-T X.1060 (06/2021), Annex A, as an OSCAL "
  "catalog'") " AS j UNION ALL SELECT ord, json_object('uuid', ruid, "
  "'title', name||' '||version, 'rlinks', json_array(json_object('href', "
  "url))) FROM fw ORDER BY 1)))))";

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

/* The documents x1060_oscal writes: the SELECT of each, whether it takes
** a CDC (never, optional, always), whether the SELECT binds the catalog
** (base64) as ?1, and the message when it gives no row (what the CDC
** lacks), if it can. */
typedef struct OscalDoc OscalDoc;
struct OscalDoc {
  const char *zName;          /* as x1060_oscal's first argument */
  const char *zSql;           /* its SELECT (a catalog's: after its CTEs) */
  int eCdc;                   /* X1060_DOC_NO_CDC, _ANY_CDC, _CDC */
  int bCatalog;               /* ?1 is the catalog, base64 */
  int iEmpty;                 /* X1060_MSG_... for no row, or 0 */
};
static const OscalDoc aOscalDoc[] = {
  { "catalog", zCatalogSql, X1060_DOC_ANY_CDC, 0, 0 },
  { "assessment-results", zResultsSql, X1060_DOC_CDC, 1, 0 },
  /* a POA&M holds one poam-item at least: a CDC without actions has none */
  { "poam", zPoamSql, X1060_DOC_CDC, 0, X1060_MSG_OSCAL_POAM_EMPTY },
  { "mapping", zMappingSql, X1060_DOC_NO_CDC, 1, 0 },
};

/* z (n bytes) in base64 (RFC 4648, padded, one line), from sqlite3_malloc64;
** NULL on OOM. */
static char *oscalBase64(const unsigned char *z, sqlite3_int64 n){
  static const char aDigit[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char *zOut = sqlite3_malloc64((n+2)/3*4 + 1);
  sqlite3_int64 i, j = 0;
  for(i=0; zOut && i<n; i+=3){
    unsigned v = (unsigned)z[i]<<16 | (i+1<n ? (unsigned)z[i+1]<<8 : 0)
               | (i+2<n ? z[i+2] : 0);
    zOut[j++] = aDigit[v>>18 & 63];
    zOut[j++] = aDigit[v>>12 & 63];
    zOut[j++] = i+1<n ? aDigit[v>>6 & 63] : '=';
    zOut[j++] = i+2<n ? aDigit[v & 63] : '=';
  }
  if( zOut ) zOut[j] = 0;
  return zOut;
}

/* The catalog (of X.1060, or with the services of CDC zName of schema
** zSchema in storage format iFormat) into *pzOut. */
static int oscalCatalog(sqlite3 *db, const char *zSchema, const char *zName,
                        int iFormat, char **pzOut){
  char *zSql = zName
    ? sqlite3_mprintf("%s%s", zCatalogCdc, zCatalogSql)
    : sqlite3_mprintf("%s%s", zCatalogAnnexA, zCatalogSql);
  if( zSql && zName ){
    char *zFilled = x1060FillSqlAt(zSql, zSchema, zName, iFormat);
    sqlite3_free(zSql);
    zSql = zFilled;
  }
  return x1060QueryText(db, zSql, pzOut);
}

/* Document p of CDC zName (or none) into *pzOut: the catalog, or the
** document's SELECT, with the catalog bound in base64 when it carries it. */
static int oscalWrite(sqlite3 *db, const OscalDoc *p, const char *zSchema,
                      const char *zName, int iFormat, char **pzOut){
  char *zCatalog = 0, *zB64 = 0;
  int rc;
  if( p->zSql==zCatalogSql ){
    return oscalCatalog(db, zSchema, zName, iFormat, pzOut);
  }
  rc = p->bCatalog ? oscalCatalog(db, zSchema, zName, iFormat, &zCatalog)
                   : SQLITE_OK;
  if( rc==SQLITE_OK && p->bCatalog ){
    zB64 = zCatalog ? oscalBase64((const unsigned char*)zCatalog,
                                  (sqlite3_int64)strlen(zCatalog)) : 0;
    if( zB64==0 ) rc = SQLITE_NOMEM;
  }
  if( rc==SQLITE_OK ){
    rc = x1060QueryTextWith(db, zName ? x1060FillSqlAt(p->zSql, zSchema,
                            zName, iFormat) : sqlite3_mprintf("%s", p->zSql),
                            zB64, pzOut);
  }
  sqlite3_free(zCatalog);
  sqlite3_free(zB64);
  return rc;
}

/* The document named by v, or NULL (and *pzErr) when v names none. */
static const OscalDoc *oscalDoc(sqlite3 *db, sqlite3_value *v, char **pzErr){
  const char *z = (const char*)sqlite3_value_text(v);
  size_t i;
  for(i=0; z && sqlite3_value_type(v)==SQLITE_TEXT
           && i<X1060_ARRAY_SIZE(aOscalDoc); i++){
    if( sqlite3_stricmp(z, aOscalDoc[i].zName)==0 ) return &aOscalDoc[i];
  }
  *pzErr = x1060NotAllowedValue(db, "x1060_oscal()", 0, v,
      x1060TextOf(db, X1060_MSG_AN_OSCAL_DOCUMENT),
      x1060TextOf(db, X1060_MSG_OSCAL_DOCUMENTS));
  return 0;
}

/*
** x1060_oscal(document [, cdc]) as OSCAL 1.2.2 JSON (subtype J): 'catalog'
** (X.1060's, or with a CDC the CDC's: Annex A and its own services),
** 'assessment-results' and 'poam' of a CDC, 'mapping' (the crosswalk, no
** CDC).  The document is matched without case; anything else, or a CDC
** where none is taken or none where one is needed, is an error naming
** what is allowed.  A NULL document or CDC gives NULL.
*/
static void oscalFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *zSchema = 0, *zName = 0, *zErr = 0, *zOut = 0;
  const OscalDoc *p;
  int rc = SQLITE_OK, iFormat = 0;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL
   || (argc>1 && sqlite3_value_type(argv[1])==SQLITE_NULL) ) return;
  p = oscalDoc(db, argv[0], &zErr);
  if( p==0 ){
    rc = zErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }else{
    /* the snapshots and the org are read directly: checked first */
    rc = cdcDocument(db, "x1060_oscal", p->zName, p->eCdc, argc, argv,
                     CDC_CHECK_CDC|CDC_CHECK_SNAPSHOTS|CDC_CHECK_ACTIONS|
                     CDC_CHECK_RECORD_SNAPSHOTS, &zSchema, &zName, &iFormat,
                     &zErr);
  }
  if( rc==SQLITE_OK ) rc = oscalWrite(db, p, zSchema, zName, iFormat, &zOut);
  if( rc==SQLITE_OK && zOut==0 && p->iEmpty ){
    zErr = x1060Msg(db, p->iEmpty, zName);
    rc = zErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  x1060ResultDocument(ctx, rc, zOut, zErr, 'J');
  sqlite3_free(zSchema);
  sqlite3_free(zName);
}

/* Register x1060_uuid (of its argument only: deterministic, innocuous) and
** x1060_oscal: of the document alone it reads only the framework
** (innocuous); with a CDC it reads a CDC named by its argument, which may
** be any schema's, so that form is DIRECTONLY (docs/security.md). */
int x1060RegisterOscal(sqlite3 *db){
  int rc = x1060CreateFunction(db, "x1060_uuid", 1,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, uuidFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_oscal", 1,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_INNOCUOUS, 0, oscalFunc, 0, 0);
  if( rc==SQLITE_OK ) rc = x1060CreateFunction(db, "x1060_oscal", 2,
      SQLITE_UTF8|SQLITE_RESULT_SUBTYPE|SQLITE_DIRECTONLY, 0, oscalFunc, 0, 0);
  return rc;
}
