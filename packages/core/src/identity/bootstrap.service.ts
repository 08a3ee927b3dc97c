import type { OrgType, Role } from '@shuliu/contracts';
import { validateUscc } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { UsccInvalid, UsccTaken } from './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import { createActiveUser } from './user-creation.js';

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
    if (!check.valid) throw UsccInvalid(`统一社会信用代码 ${check.message}`, { field: 'uscc' });
    const id = newId('org');
    await this.db.transaction().execute(async (tx) => {
      if (await repo.findOrgByUscc(tx, o.uscc)) throw UsccTaken(undefined, { field: 'uscc' });
      await repo.insertOrg(tx, {
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
      });
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

  createActiveUser(ctx: RequestContext, u: DirectUser): Promise<string> {
    return createActiveUser(this.db, ctx, u, { requireActiveOrg: false });
  }

  /** The platform operator org, if one exists. */
  findOperatorOrgId(): Promise<string | null> {
    return repo.findOperatorOrgId(this.db);
  }

  async isEmpty(): Promise<boolean> {
    return !(await repo.anyOrgExists(this.db));
  }
}
