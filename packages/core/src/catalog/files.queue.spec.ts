import { describe, expect, it } from 'vitest';
import { ProfilingQueue } from './files.queue.js';

describe('profiling queue (security issue 14.4)', () => {
  it('runs a fixed number of jobs at once, and one org cannot take every place', async () => {
    const order: string[] = [];
    const byOrg = new Map<string, number>();
    let now = 0;
    let most = 0;
    let mostForA = 0;
    const release: (() => void)[] = [];
    const orgOf = (id: string) => id.slice(0, 1);
    const q = new ProfilingQueue({ concurrency: 2, perOrg: 1 }, async (id) => {
      order.push(id);
      now++;
      byOrg.set(orgOf(id), (byOrg.get(orgOf(id)) ?? 0) + 1);
      most = Math.max(most, now);
      mostForA = Math.max(mostForA, byOrg.get('A') ?? 0);
      await new Promise<void>((r) => release.push(r));
      now--;
      byOrg.set(orgOf(id), byOrg.get(orgOf(id))! - 1);
    });
    for (let i = 1; i <= 5; i++) q.add(`A${i}`, 'A');
    q.add('A1', 'A'); // already in line: not added twice
    q.add('B1', 'B');
    expect(q.running).toBe(2);
    expect(q.queued).toBe(4);
    expect(order).toEqual(['A1', 'B1']); // B1 passes A2..A5: A holds its one place
    const drain = (async () => {
      while (q.running) {
        release.shift()?.();
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await q.idle();
    await drain;
    expect(order).toEqual(['A1', 'B1', 'A2', 'A3', 'A4', 'A5']);
    expect(most).toBe(2);
    expect(mostForA).toBe(1);
  });

  it('a failing job frees its place', async () => {
    const ran: string[] = [];
    const q = new ProfilingQueue({ concurrency: 1, perOrg: 1 }, async (id) => {
      ran.push(id);
      if (id === 'x') throw new Error('boom');
    });
    q.add('x', 'o');
    q.add('y', 'o');
    await q.idle();
    expect(ran).toEqual(['x', 'y']);
  });
});
