-- Technicians' on-duty shifts (值班), and what the settings and team screens need besides.
-- Runs with search_path = the tenant's schema, so nothing here is schema-qualified. Forward only.

-- A shift as planned: the day it begins, and from when to when in the tenant's zone; it ends the
-- next day when "to" is not after "from" (a night shift 20:00-08:00). starts_at and ends_at are
-- those wall times converted in the zone the tenant had when the shift was written, so that "who
-- is on duty now" and the overlap check compare instants (a later change of the tenant's zone
-- leaves planned shifts where they were in time).
create table workorder_duty (
    id         bigserial    primary key,
    -- a staff user of identity: a copy, never a foreign key
    user_id    bigint       not null,
    day        date         not null,
    from_time  time         not null,
    to_time    time         not null,
    starts_at  timestamptz  not null,
    ends_at    timestamptz  not null,
    constraint workorder_duty_times_ck check (from_time <> to_time),
    constraint workorder_duty_span_ck check (
        ends_at > starts_at and ends_at - starts_at <= interval '25 hours'),
    -- one technician is never on two shifts at once. The user id is compared as a one-value
    -- int8range, whose && is built in, so the constraint needs no btree_gist extension (an
    -- extension lives in one schema of the database, and every tenant has a schema of its own).
    constraint workorder_duty_overlap_ex exclude using gist (
        int8range(user_id, user_id, '[]') with &&,
        tstzrange(starts_at, ends_at) with &&)
);
create index workorder_duty_user_idx on workorder_duty (user_id, day);
create index workorder_duty_now_idx on workorder_duty (ends_at, starts_at);

-- The working calendar is edited as a whole (PUT /calendar): its own version, so that two
-- managers' edits cannot silently undo each other.
alter table workorder_settings add column calendar_version integer not null default 0;

-- Deleting a team checks the orders that name it (the foreign key has no index otherwise).
create index workorder_team_idx on workorder (assignee_team_id) where assignee_team_id is not null;
