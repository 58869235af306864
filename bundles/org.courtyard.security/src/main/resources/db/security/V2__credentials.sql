-- Access credentials (门禁凭证) of residents and staff: a card, a PIN or a QR code, valid for some
-- doors during some time. The credential column holds what a controller reports (the card number,
-- the PIN's id, the QR token's id), never a secret. Doors are '<device>' (every door of that
-- controller) or '<device>:<door>'.
create table access_credential (
    id           bigserial     primary key,
    kind         varchar(8)    not null,
    credential   varchar(64)   not null,
    holder       varchar(100)  not null,
    -- the residents module's person id, when the holder is a resident (a copy, not a foreign key)
    person_id    bigint,
    doors        text[]        not null,
    valid_from   timestamptz   not null,
    valid_to     timestamptz,
    status       varchar(16)   not null default 'active',
    created_at   timestamptz   not null default now(),
    revoked_at   timestamptz,
    constraint access_credential_kind_ck check (kind in ('card', 'pin', 'qr')),
    constraint access_credential_value_ck check (credential ~ '^[!-~]{1,64}$'),
    constraint access_credential_holder_ck check (char_length(btrim(holder)) > 0),
    constraint access_credential_doors_ck check (cardinality(doors) between 1 and 100),
    constraint access_credential_dates_ck check (valid_to is null or valid_to > valid_from),
    constraint access_credential_status_ck check (status in ('active', 'revoked')),
    constraint access_credential_revoked_ck check ((status = 'revoked') = (revoked_at is not null))
);
-- one active credential per card, PIN or QR code
create unique index access_credential_active_uq on access_credential (kind, credential)
    where status = 'active';
create index access_credential_holder_idx on access_credential (lower(holder));
