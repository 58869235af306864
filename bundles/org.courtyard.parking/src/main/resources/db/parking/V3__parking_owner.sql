-- Who owns a sold space (产权车位), with its history: one row per owner from the day the space
-- became theirs until the day it became the next owner's (null while it is theirs). Two owners
-- of a space never overlap, by the same kind of exclusion constraint as bookings.
create table parking_space_owner (
    id            bigserial     primary key,
    space_id      bigint        not null references parking_space (id),
    holder_name   varchar(100)  not null,
    holder_phone  varchar(32),
    since         date          not null,
    until         date,
    note          varchar(500),
    recorded_by   bigint,
    recorded_at   timestamptz   not null default now(),
    constraint parking_space_owner_period_ck check (until is null or until > since),
    constraint parking_space_owner_holder_ck check (char_length(btrim(holder_name)) > 0),
    constraint parking_space_owner_no_overlap exclude using gist (
        int8range(space_id, space_id, '[]') with &&, daterange(since, until, '[)') with &&)
);
create unique index parking_space_owner_current_ux on parking_space_owner (space_id)
    where until is null;
-- every space row a list reads names its owner as of today: one index step per space
create index parking_space_owner_space_since_ix on parking_space_owner (space_id, since);
