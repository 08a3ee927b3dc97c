import { z } from 'zod';
import { UpdateFrequency } from './catalog.js';
import { Id, PageQuery, Text, Timestamp } from './common.js';
import {
  RegistryChecklist,
  DataRight,
  RegistryEvidenceKind,
  RegistryObjectionStatus,
  RegistrationCategory,
  RegistrationStatus,
  RegistrationType,
  RegistryDeclaration,
} from './registry.js';
import { CertNo } from './registry-certificates.js';

const Day = z.iso.date('must be a date YYYY-MM-DD').max(10);
const Csv = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(100)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
    .optional();

const declarations = z.array(RegistryDeclaration).max(10).default([]);
const certificateId = Id('cert');
const Rights = z
  .array(DataRight)
  .min(1)
  .max(3)
  .refine((r) => new Set(r).size === r.length, 'must not repeat a right');

export const CreateRegistrationBody = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('initial'),
    category: RegistrationCategory.default('data_property'),
    resourceId: Id('res'),
    rights: Rights,
    source: z
      .strictObject({
        description: Text(1000).optional().describe('how collected, or which authorization/contract'),
        validUntil: Day.optional().describe('end of the source authorization or agreement'),
      })
      .default({}),
    format: Text(100).optional(),
    updateFrequency: UpdateFrequency.optional(),
    scope: Text(1000).describe('what the rights cover (范围)'),
    declarations,
  }),
  z.strictObject({
    type: z.literal('license'),
    certificateId,
    licenseeOrgId: Id('org'),
    rights: Rights,
    scope: Text(1000),
    validFrom: Day,
    validUntil: Day,
    exclusive: z.boolean().default(false),
    declarations,
  }),
  z.strictObject({
    type: z.literal('transfer'),
    certificateId,
    toOrgId: Id('org'),
    reason: Text(1000),
    declarations,
  }),
  z.strictObject({
    type: z.literal('change'),
    certificateId,
    changes: z
      .strictObject({
        scope: Text(1000).optional(),
        format: Text(100).optional(),
        updateFrequency: UpdateFrequency.optional(),
        refreshObject: z.boolean().optional().describe('re-hash the resource’s metadata and files'),
      })
      .refine((c) => Object.keys(c).length > 0, 'name at least one change'),
    reason: Text(1000),
    declarations,
  }),
  z.strictObject({ type: z.literal('cancel'), certificateId, reason: Text(1000), declarations }),
  z.strictObject({
    type: z.literal('objection'),
    certificateNo: CertNo.describe('the public number of the certificate objected to (异议登记)'),
    reason: Text(2000),
    declarations,
  }),
  z.strictObject({
    type: z.literal('renew'),
    certificateId,
    sourceValidUntil: Day.optional().describe('the renewed authorization’s end, if any'),
    reason: Text(1000).optional(),
    declarations,
  }),
  z.strictObject({
    type: z.literal('pledge'),
    certificateId,
    pledgeeOrgId: Id('org'),
    securedAmountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    validUntil: Day.optional().describe('end of the pledge agreement'),
    declarations,
  }),
  z.strictObject({ type: z.literal('release'), certificateId, reason: Text(1000).optional(), declarations }),
]);
export type CreateRegistrationBody = z.input<typeof CreateRegistrationBody>;
export type RegistrationInput = z.output<typeof CreateRegistrationBody>;

export const RegistrationQuery = z.strictObject({
  ...PageQuery,
  box: z
    .enum(['mine', 'review', 'all'])
    .optional()
    .describe(
      'mine: my org’s (as applicant or counterparty); review: assigned to my org; none: all I may see',
    ),
  status: Csv(RegistrationStatus),
  type: Csv(RegistrationType),
  q: z.string().trim().max(100).optional(),
  certificateId: certificateId.optional(),
});
export type RegistrationQuery = z.input<typeof RegistrationQuery>;

export const RegistryUploadQuery = z.strictObject({
  kind: RegistryEvidenceKind,
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, 'must be a file name, not a path'),
});
export const RegistryObjectionUploadQuery = RegistryUploadQuery.pick({ name: true });

export const RegistryAcceptBody = z.strictObject({
  reviewerOrgId: Id('org').optional().describe('the operator’s own org unless a certifier is named'),
  note: Text(500).optional(),
});
export const RegistryAssignBody = z.strictObject({ reviewerOrgId: Id('org'), note: Text(500).optional() });
export const RegistryReasonBody = z.strictObject({ reason: Text(1000) });
export const RegistryReviewBody = z.strictObject({ checklist: RegistryChecklist, opinion: Text(2000) });
export const RegistryObjectionBody = z.strictObject({ reason: Text(2000) });
export const RegistryObjectionDecisionBody = z.strictObject({ upheld: z.boolean(), reason: Text(1000) });
export const RegistryObjectionQuery = z.strictObject({
  ...PageQuery,
  status: RegistryObjectionStatus.optional(),
  applicationId: Id('rap').optional(),
});

export const RegistryNotice = z.object({
  applicationId: z.string(),
  type: RegistrationType,
  category: RegistrationCategory,
  status: RegistrationStatus,
  applicantOrgName: z.string().nullable(),
  objectTitle: z.string(),
  rights: z.array(DataRight),
  scope: z.string().nullable(),
  certificateNo: z.string().nullable(),
  counterpartyOrgName: z.string().nullable(),
  noticeStartsAt: Timestamp,
  noticeEndsAt: Timestamp,
  objections: z.number().int(),
  open: z.boolean().describe('objections are still accepted'),
});
export type RegistryNotice = z.infer<typeof RegistryNotice>;
export const RegistryNoticeQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).default('true').describe('true: in notice now; false: also past notices'),
});

export const RegistryHoliday = z.object({
  day: z.string(),
  kind: z.enum(['holiday', 'workday']).describe('workday: a weekend day worked (调休)'),
  name: z.string(),
});
export type RegistryHoliday = z.infer<typeof RegistryHoliday>;
export const RegistryHolidayParams = z.strictObject({ day: Day });
export const RegistryHolidayBody = z.strictObject({ kind: RegistryHoliday.shape.kind, name: Text(40) });
export const RegistryHolidayQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Operator-editable values of the registration rules (RULES.md ⚠ lines are these defaults). */
export const RegistrySettings = z.object({
  acceptDays: z.number().int().min(1).max(60).describe('受理 within, working days'),
  reviewDays: z.number().int().min(1).max(120).describe('形式 + 实质审查 within, working days'),
  noticeDays: z.number().int().min(1).max(60).describe('公示 for, working days'),
  objectionDays: z.number().int().min(1).max(60).describe('异议处理 within, working days'),
  validityYears: z.number().int().min(1).max(30).describe('certificate validity from announcement'),
  renewalYears: z.number().int().min(1).max(30),
  renewWindowDays: z.number().int().min(1).max(3650).describe('renewal opens this many days before expiry'),
  noticeTypes: z.array(RegistrationType).max(20).describe('types that go through 公示'),
  certNoPrefix: z
    .string()
    .max(26)
    .regex(/^[A-Z]{2,8}(-[A-Z]{2,8}){0,2}$/, 'upper-case letters, e.g. SD-DR'),
  issuerName: z.string().min(1).max(100),
  financialOrgIds: z
    .array(z.string().max(40))
    .max(1000)
    .describe('orgs accepted as pledgees (质权人) by name'),
  financialNamePattern: z.string().max(300).describe('regex: org names accepted as financial institutions'),
});
export type RegistrySettings = z.infer<typeof RegistrySettings>;
export const UpdateRegistrySettingsBody = RegistrySettings.partial().strict();

export const RegistryParty = z.object({
  id: z.string(),
  name: z.string(),
  types: z.array(z.string()),
  financial: z.boolean().describe('accepted as a pledgee (质权人)'),
  certifier: z.boolean().describe('may be assigned as reviewer'),
});
export const RegistryPartyQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(['any', 'pledgee', 'reviewer']).default('any'),
});
