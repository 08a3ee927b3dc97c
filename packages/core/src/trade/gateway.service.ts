import {
  evaluate,
  todayInChina,
  type OrgType,
  type RefusalReason,
  type UsagePolicy,
} from '@shuliu/contracts';
import type { Insertable } from 'kysely';
import { orgById } from '../identity/index.js';
import { productForDeal } from '../market/index.js';
import type { DomainError } from '../shared/errors.js';
import { apiKeyHash } from './api-keys.service.js';
import { contractsRepository as contracts } from './contracts.repository.js';
import {
  GatewayKeyInvalid,
  GatewayNotServing,
  GatewayPolicyRefused,
  GatewayQuotaExhausted,
  GatewayRateLimited,
  UpstreamNotConfigured,
} from './gateway.errors.js';
import { gatewayRepository as repo } from './gateway.repository.js';
import { QuotaLeases, RateLeases } from './gateway.leases.js';
import { notServing } from './gateway.rules.js';
import { negotiationsRepository as negotiations } from './negotiations.repository.js';
import { ordersRepository as orders } from './orders.repository.js';
import type { TradeDeps } from './trade.support.js';
import type { TradeApiUsageTable } from './trade.tables.js';
import type { ResolvedUpstream, UpstreamsService } from './upstreams.service.js';

/** How long a key's order, and an order's terms and upstream, are trusted without asking the database. */
const CACHE_MS = 5_000;
/** Past that, an entry still answers (for at most this long) while one reload of it runs. */
const STALE_MS = 2_000;
const CACHE_MAX = 10_000;
/**
 * The usage log is written in batches: once a second, or once this many calls wait. A write costs the database
 * mostly per statement, not per row, so one batch a second keeps the gateway's tail latency down (on the
 * embedded PGlite the write runs on the gateway's own thread); the usage figures flush first, so they miss
 * nothing this process served.
 */
const FLUSH_MS = 1000;
const FLUSH_ROWS = 5000;
/** Kept for a later flush when the database refuses a batch; beyond it the oldest are dropped (and said). */
const BUFFER_MAX = 100_000;

/** What the gateway knows of an order between two looks at the database. */
interface Served {
  id: string;
  productId: string;
  buyerOrgId: string;
  buyerTypes: OrgType[];
  state: string;
  startsOn: string;
  endsOn: string;
  quota: number | null;
  purpose: string;
  region: string;
  policy: UsagePolicy | null;
  upstream: ResolvedUpstream | null;
  until: number;
}

export interface Call {
  orderId: string;
  method: string;
  path: string;
}
export interface Admitted {
  upstream: ResolvedUpstream;
  started: number;
}

/**
 * The metered gateway's decisions on each call, kept cheap: a key's order and an order's terms come from a
 * few seconds' cache (a key revoked here is forgotten at once); the quota is spent from calls leased from the
 * order's meter in small blocks, never past it across processes; so are the calls of each second under the
 * order's rate (see RateLeases); the usage log is appended in batches.
 * Per call it checks the order's state and term, the agreed purpose (from `X-Purpose`), and the contract's
 * ODRL policy at that instant and count.
 */
export class GatewayService {
  private readonly keys = new Map<string, { orderId: string | null; until: number }>();
  private readonly served = new Map<string, Served>();
  /** The one reload in flight per key hash and per order: concurrent calls share it. */
  private readonly loading = new Map<string, Promise<unknown>>();
  /** Bumped by every forget: a reload begun before it does not put back what it forgot. */
  private generation = 0;
  private readonly quota: QuotaLeases;
  private readonly rates: RateLeases;
  private buffer: Insertable<TradeApiUsageTable>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: TradeDeps,
    private readonly upstreams: UpstreamsService,
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.quota = new QuotaLeases(deps.db);
    this.rates = new RateLeases(deps.db);
  }

  /** Forgets keys (revoked, rotated) at once. */
  forget(hashes: string[]) {
    this.generation++;
    for (const h of hashes) this.keys.delete(h);
  }

  /** Forgets what is cached of every order of a product (its upstream changed). */
  forgetProduct(productId: string) {
    this.generation++;
    for (const [id, s] of this.served) if (s.productId === productId) this.served.delete(id);
  }

  /**
   * Admits one call or throws the refusal (401 key, 409 not served / quota, 403 policy, 429 rate) after
   * logging it against the order (a bad key is not the order's and is not logged).
   */
  async admit(call: Call, key: string | null, purpose: string | null): Promise<Admitted> {
    const started = performance.now();
    if (!key || !(await this.keyOpens(key, call.orderId))) throw GatewayKeyInvalid();
    const s = await this.order(call.orderId);
    const at = this.deps.now();
    const refuse = (reason: RefusalReason, e: DomainError): never => {
      this.log(call, at, e.status, started, false, reason);
      throw e;
    };
    const why = notServing({ state: s.state, starts_on: s.startsOn, ends_on: s.endsOn }, todayInChina(at));
    if (why) refuse('not_serving', GatewayNotServing(`${why}: it is not served`, { state: s.state }));
    if (!s.upstream) refuse('not_serving', UpstreamNotConfigured(undefined, { productId: s.productId }));
    const early = this.policyRefusal(s, purpose, at, 0);
    if (early) refuse('policy', early);
    const rate = s.upstream!.ratePerSecond;
    const retryAfter = await this.rates.take(s.id, rate);
    if (retryAfter)
      refuse(
        'rate_limited',
        GatewayRateLimited(`at most ${rate} calls per second for this order`, {
          ratePerSecond: rate,
          retryAfter,
        }),
      );
    const count = await this.quota.take(s.id);
    if (count === null) refuse('quota_exhausted', GatewayQuotaExhausted(undefined, { quota: s.quota }));
    // the policy again at the call's count (a count constraint); the call is given back if it refuses
    const late = this.policyRefusal(s, purpose, at, count!);
    if (late) {
      this.quota.giveBack(s.id);
      refuse('policy', late);
    }
    return { upstream: s.upstream!, started };
  }

  /**
   * Logs a call the upstream answered (billable below 500) or never answered (`status` 502/504): a call not
   * billed is given back to the quota.
   */
  async done(call: Call, a: Admitted, status: number, upstreamAnswered: boolean) {
    const billable = upstreamAnswered && status < 500;
    this.log(call, this.deps.now(), status, a.started, billable, null);
    if (!billable) this.quota.giveBack(call.orderId);
  }

  /**
   * Writes what the log holds now and gives back the calls leased and not made: the usage figures call this
   * first, so they count every call made in this process.
   */
  async flush(): Promise<void> {
    await this.writeLog();
    await this.quota.giveBackAll();
  }

  private writeLog(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        try {
          await repo.appendUsage(this.deps.db, batch);
        } catch (e) {
          this.buffer = [...batch, ...rows.slice(i + 1000), ...this.buffer].slice(-BUFFER_MAX);
          this.onError(e);
          return;
        }
      }
    });
    return this.flushing;
  }

  /** Flushes and stops the timers (the server calls this as it closes). */
  async close() {
    this.quota.stop();
    await this.flush();
  }

  private log(
    call: Call,
    at: Date,
    status: number,
    started: number,
    billable: boolean,
    refused: RefusalReason | null,
  ) {
    this.buffer.push({
      order_id: call.orderId,
      at,
      method: call.method.slice(0, 10),
      path: call.path.slice(0, 500),
      status,
      latency_ms: Math.round(performance.now() - started),
      billable,
      refused,
    });
    if (this.buffer.length >= FLUSH_ROWS) void this.writeLog();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.writeLog(), FLUSH_MS);
      this.timer.unref();
    }
  }

  private async keyOpens(key: string, orderId: string): Promise<boolean> {
    const hash = apiKeyHash(key);
    const hit = await this.cached(this.keys, `key:${hash}`, hash, async () => {
      const found = await repo.liveKey(this.deps.db, hash);
      // an unknown key is remembered too (briefly), so a stream of bad keys does not reach the database
      return { orderId: found?.order_id ?? null, until: Date.now() + CACHE_MS };
    });
    return hit.orderId === orderId;
  }

  /**
   * A cache read: a fresh entry at once; an entry expired less than STALE_MS ago at once too, while one reload
   * runs in the background; otherwise the reload, shared by every call that waits for it — so an expiry never
   * sends a burst of calls to the database together.
   */
  private cached<T extends { until: number }>(
    map: Map<string, T>,
    loadKey: string,
    key: string,
    load: () => Promise<T>,
  ): Promise<T> | T {
    const hit = map.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit;
    let p = this.loading.get(loadKey) as Promise<T> | undefined;
    if (!p) {
      const generation = this.generation;
      p = load()
        .then((v) => {
          if (map.size >= CACHE_MAX) map.clear();
          if (generation === this.generation) map.set(key, v);
          return v;
        })
        .finally(() => this.loading.delete(loadKey));
      this.loading.set(loadKey, p);
    }
    if (hit && hit.until + STALE_MS > now) {
      p.catch(this.onError);
      return hit;
    }
    return p;
  }

  private order(id: string): Promise<Served> | Served {
    return this.cached(this.served, `order:${id}`, id, () => this.load(id));
  }

  private async load(id: string): Promise<Served> {
    const db = this.deps.db;
    const o = (await orders.find(db, id))!;
    const c = (await contracts.find(db, o.contract_no))!;
    const [n, product, buyer, upstream] = await Promise.all([
      negotiations.find(db, c.negotiation_id),
      productForDeal(db, o.product_id),
      orgById(db, o.buyer_org_id),
      this.upstreams.resolve(db, o.product_id),
    ]);
    const s: Served = {
      id,
      productId: o.product_id,
      buyerOrgId: o.buyer_org_id,
      buyerTypes: (buyer?.types ?? []) as OrgType[],
      state: o.state,
      startsOn: o.starts_on,
      endsOn: o.ends_on,
      quota: o.quota,
      purpose: n!.terms.purpose,
      region: n!.terms.region,
      policy: (product?.policy ?? null) as UsagePolicy | null,
      upstream,
      until: Date.now() + CACHE_MS,
    };
    return s;
  }

  /**
   * The call's purpose must be the one agreed; then the contract's ODRL policy decides at this instant, for the
   * `count`-th call, through the API channel. The refusal names the constraint.
   */
  private policyRefusal(s: Served, purpose: string | null, at: Date, count: number): DomainError | null {
    if (purpose !== s.purpose)
      return GatewayPolicyRefused(
        purpose
          ? `purpose: the call’s purpose (X-Purpose) is not the agreed one`
          : 'purpose: send the agreed purpose as X-Purpose (percent-encoded UTF-8)',
        { constraint: 'purpose', agreed: s.purpose, sent: purpose },
      );
    if (!s.policy) return null;
    const d = evaluate(s.policy, {
      party: { orgId: s.buyerOrgId, orgType: s.buyerTypes },
      action: 'use',
      context: {
        purpose,
        region: s.region,
        now: at,
        count,
        since: `${s.startsOn}T00:00:00+08:00`,
        deliveryChannel: 'api',
      },
    });
    if (d.allowed) return null;
    return GatewayPolicyRefused(`${d.reason.path}: ${d.reason.message['en-US']}`, {
      constraint: d.reason.leftOperand,
      path: d.reason.path,
      message: d.reason.message,
    });
  }
}
