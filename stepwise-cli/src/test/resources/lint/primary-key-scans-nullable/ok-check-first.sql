CREATE TABLE events (id bigint, name text);
-- ---
-- +up
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);
ALTER TABLE events ADD CONSTRAINT events_id_nn CHECK (id IS NOT NULL) NOT VALID;

-- +down
ALTER TABLE events DROP CONSTRAINT events_id_nn;
DROP INDEX CONCURRENTLY IF EXISTS events_pkey;
-- ---
-- +up
ALTER TABLE events VALIDATE CONSTRAINT events_id_nn;
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;
ALTER TABLE events DROP CONSTRAINT events_id_nn;

-- +down
ALTER TABLE events ADD CONSTRAINT events_id_nn CHECK (id IS NOT NULL) NOT VALID;
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ALTER COLUMN id DROP NOT NULL;
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);
