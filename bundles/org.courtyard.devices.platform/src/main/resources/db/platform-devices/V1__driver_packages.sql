-- Driver plugins uploaded by operators, in schema platform. A jar is installed only if its
-- SHA-256 was approved first; the jar itself is kept here, so a container whose Karaf data was
-- wiped installs the same drivers again when it starts.

create table driver_approval (
    sha256       char(64)      primary key,
    note         varchar(200)  not null,
    approved_at  timestamptz   not null default now(),
    constraint driver_approval_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$')
);

create table driver_package (
    sha256         char(64)      primary key references driver_approval (sha256) on delete restrict,
    symbolic_name  varchar(200)  not null,
    version        varchar(100)  not null,
    size           integer       not null,
    jar            bytea         not null,
    -- active: installed and started; disabled: installed and stopped; replaced: a newer version of
    -- the same bundle took its place
    state          varchar(16)   not null,
    uploaded_at    timestamptz   not null default now(),
    replaced_at    timestamptz,
    constraint driver_package_state_ck check (state in ('active', 'disabled', 'replaced')),
    constraint driver_package_replaced_ck check ((state = 'replaced') = (replaced_at is not null))
);
-- one current package per bundle
create unique index driver_package_current_uq on driver_package (symbolic_name)
    where state <> 'replaced';
