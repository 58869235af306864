-- Second factor (RFC 6238 TOTP) per user, enforced per company; API keys with a role and a scope.

create table staff_totp (
  user_id      bigint primary key references staff_user (id) on delete cascade,
  secret       text not null,            -- Base32, 160 bits
  confirmed_at timestamptz,              -- null while being set up: not yet asked at sign-in
  last_counter bigint not null default 0 -- a code is accepted once: no replay within its window
);

alter table identity_setting add column require_totp boolean not null default false;

create table staff_api_key (
  id           bigserial primary key,
  name         text not null,
  key_id       text not null unique,     -- the public part of cyk_<tenant>_<key_id>_<secret>
  secret_hash  text not null,            -- SHA-256 of the 256-bit secret
  role_id      bigint not null references staff_role (id),
  scope_kind   text not null check (scope_kind in ('company', 'estates', 'buildings')),
  scope_ids    bigint[] not null default '{}',
  status       text not null default 'active' check (status in ('active', 'revoked')),
  expires_at   timestamptz,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  check ((scope_kind = 'company') = (cardinality(scope_ids) = 0))
);
create index staff_api_key_role on staff_api_key (role_id);
