-- x1060 demo: the framework of ITU-T X.1060 at a glance, then the CDC of a
-- sample mid-size organisation.  Run with `make demo`, which leaves the
-- database in build/demo.db, or: sqlite3 demo.db < sql/demo.sql
.load ./x1060
.mode column --wrap 110 --wordwrap on
.headers on

.print
.print x1060: ITU-T X.1060, the framework for building and running a Cyber Defence Centre
SELECT x1060_version() AS version, sqlite_version() AS sqlite,
       (SELECT count(*) FROM x1060_services) AS services,
       (SELECT count(*) FROM x1060_categories) AS categories;
.print
.print What this x1060 is and runs on (x1060_debug)
.headers off
SELECT x1060_debug();
.headers on

.print
.print Annex A: the nine service categories and their default management phase
.print "(the phase is the project's suggestion, not normative; Japanese: project's translation)"
SELECT category, name, phase, services, name_ja FROM x1060_categories;

.print
.print Services per management phase
SELECT p.name AS phase, group_concat(c.category, ' ') AS categories,
       sum(c.services) AS services, p.name_ja
  FROM x1060_phases p JOIN x1060_categories c ON c.phase = p.name
 GROUP BY p.name ORDER BY p.rowid;

.print
.print Category D, one service a row (summaries are the project's own words)
SELECT service_id, name, summary FROM x1060_services WHERE category = 'D';

.print
.print Phase 1, service catalogue: the recommendation levels
SELECT level, priority, description FROM x1060_levels;

.print
.print Phase 2, service profile: the assignment types, and the sourcing quadrants
.print that suggest one (axes and placement are the project's reading of Figure 5)
SELECT assignment, rubric, names_team AS team, names_outsourcer AS outsourcer,
       description FROM x1060_assignments;
SELECT q.quadrant, q.information, q.expertise, q.suggested_assignment AS suggests,
       (SELECT count(*) FROM x1060_services s WHERE s.quadrant = q.quadrant) AS services,
       q.description
  FROM x1060_quadrants q;

.print
.print Phase 3, service portfolio: the assessment rubric (seed text, verbatim)
SELECT rubric, coalesce(points, 'N/A') AS points, criterion FROM x1060_rubric;

.print
.print Management cycles
SELECT name, description, name_ja FROM x1060_cycles;

.print
.print Forgiving input, canonical output
SELECT x1060_level(' basic ') AS "level(' basic ')",
       x1060_assignment('アウトソース') AS "assignment('アウトソース')",
       x1060_service('handling enquiry on report') AS "service('handling enquiry...')",
       x1060_service('ｂ－３') AS "service('ｂ－３')";

.print
.print ======================================================================
.print A sample CDC: a mid-size manufacturer (sql/sample_cdc.sql)
.print ======================================================================
.headers off
.read sql/sample_cdc.sql
.headers on
SELECT * FROM x1060_cdcs;

.print
.print The service catalogue: services per recommendation level
SELECT coalesce(s.level, '(undecided)') AS level, count(*) AS services
  FROM sakura s LEFT JOIN x1060_levels l USING (level)
 GROUP BY s.level ORDER BY coalesce(l.priority, 9), l.level;

.print
.print The service profile: catalogued services per assignment, and the teams
SELECT coalesce(assignment, '(undecided)') AS assignment, count(*) AS services,
       sum(assignment = suggested_assignment) AS as_quadrant_suggests
  FROM sakura WHERE level <> 'Unnecessary' GROUP BY assignment ORDER BY 2 DESC;
SELECT coalesce(team, outsourcer) AS who, count(*) AS services
  FROM sakura WHERE coalesce(team, outsourcer) IS NOT NULL
 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 6;

.print
.print ======================================================================
.print The evaluation process
.print ======================================================================
.print "Portfolio per category: x1060_summary('sakura')"
SELECT category, catalogued, assigned, scored, round(avg_as_is, 2) AS avg_as_is,
       round(avg_to_be, 2) AS avg_to_be, round(achievement, 2) AS achievement,
       gap_total
  FROM x1060_summary('sakura');

.print
.print "The top of the roadmap: x1060_roadmap('sakura')"
SELECT rank, service_id, name, level, as_is, to_be, gap, cycle, owner, due
  FROM x1060_roadmap('sakura') LIMIT 10;

.print
.print "The findings the evaluation looks for: x1060_findings (x1060_evaluate and the BI view are made from it)"
SELECT process, code, severity, condition FROM x1060_findings;

.print
.print "Findings: x1060_evaluate('sakura'), counted by process, severity and code"
SELECT process, severity, code, count(*) AS findings
  FROM x1060_evaluate('sakura') GROUP BY 1, 2, 3
 ORDER BY CASE process WHEN 'catalogue' THEN 1 WHEN 'profile' THEN 2 ELSE 3 END,
          CASE severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, code;

.print
.print "The errors, in Japanese: x1060_evaluate('sakura', 'ja')"
SELECT code, message FROM x1060_evaluate('sakura', 'ja') WHERE severity = 'error' LIMIT 5;

.print
.print "Japanese throughout: the connection's language (x1060_language), for findings,"
.print "crosswalk names and every error message (docs/japanese.md)"
SELECT x1060_language('ja') AS language;
SELECT code, min(message) AS message FROM x1060_evaluate('sakura')
 WHERE code IN ('against-quadrant', 'action-overdue', 'gap') GROUP BY code;
SELECT ref_id, name FROM x1060_crosswalk_summary('sakura', 'csf') WHERE kind = 'function';
.print "(a bad value is refused in Japanese, e.g. level '最重要': x1060_messages holds every message)"
SELECT ja AS "IS_NOT_KIND, ALLOWED" FROM x1060_messages WHERE id IN ('IS_NOT_KIND', 'ALLOWED');
SELECT x1060_language('en') AS language;

.print
.print Next cycle: scores improve, a snapshot is taken, the trend and the changes show it
-- (a WHERE forgives as input does: 'd-4', 'ｄ－６' and 'e2' are D-4, D-6, E-2)
UPDATE sakura SET as_is = 4 WHERE service_id IN ('d-4', 'ｄ－６');
UPDATE sakura SET as_is = 3, note = 'inventory tool rolled out' WHERE service_id = 'e2';
.headers off
SELECT 'snapshot FY2026-H2: ' || x1060_snapshot('sakura', 'FY2026-H2') || ' services';
.headers on
SELECT label, category, round(avg_as_is, 2) AS avg_as_is, round(achievement, 2) AS achievement
  FROM x1060_trend('sakura') WHERE category IN ('D', 'E') AND label <> 'current';
SELECT * FROM x1060_compare('sakura', 'FY2026-H1', 'FY2026-H2');

.print
.print The rubric as questions: x1060_score
SELECT x1060_score('insourcing',
  '{"working": true, "documented": true, "others_can_cover": "full", "approved": false}') AS insourcing,
       x1060_score('outsourcing',
  '{"reviewed": true, "content_understood": true, "output_understood": false}') AS outsourcing,
       x1060_criterion('outsourcing', 3, 'ja') AS criterion_ja;

.print
.print Every change is in the history (last five), every table checks out
SELECT changed_at, service_id, column_name, old_value, new_value
  FROM x1060_bi_history WHERE cdc = 'sakura' ORDER BY id DESC LIMIT 5;
SELECT x1060_integrity('sakura') AS integrity;
.print
.print ======================================================================
.print What leaves the database
.print ======================================================================
.headers off
.mode list
.print
.print "An export, imported into a copy (x1060_export, x1060_import): services and snapshots"
INSERT INTO x1060_cdcs(name, org) VALUES ('sakura_copy', 'Sakura (copy)');
SELECT x1060_import('sakura_copy', x1060_export('sakura')) || ' services, '
       || (SELECT snapshots FROM x1060_cdcs WHERE name = 'sakura_copy')
       || ' snapshots imported';
.print
.print "CSV for a spreadsheet: a cell that would run as a formula goes out as text (x1060_csv_cell)"
UPDATE x1060_cdc_services SET team = '=HYPERLINK("http://example.com","SOC")'
 WHERE cdc = 'sakura_copy' AND service_id = 'a-1';
.headers on
.mode csv
SELECT service_id, level, x1060_csv_cell(team) AS team, as_is, to_be
  FROM x1060_cdc_services WHERE cdc = 'sakura_copy' AND service_id IN ('A-1', 'A-2');
.mode column
.print
.print "For CISO Assistant (x1060_library): X.1060's library, sakura's own (its levels as implementation groups),"
.print "the mapping to NIST CSF 2.0, and sakura's scores for an audit: build/*-ciso-assistant.yaml, build/sakura-audit.csv"
.headers off
.mode list
.once build/x1060-ciso-assistant.yaml
SELECT x1060_library('ciso-assistant');
.once build/sakura-ciso-assistant.yaml
SELECT x1060_library('ciso-assistant', 'sakura');
.once build/x1060-nist-csf-2.0-ciso-assistant.yaml
SELECT x1060_library('ciso-assistant-mapping');
.once build/sakura-audit.csv
SELECT x1060_library('ciso-assistant-audit', 'sakura');
SELECT ((length(y) - length(replace(y, '- urn:', ''))) / 6) || ' requirement nodes (9 categories, 64 services)'
  FROM (SELECT x1060_library('ciso-assistant') AS y);
SELECT ((length(y) - length(replace(y, '- Basic' || char(10), ''))) / 8) || ' of sakura''s services in the audit group Basic'
  FROM (SELECT x1060_library('ciso-assistant', 'sakura') AS y);
SELECT ((length(y) - length(replace(y, 'relationship:', ''))) / 13) || ' requirement mappings, both ways'
  FROM (SELECT x1060_library('ciso-assistant-mapping') AS y);
.print "X.1060 and the CDC in OSCAL 1.2.2 (x1060_oscal): build/x1060-oscal-*.json, build/sakura-oscal-*.json"
.once build/x1060-oscal-catalog.json
SELECT x1060_oscal('catalog');
.once build/sakura-oscal-catalog.json
SELECT x1060_oscal('catalog', 'sakura');
.once build/sakura-oscal-results.json
SELECT x1060_oscal('assessment-results', 'sakura');
.once build/x1060-oscal-mapping.json
SELECT x1060_oscal('mapping');
SELECT json_array_length(r, '$.assessment-results.results') || ' results (snapshots, then now); findings now: '
       || json_array_length(r, '$.assessment-results.results[#-1].findings')
  FROM (SELECT x1060_oscal('assessment-results', 'sakura') AS r);
.mode column
.headers on
.print
.print "The CDC in the board's terms: NIST CSF 2.0 functions (x1060_crosswalk_summary; the mapping is the project's judgement)"
SELECT ref_id AS function, name, mapped, catalogued, scored,
       round(avg_as_is, 2) AS as_is, round(avg_to_be, 2) AS to_be,
       round(achievement, 2) AS achievement, gap_total
  FROM x1060_crosswalk_summary('sakura', 'csf') WHERE kind = 'function';
.print
.print "...and in the FIRST CSIRT Services Framework 2.1, per service area"
SELECT ref_id AS area, name, mapped, catalogued, scored,
       round(avg_as_is, 2) AS as_is, round(avg_to_be, 2) AS to_be, gap_total
  FROM x1060_crosswalk_summary('sakura', 'first') WHERE kind = 'area';
.print
.print "Why B-1 counts where it does (x1060_crosswalk)"
SELECT framework, ref_id, relation, rationale FROM x1060_crosswalk
 WHERE service_id = 'B-1';
.print
.print ======================================================================
.print "The management process: improvement actions through the short and long cycles"
.print ======================================================================
.print "Each action is tied to a service (its cycle by default that of the service's gap),"
.print "a category or the whole CDC; status in English or Japanese, effort in person-days"
INSERT INTO x1060_actions(cdc, service_id, title, owner, status, started, due, progress)
  VALUES ('sakura', 'A-2', 'Agree the CDC charter with the board', 'CISO office', '実施中', '2026-10-01', '2035-03-31', 40);
INSERT INTO x1060_actions(cdc, service_id, title, owner, due, effort, cost, currency)
  VALUES ('sakura', 'A-6', 'Hire two security architects', 'HR and CISO office', '2035-09-30', 120, 24000000, 'JPY');
INSERT INTO x1060_actions(cdc, service_id, title, owner, status, due)
  VALUES ('sakura', 'B-1', 'Tune the MSSP detection rules for OT', 'SOC lead', 'blocked', '2026-06-30');
INSERT INTO x1060_actions(cdc, service_id, title, owner, status, started)
  VALUES ('sakura', 'D-1', 'Run the incident response drill', 'CSIRT', 'done', '2026-09-01');
INSERT INTO x1060_actions(cdc, category, title, cycle, effort)
  VALUES ('sakura', 'G', 'Replace the log platform', 'long', 60);
.mode column
SELECT action_id AS id, service_id AS svc, category AS cat, cycle, status, progress AS "%",
       due, overdue, title FROM x1060_actions WHERE cdc = 'sakura';
.print
.print "The assessment behind a score: the rubric's answers and their evidence (x1060_assess),"
.print "the score derived from them; a score written over them later is a finding"
.headers off
.mode list
SELECT 'D-1 as-is: ' || x1060_assess('sakura', 'D-1', 'as-is',
  '{"working": true, "documented": true, "approved": false, "others_can_cover": "full"}',
  '{"documented": "IR runbook v4 (SharePoint)", "others_can_cover": "on-call rota 2026"}');
SELECT 'B-1 as-is: ' || x1060_assess('sakura', 'B-1', 'as-is',
  '{"reviewed": true, "content_understood": true, "output_understood": false}',
  '{"reviewed": "MSSP monthly report review, minutes"}');
.headers on
.mode column
SELECT service_id, side, score, evidence FROM x1060_bi_assessments WHERE cdc = 'sakura';
.print
.print "The long cycle's resources, per category"
SELECT category, count(*) AS actions, sum(effort) AS person_days, sum(cost) AS cost, currency
  FROM x1060_actions WHERE cdc = 'sakura' AND cycle = 'long' GROUP BY category, currency;
.print
.print "The plan as OSCAL's plan of action and milestones (x1060_oscal('poam', ...)): build/sakura-oscal-poam.json"
.headers off
.mode list
.once build/sakura-oscal-poam.json
SELECT x1060_oscal('poam', 'sakura');
SELECT json_array_length(p, '$.plan-of-action-and-milestones.poam-items') || ' POA&M items, one per improvement action; '
       || json_array_length(p, '$.plan-of-action-and-milestones.risks') || ' risks, the gaps they close'
  FROM (SELECT x1060_oscal('poam', 'sakura') AS p);
.headers on
.mode column
.print
.print
.print "After the plan: the report"
.print "The report a CISO hands to the board: x1060_report('sakura', 'html'), written to"
.print "demo-report.html, and in Japanese to demo-report-ja.html (make demo prints both to PDF)"
.headers off
.mode list
.once demo-report.html
SELECT x1060_report('sakura', 'html');
.once demo-report-ja.html
SELECT x1060_report('sakura', 'html', 'ja');
.print "Its executive summary, as Markdown (x1060_report('sakura', 'markdown')):"
SELECT substr(r, instr(r, '## Executive summary'), instr(r, '| Process |') - instr(r, '## Executive summary'))
  FROM (SELECT x1060_report('sakura', 'markdown') AS r);
.print "The same as Markdown, in Japanese (the first lines): x1060_report('sakura', 'markdown', 'ja')"
SELECT substr(x1060_report('sakura', 'markdown', 'ja'), 1, 600) || ' ...';
.headers on
.mode column
.print
.print ======================================================================
.print "Many organisations in one file (an MSSP and its clients): no table each"
.print ======================================================================
.print "INSERT INTO x1060_cdcs makes a CDC; x1060_cdc_services holds every CDC's services"
INSERT INTO x1060_cdcs(name, org) VALUES
  ('client_kita', 'Kita Logistics'), ('client_minami', 'Minami Foods');
UPDATE x1060_cdc_services SET level = 'Basic', assignment = 'Outsourcing',
       outsourcer = 'Z-MSSP', as_is = 2, to_be = 4
 WHERE cdc IN ('client_kita', 'client_minami') AND category = 'B';
UPDATE x1060_cdc_services SET as_is = 3 WHERE cdc = 'client_kita' AND service_id = 'B-1';
.headers on
.mode column
SELECT name, org, kind, catalogued, scored FROM x1060_cdcs ORDER BY name;
SELECT c.name AS cdc, s.category, s.avg_as_is, s.avg_to_be, s.gap_total
  FROM x1060_cdcs c, x1060_summary(c.name) s
 WHERE c.kind = 'row' AND s.category = 'B';
.print
.print "BI views for tools without the extension: always current (x1060_publish() refreshes them)"
SELECT cdc, count(*) AS services, sum(gap > 0) AS gaps FROM x1060_bi_portfolio GROUP BY cdc;
.print
.print "A portfolio of clients described for comparison: sector (ISIC Rev. 4), size band, region (UN M49)"
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO x1060_cdcs(name, org) SELECT printf('client_%02d', i), printf('Client %d', i) FROM n;
UPDATE x1060_cdc_services SET level = CASE WHEN seq_no % 4 = 0 THEN 'Standard' ELSE 'Basic' END,
       assignment = CASE WHEN category IN ('B', 'C') THEN 'Outsourcing' ELSE 'Insourcing' END,
       team = CASE WHEN category IN ('B', 'C') THEN NULL ELSE 'Security team' END,
       outsourcer = CASE WHEN category IN ('B', 'C') THEN 'Z-MSSP' END,
       as_is = 1 + (CAST(substr(cdc, 8) AS INT) + unicode(category)) % 4 + (seq_no + CAST(substr(cdc, 8) AS INT)) % 2,
       to_be = min(5, 2 + CAST(substr(cdc, 8) AS INT) % 4 + seq_no % 2)
 WHERE cdc GLOB 'client_[0-9]*';
SELECT count(x1060_set(name, json_object('sector', substr('KCJQKCJKQC', CAST(substr(name, 8) AS INT), 1),
                                         'size', CASE WHEN CAST(substr(name, 8) AS INT) % 3 = 0 THEN 'large' ELSE 'medium' END,
                                         'region', 'Eastern Asia'))) AS described
  FROM x1060_cdcs WHERE name GLOB 'client_[0-9]*';
SELECT x1060_set('sakura', json_object('sector', 'C', 'size', 'large', 'region', 'Eastern Asia',
                                       'assessed_by', 'CISO office (self-assessment)')) AS sakura;
SELECT sector, count(*) AS cdcs FROM x1060_bi_cdcs GROUP BY sector ORDER BY cdcs DESC;
.print
.print "Sakura against its peers (x1060_benchmark): the as-is per category against the other CDCs,"
.print "their median and quartiles, and its percentile rank (ties count half)"
SELECT coalesce(key, 'all') AS category, round(value, 2) AS sakura, peer_count AS peers,
       round(peer_q1, 2) AS q1, round(peer_median, 2) AS median, round(peer_q3, 2) AS q3,
       percentile, coalesce(note, '') AS note
  FROM x1060_benchmark('sakura') WHERE measure = 'as_is' AND kind <> 'phase';
.print
.print "Against the manufacturers only (a filter on the attributes): too few to show"
SELECT peer_set, peer_count, note FROM x1060_benchmark('sakura', '{"sector": "manufacturing"}')
 WHERE kind = 'cdc' AND measure = 'as_is';
.print
.print "Every client at a glance: x1060_overview() (written to demo-overview.html; make demo prints"
.print "it to PDF): key figures, a heat map by category, the distribution, the furthest from target,"
.print "the most common gaps and findings, who has what overdue"
.headers off
.mode list
.once demo-overview.html
SELECT x1060_overview();
SELECT substr(o, instr(o, '## Overview'), instr(o, '## Organisations by category') - instr(o, '## Overview'))
  FROM (SELECT x1060_overview(NULL, 'markdown') AS o);
.headers on
.mode column
.print
.print "Shared with an industry body: the anonymised export (no names, teams, notes or exact dates)"
.headers off
.mode list
SELECT substr(x1060_export_anonymised('sakura'), 1, 300) || ' ...';
.headers on
.mode column
.print
.print "The report is demo-report.html, the overview demo-overview.html (open them in a browser);"
.print "the demo database is build/demo.db:"
.print "  sqlite3 build/demo.db -cmd '.load ./x1060'"
