-- revision: c5d7e9f0b3a4
-- down_revision: 8b2e4d6f1a23
-- message: add orders status

-- +up
-- NOT NULL with a constant default is one instant statement on PostgreSQL 11+:
-- the default is stored in the catalog, no row is rewritten.
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'pending';

-- +down
ALTER TABLE orders DROP COLUMN status;
