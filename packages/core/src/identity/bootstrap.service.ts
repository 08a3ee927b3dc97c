import type { OrgType, Role } from '@shuliu/contracts';
import { validateUscc } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { Invalid, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { UsccTaken, UsernameTaken } from './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import { disallowedRoles } from './identity.rules.js';
import { hashPassword } from './passwords.js';

type Executor = Kysely<DB>;

export interface DirectOrg {
  name: string;
  nameEn?: string;
  uscc: string;
  types: OrgType[];
  merchantKinds?: string[];
  providerKinds?: string[];
  region?: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
}

export interface DirectUser {
  username: string;
  displayName: string;
  password: string;
  orgId: string | null;
  roles: Role[];
  email?: string;
  phone?: string;
}

/**
 * What the command line (and the demo seed) may do without a logged-in operator: create the platform
 * operator's own organization and its first accounts. Each step is audited with the system as actor.
 */
export class BootstrapService {
  constructor(private readonly db: Executor) {}

  async createActiveOrg(ctx: RequestContext, o: DirectOrg): Promise<string> {
    const check = validateUscc(o.uscc);
    if (!check.valid)
      throw Invalid('IDENTITY_USCC_INVALID', `统一社会信用代码 ${check.message}`, { field: 'uscc' });
    const id = newId('org');
    await this.db.transaction().execute(async (tx) => {
      if (await repo.findOrgByUscc(tx, o.uscc)) throw UsccTaken(undefined, { field: 'uscc' });
      await tx
        .insertInto('orgs')
        .values({
          id,
          name: o.name,
          name_en: o.nameEn ?? null,
          uscc: o.uscc,
          types: o.types,
          merchant_kinds: o.merchantKinds ?? [],
          provider_kinds: o.providerKinds ?? [],
          region: o.region ?? null,
          contact_name: o.contactName,
          contact_phone: o.contactPhone,
          contact_email: o.contactEmail ?? null,
          status: 'active',
        })
        .execute();
      await recordAudit(tx, ctx, {
        action: 'identity.org.create',
        objectType: 'org',
        objectId: id,
        orgId: id,
        details: { name: o.name, uscc: o.uscc, types: o.types },
      });
    });
    return id;
  }

  async createActiveUser(ctx: RequestContext, u: DirectUser): Promise<string> {
    const passwordHash = await hashPassword(u.password);
    const id = newId('usr');
    await this.db.transaction().execute(async (tx) => {
      const org = u.orgId ? await repo.findOrgById(tx, u.orgId) : null;
      if (u.orgId && !org) throw NotFound('organization', u.orgId);
      const bad = disallowedRoles(u.roles, org ? (org.types as OrgType[]) : null);
      if (bad.length)
        throw Invalid(
          'IDENTITY_ROLE_NOT_ALLOWED',
          `the organization may not hold the roles: ${bad.join(', ')}`,
          { roles: bad },
        );
      if (await repo.findUserByUsername(tx, u.username))
        throw UsernameTaken(undefined, { field: 'username' });
      await tx
        .insertInto('users')
        .values({
          id,
          username: u.username.toLowerCase(),
          display_name: u.displayName,
          email: u.email ?? null,
          phone: u.phone ?? null,
          org_id: u.orgId,
          roles: u.roles,
          status: 'active',
          password_hash: passwordHash,
          locked_until: null,
          last_login_at: null,
        })
        .execute();
      await recordAudit(tx, ctx, {
        action: 'identity.user.create',
        objectType: 'user',
        objectId: id,
        orgId: u.orgId,
        details: { username: u.username, roles: u.roles },
      });
    });
    return id;
  }

  /** The platform operator org, if one exists. */
  async findOperatorOrgId(): Promise<string | null> {
    const row = await this.db
      .selectFrom('orgs')
      .select('id')
      .where((eb) => eb(eb.val('operator'), '=', eb.fn.any('types')))
      .orderBy('created_at')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async isEmpty(): Promise<boolean> {
    const r = await this.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
    return !r;
  }
}
