-- Parking lots, their spaces, and the leases and reservations that hold a space for a period.
-- Runs with search_path = the tenant's schema: no schema names. Forward only.
--
-- ParkingRules validates every value first (422 with field messages); the CHECK constraints repeat
-- those rules. A space is never held twice: parking_booking_no_overlap refuses, in PostgreSQL, a
-- second active lease or reservation of the same space whose period meets an active one's, however
-- many requests arrive at once. The space id is compared as a one-point range so that the plain
-- GiST operator classes do (no btree_gist extension, which a tenant schema cannot rely on).

create table parking_lot (
    id                bigserial     primary key,
    estate_id         bigint        not null,
    code              varchar(32)   not null,
    name              varchar(100)  not null,
    location          varchar(16)   not null,
    levels            integer       not null default 1,
    temporary_spaces  integer       not null default 0,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    version           integer       not null default 0,
    constraint parking_lot_code_uq unique (code),
    constraint parking_lot_code_ck check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
    constraint parking_lot_name_ck check (
        char_length(btrim(name)) > 0 and name !~ '[\u0001-\u001f\u007f-\u009f]'),
    constraint parking_lot_location_ck check (location in ('above_ground', 'underground')),
    constraint parking_lot_levels_ck check (levels between 1 and 20),
    constraint parking_lot_temporary_ck check (temporary_spaces between 0 and 100000)
);
create index parking_lot_estate_ix on parking_lot (estate_id, id);

create table parking_space (
    id          bigserial     primary key,
    lot_id      bigint        not null references parking_lot (id),
    number      varchar(32)   not null,
    kind        varchar(16)   not null,
    level       integer       not null default 1,
    size        varchar(16)   not null default 'standard',
    state       varchar(16)   not null default 'in_service',
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     integer       not null default 0,
    constraint parking_space_number_uq unique (lot_id, number),
    constraint parking_space_number_ck check (number ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
    constraint parking_space_kind_ck check (
        kind in ('owned', 'rented', 'public', 'visitor', 'ev_charging', 'accessible')),
    constraint parking_space_level_ck check (level between -10 and 20 and level <> 0),
    constraint parking_space_size_ck check (size in ('small', 'standard', 'large')),
    constraint parking_space_state_ck check (state in ('in_service', 'out_of_service'))
);

-- A lease (a resident rents the space for whole months) or a reservation (a visitor space for a
-- slot). The period is half open, [from, to): a lease ending 2027-04-01 00:00 and the next one
-- starting then do not overlap.
create table parking_booking (
    id             bigserial     primary key,
    space_id       bigint        not null references parking_space (id),
    kind           varchar(16)   not null,
    term           varchar(16),
    terms          integer,
    holder_name    varchar(100)  not null,
    holder_phone   varchar(32),
    period         tstzrange     not null,
    state          varchar(16)   not null default 'active',
    note           varchar(500),
    cancel_reason  varchar(500),
    request_key    varchar(200),
    created_by     bigint,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    version        integer       not null default 0,
    constraint parking_booking_request_uq unique (request_key),
    constraint parking_booking_kind_ck check (kind in ('lease', 'reservation')),
    constraint parking_booking_term_ck check (
        (kind = 'lease' and term in ('monthly', 'quarterly', 'yearly') and terms between 1 and 120)
        or (kind = 'reservation' and term is null and terms is null)),
    constraint parking_booking_period_ck check (
        not isempty(period) and not lower_inf(period) and not upper_inf(period)
        and lower_inc(period) and not upper_inc(period)),
    constraint parking_booking_state_ck check (state in ('active', 'cancelled')),
    constraint parking_booking_cancel_ck check ((state = 'cancelled') = (cancel_reason is not null)),
    constraint parking_booking_holder_ck check (char_length(btrim(holder_name)) > 0),
    constraint parking_booking_no_overlap exclude using gist (
        int8range(space_id, space_id, '[]') with &&, period with &&) where (state = 'active')
);
create index parking_booking_space_ix on parking_booking (space_id, lower(period));

-- The module's settings, one row: the zone in which a lease's dates begin and end.
create table parking_settings (
    id         integer      primary key default 1,
    time_zone  varchar(64)  not null default 'Asia/Shanghai',
    constraint parking_settings_one_ck check (id = 1)
);
insert into parking_settings (id) values (1);
