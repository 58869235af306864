-- Fees and billing (费用管理): fee items, billing runs, bills, payments, refunds and the double-entry
-- ledger. Runs with search_path = the tenant's schema, so nothing here is schema-qualified.
--
-- Rooms belong to the estate module: room_id and building_id are copies of estate's ids, taken from
-- its EstateDirectory service, never foreign keys into estate's tables.
-- Money is numeric(14,2) in the tenant's currency; unit prices numeric(12,4).

create table billing_settings (
    id          smallint     primary key default 1,
    currency    char(3)      not null default 'CNY',
    grace_days  integer      not null default 15,
    time_zone   varchar(64)  not null default 'Asia/Shanghai',
    version     integer      not null default 0,
    constraint billing_settings_single_ck check (id = 1),
    constraint billing_settings_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint billing_settings_grace_ck check (grace_days between 0 and 365)
);
insert into billing_settings (id) values (1);

create table fee_item (
    id               bigserial     primary key,
    code             varchar(32)   not null,
    name             varchar(100)  not null,
    kind             varchar(16)   not null,
    unit_price       numeric(12,4) not null,
    -- comma-separated room types; empty means every type
    applies_to_types varchar(100)  not null default '',
    cycle            varchar(16)   not null default 'monthly',
    rounding_scale   smallint      not null default 2,
    rounding_mode    varchar(8)    not null default 'half_up',
    effective_from   date          not null,
    effective_to     date,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    version          integer       not null default 0,
    constraint fee_item_code_uq unique (code),
    constraint fee_item_code_ck check (code ~ '^[A-Za-z0-9._-]{1,32}$'),
    constraint fee_item_name_ck check (char_length(btrim(name)) > 0),
    constraint fee_item_kind_ck check (kind in ('area', 'fixed', 'one_off')),
    constraint fee_item_price_ck check (unit_price >= 0),
    constraint fee_item_types_ck check (applies_to_types
        ~ '^((residential|commercial|parking|storage)(,(residential|commercial|parking|storage))*)?$'),
    constraint fee_item_cycle_ck check (cycle in ('monthly', 'quarterly', 'yearly')),
    constraint fee_item_scale_ck check (rounding_scale between 0 and 4),
    constraint fee_item_mode_ck check (rounding_mode in ('half_up', 'up', 'down')),
    constraint fee_item_dates_ck check (effective_to is null or effective_to >= effective_from)
);

create table billing_run (
    id            bigserial    primary key,
    period        char(7)      not null,
    status        varchar(16)  not null,
    rooms_total   integer      not null default 0,
    rooms_done    integer      not null default 0,
    bills_created integer      not null default 0,
    error         varchar(500),
    started_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    constraint billing_run_period_ck check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    constraint billing_run_status_ck check (status in ('running', 'completed', 'failed'))
);
-- At most one running run per period: a second POST loses the race here and is answered 409.
create unique index billing_run_running_uq on billing_run (period) where status = 'running';

create table bill (
    id           bigserial     primary key,
    room_id      bigint        not null,
    building_id  bigint        not null,
    period       char(7)       not null,
    -- periodic: made by a billing run, one per (room, period); one_off: made by a charge of a
    -- one_off fee item, one per (room, fee item)
    kind         varchar(16)   not null,
    fee_item_id  bigint        references fee_item (id) on delete restrict,
    total        numeric(14,2) not null,
    paid         numeric(14,2) not null default 0,
    currency     char(3)       not null,
    status       varchar(16)   not null default 'open',
    due_date     date          not null,
    run_id       bigint        references billing_run (id) on delete restrict,
    -- the ledger transaction that posted the bill
    tx_id        uuid          not null,
    created_at   timestamptz   not null default now(),
    constraint bill_period_ck check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    constraint bill_kind_ck check (kind in ('periodic', 'one_off')),
    constraint bill_one_off_item_ck check ((kind = 'one_off') = (fee_item_id is not null)),
    constraint bill_total_ck check (total > 0),
    constraint bill_paid_ck check (paid >= 0 and paid <= total),
    constraint bill_status_ck check (status in ('open', 'paid', 'cancelled')),
    constraint bill_status_paid_ck check ((status = 'paid') = (paid = total))
);
create unique index bill_room_period_uq on bill (room_id, period) where kind = 'periodic';
create unique index bill_room_one_off_uq on bill (room_id, fee_item_id) where kind = 'one_off';
create index bill_room_idx on bill (room_id, period, id);
create index bill_period_idx on bill (period);
create index bill_open_due_idx on bill (due_date) where status = 'open';

create table bill_line (
    id               bigserial     primary key,
    bill_id          bigint        not null references bill (id) on delete restrict,
    fee_item_id      bigint        not null references fee_item (id) on delete restrict,
    fee_code         varchar(32)   not null,
    fee_name         varchar(100)  not null,
    -- area in m2 for area fees, 1 otherwise
    quantity         numeric(14,3) not null,
    unit_price       numeric(12,4) not null,
    -- months charged at once: 1, 3 (quarterly) or 12 (yearly)
    months           integer       not null,
    days_effective   integer       not null,
    days_in_cycle    integer       not null,
    -- rounded with the fee item's scale and mode (0-4 places)
    calculated       numeric(18,4) not null,
    -- what is charged: calculated, in the currency's 2 places
    amount           numeric(14,2) not null,
    constraint bill_line_amount_ck check (amount > 0),
    constraint bill_line_days_ck check (days_effective between 1 and days_in_cycle)
);
create index bill_line_bill_idx on bill_line (bill_id);

-- The per-room prepayment balance (预存). The ledger is the record; this row is the lock every money
-- movement of a room takes first (SELECT ... FOR UPDATE), and its CHECK makes overdrawing impossible.
create table room_account (
    room_id     bigint        primary key,
    prepayment  numeric(14,2) not null default 0,
    updated_at  timestamptz   not null default now(),
    constraint room_account_prepayment_ck check (prepayment >= 0)
);

create table payment (
    id               bigserial     primary key,
    room_id          bigint        not null,
    amount           numeric(14,2) not null,
    method           varchar(16)   not null,
    to_prepayment    numeric(14,2) not null,
    status           varchar(16)   not null default 'posted',
    idempotency_key  varchar(200)  not null,
    tx_id            uuid          not null,
    created_at       timestamptz   not null default now(),
    constraint payment_amount_ck check (amount > 0),
    constraint payment_method_ck check (method in ('cash', 'bank', 'wechat', 'alipay')),
    constraint payment_prepayment_ck check (to_prepayment >= 0 and to_prepayment <= amount),
    constraint payment_status_ck check (status in ('posted', 'reversed'))
);
create index payment_room_idx on payment (room_id, id);

-- Money applied to a bill, from a payment or from the room's prepayment.
create table allocation (
    id           bigserial     primary key,
    bill_id      bigint        not null references bill (id) on delete restrict,
    payment_id   bigint        references payment (id) on delete restrict,
    source       varchar(16)   not null,
    amount       numeric(14,2) not null,
    tx_id        uuid          not null,
    created_at   timestamptz   not null default now(),
    reversed_at  timestamptz,
    constraint allocation_source_ck check (source in ('payment', 'prepayment')),
    constraint allocation_payment_ck check ((source = 'payment') = (payment_id is not null)),
    constraint allocation_amount_ck check (amount > 0)
);
create index allocation_bill_idx on allocation (bill_id);
create index allocation_payment_idx on allocation (payment_id);
create index allocation_tx_idx on allocation (tx_id);

create table refund (
    id               bigserial     primary key,
    room_id          bigint        not null,
    amount           numeric(14,2) not null,
    method           varchar(16)   not null,
    status           varchar(16)   not null default 'posted',
    idempotency_key  varchar(200)  not null,
    tx_id            uuid          not null,
    created_at       timestamptz   not null default now(),
    constraint refund_amount_ck check (amount > 0),
    constraint refund_method_ck check (method in ('cash', 'bank')),
    constraint refund_status_ck check (status in ('posted', 'reversed'))
);
create index refund_room_idx on refund (room_id, id);

-- Double-entry ledger. A transaction groups entries whose debits equal their credits (checked in
-- code before insert); both tables are append-only, corrections are reversing transactions.
create table ledger_tx (
    tx_id        uuid         primary key,
    kind         varchar(16)  not null,
    room_id      bigint,
    bill_id      bigint       references bill (id) on delete restrict,
    payment_id   bigint       references payment (id) on delete restrict,
    refund_id    bigint       references refund (id) on delete restrict,
    period       char(7)      not null,
    created_at   timestamptz  not null default now(),
    reverses_tx  uuid         references ledger_tx (tx_id) on delete restrict,
    constraint ledger_tx_kind_ck check (kind in
        ('bill', 'charge', 'payment', 'prepayment_use', 'refund', 'reversal')),
    constraint ledger_tx_reversal_ck check ((kind = 'reversal') = (reverses_tx is not null)),
    -- a transaction is reversed at most once
    constraint ledger_tx_reverses_uq unique (reverses_tx)
);

create table ledger_entry (
    id           bigserial     primary key,
    tx_id        uuid          not null references ledger_tx (tx_id) on delete restrict,
    account      varchar(40)   not null,
    debit        numeric(14,2) not null default 0,
    credit       numeric(14,2) not null default 0,
    room_id      bigint,
    bill_id      bigint,
    payment_id   bigint,
    period       char(7)       not null,
    created_at   timestamptz   not null default now(),
    reverses_tx  uuid,
    constraint ledger_entry_account_ck check (account in ('receivable', 'cash', 'bank', 'prepayment')
        or account ~ '^income:[A-Za-z0-9._-]{1,32}$'),
    constraint ledger_entry_amounts_ck check (debit >= 0 and credit >= 0),
    constraint ledger_entry_one_side_ck check ((debit > 0) <> (credit > 0))
);
create index ledger_entry_tx_idx on ledger_entry (tx_id);
create index ledger_entry_period_idx on ledger_entry (period);
create index ledger_entry_room_idx on ledger_entry (room_id, account);

create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % is not allowed; post a reversal instead',
        tg_op, tg_table_name
        using errcode = 'P0001';
end
$$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_append_only();
create trigger ledger_tx_append_only before update or delete on ledger_tx
    for each row execute function ledger_append_only();
create trigger ledger_tx_no_truncate before truncate on ledger_tx
    for each statement execute function ledger_append_only();

-- Idempotency-Key records of POST /payments and POST /refunds, written in the payment's own
-- transaction: a replay gets the stored answer, byte for byte.
create table idempotency_record (
    key           varchar(200) primary key,
    endpoint      varchar(32)  not null,
    request_hash  char(64)     not null,
    status_code   integer,
    response      text,
    created_at    timestamptz  not null default now()
);
