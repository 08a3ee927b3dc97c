-- Quality programmes of the province: the DCMM self-assessment (GB/T 36073-2018).
--
-- An org's self-assessment is a draft its members answer statement by statement (the questionnaire is published
-- in the contracts), then submit: the result it was submitted with is kept beside the answers, and a submitted
-- assessment never changes again (history and comparison read it as it was).
create table dcmm_assessments (
  id text primary key,
  org_id text not null,
  title text not null,
  status text not null check (status in ('draft', 'submitted')),
  -- {areas: [{area, level, suggestions}], score, level, answered, total}, set on submission
  result jsonb,
  score numeric(3, 2) check (score between 1 and 5),
  level smallint check (level between 1 and 5),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_by text,
  submitted_at timestamptz,
  check ((status = 'submitted') = (submitted_at is not null and result is not null))
);
create index dcmm_assessments_org on dcmm_assessments (org_id, created_at desc);
create index dcmm_assessments_submitted on dcmm_assessments (org_id, submitted_at desc) where status = 'submitted';

create table dcmm_answers (
  assessment_id text not null references dcmm_assessments (id),
  statement_id text not null,
  answer text not null check (answer in ('yes', 'partly', 'no')),
  note text,
  answered_by text not null,
  answered_at timestamptz not null default now(),
  primary key (assessment_id, statement_id)
);

-- 高质量数据集: an org's application to designate one of its catalog resources, the expert review by the provider
-- org the operator assigns (scores per published criterion, kept as they were given), and the operator's
-- decision. Designated ones form the public list by year and level.
create table hqd_applications (
  id text primary key,
  org_id text not null,
  resource_id text not null,
  level text not null check (level in ('provincial', 'municipal')),
  year smallint not null,
  quality_report_ref text,
  update_record text not null,
  use_cases text not null,
  status text not null check (status in ('submitted', 'in_review', 'reviewed', 'designated', 'rejected')),
  reviewer_org_id text,
  assigned_by text,
  assigned_at timestamptz,
  -- [{criterion, score, comment}] with the weights published when it was scored
  scores jsonb,
  weighted_score numeric(5, 2),
  review_opinion text,
  reviewed_by text,
  reviewed_at timestamptz,
  decision_note text,
  decided_by text,
  decided_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index hqd_applications_org on hqd_applications (org_id, created_at desc);
create index hqd_applications_designated on hqd_applications (year, level) where status = 'designated';
-- one live application (or designation) per resource and level
create unique index hqd_applications_live on hqd_applications (resource_id, level) where status <> 'rejected';

-- the operator's settings of the programme: one row (RULES.md: ≥ 10 provincial designations a year)
create table hqd_settings (
  id smallint primary key check (id = 1),
  yearly_target integer not null check (yearly_target >= 0),
  pass_score integer not null check (pass_score between 0 and 100),
  updated_by text,
  updated_at timestamptz not null default now()
);
insert into hqd_settings (id, yearly_target, pass_score) values (1, 10, 75);

-- 数据产品质量监督: a buyer org's complaint about a product it ordered, and every step taken on it.
create table quality_complaints (
  id text primary key,
  order_id text not null,
  product_id text not null,
  product_title text,
  -- the product's resources when filed: the complaint shows on each resource's page
  resource_ids text[] not null,
  buyer_org_id text not null,
  seller_org_id text not null,
  category text not null check (category in ('quality', 'mismatch', 'timeliness', 'delivery', 'compliance', 'other')),
  description text not null,
  evidence_note text,
  status text not null
    check (status in ('filed', 'investigating', 'rectifying', 'responded', 'rectified', 'dismissed')),
  investigator_id text,
  filed_by text not null,
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index quality_complaints_product on quality_complaints (product_id, created_at desc);
create index quality_complaints_resources on quality_complaints using gin (resource_ids);

create table quality_complaint_events (
  id text primary key,
  complaint_id text not null references quality_complaints (id),
  action text not null,
  actor_id text,
  note text,
  at timestamptz not null default now()
);
create index quality_complaint_events_of on quality_complaint_events (complaint_id, at);
