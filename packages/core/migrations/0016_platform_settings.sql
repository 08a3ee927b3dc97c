-- 平台规则: the operator's rule settings (one row per section, the code holds the defaults), the platform's
-- one working-day calendar (the registry's holiday table, now used by every deadline) with the State
-- Council's 2026 schedule, and the impact assessments (GB/T 43697-2024 §6.4–6.5) that grade resources.

create table platform_settings (
  section     text primary key check (section in ('grading', 'sharing')),
  settings    jsonb not null,
  updated_by  text,
  updated_at  timestamptz not null default now()
);

alter table registry_holidays rename to calendar_days;
alter table calendar_days rename constraint registry_holidays_pkey to calendar_days_pkey;
alter table calendar_days rename constraint registry_holidays_kind_check to calendar_days_kind_check;

-- 国务院办公厅关于2026年部分节假日安排的通知 (dated 4 Nov 2025); days the operator already
-- set are kept
insert into calendar_days (day, kind, name, updated_by) values
  ('2026-01-01', 'holiday', '元旦', 'system'),
  ('2026-01-02', 'holiday', '元旦', 'system'),
  ('2026-01-03', 'holiday', '元旦', 'system'),
  ('2026-01-04', 'workday', '元旦调休上班', 'system'),
  ('2026-02-14', 'workday', '春节调休上班', 'system'),
  ('2026-02-15', 'holiday', '春节', 'system'),
  ('2026-02-16', 'holiday', '春节', 'system'),
  ('2026-02-17', 'holiday', '春节', 'system'),
  ('2026-02-18', 'holiday', '春节', 'system'),
  ('2026-02-19', 'holiday', '春节', 'system'),
  ('2026-02-20', 'holiday', '春节', 'system'),
  ('2026-02-21', 'holiday', '春节', 'system'),
  ('2026-02-22', 'holiday', '春节', 'system'),
  ('2026-02-23', 'holiday', '春节', 'system'),
  ('2026-02-28', 'workday', '春节调休上班', 'system'),
  ('2026-04-04', 'holiday', '清明节', 'system'),
  ('2026-04-05', 'holiday', '清明节', 'system'),
  ('2026-04-06', 'holiday', '清明节', 'system'),
  ('2026-05-01', 'holiday', '劳动节', 'system'),
  ('2026-05-02', 'holiday', '劳动节', 'system'),
  ('2026-05-03', 'holiday', '劳动节', 'system'),
  ('2026-05-04', 'holiday', '劳动节', 'system'),
  ('2026-05-05', 'holiday', '劳动节', 'system'),
  ('2026-05-09', 'workday', '劳动节调休上班', 'system'),
  ('2026-06-19', 'holiday', '端午节', 'system'),
  ('2026-06-20', 'holiday', '端午节', 'system'),
  ('2026-06-21', 'holiday', '端午节', 'system'),
  ('2026-09-20', 'workday', '国庆节调休上班', 'system'),
  ('2026-09-25', 'holiday', '中秋节', 'system'),
  ('2026-09-26', 'holiday', '中秋节', 'system'),
  ('2026-09-27', 'holiday', '中秋节', 'system'),
  ('2026-10-01', 'holiday', '国庆节', 'system'),
  ('2026-10-02', 'holiday', '国庆节', 'system'),
  ('2026-10-03', 'holiday', '国庆节', 'system'),
  ('2026-10-04', 'holiday', '国庆节', 'system'),
  ('2026-10-05', 'holiday', '国庆节', 'system'),
  ('2026-10-06', 'holiday', '国庆节', 'system'),
  ('2026-10-07', 'holiday', '国庆节', 'system'),
  ('2026-10-10', 'workday', '国庆节调休上班', 'system')
on conflict (day) do nothing;

-- who would be harmed, how badly, and the grade that followed; kept as evidence, never changed
create table catalog_impact_assessments (
  id              text primary key,
  resource_id     text not null references catalog_resources (id),
  party           text not null check (party in ('national', 'economic', 'social', 'public',
                                                 'organization', 'individual')),
  harm            text not null check (harm in ('severe-extreme', 'severe', 'general')),
  assessed_grade  text not null,
  grade_before    text not null,
  grade_after     text not null,
  reason          text not null,
  assessed_by     text not null,
  org_id          text,
  created_at      timestamptz not null default now()
);
create index catalog_impact_assessments_resource_idx on catalog_impact_assessments (resource_id, created_at);
