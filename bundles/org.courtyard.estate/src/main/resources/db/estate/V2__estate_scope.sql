-- Data scopes (#11): staff work in some estates or some buildings, and every list is filtered to
-- theirs in SQL. Units and rooms carry their estate's id, copied from their building, so that the
-- rooms of an estate page by (estate_id, id) as cheaply as all rooms page by id: one index range,
-- no join, no sort. The copy cannot drift: a building never changes estate and a unit or room never
-- changes building (the API answers 422 parent-immutable), and the foreign keys below pin the pair.

-- Target of the (building_id, estate_id) foreign keys of units and rooms.
alter table building add constraint building_id_estate_uq unique (id, estate_id);

alter table unit add column estate_id bigint;
update unit u set estate_id = b.estate_id from building b where b.id = u.building_id;
alter table unit alter column estate_id set not null;
alter table unit add constraint unit_building_estate_fk foreign key (building_id, estate_id)
    references building (id, estate_id) on delete restrict;
create index unit_estate_idx on unit (estate_id, id);

alter table room add column estate_id bigint;
update room r set estate_id = b.estate_id from building b where b.id = r.building_id;
alter table room alter column estate_id set not null;
alter table room add constraint room_building_estate_fk foreign key (building_id, estate_id)
    references building (id, estate_id) on delete restrict;
-- The room list of a scope of one estate reads a page of this index in order (ScopeCriteria).
create index room_estate_idx on room (estate_id, id);
