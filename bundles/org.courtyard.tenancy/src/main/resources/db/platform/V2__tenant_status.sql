-- Suspension is an operator's decision with a reason and a time, shown wherever the tenant is.
alter table tenant
  add column status_reason     varchar(500),
  add column status_changed_at timestamptz;
