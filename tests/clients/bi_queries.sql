-- What a BI tool reads without the extension (after x1060_publish()).
SELECT cdc, service_id, level, as_is, to_be, gap FROM x1060_bi_portfolio WHERE service_id IN ('B-1', 'D-2') ORDER BY service_id;
SELECT count(*) FROM x1060_bi_services;
SELECT level, as_is, to_be FROM x1060_store_service WHERE service_id = 'D-2' AND cdc = (SELECT cdc FROM x1060_store_cdc WHERE cdc_name = 'acme');
SELECT count(*) FROM acme;
