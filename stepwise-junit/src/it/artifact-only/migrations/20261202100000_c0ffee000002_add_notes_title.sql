-- revision: c0ffee000002
-- down_revision: c0ffee000001
-- message: add notes title

-- +up
ALTER TABLE notes ADD COLUMN title varchar(200);

-- +down
ALTER TABLE notes DROP COLUMN title;
