/* A migration that an older tool wrote with quoted names holding semicolons and quotes,
   /* nested block comments */ and comments between and inside statements. */
-- revision: b2c3d4e5f6a7
-- down_revision: a1b2c3d4e5f6
-- message: odd names: semicolons; quotes "and" comments
-- branch_labels: legacy_names
-- reversible: lossy

-- stepwise:allow drop-table the legacy table was never read by the application
-- +up
CREATE TABLE "legacy;items" (
    "id;key"     bigint PRIMARY KEY,
    "say ""hi""" text DEFAULT 'a '';'' b', -- a trailing comment; with a ' quote
    /* a block comment; in the column list */
    "naïve κ"    integer
);

DROP TABLE IF EXISTS "legacy;items_old";

COMMENT ON TABLE "legacy;items" IS 'holds ''items''; from the old system /* not a comment */';

CREATE FUNCTION "legacy;count"() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
    SELECT count(*) FROM "legacy;items";
    SELECT CASE WHEN count(*) > 0 THEN count(*) ELSE 0 END FROM "legacy;items";
END;

SELECT U&'d\0061t\+000061' AS "u&;", U&'!0041;' UESCAPE '!' AS e2, E'\x41\101\u0041' AS e3;

-- +down
DROP FUNCTION "legacy;count"();
DROP TABLE "legacy;items";
