-- revision: e1a2b3c4d5e6
-- down_revision: c5d7e9f0b3a4
-- message: index users email

-- +up
-- users is live by now: build the index without blocking writes. It cannot run in a
-- transaction block, so Stepwise runs it as a step of its own.
CREATE INDEX CONCURRENTLY ix_users_email ON users (email);

-- +down
DROP INDEX CONCURRENTLY ix_users_email;
