-- Residents sign in with their phone number or e-mail address and a one-time code (#11). An account
-- is made on a person's first sign-in and stays linked to that person of the residents module; the
-- person's rooms decide what the resident sees.
create table resident_account (
  id            bigserial primary key,
  person_id     bigint not null unique,
  -- the person's name at the last sign-in, for the audit log and the staff list
  display_name  text not null,
  status        text not null default 'active' check (status in ('active', 'disabled')),
  -- bumped by "sign out everywhere" and by disabling, as for staff
  token_version integer not null default 0,
  -- how the resident last signed in: 'phone' or 'email', and where (masked, for the staff list)
  last_kind     text check (last_kind in ('phone', 'email')),
  last_address  text,
  created_at    timestamptz not null default now(),
  last_login_at timestamptz,
  version       integer not null default 0
);

-- The code last sent to an address: only a keyed hash of it, five minutes, five tries. A new code
-- replaces the old one. sent_* count what went to the address this hour: the limit per number holds
-- whether or not the address belongs to anyone, so the answer discloses nothing.
create table resident_code (
  address      text primary key,
  code_hash    text,
  salt         text,
  expires_at   timestamptz,
  tries_left   integer not null default 0,
  window_start timestamptz not null default now(),
  sent_in_window integer not null default 0,
  last_sent_at timestamptz not null default now()
);

-- A resident's sessions are sessions like staff's: one refresh token per signed-in device.
alter table staff_session
  alter column user_id drop not null,
  add column resident_id bigint references resident_account (id) on delete cascade,
  add constraint staff_session_subject_ck check (num_nonnulls(user_id, resident_id) = 1);
create index staff_session_resident on staff_session (resident_id) where revoked_at is null;
