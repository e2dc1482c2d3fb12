-- revision: e5f6a7b8c9d0
-- down_revision: d4e5f6a7b8c9
-- message: purge old audit rows
-- transaction: none
-- reversible: no

-- +up
-- stepwise:batch size=1000
DELETE FROM order_audit WHERE changed_at < now() - interval '90 days';
ANALYZE order_audit;

-- +down
