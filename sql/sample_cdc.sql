-- x1060 sample: the CDC of a mid-size manufacturer (about 1,200 staff,
-- a four-person IT Security Office, a CSIRT drawn from IT, a managed
-- security service provider).  The organisation and its choices are
-- invented for the demo; the services are X.1060's Annex A.
-- Used by sql/demo.sql; to load it into a database of your own:
--   sqlite3 my.db -cmd '.load ./x1060' < sql/sample_cdc.sql

CREATE VIRTUAL TABLE sakura USING x1060(org='Sakura Precision Manufacturing');

-- Catalogue, profile and portfolio in one list:
-- (service, level, assignment, team, outsourcer, as-is, to-be)
WITH v(service_id, level, assignment, team, outsourcer, as_is, to_be) AS (VALUES
    ('A-1',  'Basic',       'Insourcing',  'IT Security Office', NULL, 3, 4),
    ('A-2',  'Basic',       'Combination', 'IT Security Office', 'Kaze Consulting', 2, 4),
    ('A-3',  'Basic',       'Insourcing',  'IT Security Office', NULL, 3, 4),
    ('A-4',  'Standard',    'Insourcing',  'IT Security Office', NULL, 2, 4),
    ('A-5',  'Standard',    'Insourcing',  'Risk Management Dept.', NULL, 2, 3),
    ('A-6',  'Standard',    'Insourcing',  'Risk Management Dept.', NULL, 1, 3),
    ('A-7',  'Basic',       'Insourcing',  'CISO Office', NULL, 3, 4),
    ('A-8',  'Advanced',    'Combination', 'IT Security Office', 'Kaze Consulting', 2, 3),
    ('A-9',  'Standard',    'Insourcing',  'IT Security Office', NULL, 2, 4),
    ('A-10', 'Standard',    'Insourcing',  'IT Security Office', NULL, 3, 4),
    ('A-11', 'Optional',    NULL,          NULL, NULL, NULL, NULL),
    ('A-12', 'Standard',    'Outsourcing', NULL, 'Audit LLC', 4, 5),
    ('A-13', 'Optional',    'Outsourcing', NULL, 'Audit LLC', 3, 3),
    ('B-1',  'Basic',       'Outsourcing', NULL, 'Z-MSSP', 3, 5),
    ('B-2',  'Basic',       'Outsourcing', NULL, 'Z-MSSP', 4, 5),
    ('B-3',  'Basic',       'Outsourcing', NULL, 'Z-MSSP', 3, 4),
    ('B-4',  'Standard',    'Insourcing',  'IT Security Office', NULL, 2, 4),
    ('C-1',  'Advanced',    'Outsourcing', NULL, 'DFIR Partners', 3, 4),
    ('C-2',  'Advanced',    'Outsourcing', NULL, 'DFIR Partners', 2, 4),
    ('C-3',  'Optional',    'Unassigned',  NULL, NULL, 1, 2),
    ('C-4',  'Standard',    'Combination', 'CSIRT', 'DFIR Partners', 2, 4),
    ('D-1',  'Basic',       'Insourcing',  'CSIRT', NULL, 4, 5),
    ('D-2',  'Basic',       'Insourcing',  'CSIRT', NULL, 3, 5),
    ('D-3',  'Basic',       'Insourcing',  'CSIRT', NULL, 3, 4),
    ('D-4',  'Basic',       'Combination', 'CSIRT', 'Z-MSSP', 2, 4),
    ('D-5',  'Basic',       'Insourcing',  'IT Operations', NULL, 3, 4),
    ('D-6',  'Basic',       'Insourcing',  'CSIRT', NULL, 2, 4),
    ('D-7',  'Standard',    'Insourcing',  'CSIRT', NULL, 2, 4),
    ('E-1',  'Standard',    'Insourcing',  'Network Team', NULL, 3, 4),
    ('E-2',  'Basic',       'Insourcing',  'IT Operations', NULL, 2, 4),
    ('E-3',  'Basic',       'Outsourcing', NULL, 'Z-MSSP', 3, 4),
    ('E-4',  'Basic',       'Insourcing',  'IT Operations', NULL, 2, 4),
    ('E-5',  'Standard',    'Outsourcing', NULL, 'PenTest Inc.', 4, 4),
    ('E-6',  'Advanced',    NULL,          NULL, NULL, NULL, NULL),
    ('E-7',  'Advanced',    'Unassigned',  NULL, NULL, NULL, 3),
    ('E-8',  'Standard',    'Insourcing',  'IT Security Office', NULL, 2, 3),
    ('E-9',  'Standard',    'Insourcing',  'IT Operations', NULL, 2, 4),
    ('F-1',  'Standard',    'Insourcing',  'CSIRT', NULL, 2, 3),
    ('F-2',  'Advanced',    'Unassigned',  NULL, NULL, 1, 3),
    ('F-3',  'Standard',    'Outsourcing', NULL, 'Z-MSSP', 3, 4),
    ('F-4',  'Optional',    'Outsourcing', NULL, 'Z-MSSP', 3, 3),
    ('F-5',  'Standard',    'Insourcing',  'CSIRT', NULL, 2, 3),
    ('G-1',  'Standard',    'Combination', 'Network Team', 'Nami Systems', 3, 4),
    ('G-2',  'Basic',       'Insourcing',  'Network Team', NULL, 4, 4),
    ('G-3',  'Standard',    'Outsourcing', NULL, 'Z-MSSP', 3, 4),
    ('G-4',  'Basic',       'Insourcing',  'IT Operations', NULL, 3, 4),
    ('G-5',  'Advanced',    'Outsourcing', NULL, 'Z-MSSP', 2, 4),
    ('G-6',  'Standard',    'Insourcing',  'Cloud Team', NULL, 2, 4),
    ('G-7',  'Advanced',    'Unassigned',  NULL, NULL, 1, 3),
    ('G-8',  'Optional',    'Outsourcing', NULL, 'DFIR Partners', 3, 3),
    ('G-9',  'Standard',    'Outsourcing', NULL, 'Z-MSSP', 3, 4),
    ('G-10', 'Advanced',    'Outsourcing', NULL, 'Z-MSSP', 2, 3),
    ('G-11', 'Standard',    'Insourcing',  'IT Security Office', NULL, 3, 3),
    ('G-12', 'Optional',    'Insourcing',  'IT Security Office', NULL, 2, 3),
    ('G-13', 'Optional',    'Insourcing',  'IT Security Office', NULL, 2, 2),
    ('H-1',  'Standard',    'Insourcing',  'Internal Audit', NULL, 2, 3),
    ('H-2',  'Optional',    'Unassigned',  NULL, NULL, NULL, NULL),
    ('I-1',  'Basic',       'Insourcing',  'IT Security Office', NULL, 3, 4),
    ('I-2',  'Standard',    'Outsourcing', NULL, 'Training Co.', 3, 4),
    ('I-3',  'Optional',    'Insourcing',  'IT Security Office', NULL, 2, 3),
    ('I-4',  'Standard',    'Insourcing',  'IT Security Office', NULL, 3, 3),
    ('I-5',  'Standard',    'Insourcing',  'CSIRT', NULL, 2, 4),
    ('I-6',  'Unnecessary', NULL,          NULL, NULL, NULL, NULL),
    ('I-7',  'Basic',       'Insourcing',  'CISO Office', NULL, 2, 4)
)
UPDATE sakura SET level = v.level, assignment = v.assignment, team = v.team,
       outsourcer = v.outsourcer, as_is = v.as_is, to_be = v.to_be
  FROM v WHERE sakura.service_id = v.service_id;

-- Accountability for the Basic services that are furthest from target.
UPDATE sakura SET owner = 'K. Tanaka (CSIRT lead)', due = '2026-09-30'
 WHERE service_id IN ('D-4', 'D-6');
UPDATE sakura SET owner = 'M. Sato (IT Operations)', due = '2026-12-31'
 WHERE service_id IN ('E-2', 'E-4');
UPDATE sakura SET owner = 'CISO', due = '2027-03-31',
                  evidence = 'Board minutes 2026-04' WHERE service_id = 'I-7';

-- A service the plant needs that X.1060 does not list.
INSERT INTO sakura(service_id, category, name, name_ja, level, assignment,
                   team, outsourcer, as_is, to_be, information, expertise)
  VALUES ('X-1', 'B', 'OT network monitoring', 'OTネットワーク監視', 'Advanced',
          'Combination', 'Plant Engineering', 'Z-MSSP', 1, 3, 'external',
          'specialised');

SELECT 'snapshot FY2026-H1: ' || x1060_snapshot('sakura', 'FY2026-H1') || ' services';
