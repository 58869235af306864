-- Federated sign-in (issue #11): the company's own OpenID Connect provider, and the sign-ins on
-- their way through it.

-- One row: the provider, how its users are matched to staff accounts, and who may be created.
create table sso_config (
  id                boolean primary key default true check (id),
  issuer            text,
  client_id         text,
  -- the client secret as the provider issued it: stored in clear, like the database password of
  -- the platform, because it is sent to the provider as it is (not encrypted at rest)
  client_secret     text,
  match_claim       text not null default 'preferred_username'
                    check (match_claim in ('preferred_username', 'email')),
  -- unknown users are refused unless this is on; then they get the role (if any) in the scope
  create_users      boolean not null default false,
  create_role       text,
  create_scope_kind text not null default 'company'
                    check (create_scope_kind in ('company', 'estates', 'buildings')),
  create_scope_ids  bigint[] not null default '{}',
  -- origins (https://admin.example.com) a sign-in may return to, besides Courtyard's own
  redirect_origins  text[] not null default '{}',
  enabled           boolean not null default false,
  version           integer not null default 0,
  updated_at        timestamptz not null default now(),
  check ((create_scope_kind = 'company') = (cardinality(create_scope_ids) = 0)),
  check (not enabled or (issuer is not null and client_id is not null and client_secret is not null))
);
insert into sso_config default values;

-- A sign-in sent to the provider and not back yet: used once (deleted when the provider sends the
-- browser back), valid 10 minutes. Only a hash of the browser's binding cookie is kept.
create table sso_request (
  state          text primary key,
  nonce          text not null,
  code_verifier  text not null,
  browser_hash   text not null,
  redirect_uri   text not null,          -- Courtyard's callback as sent to the provider
  return_to      text,                   -- where the browser goes with the tokens; null: JSON
  config_version integer not null,
  created_at     timestamptz not null default now(),
  expires_at     timestamptz not null
);
create index sso_request_expires on sso_request (expires_at);
