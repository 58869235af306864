-- The billing run writes about seven rows per bill (bill, 2-3 lines, ledger transaction, 3-4
-- entries). Measured on 100,000 bills, foreign-key checks were half of the database's time, and
-- two of them were also a point of contention: every batch took a FOR KEY SHARE lock on the same
-- billing_run row and the same few fee_item rows, so two batches written at once turned each of
-- those locks into a MultiXact. Those two references now rest on a stronger rule than a foreign
-- key: fee items and billing runs can never be deleted (fee items are end-dated, runs are history),
-- so a bill's run and a line's fee item, once written, stay resolvable. The writers take both ids
-- from rows they have just read. Every other foreign key stays.
alter table bill drop constraint bill_run_id_fkey;
alter table bill_line drop constraint bill_line_fee_item_id_fkey;

create function billing_never_deleted() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted: % is not allowed', tg_table_name, tg_op
        using errcode = 'P0001';
end
$$;
create trigger fee_item_never_deleted before delete on fee_item
    for each row execute function billing_never_deleted();
create trigger fee_item_no_truncate before truncate on fee_item
    for each statement execute function billing_never_deleted();
create trigger billing_run_never_deleted before delete on billing_run
    for each row execute function billing_never_deleted();
create trigger billing_run_no_truncate before truncate on billing_run
    for each statement execute function billing_never_deleted();

-- Ledger entries are identified by their transaction and their position in it, which is how they
-- are read (a transaction's entries in order). This drops a sequence and two indexes per entry:
-- the surrogate id, the separate tx_id index and the (room_id, account) index no query used.
-- Entries arrive in period order, so a BRIN index serves the per-period check at a fraction of a
-- B-tree's write cost.
alter table ledger_entry add column line smallint;
alter table ledger_entry disable trigger ledger_entry_append_only;
update ledger_entry e set line = n.line
  from (select id, row_number() over (partition by tx_id order by id) as line from ledger_entry) n
 where n.id = e.id;
alter table ledger_entry enable trigger ledger_entry_append_only;
alter table ledger_entry alter column line set not null;
alter table ledger_entry drop constraint ledger_entry_pkey;
alter table ledger_entry drop column id;
alter table ledger_entry add constraint ledger_entry_pkey primary key (tx_id, line);
alter table ledger_entry add constraint ledger_entry_line_ck check (line >= 1);
drop index ledger_entry_tx_idx;
drop index ledger_entry_room_idx;
drop index ledger_entry_period_idx;
create index ledger_entry_period_brin on ledger_entry using brin (period);

-- The same for bill lines: a bill's lines are read together, in order, and never by themselves.
alter table bill_line add column line smallint;
update bill_line l set line = n.line
  from (select id, row_number() over (partition by bill_id order by id) as line from bill_line) n
 where n.id = l.id;
alter table bill_line alter column line set not null;
alter table bill_line drop constraint bill_line_pkey;
alter table bill_line drop column id;
alter table bill_line add constraint bill_line_pkey primary key (bill_id, line);
alter table bill_line add constraint bill_line_line_ck check (line >= 1);
drop index bill_line_bill_idx;

-- Periodic bills are written period after period, so the per-period statistics can use a BRIN
-- index too.
drop index bill_period_idx;
create index bill_period_brin on bill using brin (period);
