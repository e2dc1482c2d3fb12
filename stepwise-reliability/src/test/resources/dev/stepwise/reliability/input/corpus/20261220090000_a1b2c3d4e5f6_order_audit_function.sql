-- An audit trail for orders: a PL/pgSQL function with dollar bodies inside dollar bodies, the
-- way format() and EXECUTE are used in real code, plus E'' strings with backslash escapes.
-- revision: a1b2c3d4e5f6
-- down_revision: b6e8a0c2d4f1
-- message: order audit function
-- phase: expand

-- +up
CREATE TABLE order_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   bigint NOT NULL,
    action     text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    note       text NOT NULL DEFAULT E'none yet\t(filled by the trigger)',
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION order_audit_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    -- a semicolon; in a comment inside the body, and a quote ' that does not open anything
    detail text := E'it\'s an order\\n; "not" a $$ tag';
    sql    text := $q$INSERT INTO order_audit (order_id, action, note) VALUES ($1, $2, $3)$q$;
BEGIN
    /* nested /* block */ comment; still inside the body */
    IF TG_OP = 'DELETE' THEN
        EXECUTE sql USING OLD.id, 'delete', format($f$%s; removed at %s$f$, detail, now());
        RETURN OLD;
    END IF;
    EXECUTE sql USING NEW.id, lower(TG_OP), detail || $$ -- not a comment $$;
    RETURN NEW;
END;
$fn$;

CREATE TRIGGER order_audit_write AFTER INSERT OR UPDATE OR DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION order_audit_write();

-- +down
DROP TRIGGER order_audit_write ON orders;
DROP FUNCTION order_audit_write();
DROP TABLE order_audit;
