-- The keys that sign access tokens, shared by every node. The newest active key signs; keys stay
-- published in the JWKS for a while after they are retired, so tokens they signed still verify.
create table identity_signing_key (
  kid        text primary key,
  jwk        text not null,            -- the RSA key pair as a JWK (private part included)
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
