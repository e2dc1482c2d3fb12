-- Ünïcödé in comments: ✓ → ∞, and a character outside the BMP: 🚚 (delivery).
-- revision: d4e5f6a7b8c9
-- down_revision: c3d4e5f6a7b8
-- message: order state enum 🚚
-- transaction: auto

-- +up
CREATE TYPE order_state AS ENUM ('new', 'paid');
ALTER TYPE order_state ADD VALUE 'shipped';
ALTER TABLE orders ADD COLUMN state order_state;
ALTER TABLE orders ADD CONSTRAINT orders_state_known CHECK (state <> 'shipped' OR note IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_state_known;
VACUUM (ANALYZE) orders;

-- +down
ALTER TABLE orders DROP CONSTRAINT orders_state_known;
ALTER TABLE orders DROP COLUMN state;
DROP TYPE order_state;
