CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
-- ---
-- stepwise:allow create-index-non-concurrently orders holds 40 rows in every environment

-- +up
CREATE INDEX ix_orders_status ON orders (status);
CREATE INDEX ix_orders_created_at ON orders (created_at);

-- +down
DROP INDEX CONCURRENTLY ix_orders_created_at;
DROP INDEX CONCURRENTLY ix_orders_status;
