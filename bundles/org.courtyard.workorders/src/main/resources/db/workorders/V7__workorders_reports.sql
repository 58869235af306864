-- The work-order reports (#13) select orders by when they were reported (created_at) or last done
-- (done_at) within a period: a range scan on these instead of reading the whole history. Ranges
-- are half-open instants computed in the tenant's zone, so a plain btree serves them.
create index workorder_created_idx on workorder (created_at);
create index workorder_done_at_idx on workorder (done_at) where done_at is not null;
