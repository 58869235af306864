-- Per-vehicle fees (车辆管理费): unit price per month × the room's current vehicles, which come from
-- the residents module through its ResidentDirectory service (never from its tables).
-- V3 is reserved for another change; this script only widens the kind check.
alter table fee_item drop constraint fee_item_kind_ck;
alter table fee_item add constraint fee_item_kind_ck
    check (kind in ('area', 'fixed', 'one_off', 'metered', 'per_vehicle'));
