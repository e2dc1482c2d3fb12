CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
-- ---
-- +up
CREATE TABLE regions (code text PRIMARY KEY, name text);
INSERT INTO regions VALUES ('eu', 'Europe');
UPDATE regions SET name = upper(name);

-- +down
DROP TABLE regions;
