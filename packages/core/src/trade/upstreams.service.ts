import type { Upstream, UpstreamBody } from '@shuliu/contracts';
import type { z } from 'zod';
import type { UpstreamBody as UpstreamBodySchema } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { productForDeal } from '../market/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { Invalid, NotFound } from '../shared/errors.js';
import { gatewayRepository as repo } from './gateway.repository.js';
import { NotApiDelivery, UpstreamUrlRefused } from './gateway.errors.js';
import { upstreamUrlRefused } from './gateway.rules.js';
import { DEFAULT_GATEWAY, type Executor, type TradeDeps } from './trade.support.js';
import type { Selectable } from 'kysely';
import type { TradeApiUpstreamsTable } from './trade.tables.js';

type Body = z.output<typeof UpstreamBodySchema>;
type Row = Selectable<TradeApiUpstreamsTable>;

/** What the sealed credential is bound to: moved to another product's row, it does not open. */
const aad = (productId: string) => `trade_api_upstreams:${productId}`;

const toUpstream = (r: Row): Upstream => ({
  productId: r.product_id,
  url: r.url,
  credentialHeader: r.credential_header,
  hasCredential: r.credential_sealed !== null,
  ratePerSecond: r.rate_per_second,
  timeoutMs: r.timeout_ms,
  updatedAt: r.updated_at.toISOString(),
});

/** The upstream the gateway calls for a product, as it uses it: the credential opened. */
export interface ResolvedUpstream {
  url: URL;
  credential: { header: string; value: string } | null;
  ratePerSecond: number;
  timeoutMs: number;
}

/**
 * 接口交付: where an API product is served from. Its seller names the upstream URL and the credential the
 * gateway adds to each call — stored sealed under the platform's data key, never shown again nor logged.
 */
export class UpstreamsService {
  private readonly rules;
  /** Told when a product's upstream changes (the gateway forgets what it cached of its orders). */
  onChanged: (productId: string) => void = () => {};

  constructor(private readonly deps: TradeDeps) {
    this.rules = deps.gateway ?? DEFAULT_GATEWAY;
  }

  async get(ctx: RequestContext, productId: string): Promise<Upstream> {
    await this.ownApiProduct(ctx, productId);
    const row = await repo.upstream(this.deps.db, productId);
    if (!row) throw NotFound('upstream of product', productId);
    return toUpstream(row);
  }

  async set(ctx: RequestContext, productId: string, b: Body | UpstreamBody): Promise<Upstream> {
    const p = requirePrincipal(ctx);
    await this.ownApiProduct(ctx, productId);
    const refused = upstreamUrlRefused(b.url, this.rules.allowPrivateUpstreams);
    if (refused) throw UpstreamUrlRefused(`the gateway does not reach ${refused}`, { field: 'url' });
    const rate = b.ratePerSecond ?? this.rules.defaultRatePerSecond;
    if (rate > this.rules.maxRatePerSecond)
      throw Invalid('VALIDATION_FAILED', `ratePerSecond: at most ${this.rules.maxRatePerSecond}`, {
        field: 'ratePerSecond',
      });
    const before = await repo.upstream(this.deps.db, productId);
    const header = b.credentialHeader ?? null;
    // absent: the stored credential stays (the form never has it to send back); null or no header: none
    const sealed =
      header === null || b.credential === null
        ? null
        : b.credential === undefined
          ? (before?.credential_sealed ?? null)
          : await this.deps.keys.encrypt(b.credential, aad(productId));
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.saveUpstream(tx, {
        product_id: productId,
        url: b.url,
        credential_header: header,
        credential_sealed: sealed,
        rate_per_second: rate,
        timeout_ms: b.timeoutMs ?? 30_000,
        updated_by: p.userId,
        updated_at: this.deps.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'trade.upstream.set',
        objectType: 'product',
        objectId: productId,
        // the host only: a URL may carry a query the seller considers private, and never the credential
        details: {
          host: new URL(b.url).host,
          credentialHeader: header,
          hasCredential: sealed !== null,
          rate,
        },
      });
    });
    this.onChanged(productId);
    return this.get(ctx, productId);
  }

  /** The upstream with its credential opened, for the gateway; null when the seller has set none. */
  async resolve(db: Executor, productId: string): Promise<ResolvedUpstream | null> {
    const row = await repo.upstream(db, productId);
    if (!row) return null;
    const value = row.credential_sealed
      ? (await this.deps.keys.decrypt(row.credential_sealed, aad(productId))).toString('utf8')
      : null;
    return {
      url: new URL(row.url),
      credential: row.credential_header && value !== null ? { header: row.credential_header, value } : null,
      ratePerSecond: row.rate_per_second,
      timeoutMs: row.timeout_ms,
    };
  }

  /** The caller's org's product, delivered by API (another org's is not found). */
  private async ownApiProduct(ctx: RequestContext, productId: string) {
    const p = requirePrincipal(ctx);
    const product = await productForDeal(this.deps.db, productId);
    if (!product || product.org_id !== p.orgId) throw NotFound('product', productId);
    if (!product.delivery_modes.includes('api'))
      throw NotApiDelivery(`the product is delivered as ${product.delivery_modes.join(', ')}, not by API`, {
        deliveryModes: product.delivery_modes,
      });
    return product;
  }
}
