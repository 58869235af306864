-- Estate base data (基础信息管理): estate (小区) -> building (楼栋) -> unit (单元) -> room (房间).
-- Runs with search_path = the tenant's schema, so nothing here is schema-qualified.
--
-- The Java layer validates every value first and answers 422 with field-level messages; the CHECK
-- constraints below repeat those rules so that data written by any other path stays just as clean.
-- Parents are never deleted under their children (ON DELETE RESTRICT): the API answers 409 instead.

create table estate (
    id          bigserial    primary key,
    code        varchar(32)  not null,
    name        varchar(100) not null,
    address     varchar(200),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     integer      not null default 0,
    constraint estate_code_uq unique (code),
    constraint estate_code_ck check (code ~ '^[A-Za-z0-9._-]{1,32}$'),
    constraint estate_name_ck check (char_length(btrim(name)) > 0)
);

create table building (
    id          bigserial    primary key,
    estate_id   bigint       not null,
    code        varchar(32)  not null,
    name        varchar(100) not null,
    floors      integer,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     integer      not null default 0,
    constraint building_estate_fk foreign key (estate_id) references estate (id) on delete restrict,
    constraint building_code_uq unique (estate_id, code),
    constraint building_code_ck check (code ~ '^[A-Za-z0-9._-]{1,32}$'),
    constraint building_name_ck check (char_length(btrim(name)) > 0),
    constraint building_floors_ck check (floors between 1 and 200)
);
-- (estate_id, id) rather than (estate_id) alone: it also serves the keyset-paged list of an estate's
-- buildings, which filters on estate_id and orders by id.
create index building_estate_idx on building (estate_id, id);

create table unit (
    id          bigserial    primary key,
    building_id bigint       not null,
    code        varchar(32)  not null,
    name        varchar(100) not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     integer      not null default 0,
    constraint unit_building_fk foreign key (building_id) references building (id) on delete restrict,
    constraint unit_code_uq unique (building_id, code),
    -- Target of room_unit_fk, which keeps room.building_id equal to its unit's building.
    constraint unit_id_building_uq unique (id, building_id),
    constraint unit_code_ck check (code ~ '^[A-Za-z0-9._-]{1,32}$'),
    constraint unit_name_ck check (char_length(btrim(name)) > 0)
);
create index unit_building_idx on unit (building_id, id);

create table room (
    id          bigserial     primary key,
    unit_id     bigint        not null,
    -- Denormalised from the unit so that rooms can be listed and imported per building without a
    -- join; room_unit_fk guarantees it never disagrees with the unit.
    building_id bigint        not null,
    number      varchar(32)   not null,
    floor       integer       not null,
    area        numeric(10,2) not null,
    type        varchar(16)   not null,
    status      varchar(16)   not null default 'vacant',
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     integer       not null default 0,
    constraint room_unit_fk foreign key (unit_id, building_id)
        references unit (id, building_id) on delete restrict,
    constraint room_building_fk foreign key (building_id) references building (id) on delete restrict,
    constraint room_number_uq unique (unit_id, number),
    constraint room_number_ck check (number ~ '^[A-Za-z0-9._-]{1,32}$'),
    constraint room_floor_ck check (floor between -10 and 200),
    constraint room_area_ck check (area > 0 and area <= 100000),
    constraint room_type_ck check (type in ('residential', 'commercial', 'parking', 'storage')),
    constraint room_status_ck check (status in ('vacant', 'occupied', 'rented', 'renovating'))
);
create index room_unit_idx on room (unit_id, id);
create index room_building_idx on room (building_id, id);

-- Room ids are handed out in blocks of 50 (the entity's allocationSize) so that a bulk import can send
-- its INSERTs in JDBC batches: with IDENTITY the ORM must read every generated key back one row at a
-- time. nextval() returns the last id of a block, hence the start at 50. Plain INSERTs that use the
-- column default stay safe: each nextval() call reserves a whole block for its caller.
alter sequence room_id_seq increment by 50 minvalue 1 start with 50 restart with 50;
