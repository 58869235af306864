-- Meters, meter readings (抄表) and metered fees (水费 / 电费 / 燃气费).
-- Runs with search_path = the tenant's schema, so nothing here is schema-qualified.
--
-- room_id is a copy of estate's room id (checked through its EstateDirectory service when the meter
-- is created), never a foreign key into estate's tables.

create table meter (
    id            bigserial    primary key,
    room_id       bigint       not null,
    type          varchar(16)  not null,
    serial        varchar(64)  not null,
    installed_at  date         not null,
    removed_at    date,
    created_at    timestamptz  not null default now(),
    version       integer      not null default 0,
    constraint meter_serial_uq unique (serial),
    constraint meter_serial_ck check (serial ~ '^[A-Za-z0-9._/-]{1,64}$'),
    constraint meter_type_ck check (type in ('water', 'electricity', 'gas')),
    constraint meter_dates_ck check (removed_at is null or removed_at >= installed_at)
);
create index meter_room_idx on meter (room_id, type, id);

-- Readings of one meter only ever get later: a new reading must come after the meter's latest one,
-- so for each meter the id order is the read_at order. A replacement reading starts a new
-- physical meter from its own value; consumption never spans it.
create table meter_reading (
    id           bigserial      primary key,
    meter_id     bigint         not null references meter (id) on delete restrict,
    read_at      timestamptz    not null,
    value        numeric(14,3)  not null,
    replacement  boolean        not null default false,
    source       varchar(16)    not null,
    -- the step from the previous reading was more than 10 × the median of the meter's last 6
    -- positive steps; stored anyway, for someone to look at
    implausible  boolean        not null default false,
    created_at   timestamptz    not null default now(),
    constraint meter_reading_meter_time_uq unique (meter_id, read_at),
    constraint meter_reading_value_ck check (value >= 0),
    constraint meter_reading_source_ck check (source in ('manual', 'csv', 'device'))
);

-- Metered fee items: the meter type they charge and their tariff tiers (阶梯价格).
alter table fee_item add column meter_type varchar(16);
alter table fee_item drop constraint fee_item_kind_ck;
alter table fee_item add constraint fee_item_kind_ck
    check (kind in ('area', 'fixed', 'one_off', 'metered'));
alter table fee_item add constraint fee_item_meter_type_ck
    check (meter_type is null or meter_type in ('water', 'electricity', 'gas'));
alter table fee_item add constraint fee_item_metered_ck
    check ((kind = 'metered') = (meter_type is not null));
-- consumption is measured per month, between the readings at the ends of two months
alter table fee_item add constraint fee_item_metered_cycle_ck
    check (kind <> 'metered' or cycle = 'monthly');

-- The tiers of a metered fee item, in ascending up_to; the last has up_to null (no upper bound).
-- Consumption up to the first up_to is priced at the first price, the part above it up to the
-- second up_to at the second price, and so on.
create table fee_tier (
    fee_item_id  bigint         not null references fee_item (id) on delete cascade,
    seq          integer        not null,
    up_to        numeric(14,3),
    price        numeric(12,4)  not null,
    -- deferred: when tiers are inserted or removed in the middle, JPA renumbers the others one
    -- UPDATE at a time, which passes through duplicate positions before it is done
    constraint fee_tier_pk primary key (fee_item_id, seq) deferrable initially deferred,
    constraint fee_tier_seq_ck check (seq >= 0),
    constraint fee_tier_up_to_ck check (up_to is null or up_to > 0),
    constraint fee_tier_price_ck check (price >= 0)
);
