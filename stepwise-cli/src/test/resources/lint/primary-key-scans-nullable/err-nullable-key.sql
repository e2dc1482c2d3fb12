CREATE TABLE events (id bigint, name text);
-- ---
-- +up
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);

-- +down
DROP INDEX CONCURRENTLY IF EXISTS events_pkey;
-- ---
-- +up
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;

-- +down
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ALTER COLUMN id DROP NOT NULL;
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);
