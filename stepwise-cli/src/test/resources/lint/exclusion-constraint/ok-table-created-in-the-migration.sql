CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, note varchar(40), label varchar,
    total integer, created_at timestamptz);
CREATE INDEX ix_orders_user_id ON orders (user_id);
-- ---
-- +up
CREATE TABLE rooms_booked (id bigint PRIMARY KEY, during tstzrange);
ALTER TABLE rooms_booked ADD CONSTRAINT rooms_booked_no_overlap EXCLUDE USING gist (during WITH &&);

-- +down
DROP TABLE rooms_booked;
