import type { Org, Paged } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyUsers } from '../notifications/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { OrgNotActive, SelfLockout } from './identity.errors.js';
import { toOrg } from './identity.mappers.js';
import { identityRepository as repo } from './identity.repository.js';

type Executor = Kysely<DB>;

/** Organizations as operators and regulators see them. */
export class OrgsService {
  constructor(private readonly db: Executor) {}

  async list(
    f: { status?: string; type?: string; q?: string },
    page: number,
    pageSize: number,
  ): Promise<Paged<Org>> {
    const { rows, total } = await repo.searchOrgs(this.db, f, page, pageSize);
    return { items: rows.map(toOrg), total, page, pageSize };
  }

  async get(id: string): Promise<Org> {
    const org = await repo.findOrgById(this.db, id);
    if (!org) throw NotFound('organization', id);
    return toOrg(org);
  }

  async setStatus(
    ctx: RequestContext,
    id: string,
    status: 'active' | 'suspended',
    reason: string,
  ): Promise<Org> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const org = await repo.lockOrg(tx, id);
      if (!org) throw NotFound('organization', id);
      if (org.id === p.orgId && status === 'suspended')
        throw SelfLockout('you cannot suspend your own organization');
      if (org.status !== 'active' && org.status !== 'suspended')
        throw OrgNotActive(
          `an organization in status ${org.status} cannot be ${status === 'active' ? 'reactivated' : 'suspended'}`,
          { status: org.status },
        );
      await repo.updateOrg(tx, id, { status, updated_at: new Date() });
      const members = await repo.activeMemberIds(tx, id);
      await notifyUsers(tx, members, {
        kind: status === 'suspended' ? 'identity.org_suspended' : 'identity.org_reactivated',
        title: status === 'suspended' ? '机构已被暂停' : '机构已恢复',
        body: `${org.name}：${reason}`,
        params: { reason },
      });
      await recordAudit(tx, ctx, {
        action: 'identity.org.status',
        objectType: 'org',
        objectId: id,
        orgId: id,
        details: { from: org.status, to: status, reason },
      });
    });
    return this.get(id);
  }
}
