CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
-- ---
-- +up
-- stepwise:allow create-index-non-concurrently orders holds 40 rows in every environment
CREATE INDEX ix_orders_status ON orders (status);

-- +down
DROP INDEX CONCURRENTLY ix_orders_status;
