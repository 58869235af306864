-- Residents' voice (#13): a resident rates a finished order once (1 to 5 stars and a comment);
-- staff answer a complaint (a reply the resident reads); customer service records return visits
-- (回访), reached or not, with the resident's satisfaction. Each is also an entry of the order's
-- timeline (rate, reply, visit), which leaves the state as it was.

create table workorder_rating (
    order_id   bigint        primary key references workorder (id),
    person_id  bigint        not null,
    score      smallint      not null,
    comment    varchar(500),
    at         timestamptz   not null,
    constraint workorder_rating_score_ck check (score between 1 and 5)
);

create table workorder_return_visit (
    id            bigserial     primary key,
    order_id      bigint        not null references workorder (id),
    user_id       bigint        not null,
    at            timestamptz   not null,
    reached       boolean       not null,
    -- asked only when the resident was reached
    satisfaction  smallint,
    note          varchar(1000),
    constraint workorder_return_visit_ck check (
        (reached and satisfaction between 1 and 5) or (not reached and satisfaction is null))
);
create index workorder_return_visit_order_idx on workorder_return_visit (order_id, id);

alter table workorder_event drop constraint workorder_event_action_ck;
alter table workorder_event add constraint workorder_event_action_ck check (action in ('report',
    'dispatch', 'grab', 'accept', 'start', 'pause', 'resume', 'complete', 'confirm', 'close',
    'reopen', 'cancel', 'transfer', 'urge', 'warn', 'breach', 'rate', 'reply', 'visit'));
alter table workorder_event drop constraint workorder_event_same_ck;
alter table workorder_event add constraint workorder_event_same_ck check (
    action not in ('urge', 'warn', 'breach', 'rate', 'reply', 'visit') or from_state = to_state);
