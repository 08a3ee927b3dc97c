-- registry: data property-rights registration (数据产权登记). Applications go through 受理, review, 公示 and
-- objections; certificates are W3C VC 2.0 documents signed with SM2, each version appended to the ledger;
-- licenses and pledges; the operator's working-day calendar and rule settings. Org, user and resource ids
-- are plain text (other domains own them). Nothing here is ever deleted: records are kept ≥ 30 years.

-- one row: the operator's changes to the default rule settings (the code holds the defaults)
create table registry_settings (
  id          integer primary key check (id = 1),
  settings    jsonb not null,
  updated_by  text,
  updated_at  timestamptz not null default now()
);

-- exceptions to Monday–Friday: public holidays, and weekend days worked instead (调休)
create table registry_holidays (
  day         date primary key,
  kind        text not null check (kind in ('holiday', 'workday')),
  name        text not null,
  updated_by  text,
  updated_at  timestamptz not null default now()
);

create table registry_applications (
  id                     text primary key,
  type                   text not null check (type in ('initial', 'license', 'transfer', 'change', 'cancel',
                                                       'objection', 'renew', 'pledge', 'release')),
  category               text not null check (category in ('data_property', 'data_ip')),
  status                 text not null check (status in ('draft', 'submitted', 'under_review', 'publicizing',
                                                         'objected', 'approved', 'issued', 'rejected',
                                                         'withdrawn')),
  applicant_org_id       text not null,
  applicant_user_id      text not null,
  object_type            text not null check (object_type in ('resource')),
  object_id              text not null,
  object_title           text not null,
  -- the certificate a non-initial registration acts on
  certificate_id         text,
  rights                 text[] not null,
  source_kind            text,
  source_description     text,
  source_valid_until     date,
  format                 text,
  update_frequency       text,
  scope                  text,
  -- transferee, licensee or pledgee
  counterparty_org_id    text,
  terms                  jsonb not null default '{}',
  reason                 text,
  declarations           text[] not null default '{}',
  reviewer_org_id        text,
  checklist              jsonb,
  review_opinion         text,
  decision_reason        text,
  accept_due_at          timestamptz,
  review_due_at          timestamptz,
  notice_starts_at       timestamptz,
  notice_ends_at         timestamptz,
  submitted_at           timestamptz,
  accepted_at            timestamptz,
  reviewed_at            timestamptz,
  decided_at             timestamptz,
  issued_at              timestamptz,
  result_certificate_id  text,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now()
);
create index registry_applications_applicant_idx on registry_applications (applicant_org_id, status);
create index registry_applications_counterparty_idx on registry_applications (counterparty_org_id)
  where counterparty_org_id is not null;
create index registry_applications_reviewer_idx on registry_applications (reviewer_org_id, status);
create index registry_applications_notice_idx on registry_applications (status, notice_ends_at)
  where notice_starts_at is not null;
create index registry_applications_object_idx on registry_applications (object_id);
create index registry_applications_certificate_idx on registry_applications (certificate_id)
  where certificate_id is not null;
-- one registration of a kind in progress per object and certificate (objection registrations excepted:
-- several parties may object); two racing submissions cannot both pass
create unique index registry_applications_open_idx
  on registry_applications (object_id, type, coalesce(certificate_id, ''))
  where type <> 'objection' and status in ('submitted', 'under_review', 'publicizing', 'objected', 'approved');

-- 公示异议: objections to an application in public notice
create table registry_objections (
  id                text primary key,
  application_id    text not null references registry_applications (id),
  objector_org_id   text not null,
  objector_user_id  text not null,
  reason            text not null,
  status            text not null check (status in ('open', 'upheld', 'dismissed')),
  decision_reason   text,
  decided_by        text,
  decided_at        timestamptz,
  due_at            timestamptz not null,
  created_at        timestamptz not null default now()
);
create index registry_objections_application_idx on registry_objections (application_id, status);
create index registry_objections_objector_idx on registry_objections (objector_org_id);

-- evidence of an application or an objection, and reviewers' 查验报告, in the encrypted blob store
create table registry_files (
  id              text primary key,
  application_id  text references registry_applications (id),
  objection_id    text references registry_objections (id),
  kind            text not null,
  name            text not null,
  size_bytes      bigint not null,
  sm3             text not null,
  blob_key        text not null,
  org_id          text not null,
  uploaded_by     text not null,
  created_at      timestamptz not null default now(),
  check ((application_id is null) <> (objection_id is null))
);
create index registry_files_application_idx on registry_files (application_id) where application_id is not null;
create index registry_files_objection_idx on registry_files (objection_id) where objection_id is not null;

-- certificate numbers: a counter per year (SD-DR-2026-000123); the row lock makes each number unique
create table registry_counters (
  year  integer primary key,
  last  integer not null
);

create table registry_certificates (
  id                      text primary key,
  cert_no                 text not null unique,
  version                 integer not null,
  category                text not null check (category in ('data_property', 'data_ip')),
  holder_org_id           text not null,
  rights                  text[] not null,
  object_type             text not null check (object_type in ('resource')),
  object_id               text not null,
  object_title            text not null,
  scope                   text not null,
  format                  text,
  update_frequency        text,
  source_kind             text not null,
  source_description      text,
  source_valid_until      date,
  valid_from              timestamptz not null,
  valid_until             timestamptz not null,
  state                   text not null check (state in ('valid', 'cancelled', 'expired')),
  pledgee_org_id          text,
  pledged_at              timestamptz,
  pledge_terms            jsonb,
  frozen_at               timestamptz,
  freeze_reason           text,
  disputed_by             text references registry_applications (id),
  cancel_reason           text,
  cancelled_at            timestamptz,
  expired_at              timestamptz,
  application_id          text not null references registry_applications (id),
  issued_at               timestamptz not null,
  updated_at              timestamptz not null default now()
);
create index registry_certificates_holder_idx on registry_certificates (holder_org_id);
create index registry_certificates_object_idx on registry_certificates (object_id);
create index registry_certificates_pledgee_idx on registry_certificates (pledgee_org_id)
  where pledgee_org_id is not null;
create index registry_certificates_expiry_idx on registry_certificates (valid_until) where state = 'valid';

-- every signed version: `credential` is the RFC 8785 canonical JSON of the VC without its proof, i.e. the
-- exact bytes the SM2 signature covers and the SM3 cert_hash digests
create table registry_certificate_versions (
  certificate_id  text not null references registry_certificates (id),
  version         integer not null,
  credential      text not null,
  signature       text not null,
  key_id          text not null,
  cert_hash       text not null,
  ledger_index    bigint,
  application_id  text references registry_applications (id),
  created_at      timestamptz not null default now(),
  primary key (certificate_id, version)
);

-- 许可: a use right granted to a licensee for a scope and term
create table registry_licenses (
  id               text primary key,
  certificate_id   text not null references registry_certificates (id),
  licensee_org_id  text not null,
  rights           text[] not null,
  scope            text not null,
  valid_from       date not null,
  valid_until      date not null,
  exclusive        boolean not null default false,
  application_id   text not null references registry_applications (id),
  ledger_index     bigint,
  created_at       timestamptz not null default now()
);
create index registry_licenses_certificate_idx on registry_licenses (certificate_id);
create index registry_licenses_licensee_idx on registry_licenses (licensee_org_id);

-- the timeline of applications and the history of certificates: who did what, when, why, and where in the ledger
create table registry_events (
  id              bigserial primary key,
  application_id  text references registry_applications (id),
  certificate_id  text references registry_certificates (id),
  action          text not null,
  actor_id        text,
  actor_name      text,
  org_id          text,
  reason          text,
  details         jsonb,
  ledger_index    bigint,
  version         integer,
  at              timestamptz not null default now()
);
create index registry_events_application_idx on registry_events (application_id, id)
  where application_id is not null;
create index registry_events_certificate_idx on registry_events (certificate_id, id)
  where certificate_id is not null;
