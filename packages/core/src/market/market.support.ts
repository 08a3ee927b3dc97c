import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ResourcesService, SectorsService } from '../catalog/index.js';
import type { OperationGrantsService, OrgGrantsService } from '../consent/index.js';
import type { KeyService, OrgKeysService } from '../crypto/index.js';
import type { LedgerService } from '../ledger/index.js';
import type { Registry } from '../registry/index.js';
import { hasRole, type RequestContext } from '../shared/context.js';
import { boardsRepository as boards } from './boards.repository.js';
import type { ProductRow } from './products.repository.js';

export type Executor = Kysely<DB>;
export type Clock = () => Date;

/** What the market needs of the platform: its database, the ledger, and the domains it asks. */
export interface MarketDeps {
  db: Executor;
  keys: Pick<KeyService, 'ensureSigningKey'>;
  orgKeys: Pick<OrgKeysService, 'signAsOrg' | 'verifyOrgSignature' | 'list'>;
  ledger: Pick<LedgerService, 'appendIn'>;
  resources: ResourcesService;
  sectors: SectorsService;
  registry: Pick<Registry, 'certificates'>;
  consent: {
    orgGrants: Pick<OrgGrantsService, 'grantFor'>;
    operations: Pick<OperationGrantsService, 'operationOf'>;
  };
  now: Clock;
  /** The data-quality listing condition (the quality domain's operator minimum); throws a 409 when unmet. */
  qualityGate?: (tx: Executor, resourceIds: string[]) => Promise<void>;
  /** Runs in the transaction that lists a product (挂牌): the demand matcher hears of it there. */
  onListed?: (tx: Executor, productId: string) => Promise<void>;
}

/** Who the caller is to a product: its seller's member, the operator or regulator, or one of its reviewers. */
export async function relationTo(db: Executor, ctx: RequestContext, p: ProductRow) {
  const principal = ctx.principal;
  const seller = !!principal?.orgId && principal.orgId === p.org_id;
  const overseer = hasRole(ctx, 'operator', 'regulator');
  const reviewer =
    !!principal &&
    hasRole(ctx, 'provider') &&
    (await boards.boardsOf(db, principal.userId)).some((b) => p.board_codes.includes(b));
  return { seller, overseer, reviewer, any: seller || overseer || reviewer };
}
