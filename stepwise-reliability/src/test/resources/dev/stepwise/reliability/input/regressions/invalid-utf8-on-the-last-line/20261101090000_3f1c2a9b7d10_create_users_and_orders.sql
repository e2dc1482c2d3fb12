-- The first release: users and their orders, with the keys and indexes the app needs.
-- revision: 3f1c2a9b7d10
-- down_revision: none
-- message: create users and orders

-- +up
CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(255) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id),
    total_dollars numeric(12, 2) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- New, empty tables: a plain index build locks nothing anyone is using yet.
CREATE INDEX ix_orders_user_id ON orders (user_id);

-- +down
DROP TABLE orders;
DROP TABLE users;
þ