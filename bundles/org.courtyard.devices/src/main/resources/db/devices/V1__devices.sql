-- Devices (智能设备) of a tenant: the registry the broker authenticates them against, what their
-- drivers decoded from them, and the commands sent to them.
-- Runs with search_path = the tenant's schema, so nothing here is schema-qualified.

create table device (
    id             varchar(64)   primary key,
    type           varchar(40)   not null,
    driver         varchar(40)   not null,
    name           varchar(100)  not null,
    -- where the device is: a room (room_id, checked through estate), a building, a gate, an area
    location_kind  varchar(16)   not null,
    location_ref   varchar(64)   not null,
    room_id        bigint,
    -- the driver's per-device settings, validated against its descriptor when written
    settings       jsonb         not null default '{}',
    -- SHA-256 (hex) of the device's MQTT password; the secret itself is shown once and never stored
    secret_hash    char(64)      not null,
    status         varchar(16)   not null default 'active',
    created_at     timestamptz   not null default now(),
    revoked_at     timestamptz,
    last_seen_at   timestamptz,
    last_sequence  bigint,
    messages       bigint        not null default 0,
    duplicates     bigint        not null default 0,
    rejected       bigint        not null default 0,
    constraint device_id_ck check (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    constraint device_type_ck check (type ~ '^[a-z][a-z0-9-]{1,39}$'),
    constraint device_driver_ck check (driver ~ '^[a-z][a-z0-9-]{1,39}$'),
    constraint device_name_ck check (char_length(btrim(name)) > 0),
    constraint device_location_kind_ck check (location_kind in ('room', 'building', 'gate', 'area')),
    constraint device_room_ck check ((location_kind = 'room') = (room_id is not null)),
    constraint device_status_ck check (status in ('active', 'revoked')),
    constraint device_revoked_ck check ((status = 'revoked') = (revoked_at is not null))
);
create index device_room_idx on device (room_id) where room_id is not null;

-- One row per uplink message a driver accepted: the (device, sequence) key is what makes a QoS 1
-- redelivery a duplicate instead of a second reading. Its GOOD records travel with it as a JSON
-- array of {item, kind, at, data}: one row and one index entry per message, which is what keeps
-- ingest close to the broker's own rate; records are read per device, newest message first.
create table device_message (
    device_id    varchar(64)   not null references device (id) on delete restrict,
    seq          bigint        not null,
    received_at  timestamptz   not null,
    items        smallint      not null,
    bad_items    smallint      not null,
    records      jsonb         not null default '[]',
    constraint device_message_pkey primary key (device_id, seq),
    constraint device_message_records_ck check (jsonb_typeof(records) = 'array')
);

create table device_command (
    id           bigserial     primary key,
    device_id    varchar(64)   not null references device (id) on delete restrict,
    name         varchar(40)   not null,
    arguments    jsonb         not null default '{}',
    -- sent: published to the device's down topic; acked/failed: the device answered
    status       varchar(16)   not null,
    detail       varchar(500),
    created_at   timestamptz   not null default now(),
    sent_at      timestamptz,
    answered_at  timestamptz,
    constraint device_command_status_ck check (status in ('sent', 'acked', 'failed'))
);
create index device_command_device_idx on device_command (device_id, id);
