-- Security (安防管理): what doors and gates saw, and the alarms devices raised.
-- Runs with search_path = the tenant's schema, so nothing here is schema-qualified. Device ids are
-- copies of the devices module's ids, never foreign keys into its tables.

-- The access log (门禁记录): every decision a door or gate controller reported, granted or not.
create table access_event (
    id               bigserial     primary key,
    device_id        varchar(64)   not null,
    door             varchar(32)   not null,
    credential_kind  varchar(16)   not null,
    credential       varchar(64)   not null,
    granted          boolean       not null,
    reason           varchar(200),
    at               timestamptz   not null,
    received_at      timestamptz   not null,
    constraint access_event_kind_ck check (credential_kind in ('card', 'pin', 'qr', 'face', 'remote'))
);
create index access_event_at_idx on access_event (at desc, id desc);
create index access_event_device_idx on access_event (device_id, at desc);

-- Alarms (报警): raised by a device, acknowledged and resolved by people (or resolved by the
-- device when the condition ends). At most one alarm of a kind is open per device and source.
create table alarm (
    id                bigserial     primary key,
    kind              varchar(24)   not null,
    device_id         varchar(64)   not null,
    source            varchar(32)   not null,
    detail            varchar(200),
    status            varchar(16)   not null default 'raised',
    raised_at         timestamptz   not null,
    acknowledged_at   timestamptz,
    acknowledged_by   varchar(100),
    resolved_at       timestamptz,
    resolved_by       varchar(100),
    note              varchar(500),
    constraint alarm_kind_ck check (kind in ('door_forced', 'door_held_open', 'smoke', 'water_leak',
        'tamper', 'low_battery', 'sensor_fault')),
    constraint alarm_status_ck check (status in ('raised', 'acknowledged', 'resolved')),
    constraint alarm_ack_ck check (status <> 'acknowledged' or acknowledged_at is not null),
    constraint alarm_resolved_ck check ((status = 'resolved') = (resolved_at is not null))
);
create unique index alarm_open_uq on alarm (device_id, kind, source) where status <> 'resolved';
create index alarm_status_idx on alarm (status, raised_at desc);
