-- Money in whole cents instead of a numeric amount of dollars, without a moment when the
-- running code breaks: this expand migration adds total_cents next to total_dollars and
-- keeps the two equal whichever one a writer sets, so the old code (which writes dollars)
-- and the new code (which writes cents) can run side by side. Deploy the new code after
-- it; the contract migration that follows drops total_dollars once nothing uses it.
-- revision: 9d3f5a7c1e20
-- down_revision: 7a4c1e9d2b58
-- message: orders total cents, expand
-- phase: expand

-- +up
ALTER TABLE orders ADD COLUMN total_cents bigint;

-- Both directions: a one-way copy would hide the new code's writes from the old code.
-- The backfill below sets total_cents only where it is NULL; the trigger then derives
-- dollars from cents, which gives back exactly the same numeric(12, 2) amount.
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
UPDATE orders SET total_cents = round(total_dollars * 100) WHERE total_cents IS NULL;

CREATE INDEX CONCURRENTLY ix_orders_total_cents ON orders (total_cents);

-- +down
DROP INDEX CONCURRENTLY ix_orders_total_cents;
DROP TRIGGER orders_sync_total ON orders;
DROP FUNCTION orders_sync_total();
ALTER TABLE orders DROP COLUMN total_cents;
