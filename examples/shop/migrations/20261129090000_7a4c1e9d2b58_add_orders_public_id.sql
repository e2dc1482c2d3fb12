-- A required column whose value is computed per row: a public id for each order, which
-- the API will hand out instead of the sequence number. A volatile value has no
-- instant NOT NULL form, so it takes the long road, every step of which keeps the
-- table open to reads and writes.
-- revision: 7a4c1e9d2b58
-- down_revision: e1a2b3c4d5e6
-- message: add orders public id

-- +up
-- 1. Nullable, no default: instant.
ALTER TABLE orders ADD COLUMN public_id uuid;
-- 2. New rows get a value from now on (a default applies to new rows only: still instant).
ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
-- 3. Existing rows, in batches of their own transactions, resumable if the run is killed.
-- stepwise:batch size=1000
UPDATE orders SET public_id = gen_random_uuid() WHERE public_id IS NULL;
-- 4. A CHECK that is not validated yet: instant, and enforced for new writes.
ALTER TABLE orders ADD CONSTRAINT orders_public_id_not_null CHECK (public_id IS NOT NULL) NOT VALID;
-- 5. Validated in a step of its own: a scan under SHARE UPDATE EXCLUSIVE, which blocks no
--    reads or writes.
ALTER TABLE orders VALIDATE CONSTRAINT orders_public_id_not_null;
-- 6. SET NOT NULL finds the validated CHECK and skips its own full scan (PostgreSQL 12+)...
ALTER TABLE orders ALTER COLUMN public_id SET NOT NULL;
-- 7. ...after which the CHECK says nothing the column does not.
ALTER TABLE orders DROP CONSTRAINT orders_public_id_not_null;
CREATE UNIQUE INDEX CONCURRENTLY ux_orders_public_id ON orders (public_id);

-- +down
DROP INDEX CONCURRENTLY ux_orders_public_id;
ALTER TABLE orders DROP COLUMN public_id;
