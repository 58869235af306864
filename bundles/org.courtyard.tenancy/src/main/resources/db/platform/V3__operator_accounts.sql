-- Several operator accounts (issue #11): owners run the platform, support staff may only look.
alter table operator
  add column role text not null default 'owner' check (role in ('owner', 'support')),
  add column status text not null default 'active' check (status in ('active', 'disabled'));
