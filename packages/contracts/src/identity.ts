import { z } from 'zod';
import { validateUscc } from './rules/check-digits.js';
import { isCommonPassword } from './rules/password-policy.js';
import { Id, Timestamp } from './common.js';

export const ROLES = [
  'operator',
  'regulator',
  'authority',
  'merchant',
  'buyer',
  'provider',
  'person',
  'agent',
  'org_admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ORG_TYPES = ['operator', 'regulator', 'authority', 'merchant', 'buyer', 'provider'] as const;
export const OrgType = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof OrgType>;

/** 数据商 kinds (技术型/服务型/应用型) and third-party service kinds. */
export const MerchantKind = z.enum(['technical', 'service', 'application']);
export const ProviderKind = z.enum(['certifier', 'valuer', 'auditor', 'mediator', 'arbitrator', 'broker']);

export const Uscc = z
  .string()
  .max(40)
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const r = validateUscc(code);
    if (!r.valid)
      ctx.addIssue({
        code: 'custom',
        message: `统一社会信用代码 ${r.message}`,
        params: { problem: r.problem },
      });
  })
  .describe('统一社会信用代码 (GB 32100, check digits verified)');

export const OrgStatus = z.enum(['pending', 'active', 'rejected', 'suspended']);
export type OrgStatus = z.infer<typeof OrgStatus>;

export const Org = z.object({
  id: Id('org'),
  name: z.string(),
  nameEn: z.string().nullable(),
  uscc: z.string(),
  types: z.array(OrgType),
  merchantKinds: z.array(MerchantKind),
  providerKinds: z.array(ProviderKind),
  region: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  status: OrgStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Org = z.infer<typeof Org>;

export const UserStatus = z.enum(['pending', 'active', 'disabled']);
export const User = z.object({
  id: Id('usr'),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  orgId: Id('org').nullable(),
  orgName: z.string().nullable(),
  roles: z.array(Role),
  status: UserStatus,
  locked: z.boolean(),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  /** After an administrator's reset: the user must choose a new password before doing anything else. */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof User>;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'may contain only letters, digits, ".", "_" and "-"');
export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256)
  .refine((p) => /[a-zA-Z]/.test(p) && /\d/.test(p), 'must contain letters and digits')
  .refine((p) => !isCommonPassword(p), 'is too common: choose one that is not on lists of popular passwords');
export const Mobile = z
  .string()
  .max(11)
  .regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mainland mobile number');

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const LoginReply = z.object({ token: z.string(), expiresAt: Timestamp, user: User });

export const Me = z.object({
  user: User,
  org: Org.nullable(),
  session: z.object({
    kind: z.enum(['session', 'api_token']),
    id: z.string(),
    expiresAt: Timestamp.nullable(),
  }),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({
  id: Id('ses'),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const ApiToken = z.object({
  id: Id('tok'),
  name: z.string(),
  prefix: z.string().describe('first characters of the token, to recognise it'),
  roles: z.array(Role),
  readOnly: z.boolean(),
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  roles: z.array(Role).min(1).max(20).describe('a subset of the creating user’s roles'),
  readOnly: z.boolean().default(false),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const CreatedApiToken = z.object({ token: z.string().describe('shown once'), apiToken: ApiToken });

export const OrgFields = z.strictObject({
  name: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().max(200).optional(),
  uscc: Uscc,
  /** The operator's and the regulators' own orgs are set up from the command line, never by application. */
  types: z
    .array(OrgType.exclude(['operator', 'regulator']))
    .min(1)
    .max(5),
  merchantKinds: z.array(MerchantKind).max(20).default([]),
  providerKinds: z.array(ProviderKind).max(20).default([]),
  region: z.string().trim().max(100).optional(),
  contactName: z.string().trim().min(1).max(100),
  contactPhone: Mobile,
  contactEmail: z.email().max(254).optional(),
});

export const Declaration = z.enum(['truthful', 'lawfulOperation', 'dataSecurity', 'acceptRules']);
export const ApplicationStatus = z.enum(['pending', 'approved', 'rejected']);

export const SubmitApplicationBody = z.strictObject({
  org: OrgFields,
  admin: z.strictObject({
    username: Username,
    displayName: z.string().trim().min(1).max(100),
    password: Password,
    email: z.email().max(254).optional(),
    phone: Mobile.optional(),
  }),
  /** 声明承诺: every declaration must be affirmed. */
  declarations: z
    .array(Declaration)
    .max(20)
    .refine((d) => Declaration.options.every((x) => d.includes(x)), 'every declaration must be affirmed'),
});

export const Application = z.object({
  id: Id('app'),
  status: ApplicationStatus,
  org: Org,
  adminUsername: z.string(),
  declarations: z.array(Declaration),
  submittedAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  history: z.array(
    z.object({
      at: Timestamp,
      action: z.string(),
      actor: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type Application = z.infer<typeof Application>;

export const DecisionBody = z.strictObject({ reason: z.string().trim().max(1000).optional() });
export const RejectBody = z.strictObject({ reason: z.string().trim().min(2).max(1000) });

export const CreateUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  password: Password,
  email: z.email().max(254).optional(),
  phone: Mobile.optional(),
  orgId: Id('org').optional().describe('operators may create users in any org; others only in their own'),
  roles: z.array(Role).min(1).max(20),
});
export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(254).nullable().optional(),
  phone: Mobile.nullable().optional(),
  roles: z.array(Role).min(1).max(20).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const ResetPasswordBody = z.strictObject({ password: Password });
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: Password,
});
