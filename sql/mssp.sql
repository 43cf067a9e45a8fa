-- x1060 example: an MSSP and its clients in one file, no table per client
-- (docs/multi-organisation.md).  The clients are invented.
--   sqlite3 mssp.db -cmd '.load ./x1060' < sql/mssp.sql

-- the MSSP's clients
INSERT INTO x1060_cdcs(name, org) VALUES
  ('kita', 'Kita Logistics'), ('minami', 'Minami Foods'), ('higashi', 'Higashi Bank');
-- the same baseline for every client, then each client's own scores
UPDATE x1060_cdc_services SET level = 'Basic', assignment = 'Outsourcing', outsourcer = 'Z-MSSP'
 WHERE category = 'B';
UPDATE x1060_cdc_services SET as_is = 2, to_be = 4 WHERE cdc = 'kita' AND category = 'B';
INSERT INTO x1060_cdc_services(cdc, service_id, category, name, level)
  VALUES ('higashi', 'X-1', 'E', 'SWIFT payment monitoring', 'Advanced');
-- evaluate every client at once
SELECT c.name, s.category, s.avg_as_is, s.avg_to_be, s.gap_total
  FROM x1060_cdcs c, x1060_summary(c.name) s WHERE s.scored > 0;
SELECT x1060_snapshot(name, 'FY2026-H2') FROM x1060_cdcs WHERE kind = 'row';
-- a client renamed, a client that left
UPDATE x1060_cdcs SET name = 'kita-logi', org = 'Kita Logistics KK' WHERE name = 'kita';
DELETE FROM x1060_cdcs WHERE name = 'minami';      -- its rows, history and snapshots
SELECT name, org, services, snapshots FROM x1060_cdcs ORDER BY name;
