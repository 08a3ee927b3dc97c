import { gatewayRepository as repo } from './gateway.repository.js';
import type { Executor } from './trade.support.js';

/** The most calls one lease takes from an order's meter at once. */
const BLOCK = 50;
/** A lease unused this long is given back to the meter, for the other processes. */
const IDLE_MS = 1_000;
/** After the meter answered "spent", calls are refused this long without asking it again. */
const SPENT_MS = 100;

interface Lease {
  left: number;
  next: number;
  usedAt: number;
  spentAt: number;
  pending: Promise<void> | null;
}

/**
 * An order's quota as this process spends it: calls leased from the order's meter in small blocks (one at a
 * time near the end; see `gatewayRepository.lease`), so a call costs no database round trip while its lease
 * lasts, and every process together never passes the quota. One refill at a time per order; a lease left
 * idle is given back, so the calls it holds are not lost to the other processes.
 */
export class QuotaLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly db: Executor) {
    this.timer = setInterval(() => void this.giveBackIdle(Date.now() - IDLE_MS).catch(() => {}), IDLE_MS);
    this.timer.unref();
  }

  /** Takes one call of the order's quota: the number of calls before it, or null when the quota is spent. */
  async take(orderId: string): Promise<number | null> {
    let l = this.leases.get(orderId);
    if (!l) this.leases.set(orderId, (l = { left: 0, next: 0, usedAt: 0, spentAt: 0, pending: null }));
    for (;;) {
      if (l.left > 0) {
        l.left--;
        l.usedAt = Date.now();
        return l.next++;
      }
      if (l.pending) {
        await l.pending;
        continue;
      }
      if (Date.now() - l.spentAt < SPENT_MS) return null;
      const lease = l;
      lease.pending = repo
        .lease(this.db, orderId, BLOCK)
        .then(({ granted, before }) => {
          lease.left += granted;
          lease.next = before;
          if (!granted) lease.spentAt = Date.now();
        })
        .finally(() => (lease.pending = null));
      await lease.pending;
      if (lease.left === 0) return null;
    }
  }

  /** A call taken and not made (the upstream did not answer, or the policy refused it at its count). */
  giveBack(orderId: string) {
    const l = this.leases.get(orderId);
    if (l) l.left++;
  }

  /** Gives every call leased and not made back to the meters (before figures are read, and on close). */
  async giveBackAll() {
    await this.giveBackIdle(Infinity);
  }

  stop() {
    clearInterval(this.timer);
  }

  private async giveBackIdle(before: number) {
    const back: [string, number][] = [];
    for (const [id, l] of this.leases) {
      if (l.pending || l.usedAt > before) continue;
      if (l.left > 0) back.push([id, l.left]);
      this.leases.delete(id);
    }
    for (const [id, n] of back) await repo.giveBack(this.db, id, n);
  }
}
