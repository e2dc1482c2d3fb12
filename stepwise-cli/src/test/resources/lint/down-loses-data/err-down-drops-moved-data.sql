CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
-- ---
-- phase: contract

-- +up
CREATE TABLE order_notes (order_id bigint PRIMARY KEY, note varchar(40));
INSERT INTO order_notes SELECT id, note FROM orders WHERE note IS NOT NULL;
ALTER TABLE orders DROP COLUMN note;

-- +down
ALTER TABLE orders ADD COLUMN note varchar(40);
DROP TABLE order_notes;
