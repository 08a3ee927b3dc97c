import { ROLES, type Role } from '@shuliu/contracts';
import type { MeReply } from '../../auth/AuthProvider';

/**
 * Roles the caller may hand out: operators any; an org admin those its org's types allow, plus admin and
 * machine roles. The server has the last word; this only keeps impossible choices out of the form.
 */
export function assignableRoles(me: MeReply | undefined): readonly Role[] {
  if (!me) return [];
  if (me.user.roles.includes('operator')) return ROLES;
  const types = me.org?.types ?? [];
  return ROLES.filter((r) => (types as readonly string[]).includes(r) || r === 'org_admin' || r === 'agent');
}
