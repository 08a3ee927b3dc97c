import { z } from 'zod';
import { Text, Timestamp } from './common.js';
import { Grade, GRADES } from './catalog.js';

const Day = z.iso.date('must be a date YYYY-MM-DD').max(10);

/** Kinds of personal (and organization) identifiers the detector grades (protect domain). */
export const PII_KIND_NAMES = [
  'idCard',
  'mobile',
  'bankCard',
  'uscc',
  'email',
  'name',
  'address',
  'plate',
  'ip',
  'biometric',
  'health',
] as const;
export const PiiKindName = z.enum(PII_KIND_NAMES);

/** GB/T 43697-2024 §6.4: who is affected if the data is tampered with, leaked or destroyed. */
export const AFFECTED_PARTIES = [
  'national',
  'economic',
  'social',
  'public',
  'organization',
  'individual',
] as const;
export const AffectedParty = z.enum(AFFECTED_PARTIES);
export type AffectedParty = z.infer<typeof AffectedParty>;
/** GB/T 43697-2024 §6.4: how badly. */
export const HARMS = ['severe-extreme', 'severe', 'general'] as const;
export const Harm = z.enum(HARMS);
export type Harm = z.infer<typeof Harm>;

const rank = (g: Grade) => GRADES.length - 1 - GRADES.indexOf(g);

/** One affected party's row: a worse harm never grades lower than a lighter one. */
const ImpactRow = z
  .strictObject({ 'severe-extreme': Grade, severe: Grade, general: Grade })
  .refine((r) => rank(r['severe-extreme']) >= rank(r.severe) && rank(r.severe) >= rank(r.general), {
    message: 'a worse harm may not grade lower than a lighter one',
  });

/**
 * The operator's grading table (RULES.md ⚠: the party × harm rows other than 国家安全, and the PII grades).
 * GB/T 43697-2024 §6.5 fixes the 国家安全 row, so it is not editable.
 */
export const GradingSettings = z.strictObject({
  impact: z
    .strictObject({
      national: ImpactRow,
      economic: ImpactRow,
      social: ImpactRow,
      public: ImpactRow,
      organization: ImpactRow,
      individual: ImpactRow,
    })
    .refine(
      (t) =>
        t.national['severe-extreme'] === 'core' &&
        t.national.severe === 'core' &&
        t.national.general === 'important',
      { message: 'the 国家安全 row is fixed by GB/T 43697-2024 §6.5 (核心, 核心, 重要)', path: ['national'] },
    ),
  piiGrades: z.strictObject(
    Object.fromEntries(PII_KIND_NAMES.map((k) => [k, Grade])) as Record<
      (typeof PII_KIND_NAMES)[number],
      typeof Grade
    >,
  ),
});
export type GradingSettings = z.infer<typeof GradingSettings>;
export const UpdateGradingSettingsBody = z.strictObject({
  impact: GradingSettings.shape.impact.optional(),
  piiGrades: GradingSettings.shape.piiGrades.optional(),
});

/** Working-day periods of government sharing and the provincial return flow (RULES.md ⚠ defaults 10 and 20). */
export const SharingSettings = z.strictObject({
  sharingResponseDays: z.number().int().min(1).max(60).describe('a provider answers within, working days'),
  returnFlowDays: z.number().int().min(1).max(120).describe('a province returns data within, working days'),
});
export type SharingSettings = z.infer<typeof SharingSettings>;
export const UpdateSharingSettingsBody = SharingSettings.partial().strict();

/** One day the working-day calendar treats otherwise than Monday–Friday (国务院办公厅 schedule). */
export const CalendarDay = z.object({
  day: z.string(),
  kind: z.enum(['holiday', 'workday']).describe('workday: a weekend day worked (调休)'),
  name: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarDayParams = z.strictObject({ day: Day });
export const CalendarDayBody = z.strictObject({ kind: CalendarDay.shape.kind, name: Text(40) });
export const CalendarQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const ImportCalendarBody = z.strictObject({
  days: z
    .array(z.strictObject({ day: Day, kind: CalendarDay.shape.kind, name: Text(40) }))
    .min(1)
    .max(400),
});

/** GB/T 43697-2024 §6.4–6.5: an owner's or operator's assessment of who a resource's compromise would harm. */
export const ImpactAssessmentBody = z.strictObject({
  party: AffectedParty,
  harm: Harm,
  reason: Text(1000).describe('the evidence: why this party, why this degree'),
});
export type ImpactAssessmentBody = z.input<typeof ImpactAssessmentBody>;
export const ImpactAssessment = z.object({
  id: z.string(),
  resourceId: z.string(),
  party: AffectedParty,
  harm: Harm,
  assessedGrade: Grade.describe('the grade the table gives this party and harm'),
  gradeBefore: Grade,
  gradeAfter: Grade.describe('the resource grade after: never below the computed one'),
  reason: z.string(),
  assessedBy: z.string(),
  orgId: z.string().nullable(),
  createdAt: Timestamp,
});
export type ImpactAssessment = z.infer<typeof ImpactAssessment>;
