CREATE TABLE bookings (id bigint PRIMARY KEY, room integer, during tstzrange);
-- ---
-- +up
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);

-- +down
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
