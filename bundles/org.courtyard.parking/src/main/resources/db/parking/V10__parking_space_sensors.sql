-- Spaces watched by occupancy sensors (#14): a space may name the device whose readings say
-- whether it is taken (the driver API's ParkingSpaceState, matched by the device and the space's
-- number, which the sensor reports or is configured with). The latest state is kept on the space,
-- and a reading older than the one kept is ignored (readings may arrive out of order after a
-- gateway was offline). A lot's sensed free spaces come from these.
alter table parking_space add column sensor_device_id varchar(64);
alter table parking_space add column occupied boolean;
alter table parking_space add column occupied_at timestamptz;
alter table parking_space add constraint parking_space_sensor_ck check (
    sensor_device_id is not null or (occupied is null and occupied_at is null));
create index parking_space_sensor_ix on parking_space (sensor_device_id, number)
    where sensor_device_id is not null;
