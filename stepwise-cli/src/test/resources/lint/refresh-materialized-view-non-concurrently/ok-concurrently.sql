CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
CREATE MATERIALIZED VIEW order_totals AS SELECT user_id, sum(total) AS total FROM orders GROUP BY user_id;
CREATE UNIQUE INDEX ix_order_totals_user_id ON order_totals (user_id);
-- ---
-- reversible: no

-- +up
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;

-- +down
