-- The contract half: with the new code deployed and writing total_cents, total_dollars
-- goes. Stepwise never runs this in the same run as its expand migration (the code deploy
-- comes between them), except on a database it builds from nothing.
-- revision: b6e8a0c2d4f1
-- down_revision: 9d3f5a7c1e20
-- message: orders total cents, contract
-- phase: contract
-- expands: 9d3f5a7c1e20
-- reversible: lossy

-- +up
-- Required from now on, the safe way: NOT VALID, VALIDATE in its own step, then SET NOT
-- NULL skips its scan.
ALTER TABLE orders ADD CONSTRAINT orders_total_cents_not_null CHECK (total_cents IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_cents_not_null;
ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_total_cents_not_null;
DROP TRIGGER orders_sync_total ON orders;
DROP FUNCTION orders_sync_total();
ALTER TABLE orders DROP COLUMN total_dollars;

-- +down
-- Back to the expand state. The dollars are derived again from the cents (exact for
-- numeric(12, 2)); declared lossy because the column the up dropped held data of its own.
ALTER TABLE orders ADD COLUMN total_dollars numeric(12, 2);
CREATE FUNCTION orders_sync_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.total_cents IS NULL AND NEW.total_dollars IS NOT NULL THEN
            NEW.total_cents := round(NEW.total_dollars * 100);
        ELSIF NEW.total_dollars IS NULL AND NEW.total_cents IS NOT NULL THEN
            NEW.total_dollars := NEW.total_cents / 100.0;
        END IF;
    ELSIF NEW.total_dollars IS DISTINCT FROM OLD.total_dollars THEN
        NEW.total_cents := round(NEW.total_dollars * 100);
    ELSIF NEW.total_cents IS DISTINCT FROM OLD.total_cents THEN
        NEW.total_dollars := NEW.total_cents / 100.0;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_sync_total BEFORE INSERT OR UPDATE OF total_dollars, total_cents ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_sync_total();
-- stepwise:batch size=1000
UPDATE orders SET total_dollars = total_cents / 100.0 WHERE total_dollars IS NULL;
ALTER TABLE orders ADD CONSTRAINT orders_total_dollars_not_null CHECK (total_dollars IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_dollars_not_null;
ALTER TABLE orders ALTER COLUMN total_dollars SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_total_dollars_not_null;
ALTER TABLE orders ALTER COLUMN total_cents DROP NOT NULL;
