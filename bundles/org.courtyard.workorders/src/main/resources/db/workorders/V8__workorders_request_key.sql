-- The Idempotency-Key a new order was recorded with: the same key again answers the order it made
-- instead of recording it twice (a double click at the desk, a retry after a lost answer). The
-- unique index makes a concurrent second request wait for the first and then find its order.
alter table workorder add column request_key varchar(200);
create unique index workorder_request_key_uq on workorder (request_key) where request_key is not null;
