import { randomBytes } from 'node:crypto';
import type { ApiKey, IssuedApiKey } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { sm3Hex } from '../crypto/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { gatewayRepository as repo } from './gateway.repository.js';
import { NotApiDelivery, UpstreamNotConfigured } from './gateway.errors.js';
import { ordersRepository as orders } from './orders.repository.js';
import { OrderOutOfOrder } from './trade.errors.js';
import type { Executor, TradeDeps } from './trade.support.js';

/** A key as the buyer sends it: `sk_` and 43 base64url characters (256 random bits). */
export const newApiKey = () => `sk_${randomBytes(32).toString('base64url')}`;
/** Only this is stored: a key is looked up by its hash and never kept. */
export const apiKeyHash = (key: string) => sm3Hex(key);

const toKey = (r: {
  id: string;
  order_id: string;
  prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}): ApiKey => ({
  id: r.id,
  orderId: r.order_id,
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/**
 * The buyer's keys to its API order at the gateway: one live key at a time, shown once when issued (a new one
 * revokes the old: rotation), revoked at will. The gateway forgets a revoked key at once in this process and
 * within its cache's few seconds in the others.
 */
export class ApiKeysService {
  constructor(
    private readonly deps: TradeDeps,
    private readonly forget: (hashes: string[]) => void,
  ) {}

  /** What delivering an API order does (in the delivering transaction): the seller's upstream must be set; the meter opens with the prepaid calls. */
  static async onDelivered(tx: Executor, order: { id: string; product_id: string; quota: number | null }) {
    if (!(await repo.upstream(tx, order.product_id)))
      throw UpstreamNotConfigured(undefined, { productId: order.product_id });
    await repo.openMeter(tx, order.id, order.quota);
  }

  async list(ctx: RequestContext, orderId: string): Promise<{ items: ApiKey[] }> {
    await this.buyersOrder(ctx, orderId);
    return { items: (await repo.keys(this.deps.db, orderId)).map(toKey) };
  }

  async issue(ctx: RequestContext, orderId: string): Promise<IssuedApiKey> {
    const p = requirePrincipal(ctx);
    const o = await this.buyersOrder(ctx, orderId);
    if (o.state !== 'delivered' && o.state !== 'accepted')
      throw OrderOutOfOrder(`the order is ${o.state}: its API key is issued once it is delivered`, {
        state: o.state,
      });
    const key = newApiKey();
    const id = newId('apk');
    const at = this.deps.now();
    const revoked = await this.deps.db.transaction().execute(async (tx) => {
      const gone = await repo.revokeKeys(tx, orderId, p.userId, at);
      await repo.insertKey(tx, {
        id,
        order_id: orderId,
        key_hash: apiKeyHash(key),
        prefix: key.slice(0, 10),
        created_by: p.userId,
        created_at: at,
      });
      await recordAudit(tx, ctx, {
        action: 'trade.api_key.issue',
        objectType: 'order',
        objectId: orderId,
        details: { keyId: id, prefix: key.slice(0, 10), rotated: gone.length > 0 },
      });
      return gone;
    });
    this.forget(revoked);
    return {
      ...toKey({ id, order_id: orderId, prefix: key.slice(0, 10), created_at: at, revoked_at: null }),
      key,
    };
  }

  async revoke(ctx: RequestContext, orderId: string, keyId: string): Promise<{ ok: true }> {
    const p = requirePrincipal(ctx);
    await this.buyersOrder(ctx, orderId);
    const revoked = await this.deps.db.transaction().execute(async (tx) => {
      const gone = await repo.revokeKeys(tx, orderId, p.userId, this.deps.now(), keyId);
      if (!gone.length) throw NotFound('live API key', keyId);
      await recordAudit(tx, ctx, {
        action: 'trade.api_key.revoke',
        objectType: 'order',
        objectId: orderId,
        details: { keyId },
      });
      return gone;
    });
    this.forget(revoked);
    return { ok: true };
  }

  /** The caller's org's API order as its buyer (anyone else's is not found). */
  private async buyersOrder(ctx: RequestContext, orderId: string) {
    const p = requirePrincipal(ctx);
    const o = await orders.find(this.deps.db, orderId);
    if (!o || o.buyer_org_id !== p.orgId) throw NotFound('order', orderId);
    if (o.delivery_mode !== 'api')
      throw NotApiDelivery(`the order is delivered as ${o.delivery_mode}, not by API`, {
        deliveryMode: o.delivery_mode,
      });
    return o;
  }
}
