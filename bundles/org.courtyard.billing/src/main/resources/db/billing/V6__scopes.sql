-- Data scopes (#11): a staff member sees and changes only the rows of the estates and buildings
-- their role is granted in. Billing keeps estate's room ids, never its tables, so it keeps where
-- each room is as well: estate_id and building_id, taken from estate's EstateDirectory when a row
-- is written (a room never changes building: estate refuses it). The rows written before this
-- script get them from the backfill each per-tenant instance starts with (RoomPlaces), on the
-- shared workers; until then their place is null, which no estate or building matches, so they
-- are shown to the whole company's callers only.

-- Bills had building_id from the start; a scope's page of bills is read estate by estate and
-- building by building from these, in id order.
alter table bill add column estate_id bigint;
create index bill_estate_idx on bill (estate_id, id);
create index bill_building_idx on bill (building_id, id);
-- what the backfill still has to do: empty once it is done, so finding that out costs nothing
create index bill_place_missing_idx on bill (room_id) where estate_id is null;

-- Meters are listed by id the same way; their readings follow the meter.
alter table meter add column estate_id bigint;
alter table meter add column building_id bigint;
create index meter_estate_idx on meter (estate_id, id);
create index meter_building_idx on meter (building_id, id);
create index meter_place_missing_idx on meter (room_id) where estate_id is null;

-- Payments, refunds and ledger transactions are reached through their room: the room's account
-- says where it is. Every room billing has billed or booked money for has an account from now on
-- (bills create it too), so the ledger check of a scope sums the entries of the rooms it covers,
-- and a scope's arrears are paged by room id from its rooms' accounts.
alter table room_account add column estate_id bigint;
alter table room_account add column building_id bigint;
create index room_account_estate_idx on room_account (estate_id, room_id);
create index room_account_building_idx on room_account (building_id, room_id);
create index room_account_place_missing_idx on room_account (room_id) where estate_id is null;

-- A run posted by someone granted some estates or buildings bills the rooms there only; both
-- arrays null: a run of the whole company. Bills stay one per room and period whoever posts them.
alter table billing_run add column estate_ids bigint[];
alter table billing_run add column building_ids bigint[];
alter table billing_run add constraint billing_run_scope_ck
    check ((estate_ids is null) = (building_ids is null));
