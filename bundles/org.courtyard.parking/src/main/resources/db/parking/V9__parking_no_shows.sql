-- Reservations for a plate, and no-shows released (#14): a reservation may name the visitor's plate;
-- the lot's entrance camera lets that plate in on the reservation (from 30 minutes before its slot)
-- and notes the arrival, staff note an arrival by hand, and a reservation nobody arrived for within
-- its no_show_minutes after the slot began is cancelled by the platform (cancel_reason 'no-show',
-- released_at) so the space can be reserved again for the rest of the slot.
alter table parking_booking add column plate varchar(16);
alter table parking_booking add column no_show_minutes integer;
alter table parking_booking add column arrived_at timestamptz;
alter table parking_booking add column released_at timestamptz;
alter table parking_booking add constraint parking_booking_reservation_ck check (
    kind = 'reservation' or (plate is null and no_show_minutes is null and arrived_at is null
        and released_at is null));
alter table parking_booking add constraint parking_booking_no_show_ck check (
    no_show_minutes is null or no_show_minutes between 5 and 1440);
alter table parking_booking add constraint parking_booking_released_ck check (
    released_at is null or state = 'cancelled');

-- the gate's question: an active reservation of this plate
create index parking_booking_plate_ix on parking_booking (plate, lower(period))
    where kind = 'reservation' and state = 'active' and plate is not null;
-- the release's question: active reservations nobody arrived for, by their slot's start
create index parking_booking_waiting_ix on parking_booking (lower(period))
    where kind = 'reservation' and state = 'active' and arrived_at is null;

-- a resident's reservations for their visitors (GET /parking/my/reservations), counted per person
alter table parking_booking add column person_id bigint;
alter table parking_booking add constraint parking_booking_person_ck check (
    person_id is null or kind = 'reservation');
create index parking_booking_person_ix on parking_booking (person_id, lower(period))
    where person_id is not null;
