-- Orders opened by device alarms (设备报警自动派单): the tenant says which kind of alarm security
-- records opens an order in which category and at which priority. Work orders follow security's
-- alarms by id (security's AlarmFeed) from a cursor; each alarm opens at most one order (the order's
-- request_key is alarm-<id>), and an alarm of a device that already has an open order of the
-- category opens none.
create table workorder_alarm_rule (
    kind         varchar(24)  primary key,
    category_id  bigint       not null references workorder_category (id) on delete cascade,
    priority     varchar(16)  not null default 'urgent',
    enabled      boolean      not null default true,
    version      integer      not null default 0,
    updated_at   timestamptz  not null default now(),
    constraint workorder_alarm_rule_kind_ck check (kind in ('door_forced', 'door_held_open',
        'smoke', 'water_leak', 'tamper', 'low_battery', 'sensor_fault', 'device_offline')),
    constraint workorder_alarm_rule_priority_ck check (priority in ('normal', 'urgent', 'emergency'))
);

-- The last alarm id taken; the first intake starts at the latest alarm, so that switching the
-- module on does not open orders for the past.
create table workorder_alarm_cursor (
    id             smallint     primary key default 1,
    last_alarm_id  bigint       not null,
    updated_at     timestamptz  not null default now(),
    constraint workorder_alarm_cursor_single_ck check (id = 1)
);

-- The alarm an order was opened by, and where that alarm last stood (raised, acknowledged,
-- resolved): the sweep follows it and notes each change on the order's timeline (action alarm).
alter table workorder add column alarm_id bigint;
alter table workorder add column alarm_status varchar(16);
alter table workorder add constraint workorder_alarm_ck check (
    (alarm_id is null) = (alarm_status is null)
    and (alarm_status is null or alarm_status in ('raised', 'acknowledged', 'resolved')));
create unique index workorder_alarm_uq on workorder (alarm_id) where alarm_id is not null;
create index workorder_alarm_open_idx on workorder (alarm_id)
    where alarm_id is not null and alarm_status <> 'resolved';
alter table workorder_event drop constraint workorder_event_action_ck;
alter table workorder_event add constraint workorder_event_action_ck check (action in ('report',
    'dispatch', 'grab', 'accept', 'start', 'pause', 'resume', 'complete', 'confirm', 'close',
    'reopen', 'cancel', 'transfer', 'urge', 'warn', 'breach', 'rate', 'reply', 'visit', 'alarm'));
alter table workorder_event drop constraint workorder_event_same_ck;
alter table workorder_event add constraint workorder_event_same_ck check (
    action not in ('urge', 'warn', 'breach', 'rate', 'reply', 'visit', 'alarm')
    or from_state = to_state);

-- the open orders a device's alarm is checked against
create index workorder_device_open_idx on workorder (reporter_device_id, category_id)
    where reporter_device_id is not null
      and state not in ('done', 'confirmed', 'closed', 'cancelled');

-- the usual: a leak calls the plumber, a forced door the locksmith
insert into workorder_alarm_rule (kind, category_id, priority)
    select 'water_leak', id, 'urgent' from workorder_category where code = 'plumbing';
insert into workorder_alarm_rule (kind, category_id, priority)
    select 'door_forced', id, 'urgent' from workorder_category where code = 'door-lock';
