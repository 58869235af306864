-- What each door controller was told of a credential (门禁下发): the device command that carried
-- it, or why it could not be sent. One row per controller door and action; a repeat replaces it.
create table credential_push (
    credential_id  bigint        not null references access_credential (id),
    device_id      varchar(64)   not null,
    -- 0: every door of the controller
    door           varchar(32)   not null,
    action         varchar(8)    not null,
    -- the devices module's command id; null when nothing was sent
    command_id     bigint,
    status         varchar(8)    not null,
    detail         varchar(300),
    at             timestamptz   not null,
    constraint credential_push_pkey primary key (credential_id, device_id, door, action),
    constraint credential_push_action_ck check (action in ('add', 'remove')),
    constraint credential_push_status_ck check (status in ('sent', 'failed')),
    constraint credential_push_sent_ck check ((status = 'sent') = (command_id is not null))
);
