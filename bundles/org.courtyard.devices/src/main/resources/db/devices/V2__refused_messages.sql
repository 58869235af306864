-- Messages that did not become readings (the driver refused them, the device or its driver was
-- quarantined, the driver hung on them, or PostgreSQL refused what the driver made of them). The
-- gateway acknowledges a message to the broker only once it is stored here or in device_message,
-- so nothing a device sent disappears without a trace. The newest 100 per device are kept.
create table device_refusal (
    id             bigserial     primary key,
    device_id      varchar(64)   not null references device (id) on delete restrict,
    received_at    timestamptz   not null,
    reason         varchar(300)  not null,
    -- the first 16 KiB of the payload as it came, and its whole size
    payload        bytea         not null,
    payload_bytes  integer       not null
);
create index device_refusal_device_idx on device_refusal (device_id, id);

alter table device add column last_refusal varchar(300);
alter table device add column last_refused_at timestamptz;
