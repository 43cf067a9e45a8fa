-- What a BI tool reads without the extension (after x1060_publish()).
SELECT cdc, service_id, level, as_is, to_be, gap FROM x1060_bi_portfolio WHERE service_id IN ('B-1', 'D-2') ORDER BY service_id;
SELECT count(*) FROM x1060_bi_services;
SELECT level, as_is, to_be FROM acme_data WHERE service_id = 'D-2';
SELECT count(*) FROM acme;
