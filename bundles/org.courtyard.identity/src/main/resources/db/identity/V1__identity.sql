-- People of the property company and what they may do where (issue #11).

create table staff_user (
  id            bigserial primary key,
  username      text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  display_name  text not null,
  phone         text,
  email         text,
  status        text not null default 'active' check (status in ('active', 'disabled')),
  password_hash text,
  -- bumped by "sign out everywhere" and by disabling: access tokens carry the value they were
  -- issued with, and one with an older value is refused at once
  token_version integer not null default 0,
  version       integer not null default 0,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index staff_user_username on staff_user (username);

-- Named sets of permissions. Entries are permission ids or patterns with '*' (billing.*,
-- *.read), so a template keeps covering what a module added later declares.
create table staff_role (
  id          bigserial primary key,
  code        text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_en     text not null,
  name_zh     text not null,
  template    boolean not null default false,
  version     integer not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table staff_role_permission (
  role_id    bigint not null references staff_role (id) on delete cascade,
  permission text not null,
  primary key (role_id, permission)
);

-- A role granted to a user in a scope: the whole company, some estates, or some buildings.
create table staff_grant (
  id         bigserial primary key,
  user_id    bigint not null references staff_user (id) on delete cascade,
  role_id    bigint not null references staff_role (id),
  scope_kind text not null check (scope_kind in ('company', 'estates', 'buildings')),
  scope_ids  bigint[] not null default '{}',
  created_at timestamptz not null default now(),
  check ((scope_kind = 'company') = (cardinality(scope_ids) = 0))
);
create index staff_grant_user on staff_grant (user_id);
create index staff_grant_role on staff_grant (role_id);

-- A signed-in device of a user: its refresh token (only a hash is kept) rotates on every use; the
-- previous hash is kept to recognise a stolen, replayed token and end the session.
create table staff_session (
  id            uuid primary key,
  user_id       bigint not null references staff_user (id) on delete cascade,
  refresh_hash  text not null,
  previous_hash text,
  created_at    timestamptz not null default now(),
  refreshed_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  revoked_why   text,
  source        text,
  user_agent    text
);
create index staff_session_user on staff_session (user_id) where revoked_at is null;

create table identity_setting (
  id               boolean primary key default true check (id),
  audit_retention_days integer not null default 1095 check (audit_retention_days between 30 and 3650),
  version          integer not null default 0
);
insert into identity_setting default values;

-- Role templates a property company recognises; admins edit them like any role.
insert into staff_role (code, name_en, name_zh, template) values
  ('administrator', 'Administrator', '管理员', true),
  ('project_manager', 'Project manager', '项目经理', true),
  ('cashier', 'Cashier', '收费员', true),
  ('customer_service', 'Customer service', '客服', true),
  ('technician', 'Technician', '维修工', true),
  ('guard', 'Guard', '保安', true),
  ('accountant', 'Accountant', '财务', true),
  ('auditor', 'Auditor (read-only)', '审计', true);

insert into staff_role_permission (role_id, permission)
select r.id, p.permission
from staff_role r
join (values
  ('administrator', '*'),
  ('project_manager', 'estate.*'), ('project_manager', 'residents.*'),
  ('project_manager', 'billing.*.read'), ('project_manager', 'billing.run.start'),
  ('project_manager', 'devices.*'), ('project_manager', 'security.*'),
  ('project_manager', 'template.*'), ('project_manager', 'identity.user.read'),
  ('project_manager', 'identity.role.read'), ('project_manager', 'identity.tenant.read'),
  ('cashier', 'estate.*.read'), ('cashier', 'residents.*.read'), ('cashier', 'billing.*.read'),
  ('cashier', 'billing.payment.create'), ('cashier', 'identity.tenant.read'),
  ('customer_service', 'estate.*.read'), ('customer_service', 'residents.*'),
  ('customer_service', 'billing.*.read'), ('customer_service', 'security.*.read'),
  ('customer_service', 'devices.*.read'), ('customer_service', 'identity.tenant.read'),
  ('technician', 'estate.*.read'), ('technician', 'residents.*.read'), ('technician', 'devices.*'),
  ('technician', 'security.*.read'), ('technician', 'security.alarm.*'),
  ('technician', 'identity.tenant.read'),
  ('guard', 'estate.*.read'), ('guard', 'residents.*.read'), ('guard', 'security.*'),
  ('guard', 'devices.*.read'), ('guard', 'identity.tenant.read'),
  ('accountant', 'estate.*.read'), ('accountant', 'residents.*.read'), ('accountant', 'billing.*'),
  ('accountant', 'identity.tenant.read'),
  ('auditor', '*.read')
) as p (code, permission) on p.code = r.code;
