CREATE TABLE orders (id bigint PRIMARY KEY, status text);
-- ---
-- +up
ALTER TABLE orders RENAME TO purchases;
CREATE VIEW orders AS SELECT * FROM purchases;

-- +down
DROP VIEW orders;
ALTER TABLE purchases RENAME TO orders;
