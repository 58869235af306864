-- Repairs and complaints (报修与投诉): categories, work orders and their timeline, technicians'
-- teams, skills and areas, and the working calendar the deadlines count in.
-- Runs with search_path = the tenant's schema, so nothing here is schema-qualified. Forward only.
--
-- Estates, buildings, units and rooms belong to the estate module, staff users to identity,
-- residents (persons) to residents, devices to devices: their ids here are copies, never foreign
-- keys into those modules' tables. estate_id and building_id are kept on every order for the data
-- scopes (#11), as billing does.
--
-- The CHECK constraints repeat the rules of OrderLifecycle, OrderProgress, SlaClock, DeadlineTerms
-- and DayHours, so that a row written by any other path is just as consistent.

-- The tenant's settings: one row.
create table workorder_settings (
    id                 smallint     primary key default 1,
    time_zone          varchar(64)  not null default 'Asia/Shanghai',
    -- share of the allowed time after which an order is flagged (预警)
    warn_percent       smallint     not null default 80,
    auto_confirm_days  smallint     not null default 3,
    reopen_days        smallint     not null default 7,
    -- the periods a make-up working day (调休) works when it does not name its own;
    -- null: Monday's
    makeup_hours       varchar(100),
    version            integer      not null default 0,
    constraint workorder_settings_single_ck check (id = 1),
    constraint workorder_settings_warn_ck check (warn_percent between 1 and 100),
    constraint workorder_settings_confirm_ck check (auto_confirm_days between 0 and 90),
    constraint workorder_settings_reopen_ck check (reopen_days between 0 and 365),
    constraint workorder_settings_makeup_ck check (makeup_hours is null or makeup_hours ~
        '^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)(,([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00))*$')
);
insert into workorder_settings (id) values (1);

-- Working hours per ISO weekday (1 = Monday): periods 'HH:MM-HH:MM', comma-separated, sorted and
-- not overlapping (DayHours checks the order); '' is a day off.
create table workorder_calendar_weekday (
    weekday  smallint      primary key,
    hours    varchar(100)  not null default '',
    constraint workorder_calendar_weekday_ck check (weekday between 1 and 7),
    constraint workorder_calendar_weekday_hours_ck check (hours ~
        '^(([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)(,([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00))*)?$')
);
insert into workorder_calendar_weekday (weekday, hours) values
    (1, '08:30-17:30'), (2, '08:30-17:30'), (3, '08:30-17:30'), (4, '08:30-17:30'),
    (5, '08:30-17:30'), (6, '09:00-12:00'), (7, '');

-- Public holidays (closed whatever the weekday) and make-up working days (调休).
create table workorder_calendar_day (
    day    date          primary key,
    kind   varchar(16)   not null,
    -- a make-up day's own periods; null: the make-up hours of the settings
    hours  varchar(100),
    name   varchar(100),
    constraint workorder_calendar_day_kind_ck check (kind in ('holiday', 'workday')),
    constraint workorder_calendar_day_hours_ck check (kind = 'workday' or hours is null),
    constraint workorder_calendar_day_hours_format_ck check (hours is null or hours ~
        '^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)(,([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00))*$')
);

-- The tenant's catalogue of categories (plumbing, electrical, lift, cleaning, noise, ...), each
-- with its deadlines per priority: a more pressing priority never gets more time, and nobody gets
-- longer to respond than to resolve (DeadlineTerms).
create table workorder_category (
    id                    bigserial     primary key,
    code                  varchar(32)   not null,
    name_en               varchar(100)  not null,
    name_zh               varchar(100)  not null,
    kind                  varchar(16)   not null,
    dispatch_mode         varchar(16)   not null default 'assign',
    paid                  boolean       not null default false,
    price_min             numeric(12,2),
    price_max             numeric(12,2),
    return_visit          boolean       not null default false,
    -- the skill a technician needs; null: anyone
    skill                 varchar(32),
    response_normal       integer       not null,
    response_urgent       integer       not null,
    response_emergency    integer       not null,
    resolution_normal     integer       not null,
    resolution_urgent     integer       not null,
    resolution_emergency  integer       not null,
    -- deadlines counted in the tenant's working hours, or round the clock
    working_hours         boolean       not null default true,
    active                boolean       not null default true,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    version               integer       not null default 0,
    constraint workorder_category_code_uq unique (code),
    -- target of the orders' (category_id, kind) foreign key: an order is of its category's kind
    constraint workorder_category_id_kind_uq unique (id, kind),
    constraint workorder_category_code_ck check (code ~ '^[a-z0-9][a-z0-9._-]{0,31}$'),
    constraint workorder_category_names_ck check (
        char_length(btrim(name_en)) > 0 and char_length(btrim(name_zh)) > 0),
    constraint workorder_category_kind_ck check (kind in ('repair', 'complaint', 'inquiry', 'praise')),
    constraint workorder_category_mode_ck check (
        dispatch_mode in ('assign', 'grab', 'round_robin', 'auto')),
    constraint workorder_category_price_ck check (
        (paid = (price_min is not null and price_max is not null))
        and (not paid or (price_min >= 0 and price_max >= price_min))
        and (paid or (price_min is null and price_max is null))),
    constraint workorder_category_skill_ck check (skill is null or skill ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    constraint workorder_category_times_ck check (
        response_emergency > 0
        and response_emergency <= response_urgent and response_urgent <= response_normal
        and resolution_emergency <= resolution_urgent and resolution_urgent <= resolution_normal
        and response_normal <= resolution_normal and response_urgent <= resolution_urgent
        and response_emergency <= resolution_emergency)
);

-- Teams of technicians (staff users of identity): an order given to a team is accepted by one of
-- its members, who becomes its technician.
create table workorder_team (
    id          bigserial     primary key,
    name        varchar(100)  not null,
    created_at  timestamptz   not null default now(),
    version     integer       not null default 0,
    constraint workorder_team_name_uq unique (name),
    constraint workorder_team_name_ck check (char_length(btrim(name)) > 0)
);

create table workorder_team_member (
    team_id  bigint  not null references workorder_team (id) on delete cascade,
    user_id  bigint  not null,
    primary key (team_id, user_id)
);
create index workorder_team_member_user_idx on workorder_team_member (user_id);

-- What a technician can do, and where: automatic dispatch matches the category's skill and the
-- order's estate or building.
create table workorder_technician_skill (
    user_id  bigint       not null,
    skill    varchar(32)  not null,
    primary key (user_id, skill),
    constraint workorder_technician_skill_ck check (skill ~ '^[a-z0-9][a-z0-9_-]{0,31}$')
);
create index workorder_technician_skill_idx on workorder_technician_skill (skill, user_id);

-- A whole estate (building_id null) or one building of it.
create table workorder_technician_area (
    id           bigserial  primary key,
    user_id      bigint     not null,
    estate_id    bigint     not null,
    building_id  bigint
);
create unique index workorder_technician_area_uq
    on workorder_technician_area (user_id, estate_id, coalesce(building_id, 0));
create index workorder_technician_area_estate_idx on workorder_technician_area (estate_id, building_id);

-- Work orders (工单).
create table workorder (
    id                      bigserial     primary key,
    number                  varchar(32)   not null,
    kind                    varchar(16)   not null,
    category_id             bigint        not null,
    priority                varchar(16)   not null default 'normal',
    state                   varchar(16)   not null default 'new',
    description             varchar(2000) not null,
    -- where: a room (with its unit, building and estate copied from estate's directory), or a
    -- public area of an estate, building or unit with a description
    room_id                 bigint,
    unit_id                 bigint,
    building_id             bigint,
    estate_id               bigint        not null,
    place                   varchar(200),
    -- who reported it and how
    reporter_kind           varchar(16)   not null,
    reporter_person_id      bigint,
    reporter_user_id        bigint,
    reporter_device_id      varchar(64),
    channel                 varchar(16)   not null,
    contact_name            varchar(100),
    contact_phone           varchar(16),
    -- whom it is given to: one technician or one team
    assignee_user_id        bigint,
    assignee_team_id        bigint        references workorder_team (id),
    pause_reason            varchar(16),
    cancel_reason           varchar(16),
    done_at                 timestamptz,
    reopen_count            integer       not null default 0,
    -- deadlines (SlaClock): the category's terms as they were when the order was reported
    working_hours           boolean       not null,
    response_minutes        integer       not null,
    resolution_minutes      integer       not null,
    response_due            timestamptz   not null,
    response_warn_at        timestamptz   not null,
    responded_at            timestamptz,
    response_warned_at      timestamptz,
    response_breached_at    timestamptz,
    -- the resolution clock runs since ..., is paused since ..., or was met at ...: one of them
    resolution_running_since timestamptz,
    paused_since            timestamptz,
    resolution_met_at       timestamptz,
    -- counted time used before the current run, in microseconds (timestamptz's precision)
    resolution_used_micros  bigint        not null default 0,
    -- wall time spent paused over the order's life, for the reports
    paused_micros           bigint        not null default 0,
    -- null while paused, unless it had passed before the pause
    resolution_due          timestamptz,
    resolution_warn_at      timestamptz,
    resolution_warned_at    timestamptz,
    resolution_breached_at  timestamptz,
    created_at              timestamptz   not null default now(),
    updated_at              timestamptz   not null default now(),
    version                 integer       not null default 0,
    constraint workorder_number_uq unique (number),
    constraint workorder_category_fk foreign key (category_id, kind)
        references workorder_category (id, kind),
    constraint workorder_number_ck check (number ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
    constraint workorder_kind_ck check (kind in ('repair', 'complaint', 'inquiry', 'praise')),
    constraint workorder_priority_ck check (priority in ('normal', 'urgent', 'emergency')),
    constraint workorder_state_ck check (state in ('new', 'dispatched', 'accepted', 'in_progress',
        'paused', 'done', 'confirmed', 'closed', 'cancelled')),
    constraint workorder_description_ck check (char_length(btrim(description)) > 0),
    -- a room is in a unit of a building; a public area says where in words
    constraint workorder_place_ck check (
        (room_id is not null and unit_id is not null and building_id is not null)
        or (room_id is null and place is not null and char_length(btrim(place)) > 0)),
    constraint workorder_unit_ck check (unit_id is null or building_id is not null),
    constraint workorder_reporter_kind_ck check (
        reporter_kind in ('resident', 'staff', 'device', 'inspection')),
    constraint workorder_channel_ck check (channel in ('resident_app', 'phone', 'counter', 'visit',
        'device_alarm', 'inspection')),
    -- a resident reports in the app; staff record a resident's call, counter visit or their own
    -- visit (the resident named when known); a device raises an alarm; an inspector inspects
    constraint workorder_reporter_ck check (
        (reporter_kind = 'resident' and channel = 'resident_app' and reporter_person_id is not null
            and reporter_user_id is null and reporter_device_id is null)
        or (reporter_kind = 'staff' and channel in ('phone', 'counter', 'visit')
            and reporter_user_id is not null and reporter_device_id is null)
        or (reporter_kind = 'device' and channel = 'device_alarm' and reporter_device_id is not null
            and reporter_person_id is null and reporter_user_id is null)
        or (reporter_kind = 'inspection' and channel = 'inspection' and reporter_user_id is not null
            and reporter_person_id is null and reporter_device_id is null)),
    constraint workorder_assignee_ck check (num_nonnulls(assignee_user_id, assignee_team_id) <= 1),
    -- OrderProgress: from dispatched on, the order has an assignee (a cancelled one keeps its own)
    constraint workorder_assigned_ck check (
        state in ('new', 'cancelled') or num_nonnulls(assignee_user_id, assignee_team_id) = 1),
    -- accepted means a technician took it: a team's order is accepted by one member
    constraint workorder_accepted_ck check (
        state in ('new', 'dispatched', 'cancelled') or assignee_user_id is not null),
    constraint workorder_new_ck check (
        state <> 'new' or num_nonnulls(assignee_user_id, assignee_team_id) = 0),
    constraint workorder_pause_reason_ck check (
        (state = 'paused') = (pause_reason is not null)
        and (pause_reason is null or pause_reason in ('parts', 'resident', 'payment'))),
    constraint workorder_cancel_reason_ck check (
        (state = 'cancelled') = (cancel_reason is not null)
        and (cancel_reason is null
            or cancel_reason in ('duplicate', 'withdrawn', 'not_ours', 'unreachable', 'other'))),
    constraint workorder_done_ck check (
        (state in ('done', 'confirmed', 'closed')) = (done_at is not null)),
    constraint workorder_reopen_ck check (reopen_count >= 0),
    -- DeadlineTerms and SlaClock
    constraint workorder_minutes_ck check (
        response_minutes > 0 and response_minutes <= resolution_minutes),
    constraint workorder_response_ck check (
        response_warn_at <= response_due
        and (responded_at is not null or state in ('new', 'dispatched', 'cancelled'))),
    constraint workorder_clock_ck check (
        num_nonnulls(resolution_running_since, paused_since, resolution_met_at) = 1),
    constraint workorder_paused_ck check ((state = 'paused') = (paused_since is not null)),
    constraint workorder_met_ck check (
        (state in ('done', 'confirmed', 'closed', 'cancelled')) = (resolution_met_at is not null)),
    constraint workorder_running_due_ck check (
        resolution_running_since is null
        or (resolution_due is not null and resolution_warn_at is not null)),
    constraint workorder_resolution_ck check (
        resolution_due is null or resolution_warn_at is null or resolution_warn_at <= resolution_due),
    constraint workorder_micros_ck check (resolution_used_micros >= 0 and paused_micros >= 0)
);

-- The deadline sweep: each reads the rows due for one mark, oldest first, from a partial index
-- that holds only the orders still waiting for that mark, so the index stays the size of the open
-- work, not of the history. Setting the mark takes the row out: a second run finds nothing.
create index workorder_response_warn_idx on workorder (response_warn_at)
    where responded_at is null and response_warned_at is null and state <> 'cancelled';
create index workorder_response_due_idx on workorder (response_due)
    where responded_at is null and response_breached_at is null and state <> 'cancelled';
create index workorder_resolution_warn_idx on workorder (resolution_warn_at)
    where resolution_met_at is null and resolution_warned_at is null
        and resolution_warn_at is not null;
create index workorder_resolution_due_idx on workorder (resolution_due)
    where resolution_met_at is null and resolution_breached_at is null
        and resolution_due is not null;
-- automatic confirmation after the tenant's days
create index workorder_done_idx on workorder (done_at) where state = 'done';

-- Lists: by id within a data scope, by state, by room; the dispatcher's open load per technician.
create index workorder_estate_idx on workorder (estate_id, id);
create index workorder_building_idx on workorder (building_id, id);
create index workorder_state_idx on workorder (state, id);
create index workorder_room_idx on workorder (room_id, id) where room_id is not null;
create index workorder_category_idx on workorder (category_id, id);
create index workorder_open_user_idx on workorder (assignee_user_id)
    where state in ('dispatched', 'accepted', 'in_progress', 'paused');
create index workorder_open_team_idx on workorder (assignee_team_id)
    where state in ('dispatched', 'accepted', 'in_progress', 'paused');
create index workorder_reporter_idx on workorder (reporter_person_id, id)
    where reporter_person_id is not null;

-- The timeline (TimelineEntry): one row per step, and the report itself, the sweep's warnings and
-- breaches. Never updated or deleted.
create table workorder_event (
    id                bigserial     primary key,
    order_id          bigint        not null references workorder (id),
    at                timestamptz   not null,
    actor_kind        varchar(16)   not null,
    -- staff user, technician user or resident person; null for the system
    actor_id          bigint,
    action            varchar(16)   not null,
    from_state        varchar(16),
    to_state          varchar(16)   not null,
    note              varchar(2000),
    reason            varchar(16),
    assignee_user_id  bigint,
    assignee_team_id  bigint,
    constraint workorder_event_actor_ck check (
        actor_kind in ('staff', 'technician', 'resident', 'system')
        and ((actor_kind = 'system') = (actor_id is null))),
    constraint workorder_event_action_ck check (action in ('report', 'dispatch', 'grab', 'accept',
        'start', 'pause', 'resume', 'complete', 'confirm', 'close', 'reopen', 'cancel',
        'transfer', 'urge', 'warn', 'breach')),
    constraint workorder_event_states_ck check (
        (from_state is null or from_state in ('new', 'dispatched', 'accepted', 'in_progress',
            'paused', 'done', 'confirmed', 'closed', 'cancelled'))
        and to_state in ('new', 'dispatched', 'accepted', 'in_progress', 'paused', 'done',
            'confirmed', 'closed', 'cancelled')),
    -- the report has no state before it; every other entry has; urges and the sweep's marks
    -- leave the state as it was
    constraint workorder_event_from_ck check ((action = 'report') = (from_state is null)),
    constraint workorder_event_same_ck check (
        action not in ('urge', 'warn', 'breach') or from_state = to_state),
    constraint workorder_event_reason_ck check (
        reason is null or (action = 'pause' and reason in ('parts', 'resident', 'payment'))
        or (action = 'cancel'
            and reason in ('duplicate', 'withdrawn', 'not_ours', 'unreachable', 'other'))),
    constraint workorder_event_assignee_ck check (num_nonnulls(assignee_user_id, assignee_team_id) <= 1)
);
create index workorder_event_order_idx on workorder_event (order_id, id);
