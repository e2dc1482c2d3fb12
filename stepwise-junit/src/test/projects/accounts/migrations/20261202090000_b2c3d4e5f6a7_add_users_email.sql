-- revision: b2c3d4e5f6a7
-- down_revision: a1b2c3d4e5f6
-- message: add users email

-- +up
ALTER TABLE users ADD COLUMN email varchar(255);

-- +down
ALTER TABLE users DROP COLUMN email;
