-- Income other modules take for no room (CounterIncome): a visitor's temporary parking paid at the
-- exit. One row per (source, reference), never twice; its ledger transaction (kind income) debits
-- cash or the bank and credits the fee item's income account. The receipt is I<id>.
create table counter_income (
    id          bigserial     primary key,
    source      varchar(32)   not null,
    reference   varchar(100)  not null,
    estate_id   bigint,
    fee_code    varchar(32)   not null,
    amount      numeric(14,2) not null,
    method      varchar(16)   not null,
    payer       varchar(100),
    period      char(7)       not null,
    tx_id       uuid          not null,
    created_at  timestamptz   not null default now(),
    constraint counter_income_reference_uq unique (source, reference),
    constraint counter_income_amount_ck check (amount > 0),
    constraint counter_income_method_ck check (method in ('cash', 'bank', 'wechat', 'alipay'))
);
-- a scope's incomes, newest first
create index counter_income_estate_idx on counter_income (estate_id, id);

alter table ledger_tx drop constraint ledger_tx_kind_ck;
alter table ledger_tx add constraint ledger_tx_kind_ck check (kind in
    ('bill', 'charge', 'payment', 'prepayment_use', 'refund', 'reversal', 'income'));
