CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
-- ---
-- +up
ALTER TABLE orders ADD CONSTRAINT ck_orders_status_nn CHECK (status IS NOT NULL) NOT VALID;

-- +down
ALTER TABLE orders DROP CONSTRAINT ck_orders_status_nn;
-- ---
-- +up
ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_status_nn;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT ck_orders_status_nn;

-- +down
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
ALTER TABLE orders ADD CONSTRAINT ck_orders_status_nn CHECK (status IS NOT NULL) NOT VALID;
