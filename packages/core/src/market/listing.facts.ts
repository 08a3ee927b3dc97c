import {
  type Commitments,
  type DeliveryMode,
  type Grade,
  type PriceModel,
  type PriceModelInput,
  type ProductScenario,
} from '@shuliu/contracts';
import { rawPersonalInfoReason } from '../catalog/index.js';
import { checkRight } from '../registry/index.js';
import { boardsRepository as boards } from './boards.repository.js';
import { ResourceNotYours } from './market.errors.js';
import { boardRulesOf } from './market.mappers.js';
import type { ListingFacts, ProductFacts, ResourceFacts } from './market.rules.js';
import type { DeclarationDoc } from './market.mappers.js';
import type { DeclarationSignatureRow } from './market.tables.js';
import type { Executor, MarketDeps } from './market.support.js';

type ResourceRow = NonNullable<Awaited<ReturnType<MarketDeps['resources']['row']>>>;

/** A resource of a product, with why its seller may list it. */
export interface Basis {
  row: ResourceRow;
  basis: 'owner' | 'org_grant' | 'operation';
  grantId: string | null;
  /** The authorized operation's price guidance, for public data under one. */
  capFen: number | null;
}

/**
 * The resources belong to the seller: its own, opened to it by an enterprise authorization (企业授权), or
 * public data it operates under an authorized operation (授权运营). Anything else — another org's resource, or
 * one that does not exist — is refused alike (403), so the answer tells nothing about resources not shown.
 */
export async function resolveBasis(
  deps: MarketDeps,
  tx: Executor,
  orgId: string,
  resourceIds: string[],
): Promise<Basis[]> {
  const out: Basis[] = [];
  for (const id of resourceIds) {
    const row = await deps.resources.row(id, tx);
    if (row?.owner_org_id === orgId) {
      out.push({ row, basis: 'owner', grantId: null, capFen: null });
      continue;
    }
    const operation = row ? await deps.consent.operations.operationOf(tx, orgId, id, deps.now()) : null;
    if (row && operation) {
      out.push({ row, basis: 'operation', grantId: operation.grantId, capFen: operation.priceGuidanceFen });
      continue;
    }
    const grant = row ? await deps.consent.orgGrants.grantFor(tx, orgId, id, row.grade as Grade) : null;
    if (!row || !grant)
      throw ResourceNotYours(`${id} is not a resource your org may list`, { resourceId: id });
    out.push({ row, basis: 'org_grant', grantId: grant, capFen: null });
  }
  return out;
}

/** A government-guided price as stored: with the cap that applies and the grants it comes from. */
export function storedPrice(m: PriceModelInput | null, basis: Basis[]): PriceModel | null {
  if (m?.kind !== 'government_guided') return m;
  const operated = basis.filter((b) => b.basis === 'operation');
  const caps = operated.map((b) => b.capFen!);
  return {
    ...m,
    // the cap is the lowest guidance among the grants; null while some resource is under none
    capFen: caps.length && operated.length === basis.length ? Math.min(...caps) : null,
    operationGrantIds: operated.map((b) => b.grantId!),
  };
}

/** What a product says of itself, as the rules read it. */
export interface ProductDraft {
  orgId: string;
  title: string;
  summary: string;
  description: string;
  sector: string;
  resourceIds: string[];
  deliveryModes: DeliveryMode[];
  boards: string[];
  priceModel: PriceModelInput | null;
  scenarios: ProductScenario[];
  commitments: Commitments;
  /** The declaration document as signed, and the org's signature over it (null until it signs). */
  declaration: DeclarationDoc;
  signature: DeclarationSignatureRow | null;
}

/** Gathers every fact the listing rules judge, inside `tx`: resources, rights, grants, the negative list, boards. */
export async function gatherFacts(deps: MarketDeps, tx: Executor, p: ProductDraft): Promise<ListingFacts> {
  const basis = await resolveBasis(deps, tx, p.orgId, p.resourceIds);
  const now = deps.now();
  const resources: ResourceFacts[] = [];
  for (const b of basis)
    resources.push({
      id: b.row.id,
      title: b.row.title,
      status: b.row.status,
      grade: b.row.grade as Grade,
      sectorPath: await deps.sectors.path(b.row.sector_code, tx),
      rawPersonalInfo: rawPersonalInfoReason(b.row),
      right: await checkRight(tx, { orgId: p.orgId, right: 'operating', resourceId: b.row.id }, now),
      operation: b.basis === 'operation' ? { grantId: b.grantId!, capFen: b.capFen! } : null,
    });
  // one query at a time: inside a transaction they share its one connection
  const sectorPath = await deps.sectors.path(p.sector, tx);
  const negative = await boards.negativeInForce(tx);
  const boardRows = await boards.byCodes(tx, p.boards);
  return {
    product: {
      orgId: p.orgId,
      title: p.title,
      summary: p.summary,
      description: p.description,
      sectorPath,
      deliveryModes: p.deliveryModes,
      priceModel: p.priceModel,
      scenarios: p.scenarios,
      commitments: p.commitments,
      signature: await signatureState(deps, tx, p),
    },
    resources,
    negative,
    boards: boardRows.map((b) => ({ code: b.code, name: b.name, rules: boardRulesOf(b.rules) })),
  };
}

/**
 * Whether the org's signature stands on the declaration as it is now: made with a key of the seller (retired
 * since or not: rotation keeps signatures valid) over this very document.
 */
async function signatureState(
  deps: MarketDeps,
  tx: Executor,
  p: ProductDraft,
): Promise<ProductFacts['signature']> {
  if (!p.signature) return 'missing';
  try {
    const r = await deps.orgKeys.verifyOrgSignature(p.declaration, { ...p.signature, orgId: p.orgId }, tx);
    return r.valid ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
