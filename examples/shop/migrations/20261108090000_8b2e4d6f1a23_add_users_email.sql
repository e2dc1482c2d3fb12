-- revision: 8b2e4d6f1a23
-- down_revision: 3f1c2a9b7d10
-- message: add users email

-- +up
-- Nullable and without a default: existing rows get NULL, the change is instant,
-- and the running code (which does not know the column) keeps working.
ALTER TABLE users ADD COLUMN email varchar(255);

-- +down
ALTER TABLE users DROP COLUMN email;
