-- A charge billing refused for good (the room gone, a reference recorded with another amount)
-- ends as refused with billing's reason in note, instead of waiting as pending forever and
-- holding back the charges queued after it. Staff can put a refused or void_refused charge back
-- in the queue once the cause is mended (POST .../charges/{seq}/retry).
alter table workorder_charge drop constraint workorder_charge_state_ck;
alter table workorder_charge add constraint workorder_charge_state_ck check (state in
    ('pending', 'posted', 'refused', 'void_pending', 'voided', 'void_refused'));
-- the charges staff have to look at, across orders
create index workorder_charge_attention_idx on workorder_charge (updated_at)
    where state in ('refused', 'void_refused');
