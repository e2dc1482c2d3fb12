-- revision: c0ffee000001
-- down_revision: none
-- message: create notes

-- +up
CREATE TABLE notes (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body text NOT NULL
);

-- +down
DROP TABLE notes;
