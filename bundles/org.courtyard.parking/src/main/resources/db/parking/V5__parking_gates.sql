-- The gates of a lot and the passages through them (#14).
--
-- A gate is one lane of a plate-reading camera (the devices module's device id and the lane its
-- reads name), an entrance or an exit of one lot. A lane belongs to one gate.
create table parking_gate (
    id          bigserial     primary key,
    lot_id      bigint        not null references parking_lot (id),
    device_id   varchar(64)   not null,
    lane        varchar(16)   not null,
    direction   varchar(8)    not null,
    name        varchar(100)  not null,
    created_at  timestamptz   not null default now(),
    constraint parking_gate_direction_ck check (direction in ('entry', 'exit')),
    constraint parking_gate_lane_ux unique (device_id, lane)
);
create index parking_gate_lot_ix on parking_gate (lot_id, id);

-- Below this confidence a read goes to the guard instead of deciding by itself.
alter table parking_lot add column min_confidence smallint not null default 80
    constraint parking_lot_confidence_ck check (min_confidence between 0 and 100);

-- Every vehicle a gate's camera read, what the gate decided and why: open (card, white-list,
-- temporary, free, paid-before...), refuse (black-list, full) or guard (no-plate, low-confidence,
-- no-entry, payment-due, no-tariff: a person decides, and who and when is kept). An entry whose
-- vehicle is in the lot is `inside` until its exit lets it out; `temporary` entries take one of the
-- lot's temporary spaces meanwhile. An exit names its entry and, when it pays, the fee.
create table parking_passage (
    id             bigserial     primary key,
    lot_id         bigint        not null references parking_lot (id),
    gate_id        bigint        not null references parking_gate (id),
    direction      varchar(8)    not null,
    plate          varchar(16),
    read_plate     varchar(16),
    colour         varchar(8),
    confidence     smallint      not null,
    snapshot       varchar(200),
    seen_at        timestamptz   not null,
    decision       varchar(8)    not null,
    reason         varchar(24)   not null,
    card_id        bigint        references parking_card (id),
    list_entry_id  bigint        references parking_list_entry (id),
    entry_id       bigint        references parking_passage (id),
    fee            numeric(12, 2),
    inside         boolean       not null default false,
    temporary      boolean       not null default false,
    command_id     bigint,
    decided_by     bigint,
    decided_at     timestamptz,
    note           varchar(500),
    recorded_at    timestamptz   not null default now(),
    constraint parking_passage_direction_ck check (direction in ('entry', 'exit')),
    constraint parking_passage_decision_ck check (decision in ('open', 'refuse', 'guard')),
    constraint parking_passage_confidence_ck check (confidence between 0 and 100),
    constraint parking_passage_inside_ck check (not inside or direction = 'entry')
);
-- the vehicles in a lot, by plate: an exit finds its entry, the gate counts temporary spaces
create index parking_passage_inside_ix on parking_passage (lot_id, plate) where inside;
create index parking_passage_lot_ix on parking_passage (lot_id, id);
-- the guard's screen: reads waiting for a person
create index parking_passage_waiting_ix on parking_passage (lot_id, id)
    where decision = 'guard' and decided_at is null;
