-- Time given off temporary stays (#14): a resident's visitor grant (访客免费时长) for a plate on a day
-- in a lot of their estate, worth the lot tariff's visitor_minutes, and merchants' coupons (商户停车
-- 优惠券) that staff record for a plate by the coupon's code. A stay is charged for its time less the
-- minutes of the grants and coupons of its plate in its lot on the local days it covers (Fees) that
-- no other stay used up; its exit uses them up.
alter table parking_tariff add column visitor_minutes integer not null default 120
    constraint parking_tariff_visitor_ck check (visitor_minutes between 0 and 1440);

create table parking_discount (
    id          bigserial     primary key,
    lot_id      bigint        not null references parking_lot (id),
    plate       varchar(16)   not null,
    day         date          not null,
    kind        varchar(8)    not null,
    minutes     integer       not null,
    person_id   bigint,
    merchant    varchar(100),
    code        varchar(64),
    granted_by  bigint,
    created_at  timestamptz   not null default now(),
    -- the stay whose exit used it up: a day's grant or coupon serves one stay
    used_entry_id bigint      references parking_passage (id),
    constraint parking_discount_kind_ck check (kind in ('visitor', 'coupon')),
    constraint parking_discount_minutes_ck check (minutes between 1 and 1440),
    constraint parking_discount_who_ck check (
        (kind = 'visitor' and person_id is not null and merchant is null and code is null)
        or (kind = 'coupon' and person_id is null and merchant is not null and code is not null)),
    -- a coupon's code is used once in its lot; a resident grants a plate one day's time once
    constraint parking_discount_code_ux unique (lot_id, code)
);
create unique index parking_discount_visit_ux on parking_discount (lot_id, plate, day, person_id)
    where kind = 'visitor';
-- a stay's minutes off: its plate's discounts in its lot by day
create index parking_discount_plate_ix on parking_discount (lot_id, plate, day);
-- a resident's grants of a day, for the daily limit and their list
create index parking_discount_person_ix on parking_discount (person_id, day, id)
    where person_id is not null;
