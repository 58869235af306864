-- One row per operator action (REST request), like each tenant's audit_log (issue #11).
create table operator_audit (
  id             bigserial primary key,
  at             timestamptz not null default now(),
  principal_kind text not null,
  principal_id   text not null,
  principal_name text not null,
  operation      text not null,
  permission     text,
  object_ids     text not null default '',
  summary        text,
  source         text,
  request_id     text,
  outcome        text not null
);
create index operator_audit_at on operator_audit (at desc, id desc);

create function operator_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'operator_audit is append-only' using errcode = '42501';
end $$;
create trigger operator_audit_append_only before update or delete on operator_audit
  for each row execute function operator_audit_append_only();
