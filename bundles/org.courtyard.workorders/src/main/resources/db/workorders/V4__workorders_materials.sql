-- Materials and their stock per estate (维修材料库存, issue 13): what the stores hold, what came in
-- (receipts), what a stocktake corrected (adjustments), and what was used on work orders and given
-- back. Runs with search_path = the tenant's schema, so nothing here is schema-qualified. Forward
-- only.
--
-- The stock never goes below zero: workorder_material_quantity_ck says so, and the service takes
-- material in one conditional update (quantity = quantity - q WHERE quantity >= q), so of many
-- concurrent takes exactly those the stock covers succeed.
--
-- Receipts, adjustments, uses and returns are never updated or deleted: together they are the
-- material's movements. Their ids come from one sequence, so the movement list can page all of
-- them newest first by id; each row keeps the stock it left (balance_after).

create sequence workorder_stock_movement_seq;

-- A material of one estate's stores, with its stock and its moving-average unit cost (yuan). The
-- version guards the descriptive fields (code, name, unit, active) against two managers' edits;
-- movements change quantity and unit_cost without touching it.
create table workorder_material (
    id          bigserial      primary key,
    -- estate's id, a copy (never a foreign key into the estate module)
    estate_id   bigint         not null,
    code        varchar(32)    not null,
    name        varchar(100)   not null,
    -- 个, 米, 卷, kg ...
    unit        varchar(16)    not null,
    quantity    numeric(12,3)  not null default 0,
    unit_cost   numeric(12,2)  not null default 0,
    active      boolean        not null default true,
    created_at  timestamptz    not null default now(),
    updated_at  timestamptz    not null default now(),
    version     integer        not null default 0,
    constraint workorder_material_code_uq unique (estate_id, code),
    constraint workorder_material_code_ck check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    constraint workorder_material_name_ck check (char_length(btrim(name)) > 0),
    constraint workorder_material_unit_ck check (char_length(btrim(unit)) > 0),
    constraint workorder_material_quantity_ck check (quantity >= 0),
    constraint workorder_material_cost_ck check (unit_cost >= 0)
);
-- the list: by estate and id
create index workorder_material_estate_idx on workorder_material (estate_id, id);

-- Stock in: what came, at what unit cost, received by whom (a staff user; -1 for the company's
-- owner token or an API key, as the timeline records them).
create table workorder_material_receipt (
    id              bigint         primary key default nextval('workorder_stock_movement_seq'),
    material_id     bigint         not null references workorder_material (id),
    quantity        numeric(12,3)  not null,
    unit_cost       numeric(12,2)  not null,
    user_id         bigint         not null,
    at              timestamptz    not null,
    note            varchar(500),
    balance_after   numeric(12,3)  not null,
    -- the moving average after the receipt
    unit_cost_after numeric(12,2)  not null,
    constraint workorder_material_receipt_quantity_ck check (quantity > 0),
    constraint workorder_material_receipt_cost_ck check (unit_cost >= 0 and unit_cost_after >= 0),
    constraint workorder_material_receipt_balance_ck check (balance_after >= quantity)
);
create index workorder_material_receipt_idx on workorder_material_receipt (material_id, id);

-- A stocktake's correction (盘点): found more (+) or less (-) than the books say; a note says why.
create table workorder_material_adjustment (
    id             bigint         primary key default nextval('workorder_stock_movement_seq'),
    material_id    bigint         not null references workorder_material (id),
    quantity       numeric(12,3)  not null,
    user_id        bigint         not null,
    at             timestamptz    not null,
    note           varchar(500)   not null,
    balance_after  numeric(12,3)  not null,
    constraint workorder_material_adjustment_quantity_ck check (quantity <> 0),
    constraint workorder_material_adjustment_note_ck check (char_length(btrim(note)) > 0),
    constraint workorder_material_adjustment_balance_ck check (balance_after >= 0)
);
create index workorder_material_adjustment_idx on workorder_material_adjustment (material_id, id);

-- Material used on a work order (kind 'use'), at the unit cost of that moment, and unused material
-- given back (kind 'return'). A return is a row of its own rather than a negative use or a deleted
-- use: the ledger is only ever appended to, the quantity is always positive, and a return names
-- the use it gives back (same order, material, quantity and cost: the composite foreign key), at
-- most once (the unique constraint). An order's cost is the sum of its uses not given back.
create table workorder_material_use (
    id              bigint         primary key default nextval('workorder_stock_movement_seq'),
    order_id        bigint         not null references workorder (id),
    material_id     bigint         not null references workorder_material (id),
    kind            varchar(8)     not null default 'use',
    quantity        numeric(12,3)  not null,
    unit_cost       numeric(12,2)  not null,
    returns_use_id  bigint,
    -- the order's technician, or other staff (their user id; -1 for the owner token or an API key)
    actor_kind      varchar(16)    not null,
    actor_id        bigint         not null,
    at              timestamptz    not null,
    note            varchar(500),
    balance_after   numeric(12,3)  not null,
    constraint workorder_material_use_kind_ck check (kind in ('use', 'return')),
    constraint workorder_material_use_quantity_ck check (quantity > 0),
    constraint workorder_material_use_cost_ck check (unit_cost >= 0),
    constraint workorder_material_use_actor_ck check (actor_kind in ('staff', 'technician')),
    constraint workorder_material_use_balance_ck check (balance_after >= 0),
    constraint workorder_material_use_returns_ck check ((kind = 'return') = (returns_use_id is not null)),
    constraint workorder_material_use_same_uq unique (id, order_id, material_id, quantity, unit_cost),
    constraint workorder_material_use_returned_uq unique (returns_use_id),
    constraint workorder_material_use_returns_fk foreign key
        (returns_use_id, order_id, material_id, quantity, unit_cost)
        references workorder_material_use (id, order_id, material_id, quantity, unit_cost)
);
create index workorder_material_use_order_idx on workorder_material_use (order_id, id);
create index workorder_material_use_material_idx on workorder_material_use (material_id, id);
