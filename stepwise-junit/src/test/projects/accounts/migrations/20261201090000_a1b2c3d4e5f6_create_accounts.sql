-- revision: a1b2c3d4e5f6
-- down_revision: none
-- message: create users, orders and billing.invoices

-- +up
CREATE TABLE users (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(255) NOT NULL
);

CREATE TABLE orders (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    status  text NOT NULL DEFAULT 'pending'
);

CREATE INDEX ix_orders_user_id ON orders (user_id);

CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id)
);

-- +down
DROP TABLE billing.invoices;
DROP SCHEMA billing;
DROP TABLE orders;
DROP TABLE users;
