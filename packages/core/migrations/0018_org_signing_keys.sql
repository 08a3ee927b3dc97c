-- Org signing keys: an organization signs its declarations and contracts with its own SM2 key. Custody
-- 'platform': the key pair is made here and its private half stored only sealed under the master key (as in
-- crypto_keys, bound to the row and the org), used on an explicit act of the org's administrator; custody
-- 'org': only the public key is registered and the org signs offline. Retired keys stay, so that signatures
-- made with them keep verifying.

create table org_signing_keys (
  id              text primary key,
  org_id          text not null references orgs (id),
  custody         text not null check (custody in ('platform', 'org')),
  algorithm       text not null check (algorithm = 'sm2'),
  public_key      text not null check (public_key ~ '^04[0-9a-f]{128}$'),
  sealed_private  text,
  master_key_id   text,
  created_at      timestamptz not null default now(),
  created_by      text not null references users (id),
  retired_at      timestamptz,
  check ((custody = 'platform') = (sealed_private is not null)),
  check ((sealed_private is null) = (master_key_id is null))
);
-- at most one active key per org: two rotations at once cannot both leave a key active
create unique index org_signing_keys_active_idx on org_signing_keys (org_id) where retired_at is null;
-- a public key names one org's key only, so one org cannot claim another's signatures as its own
create unique index org_signing_keys_public_key_idx on org_signing_keys (public_key);
create index org_signing_keys_org_idx on org_signing_keys (org_id, created_at);
