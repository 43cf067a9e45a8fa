-- The key queries of the README's tours, run by every client test
-- (tests/clients.test): one statement a line.
SELECT x1060_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
SELECT count(*), count(DISTINCT category) FROM x1060_services;
SELECT x1060_service('handling enquiry on report'), x1060_level('基本'), x1060_assignment('in-house');
SELECT service_id, name, name_ja FROM x1060_services WHERE service_id = 'B-4';
CREATE VIRTUAL TABLE acme USING x1060(org='ACME Corp');
UPDATE acme SET level = 'Basic', assignment = 'Insourcing', team = 'AB dept.', as_is = 3, to_be = 5 WHERE service_id = 'D-2';
UPDATE acme SET level = 'standard', assignment = 'アウトソース', outsourcer = 'Z-MSSP', as_is = 2, to_be = 4 WHERE service_id = 'B-1';
UPDATE acme SET level = 'Advanced', assignment = 'Unassigned', as_is = 1, to_be = 2 WHERE service_id = 'C-2';
SELECT service_id, level, assignment, as_is, to_be, gap, cycle FROM acme WHERE service_id IN ('D-2', 'B-1', 'C-2') ORDER BY rowid;
UPDATE acme SET level = 'Basik' WHERE service_id = 'A-1';
SELECT x1060_score('Insourcing', '{"working": true, "documented": true, "approved": true}');
SELECT code, count(*) FROM x1060_evaluate('acme') GROUP BY code ORDER BY code;
SELECT category, catalogued, scored, gap_total FROM x1060_summary('acme') WHERE catalogued > 0;
SELECT x1060_snapshot('acme', 'FY2026-H1');
SELECT x1060_publish();
