-- A command sent with an Idempotency-Key is sent once: a repeat of the request (a double click, a
-- client retrying after a lost answer) gets the first command back instead of opening a gate twice.
alter table device_command add column idempotency_key varchar(200);
create unique index device_command_idempotency_uq on device_command (idempotency_key)
    where idempotency_key is not null;
