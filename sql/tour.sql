-- x1060: the build process of X.1060 in SQL, as docs/tutorial.md walks through it.
-- Run: sqlite3 tour.db < sql/tour.sql   (from the repository root)
.load ./x1060
.mode list
.headers off

-- A CDC table: one row per Annex A service, everything undecided.
CREATE VIRTUAL TABLE acme USING x1060(org='ACME Corp');
SELECT count(*), count(level) FROM acme;

-- Phase 1, the service catalogue: choose services and give each a level.
UPDATE acme SET level = 'Unnecessary';
UPDATE acme SET level = 'basic'    WHERE service_id IN ('D-1', 'D-2', 'D-3', 'E-2', 'E-4');
UPDATE acme SET level = 'standard' WHERE service_id IN ('A-1', 'B-1', 'B-3', 'D-4', 'E-3');
UPDATE acme SET level = 'advanced' WHERE service_id IN ('C-1', 'C-2');
-- A service the organisation needs that X.1060 lacks:
INSERT INTO acme(service_id, category, name, level)
  VALUES ('X-1', 'B', 'OT network monitoring', 'Advanced');
SELECT level, count(*) FROM acme GROUP BY level ORDER BY level;

-- Phase 2, the service profile: who performs each catalogued service.
SELECT service_id, name, quadrant, suggested_assignment FROM acme
 WHERE level IN ('Basic', 'Standard') ORDER BY rowid;
UPDATE acme SET assignment = 'Insourcing', team = 'AB dept.'
 WHERE service_id IN ('A-1', 'D-1', 'D-2', 'D-3', 'E-2', 'E-4');
UPDATE acme SET assignment = 'outsourcing', outsourcer = 'Z-MSSP'
 WHERE service_id IN ('B-1', 'B-3', 'E-3');
UPDATE acme SET assignment = 'Combination', team = 'AB dept.', outsourcer = 'Z-MSSP'
 WHERE service_id = 'D-4';
UPDATE acme SET assignment = 'Unassigned' WHERE service_id IN ('C-1', 'C-2', 'X-1');

-- Phase 3, the service portfolio: score as-is and to-be with the rubric.
SELECT points, criterion FROM x1060_rubric WHERE rubric = 'insourcing';
UPDATE acme SET as_is = 3, to_be = 5 WHERE service_id = 'D-2';
UPDATE acme SET as_is = 2, to_be = 4 WHERE service_id = 'B-1';
UPDATE acme SET as_is = 1, to_be = 2 WHERE service_id = 'C-2';
UPDATE acme SET as_is = 'N/A' WHERE service_id = 'C-1';

-- The portfolio, as the seed document shows it (ex.1, ex.2, ex.3):
SELECT service_id, level,
       assignment || coalesce(' (' || coalesce(team, outsourcer) || ')', ''),
       as_is, to_be
  FROM acme WHERE service_id IN ('D-2', 'B-1', 'C-2')
 ORDER BY (SELECT priority FROM x1060_levels l WHERE l.level = acme.level);
