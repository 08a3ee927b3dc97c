-- crypto: the platform's own keys (SM2 signing keys, SM4 data-encryption keys). Private material is stored
-- only sealed under the master key (SM4-CTR + HMAC-SM3 envelope, bound to the row id); retired keys stay
-- so that old signatures keep verifying and old envelopes keep opening.

create table crypto_keys (
  id              text primary key,
  purpose         text not null check (purpose in ('signing', 'encryption')),
  algorithm       text not null check (algorithm in ('sm2', 'sm4e1')),
  public_key      text,
  sealed_private  text not null,
  master_key_id   text not null,
  created_at      timestamptz not null default now(),
  retired_at      timestamptz,
  check ((purpose = 'signing') = (public_key is not null))
);
-- at most one active key per purpose: two processes creating the first key at once cannot both succeed
create unique index crypto_keys_active_idx on crypto_keys (purpose) where retired_at is null;
