CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- ---
-- +up
CREATE TYPE user_tier AS ENUM ('free', 'paid');
ALTER TYPE user_tier RENAME VALUE 'paid' TO 'premium';
ALTER TABLE users ADD COLUMN tier user_tier;

-- +down
ALTER TABLE users DROP COLUMN tier;
DROP TYPE user_tier;
