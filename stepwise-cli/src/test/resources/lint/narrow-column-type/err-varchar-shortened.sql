CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
-- ---
-- +up
ALTER TABLE orders ALTER COLUMN note TYPE varchar(20);

-- +down
ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);
