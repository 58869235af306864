-- Residents and owners (业主信息管理): persons, their occupancies of rooms, their vehicles.
-- Runs with search_path = the tenant's schema, so nothing here is schema-qualified. Tables are named
-- residents_* because all modules of a tenant share its schema.
--
-- The Java layer validates every value first and answers 422 with field-level messages; the CHECK
-- constraints below repeat those rules so that data written by any other path stays just as clean.
-- Rooms belong to the estate module: room_id is a plain number, with no foreign key into estate's
-- tables, so the history of a room outlives the room.
--
-- History is kept: occupancies are ended (move_out), never deleted; vehicles are removed
-- (removed_at), never deleted. A person with either on record cannot be deleted (ON DELETE RESTRICT).

create table residents_person (
    id          bigserial     primary key,
    full_name   varchar(100)  not null,
    -- '+', country code and number: +8613812345678. Not unique: family members share numbers.
    phone       varchar(16)   not null,
    id_type     varchar(16),
    id_number   varchar(32),
    email       varchar(254),
    note        varchar(1000),
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     integer       not null default 0,
    constraint residents_person_name_ck check (char_length(btrim(full_name)) > 0),
    constraint residents_person_phone_ck check (phone ~ '^\+[1-9][0-9]{7,14}$'),
    constraint residents_person_id_type_ck check (id_type in ('resident_id', 'passport', 'other')),
    constraint residents_person_id_number_ck check (id_number is null or id_type is not null),
    -- The check character itself is verified in Java (ISO 7064 MOD 11-2).
    constraint residents_person_resident_id_ck
        check (id_type is distinct from 'resident_id' or id_number is null
               or id_number ~ '^[0-9]{17}[0-9X]$')
);

create table residents_occupancy (
    id            bigserial     primary key,
    person_id     bigint        not null,
    room_id       bigint        not null,
    role          varchar(16)   not null,
    share_percent numeric(5,2),
    move_in       date          not null,
    -- null while the occupancy is current
    move_out      date,
    created_at    timestamptz   not null default now(),
    constraint residents_occupancy_person_fk
        foreign key (person_id) references residents_person (id) on delete restrict,
    constraint residents_occupancy_role_ck check (role in ('owner', 'occupant', 'tenant', 'family')),
    constraint residents_occupancy_share_ck
        check (share_percent is null
               or (role = 'owner' and share_percent > 0 and share_percent <= 100)),
    constraint residents_occupancy_dates_ck check (move_out is null or move_out >= move_in)
);
-- One current occupancy per person, room and role. (The sum of the current owners' shares of a room,
-- at most 100, is checked in Java under an advisory lock per room: no constraint can see a sum.)
create unique index residents_occupancy_current_uq
    on residents_occupancy (person_id, room_id, role) where move_out is null;
-- (room_id, id): the keyset-paged occupancies of a room, current or with history.
create index residents_occupancy_room_idx on residents_occupancy (room_id, id);
create index residents_occupancy_person_idx on residents_occupancy (person_id, id);

create table residents_vehicle (
    id          bigserial     primary key,
    person_id   bigint        not null,
    -- upper case, no spaces, dots or hyphens: 粤B12345, 京AD12345
    plate       varchar(16)   not null,
    color       varchar(20),
    created_at  timestamptz   not null default now(),
    -- null while the vehicle is registered
    removed_at  timestamptz,
    constraint residents_vehicle_person_fk
        foreign key (person_id) references residents_person (id) on delete restrict,
    constraint residents_vehicle_plate_ck
        check (char_length(plate) between 2 and 10 and plate = upper(plate) and plate !~ '[[:space:].·-]'),
    constraint residents_vehicle_removed_ck check (removed_at is null or removed_at >= created_at)
);
-- A plate is registered once at a time; a removed vehicle frees its plate.
create unique index residents_vehicle_current_plate_uq
    on residents_vehicle (plate) where removed_at is null;
create index residents_vehicle_person_idx on residents_vehicle (person_id, id);
