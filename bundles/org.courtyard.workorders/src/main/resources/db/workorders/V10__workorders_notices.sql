-- Watchers (关注人): staff users told of every step of an order besides its assignee and reporter.
create table workorder_watcher (
    order_id   bigint       not null references workorder (id) on delete cascade,
    user_id    bigint       not null,
    added_by   bigint,
    added_at   timestamptz  not null default now(),
    constraint workorder_watcher_pk primary key (order_id, user_id)
);
create index workorder_watcher_user_idx on workorder_watcher (user_id);

-- The delivery log: one row per message a step sent (or could not send) to one person, updated
-- when the channel answers. The address is kept masked, as logs show it.
create table workorder_notice (
    id              bigserial     primary key,
    order_id        bigint        not null references workorder (id) on delete cascade,
    action          varchar(16)   not null,
    recipient_kind  varchar(16)   not null,
    recipient_id    bigint        not null,
    role            varchar(16)   not null,
    address_kind    varchar(32),
    address_masked  varchar(200),
    state           varchar(16)   not null,
    channel         varchar(64),
    detail          varchar(500),
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    constraint workorder_notice_kind_ck check (recipient_kind in ('staff', 'resident')),
    constraint workorder_notice_role_ck check (role in ('assignee', 'reporter', 'watcher')),
    constraint workorder_notice_state_ck check (state in
        ('queued', 'delivered', 'unconfirmed', 'failed', 'refused', 'no-address'))
);
create index workorder_notice_order_idx on workorder_notice (order_id, id);
