-- revision: c3d4e5f6a7b8
-- down_revision: b2c3d4e5f6a7
-- message: order notes: a backfill in batches
-- depends_on: 9d3f5a7c1e20
-- reversible: lossy

-- +up
ALTER TABLE orders ADD COLUMN note text;

-- Batched, with a pause between batches and a flag the sync trigger can see.
-- stepwise:batch size=500 pause=10ms flag=stepwise.backfill
UPDATE orders SET note = 'migrated: ' || id::text || E' \u00e9t\u00e9' WHERE note IS NULL;

-- stepwise:batch size=auto target=100ms
DELETE FROM order_audit WHERE note = '–– not a comment ––' OR note LIKE '%;%';

-- stepwise:allow unbatched-data-change order_audit holds a few hundred rows; one statement is fine
UPDATE order_audit SET note = E'moved\\; see ''orders.note''' WHERE note = '';

CREATE INDEX CONCURRENTLY ix_orders_note ON orders (note) WHERE note <> '';

-- +down
DROP INDEX CONCURRENTLY ix_orders_note;
ALTER TABLE orders DROP COLUMN note
