-- Leases and owned spaces billed in billing's runs (#14): a lease may name the room whose bills
-- carry its rent (per term: a month, a quarter or a year, charged in the month each term begins),
-- and an owner the room whose bills carry the space's monthly management fee (车位管理费, charged to
-- whoever owns the space on the first day of the month). Without a room nothing is billed: the rent
-- is then settled outside billing. Billing asks parking for these lines through its PeriodCharges
-- service, a batch of rooms at a time, so both are indexed by room.
alter table parking_booking add column room_id bigint;
alter table parking_booking add column rent numeric(10, 2);
alter table parking_booking add constraint parking_booking_rent_ck check (
    (room_id is null) = (rent is null)
    and (rent is null or (kind = 'lease' and rent > 0)));
create index parking_booking_room_ix on parking_booking (room_id, lower(period))
    where room_id is not null and state = 'active';

alter table parking_space_owner add column room_id bigint;
alter table parking_space_owner add column monthly_fee numeric(10, 2);
alter table parking_space_owner add constraint parking_space_owner_fee_ck check (
    (room_id is null) = (monthly_fee is null) and (monthly_fee is null or monthly_fee > 0));
create index parking_space_owner_room_ix on parking_space_owner (room_id, since)
    where room_id is not null;
