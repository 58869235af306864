-- One row per state-changing request, written in the transaction of the change (issue #11).
create table audit_log (
  id             bigserial primary key,
  at             timestamptz not null default now(),
  principal_kind text not null,          -- token, staff, api_key, resident
  principal_id   text not null,          -- user id or token id; never a secret
  principal_name text not null,
  operation      text not null,          -- POST /billing/payments
  permission     text,
  object_ids     text not null default '',
  summary        text,
  source         text,
  request_id     text,
  outcome        text not null           -- ok, or the refusal's status and problem type
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_principal on audit_log (principal_name, id desc);
create index audit_log_operation on audit_log (operation, id desc);

-- Append-only: no update ever; delete only by the retention purge, which says so first.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('courtyard.audit_purge', true) = 'on' then
    return old;
  end if;
  raise exception 'audit_log is append-only' using errcode = '42501';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
