CREATE TABLE measurements (id bigint, taken date) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- ---
-- phase: contract

-- +up
ALTER TABLE measurements DETACH PARTITION measurements_2025 CONCURRENTLY;

-- +down
ALTER TABLE measurements ATTACH PARTITION measurements_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
