-- A lot's temporary-parking tariff (临时停车收费标准), one per lot; Fees prices a stay with it and
-- TariffRules checks every value first. Amounts in yuan, at most 2 decimals.
create table parking_tariff (
    lot_id            bigint         primary key references parking_lot (id),
    free_minutes      integer        not null,
    first_minutes     integer        not null,
    first_price       numeric(10, 2) not null,
    unit_minutes      integer        not null,
    unit_price        numeric(10, 2) not null,
    night_from        time,
    night_to          time,
    night_unit_price  numeric(10, 2),
    cap_per_24h       numeric(10, 2),
    updated_at        timestamptz    not null default now(),
    version           integer        not null default 0,
    constraint parking_tariff_minutes_ck check (
        free_minutes between 0 and 1440 and first_minutes between 1 and 1440
        and unit_minutes between 1 and 1440),
    constraint parking_tariff_prices_ck check (
        first_price between 0 and 10000 and unit_price between 0 and 10000
        and (night_unit_price is null or night_unit_price between 0 and 10000)),
    constraint parking_tariff_night_ck check (
        (night_from is null) = (night_to is null) and (night_to is null) = (night_unit_price is null)
        and (night_from is null or night_from <> night_to)),
    constraint parking_tariff_cap_ck check (cap_per_24h is null or cap_per_24h between 0.01 and 100000)
);
