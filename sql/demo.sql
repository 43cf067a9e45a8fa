-- x1060 demo: the framework of ITU-T X.1060 at a glance.
-- Run with `make demo`, or: sqlite3 :memory: < sql/demo.sql
.load ./x1060
.mode column --wrap 110 --wordwrap on
.headers on

.print
.print x1060: ITU-T X.1060, the framework for building and running a Cyber Defence Centre
SELECT x1060_version() AS version, sqlite_version() AS sqlite,
       (SELECT count(*) FROM x1060_services) AS services,
       (SELECT count(*) FROM x1060_categories) AS categories;

.print
.print Annex A: the nine service categories and their default management phase
.print (the phase is the project's suggestion, not normative; Japanese: project's translation)
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
