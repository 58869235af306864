-- What a paid repair costs the room: recorded with the step that completes the order, then posted
-- to billing (RoomCharges) under the reference order-<id>-<seq>, which billing keeps unique, so a
-- post retried after any failure charges once. A cancelled order's charges are voided in billing
-- the same way. Rows waiting for billing (pending, void_pending) are retried by the sweep.
create table workorder_charge (
    order_id     bigint        not null references workorder (id) on delete cascade,
    seq          integer       not null,
    room_id      bigint        not null,
    amount       numeric(12,2) not null,
    state        varchar(16)   not null default 'pending',
    bill_id      bigint,
    note         varchar(500),
    created_by   bigint,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    constraint workorder_charge_pk primary key (order_id, seq),
    constraint workorder_charge_amount_ck check (amount > 0),
    constraint workorder_charge_state_ck check (state in
        ('pending', 'posted', 'void_pending', 'voided', 'void_refused'))
);
create index workorder_charge_due_idx on workorder_charge (order_id)
    where state in ('pending', 'void_pending');
