-- The platform registry: who the tenants are, what they have enabled, and how they authenticate.
create table tenant (
  slug        varchar(40)  primary key check (slug ~ '^[a-z][a-z0-9_]{2,39}$'),
  name        varchar(200) not null,
  status      varchar(16)  not null default 'active' check (status in ('active', 'suspended')),
  created_at  timestamptz  not null default now()
);

create table tenant_module (
  tenant_slug  varchar(40) not null references tenant (slug) on delete cascade,
  module_id    varchar(64) not null,
  enabled      boolean     not null,
  version      varchar(64),
  enabled_at   timestamptz,
  disabled_at  timestamptz,
  primary key (tenant_slug, module_id)
);

-- Only a PBKDF2 hash of each token's secret is stored; the token itself is shown once.
create table api_token (
  id           varchar(32)  primary key,
  tenant_slug  varchar(40)  not null references tenant (slug) on delete cascade,
  secret_hash  varchar(255) not null,
  role         varchar(16)  not null default 'admin',
  created_at   timestamptz  not null default now(),
  revoked_at   timestamptz
);
create index api_token_tenant on api_token (tenant_slug);

create table operator (
  username       varchar(64)  primary key,
  password_hash  varchar(255) not null,
  created_at     timestamptz  not null default now()
);
