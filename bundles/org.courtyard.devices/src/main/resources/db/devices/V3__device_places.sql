-- Where each device is, as an estate and a building (issue #11: a staff user's data scope): copied
-- at registration from what its location names, through estate's directory (a room's estate and
-- building; a building's estate; the estate or building a gate or area is placed in). Both null: a
-- device tied to no estate, seen only by the whole company. Devices registered before this get
-- them from the backfill that runs when the tenant's module starts (DevicePlacesBackfill); until
-- then they are null, so out of every narrow scope. A location never changes, so neither do these.
alter table device add column estate_id bigint;
alter table device add column building_id bigint;
alter table device add constraint device_place_ck check (building_id is null or estate_id is not null);
-- the scoped device list: (estate granted whole or building granted), in id order
create index device_estate_idx on device (estate_id, id) where estate_id is not null;
create index device_building_idx on device (building_id, id) where building_id is not null;
