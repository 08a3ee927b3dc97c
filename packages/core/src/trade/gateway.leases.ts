import { gatewayRepository as repo } from './gateway.repository.js';
import type { Executor } from './trade.support.js';

/** The fewest and the most calls one lease asks of an order's meter. */
const MIN_BLOCK = 50;
const MAX_BLOCK = 2_000;
/** A lease asks for about this long of calls at the order's recent rate. */
const LEASE_SECONDS = 1;
/**
 * A lease unused this long is given back to the meter, for the other processes. Near the quota's end a lease
 * holds a sixteenth of what is left at most, so what an idle lease keeps from the others stays small; a lease
 * kept a while spares an order's next burst the wait for a commit.
 */
const IDLE_MS = 10_000;
/** After the meter answered "spent", calls are refused this long without asking it again. */
const SPENT_MS = 100;

/** Calls leased from the meter: numbered `next`, `next + 1`, … (`left` of them). */
interface Range {
  next: number;
  left: number;
}

interface Lease {
  ranges: Range[];
  /** The number the last call taken had (a call given back when no range is left takes it again). */
  last: number;
  usedAt: number;
  spentAt: number;
  pending: Promise<void> | null;
  /** Calls taken since `since`, for the rate the next lease is sized by. */
  calls: number;
  since: number;
  block: number;
}

/**
 * An order's quota as this process spends it: calls leased from the order's meter in blocks sized to about a
 * second of the order's calls (one at a time near the end; see `gatewayRepository.lease`), so every process
 * together never passes the quota. The next block is asked for in the background when half of the last one is
 * spent, so a call waits for the database (a commit) only when calls outrun the lease. One lease request at a
 * time per order; a lease left idle is given back, so the calls it holds are not lost to the other processes.
 */
export class QuotaLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly db: Executor) {
    this.timer = setInterval(() => void this.giveBackIdle(Date.now() - IDLE_MS).catch(() => {}), IDLE_MS / 4);
    this.timer.unref();
  }

  /** Takes one call of the order's quota: the number of calls before it, or null when the quota is spent. */
  async take(orderId: string): Promise<number | null> {
    const l = this.leaseOf(orderId);
    for (;;) {
      const r = l.ranges[0];
      if (r && r.left > 0) {
        r.left--;
        l.last = r.next++;
        if (r.left === 0) l.ranges.shift();
        l.usedAt = Date.now();
        l.calls++;
        // ahead of need: the next block is on its way before this one runs out
        if (this.held(l) <= l.block / 2) void this.refill(orderId, l).catch(() => {});
        return l.last;
      }
      if (r) {
        l.ranges.shift();
        continue;
      }
      if (l.pending) {
        await l.pending;
        continue;
      }
      if (Date.now() - l.spentAt < SPENT_MS) return null;
      await this.refill(orderId, l);
      if (this.held(l) === 0) return null;
    }
  }

  /** A call taken and not made (the upstream did not answer, or the policy refused it at its count). */
  giveBack(orderId: string) {
    const l = this.leases.get(orderId);
    if (!l) return;
    if (l.ranges[0]) l.ranges[0].left++;
    else l.ranges.push({ next: l.last, left: 1 });
  }

  /** Gives every call leased and not made back to the meters (before figures are read, and on close). */
  async giveBackAll() {
    await Promise.all([...this.leases.values()].map((l) => l.pending));
    await this.giveBackIdle(Infinity);
  }

  stop() {
    clearInterval(this.timer);
  }

  private leaseOf(orderId: string): Lease {
    let l = this.leases.get(orderId);
    if (!l) {
      const now = Date.now();
      l = {
        ranges: [],
        last: 0,
        usedAt: now,
        spentAt: 0,
        pending: null,
        calls: 0,
        since: now,
        block: MIN_BLOCK,
      };
      this.leases.set(orderId, l);
    }
    return l;
  }

  private held(l: Lease) {
    let n = 0;
    for (const r of l.ranges) n += r.left;
    return n;
  }

  /** Asks the meter for the next block, sized by the calls per second since the last one. */
  private refill(orderId: string, l: Lease): Promise<void> {
    if (l.pending) return l.pending;
    if (Date.now() - l.spentAt < SPENT_MS) return Promise.resolve();
    const now = Date.now();
    const rate = l.calls / Math.max((now - l.since) / 1000, 0.05);
    l.block = Math.min(MAX_BLOCK, Math.max(MIN_BLOCK, Math.ceil(rate * LEASE_SECONDS)));
    l.calls = 0;
    l.since = now;
    const pending = repo
      .lease(this.db, orderId, l.block)
      .then(({ granted, before }) => {
        if (granted) l.ranges.push({ next: before, left: granted });
        else l.spentAt = Date.now();
      })
      .finally(() => {
        if (l.pending === pending) l.pending = null;
      });
    l.pending = pending;
    return pending;
  }

  private async giveBackIdle(before: number) {
    const back: [string, number][] = [];
    for (const [id, l] of this.leases) {
      if (l.pending || l.usedAt > before) continue;
      const held = this.held(l);
      if (held > 0) back.push([id, held]);
      this.leases.delete(id);
    }
    for (const [id, n] of back) await repo.giveBack(this.db, id, n);
  }
}

/** Calls one process holds of an order's token bucket, and when the bucket was last found empty. */
interface RateLease {
  left: number;
  pending: Promise<void> | null;
  /** Until then (its clock) the bucket holds less than one call: refused without asking it. */
  emptyUntil: number;
}

/**
 * An order's rate limit across every process: a token bucket in the database (`rate` calls a second, one
 * second deep, on the database's clock) from which each process leases blocks of a sixteenth of the rate — the
 * next block asked for in the background once half the last is spent, so a call waits for the database only
 * when calls outrun the blocks. The processes together admit at most the rate, beyond a burst of the bucket's
 * depth and the blocks in hand (one per process).
 */
export class RateLeases {
  private readonly leases = new Map<string, RateLease>();

  constructor(private readonly db: Executor) {}

  /** Takes one call: null when admitted, else the seconds to wait (≥ 1). */
  async take(orderId: string, rate: number): Promise<number | null> {
    let l = this.leases.get(orderId);
    if (!l) {
      if (this.leases.size >= 10_000) this.leases.clear();
      this.leases.set(orderId, (l = { left: 0, pending: null, emptyUntil: 0 }));
    }
    const block = Math.min(1000, Math.max(1, Math.ceil(rate / 16)));
    for (let asked = false; ;) {
      if (l.left > 0) {
        l.left--;
        if (l.left * 2 < block && !l.pending) void this.lease(orderId, l, block, rate).catch(() => {});
        return null;
      }
      if (l.pending) {
        await l.pending;
        continue;
      }
      const wait = l.emptyUntil - Date.now();
      if (asked || wait > 0) return Math.max(1, Math.ceil(wait / 1000));
      asked = true;
      await this.lease(orderId, l, block, rate);
    }
  }

  /** One lease at a time per order; an empty bucket is remembered until it holds a call again. */
  private lease(orderId: string, l: RateLease, block: number, rate: number): Promise<void> {
    l.pending = repo
      .leaseRate(this.db, orderId, block, rate)
      .then(({ granted, left }) => {
        l.left += granted;
        if (!granted) l.emptyUntil = Date.now() + ((1 - left) / rate) * 1000;
      })
      .finally(() => (l.pending = null));
    return l.pending;
  }
}
