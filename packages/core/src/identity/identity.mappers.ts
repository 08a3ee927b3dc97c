import type { ApiToken, Application, Org, OrgStatus, OrgType, Role, User } from '@shuliu/contracts';
import type { Selectable } from 'kysely';
import type { ApiTokensTable, OrgApplicationsTable, OrgsTable, UsersTable } from './identity.tables.js';

type OrgRow = Selectable<OrgsTable>;
type UserRow = Selectable<UsersTable>;

export const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  name: r.name,
  nameEn: r.name_en,
  uscc: r.uscc,
  types: r.types as OrgType[],
  merchantKinds: r.merchant_kinds as Org['merchantKinds'],
  providerKinds: r.provider_kinds as Org['providerKinds'],
  region: r.region,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  contactEmail: r.contact_email,
  status: r.status as OrgStatus,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const toUser = (r: UserRow, orgName: string | null, now = new Date()): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  email: r.email,
  phone: r.phone,
  orgId: r.org_id,
  orgName,
  roles: r.roles as Role[],
  status: r.status as User['status'],
  locked: r.locked_until !== null && r.locked_until > now,
  lastLoginAt: r.last_login_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  mustChangePassword: r.must_change_password,
});

export const toApplication = (
  a: Selectable<OrgApplicationsTable>,
  org: OrgRow,
  adminUsername: string,
): Application => ({
  id: a.id,
  status: a.status as Application['status'],
  org: toOrg(org),
  adminUsername,
  declarations: a.declarations as Application['declarations'],
  submittedAt: a.submitted_at.toISOString(),
  decidedAt: a.decided_at?.toISOString() ?? null,
  decidedBy: a.decided_by,
  reason: a.reason,
  history: a.history,
});

export const toApiToken = (t: Selectable<ApiTokensTable>): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  roles: t.roles as Role[],
  readOnly: t.read_only,
  expiresAt: t.expires_at?.toISOString() ?? null,
  lastUsedAt: t.last_used_at?.toISOString() ?? null,
  revokedAt: t.revoked_at?.toISOString() ?? null,
  createdAt: t.created_at.toISOString(),
});
