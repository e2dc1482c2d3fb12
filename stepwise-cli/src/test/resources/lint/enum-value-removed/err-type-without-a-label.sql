CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
CREATE TYPE order_state AS ENUM ('new', 'paid');
ALTER TABLE orders ADD COLUMN state order_state;
-- ---
-- +up
CREATE TYPE order_state_v2 AS ENUM ('new');
ALTER TABLE orders ALTER COLUMN state TYPE order_state_v2 USING state::text::order_state_v2;

-- +down
ALTER TABLE orders ALTER COLUMN state TYPE order_state USING state::text::order_state;
DROP TYPE order_state_v2;
