-- Data scopes (#11): staff work in some estates or some buildings. Rooms belong to the estate
-- module, so an occupancy keeps a copy of its room's estate and building, written with it from
-- estate's EstateDirectory (a room never changes building, nor a building estate). Persons are in
-- scope through their occupancies, vehicles through their persons: all filtered in SQL on these.
--
-- Occupancies recorded before this migration get their places from a backfill through
-- EstateDirectory when the module's instance starts (OccupancyPlaces). Until then they are null,
-- and null is in no scope but the whole company's: nothing is disclosed while it runs.
alter table residents_occupancy
    add column estate_id   bigint,
    add column building_id bigint,
    add constraint residents_occupancy_place_ck check ((estate_id is null) = (building_id is null));
-- The scoped lists go from a scope's estates or buildings to their occupancies and persons.
create index residents_occupancy_estate_idx on residents_occupancy (estate_id, person_id);
create index residents_occupancy_building_idx on residents_occupancy (building_id, person_id);
-- What the backfill has left to do, found without reading the rest.
create index residents_occupancy_unplaced_idx on residents_occupancy (room_id) where estate_id is null;

-- Who recorded a person ('staff:<user id>', 'token:<token id>'…): a person with no occupancy yet is
-- in no estate, so only the whole company sees them, and the member of staff who just recorded
-- them (a new resident at the desk) until their first occupancy places them. Null for persons
-- recorded before: those wait for an occupancy, or for someone working for the whole company.
alter table residents_person add column created_by varchar(100);
