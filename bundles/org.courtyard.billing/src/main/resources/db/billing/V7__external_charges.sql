-- Charges other modules put on a room (a paid repair): one bill of one line each, known by the
-- asking module and its reference, never twice. Their fee item is on the line, as for every bill.
alter table bill add column source varchar(32);
alter table bill add column reference varchar(100);
alter table bill drop constraint bill_kind_ck;
alter table bill add constraint bill_kind_ck check (kind in ('periodic', 'one_off', 'external'));
alter table bill add constraint bill_external_ck
    check ((kind = 'external') = (source is not null and reference is not null));
create unique index bill_external_uq on bill (source, reference) where kind = 'external';
