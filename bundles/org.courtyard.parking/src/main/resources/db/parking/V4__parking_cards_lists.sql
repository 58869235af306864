-- Monthly cards (月卡) and the white and black lists a gate decides by (#14).
--
-- A card lets one vehicle (its plate in the stored form of org.courtyard.api.Plates) into one lot
-- on the whole days from first_day to last_day, in the lot's zone. Two active cards of a plate in a
-- lot never share a day: a card is written with its lot's row locked after looking for one (a
-- plate is text, which a GiST exclusion cannot compare without btree_gist). A cancelled card stays,
-- with its reason.
create table parking_card (
    id             bigserial     primary key,
    lot_id         bigint        not null references parking_lot (id),
    plate          varchar(16)   not null,
    person_id      bigint,
    holder_name    varchar(100)  not null,
    holder_phone   varchar(32),
    first_day      date          not null,
    last_day       date          not null,
    state          varchar(16)   not null default 'active',
    cancel_reason  varchar(500),
    note           varchar(500),
    created_by     bigint,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    version        integer       not null default 0,
    constraint parking_card_days_ck check (last_day >= first_day),
    constraint parking_card_state_ck check (state in ('active', 'cancelled')),
    constraint parking_card_holder_ck check (char_length(btrim(holder_name)) > 0),
    constraint parking_card_cancel_ck check ((state = 'cancelled') = (cancel_reason is not null))
);
-- the gate's question: this plate's cards in this lot
create index parking_card_plate_ix on parking_card (plate, lot_id, last_day) where state = 'active';
create index parking_card_lot_ix on parking_card (lot_id, id);

-- White list (staff, emergency services: always let in) and black list (never let in), for one lot
-- or, with lot_id null, every lot of the company; with a reason, and an optional expiry after which
-- the gate no longer heeds the entry. A plate has one entry in force per lot (or company-wide) at
-- a time, on either list; a removed entry is kept with who removed it and when.
create table parking_list_entry (
    id          bigserial     primary key,
    list        varchar(8)    not null,
    plate       varchar(16)   not null,
    lot_id      bigint        references parking_lot (id),
    reason      varchar(500)  not null,
    expires_at  timestamptz,
    created_by  bigint,
    created_at  timestamptz   not null default now(),
    removed_at  timestamptz,
    removed_by  bigint,
    constraint parking_list_entry_list_ck check (list in ('white', 'black')),
    constraint parking_list_entry_reason_ck check (char_length(btrim(reason)) > 0)
);
create unique index parking_list_entry_ux on parking_list_entry (plate, coalesce(lot_id, 0))
    where removed_at is null;
create index parking_list_entry_lot_ix on parking_list_entry (lot_id, id);
