-- The shop's schema as it should be: `stepwise check` compares it with the migrations' head,
-- and `stepwise revision --autogenerate -m MSG` writes the migrations for what differs.

CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       varchar(255) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    email      varchar(255)
);

CREATE INDEX ix_users_email ON users (email);

CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    status      text NOT NULL DEFAULT 'pending',
    public_id   uuid NOT NULL DEFAULT gen_random_uuid(),
    total_cents bigint NOT NULL
);

CREATE INDEX ix_orders_user_id ON orders (user_id);
CREATE UNIQUE INDEX ux_orders_public_id ON orders (public_id);
CREATE INDEX ix_orders_total_cents ON orders (total_cents);
