-- Operators' second factor and sign-in sessions (issue #11). HTTP Basic cannot carry a code, so an
-- operator with a second factor signs in once (password and code) and uses a session token.

-- An operator's TOTP secret (RFC 6238), confirmed by a first code before sign-in asks for one;
-- last_step is the newest 30-second step a code was accepted for, so no code works twice.
create table operator_totp (
  username      varchar(64) primary key references operator (username) on delete cascade,
  secret        text        not null,
  created_at    timestamptz not null default now(),
  confirmed_at  timestamptz,
  last_step     bigint      not null default 0
);

-- One signed-in operator: only the SHA-256 of its random token is kept. It ends after an idle
-- time, at expires_at, at sign-out, or when the account is disabled or its password or second
-- factor reset (revoked_at and why).
create table operator_session (
  token_hash    char(64)    primary key,
  username      varchar(64) not null references operator (username) on delete cascade,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  source        text,
  revoked_at    timestamptz,
  revoked_why   text
);
create index operator_session_open on operator_session (username) where revoked_at is null;
