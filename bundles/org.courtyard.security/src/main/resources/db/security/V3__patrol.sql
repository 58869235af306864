-- Guard patrol (巡更): routes of checkpoints, rounds at set times, check-ins by app or by device.
-- A checkpoint is '<device>:<door>' (a reader a guard badges at) or any tag code an app scans.
create table patrol_route (
    id             bigserial     primary key,
    name           varchar(100)  not null,
    checkpoints    text[]        not null,
    -- the local times rounds start at, 'HH:MM'
    times          text[]        not null,
    round_minutes  integer       not null,
    created_at     timestamptz   not null default now(),
    constraint patrol_route_name_uq unique (name),
    constraint patrol_route_checkpoints_ck check (cardinality(checkpoints) between 1 and 200),
    constraint patrol_route_times_ck check (cardinality(times) between 1 and 48),
    constraint patrol_route_minutes_ck check (round_minutes between 5 and 720)
);

create table patrol_round (
    id          bigserial     primary key,
    route_id    bigint        not null references patrol_route (id) on delete restrict,
    starts_at   timestamptz   not null,
    due_at      timestamptz   not null,
    constraint patrol_round_uq unique (route_id, starts_at),
    constraint patrol_round_due_ck check (due_at > starts_at)
);
create index patrol_round_window_idx on patrol_round (starts_at, due_at);

create table patrol_checkin (
    id           bigserial     primary key,
    round_id     bigint        not null references patrol_round (id) on delete restrict,
    checkpoint   varchar(100)  not null,
    guard        varchar(100)  not null,
    source       varchar(8)    not null,
    at           timestamptz   not null,
    constraint patrol_checkin_uq unique (round_id, checkpoint),
    constraint patrol_checkin_source_ck check (source in ('app', 'device'))
);
