import {
  jcs,
  MAX_EXACT_PLAYERS,
  MAX_PLAYERS,
  shapleyExact,
  shapleySampled,
  shapleyShares,
  ShapleyInputError,
  validateShapleyInput,
  type RevenueShare,
  type RevenueShareBody,
  type ShapleyIssue,
  type ShapleyResult,
} from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { sm3Hex } from '../crypto/index.js';
import { notifyOrg, orgsByIds } from '../identity/index.js';
import { productsForSettlement } from '../market/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { toComputation, toRevenueShare, type StoredInputs } from './settlement.mappers.js';
import { settlementRepository as repo } from './settlement.repository.js';
import { ContributorUnknown, RevenueShareInvalid } from './trade.errors.js';
import type { Executor, TradeDeps } from './trade.support.js';

/**
 * 按贡献分配 (RULES.md Trading): a seller declares which orgs' data a product is built from and the utility each
 * subset of them reaches (a table of accuracies, records, coverage…); the Shapley value of each contributor is
 * computed from it — exactly for up to 12, by seeded permutation sampling with Hoeffding's error bound above —
 * and kept with its inputs and their SM3, audited, and shown to the seller, every contributor, the operator and
 * the regulator. Settlement splits the product's seller part by the latest computation's shares.
 */
export class RevenueShareService {
  constructor(private readonly deps: Pick<TradeDeps, 'db' | 'now'>) {}

  async declare(ctx: RequestContext, productId: string, b: RevenueShareBody): Promise<RevenueShare> {
    const p = requirePrincipal(ctx);
    const [product] = await productsForSettlement(this.deps.db, [productId]);
    if (!product) throw NotFound('product', productId);
    if (product.org_id !== p.orgId)
      throw Forbidden('only the seller declares how a product’s revenue is shared');
    const active = await orgsByIds(this.deps.db, b.contributors);
    const known = new Set(active.filter((o) => o.status === 'active').map((o) => o.id));
    const missing = b.contributors.filter((id) => !known.has(id));
    if (missing.length)
      throw ContributorUnknown(
        `not an active organization on the platform: ${missing.slice(0, 5).join(', ')}`,
        {
          missing,
        },
      );
    const inputs: StoredInputs = {
      players: b.contributors,
      utility: b.utility,
      method: b.method,
      seed: b.method === 'sampled' ? b.seed! : null,
      samples: b.method === 'sampled' ? b.samples! : null,
    };
    const result = compute(inputs);
    const shares = shapleyShares(result);
    const inputsHash = sm3Hex(jcs(inputs));
    const computationId = newId('shp');
    await this.deps.db.transaction().execute(async (tx) => {
      const version = await repo.saveDeclaration(tx, {
        product_id: productId,
        seller_org_id: product.org_id,
        contributors: b.contributors,
        utility: JSON.stringify(b.utility),
        utility_label: b.utilityLabel,
        method: b.method,
        seed: inputs.seed,
        samples: inputs.samples,
        updated_by: p.userId,
        updated_at: this.deps.now(),
      });
      await repo.insertComputation(tx, {
        id: computationId,
        product_id: productId,
        declaration_version: version,
        inputs: JSON.stringify(inputs),
        inputs_hash: inputsHash,
        result: JSON.stringify({ result, shares }),
        max_error_bound: result.method === 'sampled' ? result.maxErrorBound : null,
        run_by: p.userId,
        created_at: this.deps.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'trade.revenue_share.declare',
        objectType: 'product',
        objectId: productId,
        details: { version, contributors: b.contributors, method: b.method, utilityLabel: b.utilityLabel },
      });
      await recordAudit(tx, ctx, {
        action: 'trade.shapley.compute',
        objectType: 'shapley_computation',
        objectId: computationId,
        details: {
          productId,
          version,
          inputsHash,
          method: result.method,
          seed: inputs.seed,
          samples: inputs.samples,
          partsPerBillion: shares.partsPerBillion,
          maxErrorBound: result.method === 'sampled' ? result.maxErrorBound : null,
        },
      });
      await this.tellContributors(tx, b.contributors, product.org_id, productId, product.title);
    });
    return this.get(ctx, productId);
  }

  /** The declaration and its latest computation, to the seller, every contributor, the operator and regulator. */
  async get(ctx: RequestContext, productId: string): Promise<RevenueShare> {
    const p = requirePrincipal(ctx);
    const db = this.deps.db;
    const d = await repo.declaration(db, productId);
    const overseer = hasRole(ctx, 'operator', 'regulator');
    const party = !!p.orgId && (d?.seller_org_id === p.orgId || !!d?.contributors.includes(p.orgId));
    if (!d || !(overseer || party)) throw NotFound('revenue-share declaration of product', productId);
    const [[product], [latest], orgs] = await Promise.all([
      productsForSettlement(db, [productId]),
      repo.latestComputations(db, [productId]),
      orgsByIds(db, d.contributors),
    ]);
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    return toRevenueShare(
      d,
      { title: product?.title ?? null },
      names,
      latest ? toComputation(latest, names) : null,
    );
  }

  private async tellContributors(
    tx: Executor,
    contributors: string[],
    sellerOrgId: string,
    productId: string,
    title: string,
  ) {
    for (const org of contributors.filter((o) => o !== sellerOrgId))
      await notifyOrg(tx, org, ['org_admin', 'merchant'], {
        kind: 'trade.revenue_share.declared',
        title: '收益分配声明已更新',
        body: `产品「${title}」按贡献（沙普利值）分配收益，您是贡献方之一`,
        params: { productId },
        link: `/trade/revenue-share/${productId}`,
      });
  }
}

/** The Shapley values the declaration asks for; input the rules refuse becomes a 400 naming each field. */
function compute(i: StoredInputs): ShapleyResult {
  const max = i.method === 'exact' ? MAX_EXACT_PLAYERS : MAX_PLAYERS;
  const checked = validateShapleyInput(i.players, i.utility, max);
  if (!checked.ok) throw invalid(checked.issues);
  try {
    return i.method === 'exact'
      ? shapleyExact(i.players, i.utility)
      : shapleySampled(i.players, i.utility, { seed: i.seed!, samples: i.samples! });
  } catch (e) {
    if (e instanceof ShapleyInputError) throw invalid(e.issues);
    throw e;
  }
}

const invalid = (issues: ShapleyIssue[]) => {
  const named = issues.map((x) => ({
    path: `body.${x.path.replace(/^players/, 'contributors')}`,
    message: x.message,
  }));
  return RevenueShareInvalid(`${named[0]!.path}: ${named[0]!.message}`, { issues: named });
};
