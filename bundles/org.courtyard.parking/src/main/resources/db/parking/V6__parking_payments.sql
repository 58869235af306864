-- Temporary parking paid (#14): at the exit, where the gate left the car to the guard with its fee,
-- or ahead of it (a pay station, a QR code) for a vehicle inside. Each payment is income in
-- billing's ledger (CounterIncome, reference payment-<id>) with billing's receipt; it is written
-- pending first, then billing is asked, then it is posted: a payment that is pending after a crash
-- or a failed call is asked of billing again by the next request for its stay or, within a minute
-- or two, by the module's retry; billing's reference makes that once. A stay's exit is paid at most
-- once.
create table parking_payment (
    id           bigserial      primary key,
    lot_id       bigint         not null references parking_lot (id),
    entry_id     bigint         not null references parking_passage (id),
    exit_id      bigint         references parking_passage (id),
    plate        varchar(16),
    amount       numeric(12, 2) not null,
    method       varchar(16)    not null,
    state        varchar(8)     not null default 'pending',
    request_key  varchar(200),
    income_id    bigint,
    receipt_no   varchar(32),
    paid_by      bigint,
    created_at   timestamptz    not null default now(),
    posted_at    timestamptz,
    constraint parking_payment_amount_ck check (amount > 0),
    constraint parking_payment_method_ck check (method in ('cash', 'bank', 'wechat', 'alipay')),
    constraint parking_payment_state_ck check (state in ('pending', 'posted')),
    constraint parking_payment_posted_ck check (
        (state = 'posted') = (posted_at is not null and income_id is not null)),
    -- a key names one payment in its lot (the lot's row lock orders the requests of a lot)
    constraint parking_payment_key_ux unique (lot_id, request_key),
    constraint parking_payment_exit_ux unique (exit_id)
);
create index parking_payment_entry_ix on parking_payment (entry_id);
-- a stay's exit is paid once, whichever of its exit's reads the guard pressed
create unique index parking_payment_stay_exit_ux on parking_payment (entry_id)
    where exit_id is not null;
-- the payments still to book, oldest first, for the retry
create index parking_payment_pending_ix on parking_payment (created_at) where state = 'pending';
create index parking_payment_lot_ix on parking_payment (lot_id, id);

-- Minutes a stay paid ahead has to leave before the time since counts again.
alter table parking_tariff add column grace_minutes integer not null default 15
    constraint parking_tariff_grace_ck check (grace_minutes between 0 and 120);

-- The reports (ParkingReports): an entry's exit by its entry, the stays of a lot by time, the
-- takings of a lot by the time billing booked them.
create index parking_passage_entry_ix on parking_passage (entry_id) where entry_id is not null;
create index parking_passage_stay_ix on parking_passage (lot_id, seen_at)
    where direction = 'entry' and decision = 'open';
create index parking_payment_posted_ix on parking_payment (lot_id, posted_at) where state = 'posted';
