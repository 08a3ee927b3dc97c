import { z } from 'zod';
import { IdParams, Ok, PageQuery, paged, QueryBool } from './common.js';
import { authenticated, defineRoute, publicAccess, roles } from './route.js';
import {
  ApiToken,
  Application,
  ApplicationStatus,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  CreateUserBody,
  DecisionBody,
  LoginBody,
  LoginReply,
  Me,
  Org,
  OrgStatus,
  OrgType,
  RejectBody,
  ResetPasswordBody,
  Role,
  Session,
  SubmitApplicationBody,
  UpdateUserBody,
  User,
} from './identity.js';
import { AuditEvent, AuditQuery, AuditVerifyReply } from './audit.js';
import { Notification, NotificationQuery, UnreadCount } from './notifications.js';
import {
  AnchorReply,
  ConsistencyProof,
  ConsistencyQuery,
  InclusionProof,
  InclusionQuery,
  LedgerCheckpoint,
  LedgerEntriesQuery,
  LedgerEntryReply,
  LedgerIndexParams,
  LedgerKey,
} from './ledger.js';
import { catalogRoutes } from './catalog.api.js';
import { sharingRoutes, surveyRoutes } from './sharing.api.js';
import { registryRoutes } from './registry.api.js';
import { consentRoutes } from './consent.api.js';
import { memberTokenRoutes } from './member-tokens.api.js';
import { orgKeyRoutes } from './org-keys.api.js';
import { impactRoutes, platformSettingsRoutes } from './settings.api.js';
import { marketRoutes } from './market.api.js';
import { demandRoutes } from './market-demands.api.js';
import { tradeRoutes } from './trade.api.js';
import { tradeOrderRoutes } from './trade-orders.api.js';
import { tradeDeliveryRoutes } from './trade-deliveries.api.js';
import { tradeGatewayRoutes } from './trade-gateway.api.js';
import { computeRoutes } from './compute.api.js';
import { tradeSettlementRoutes } from './trade-settlement.api.js';
import { qualityRoutes } from './quality.api.js';
import { dcmmRoutes } from './dcmm.api.js';
import { qualityProgrammeRoutes } from './quality-programmes.api.js';
import { assetRoutes } from './assets.api.js';

export const Health = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

const system = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database kind',
    tags: ['system'],
    access: publicAccess,
    response: Health,
  }),
};

const auth = {
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in with username and password',
    tags: ['auth'],
    access: publicAccess,
    body: LoginBody,
    response: LoginReply,
    audit: 'identity.session.login',
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Revoke the current session',
    tags: ['auth'],
    access: authenticated,
    response: Ok,
    audit: 'identity.session.logout',
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/me',
    summary: 'The calling user, org and session',
    tags: ['auth'],
    access: authenticated,
    response: Me,
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/me/password',
    summary: 'Change own password (ends other sessions)',
    tags: ['auth'],
    access: authenticated,
    body: ChangePasswordBody,
    response: Ok,
    audit: 'identity.user.password_change',
  }),
  sessions: defineRoute({
    method: 'GET',
    path: '/api/me/sessions',
    summary: 'Own active sessions',
    tags: ['auth'],
    access: authenticated,
    response: z.object({ items: z.array(Session) }),
  }),
  revokeSession: defineRoute({
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    summary: 'Revoke one of own sessions',
    tags: ['auth'],
    access: authenticated,
    params: IdParams('ses'),
    response: Ok,
    audit: 'identity.session.revoke',
  }),
  tokens: defineRoute({
    method: 'GET',
    path: '/api/me/tokens',
    summary: 'Own API tokens',
    tags: ['auth'],
    access: authenticated,
    response: z.object({ items: z.array(ApiToken) }),
  }),
  createToken: defineRoute({
    method: 'POST',
    path: '/api/me/tokens',
    summary: 'Create a scoped API token for a machine',
    tags: ['auth'],
    access: roles(
      'operator',
      'regulator',
      'authority',
      'merchant',
      'buyer',
      'provider',
      'agent',
      'org_admin',
    ),
    body: CreateApiTokenBody,
    response: CreatedApiToken,
    status: 201,
    audit: 'identity.token.create',
  }),
  revokeToken: defineRoute({
    method: 'DELETE',
    path: '/api/me/tokens/:id',
    summary: 'Revoke an API token',
    tags: ['auth'],
    access: authenticated,
    params: IdParams('tok'),
    response: Ok,
    audit: 'identity.token.revoke',
  }),
};

const onboarding = {
  submit: defineRoute({
    method: 'POST',
    path: '/api/onboarding/applications',
    summary: 'Apply to join as an organization (入驻申请)',
    tags: ['onboarding'],
    access: publicAccess,
    body: SubmitApplicationBody,
    response: Application,
    status: 201,
    audit: 'identity.application.submit',
  }),
  mine: defineRoute({
    method: 'GET',
    path: '/api/onboarding/applications/mine',
    summary: 'The calling user’s own org application',
    tags: ['onboarding'],
    access: authenticated,
    response: Application,
  }),
  resubmit: defineRoute({
    method: 'PUT',
    path: '/api/onboarding/applications/mine',
    summary: 'Correct and resubmit a rejected application',
    tags: ['onboarding'],
    access: authenticated,
    body: SubmitApplicationBody.pick({ org: true, declarations: true }),
    response: Application,
    audit: 'identity.application.resubmit',
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/onboarding/applications',
    summary: 'Applications to review',
    tags: ['onboarding'],
    access: roles('operator'),
    query: z.strictObject({
      ...PageQuery,
      status: ApplicationStatus.optional(),
      q: z.string().max(100).optional(),
    }),
    response: paged(Application),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/onboarding/applications/:id',
    summary: 'One application',
    tags: ['onboarding'],
    access: roles('operator'),
    params: IdParams('app'),
    response: Application,
  }),
  approve: defineRoute({
    method: 'POST',
    path: '/api/onboarding/applications/:id/approve',
    summary: 'Approve: the org becomes active',
    tags: ['onboarding'],
    access: roles('operator'),
    params: IdParams('app'),
    body: DecisionBody,
    response: Application,
    audit: 'identity.application.approve',
  }),
  reject: defineRoute({
    method: 'POST',
    path: '/api/onboarding/applications/:id/reject',
    summary: 'Reject with a reason',
    tags: ['onboarding'],
    access: roles('operator'),
    params: IdParams('app'),
    body: RejectBody,
    response: Application,
    audit: 'identity.application.reject',
  }),
};

const orgs = {
  list: defineRoute({
    method: 'GET',
    path: '/api/orgs',
    summary: 'Organizations',
    tags: ['orgs'],
    access: roles('operator', 'regulator'),
    query: z.strictObject({
      ...PageQuery,
      status: OrgStatus.optional(),
      type: OrgType.optional(),
      q: z.string().max(100).optional(),
    }),
    response: paged(Org),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/orgs/:id',
    summary: 'One organization',
    tags: ['orgs'],
    access: roles('operator', 'regulator'),
    params: IdParams('org'),
    response: Org,
  }),
  setStatus: defineRoute({
    method: 'POST',
    path: '/api/orgs/:id/status',
    summary: 'Suspend or reactivate an organization',
    tags: ['orgs'],
    access: roles('operator'),
    params: IdParams('org'),
    body: z.strictObject({
      status: z.enum(['active', 'suspended']),
      reason: z.string().trim().min(2).max(1000),
    }),
    response: Org,
    audit: 'identity.org.status',
  }),
};

const users = {
  list: defineRoute({
    method: 'GET',
    path: '/api/users',
    summary: 'Users (operators: all; org admins: their org)',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    query: z.strictObject({
      ...PageQuery,
      orgId: z.string().max(40).optional(),
      role: Role.optional(),
      status: z.enum(['pending', 'active', 'disabled']).optional(),
      locked: QueryBool.optional(),
      q: z.string().max(100).optional(),
    }),
    response: paged(User),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/users',
    summary: 'Create a user',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    body: CreateUserBody,
    response: User,
    status: 201,
    audit: 'identity.user.create',
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/users/:id',
    summary: 'One user',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    params: IdParams('usr'),
    response: User,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change roles, status or profile',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    params: IdParams('usr'),
    body: UpdateUserBody,
    response: User,
    audit: 'identity.user.update',
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/users/:id/password',
    summary: 'Set a new password (ends their sessions)',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    params: IdParams('usr'),
    body: ResetPasswordBody,
    response: Ok,
    audit: 'identity.user.password_reset',
  }),
  unlock: defineRoute({
    method: 'POST',
    path: '/api/users/:id/unlock',
    summary: 'Clear a lockout after failed logins',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    params: IdParams('usr'),
    response: User,
    audit: 'identity.user.unlock',
  }),
};

const audit = {
  list: defineRoute({
    method: 'GET',
    path: '/api/audit/events',
    summary: 'Audit events with filters',
    tags: ['audit'],
    access: roles('operator', 'regulator'),
    query: AuditQuery,
    response: paged(AuditEvent),
  }),
  verify: defineRoute({
    method: 'GET',
    path: '/api/audit/verify',
    summary: 'Recompute the hash chain and report the first bad row',
    tags: ['audit'],
    access: roles('operator', 'regulator'),
    response: AuditVerifyReply,
  }),
};

const notifications = {
  list: defineRoute({
    method: 'GET',
    path: '/api/notifications',
    summary: 'Own in-portal messages (站内消息)',
    tags: ['notifications'],
    access: authenticated,
    query: NotificationQuery,
    response: paged(Notification),
  }),
  unreadCount: defineRoute({
    method: 'GET',
    path: '/api/notifications/unread-count',
    summary: 'Number of unread messages',
    tags: ['notifications'],
    access: authenticated,
    response: UnreadCount,
  }),
  markRead: defineRoute({
    method: 'POST',
    path: '/api/notifications/:id/read',
    summary: 'Mark one message read',
    tags: ['notifications'],
    access: authenticated,
    params: IdParams('ntf'),
    response: Ok,
    audit: 'notification.read',
  }),
  markAllRead: defineRoute({
    method: 'POST',
    path: '/api/notifications/read-all',
    summary: 'Mark every message read',
    tags: ['notifications'],
    access: authenticated,
    response: UnreadCount,
    audit: 'notification.read_all',
  }),
};

// The ledger's read routes are public on purpose: anyone may check that a certificate, contract or consent
// grant is in the log, and that the log never rewrote its history.
const ledger = {
  checkpoint: defineRoute({
    method: 'GET',
    path: '/api/ledger/checkpoint',
    summary: 'Latest signed checkpoint (or the one at treeSize)',
    tags: ['ledger'],
    access: publicAccess,
    query: z.strictObject({ treeSize: LedgerIndexParams.shape.index.min(1).optional() }),
    response: LedgerCheckpoint,
  }),
  entries: defineRoute({
    method: 'GET',
    path: '/api/ledger/entries',
    summary: 'Entries, newest first',
    tags: ['ledger'],
    access: publicAccess,
    query: LedgerEntriesQuery,
    response: paged(LedgerEntryReply),
  }),
  entry: defineRoute({
    method: 'GET',
    path: '/api/ledger/entries/:index',
    summary: 'One entry: the canonical JSON that was hashed, and its leaf hash',
    tags: ['ledger'],
    access: publicAccess,
    params: LedgerIndexParams,
    response: LedgerEntryReply,
  }),
  inclusion: defineRoute({
    method: 'GET',
    path: '/api/ledger/proof/inclusion',
    summary: 'RFC 9162 inclusion proof of one entry in a tree size',
    tags: ['ledger'],
    access: publicAccess,
    query: InclusionQuery,
    response: InclusionProof,
  }),
  consistency: defineRoute({
    method: 'GET',
    path: '/api/ledger/proof/consistency',
    summary: 'RFC 9162 consistency proof between two tree sizes',
    tags: ['ledger'],
    access: publicAccess,
    query: ConsistencyQuery,
    response: ConsistencyProof,
  }),
  keys: defineRoute({
    method: 'GET',
    path: '/api/ledger/keys',
    summary: 'Public keys that signed checkpoints, retired ones included',
    tags: ['ledger'],
    access: publicAccess,
    response: z.object({ items: z.array(LedgerKey) }),
  }),
  rotateKey: defineRoute({
    method: 'POST',
    path: '/api/ledger/keys/rotate',
    summary: 'Retire the signing key and create its successor (recorded in the ledger)',
    tags: ['ledger'],
    access: roles('operator'),
    response: LedgerKey,
    audit: 'crypto.key.rotate',
  }),
  anchor: defineRoute({
    method: 'POST',
    path: '/api/ledger/anchor',
    summary: 'Anchor the audit chain head in the ledger now',
    tags: ['ledger'],
    access: roles('operator', 'regulator'),
    response: AnchorReply,
    audit: 'ledger.audit_anchor',
  }),
};

/** Every route of the API, grouped by area. The server registers exactly these; the SDK calls them. */
export const api = {
  system,
  auth,
  onboarding,
  orgs,
  users,
  audit,
  notifications,
  ledger,
  catalog: catalogRoutes,
  sharing: sharingRoutes,
  survey: surveyRoutes,
  registry: registryRoutes,
  consent: consentRoutes,
  memberTokens: memberTokenRoutes,
  orgKeys: orgKeyRoutes,
  settings: platformSettingsRoutes,
  impact: impactRoutes,
  market: marketRoutes,
  demands: demandRoutes,
  trade: tradeRoutes,
  orders: tradeOrderRoutes,
  deliveries: tradeDeliveryRoutes,
  gateway: tradeGatewayRoutes,
  settlement: tradeSettlementRoutes,
  compute: computeRoutes,
  quality: qualityRoutes,
  dcmm: dcmmRoutes,
  qualityProgrammes: qualityProgrammeRoutes,
  assets: assetRoutes,
};
