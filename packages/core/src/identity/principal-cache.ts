import type { Database } from '../db/database.js';
import type { Authenticated } from './auth.service.js';

/** The channel the database announces changed sessions, tokens, users and orgs on (migration 0017). */
export const PRINCIPAL_CHANNEL = 'shuliu_principal';

interface Entry {
  auth: Authenticated;
  cachedAt: number;
}

/**
 * Authenticated principals by credential hash, so an authenticated read costs no query. An entry leaves when
 * the database announces a change to its session or token, its user or its org (every process listens), when
 * its credential expires, and after `ttlMs` at the latest. It serves nothing until `enable()`: a process
 * that does not follow the announcements (or has lost them) reads the database every time.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Set<string>>();
  private on = false;

  constructor(
    private readonly maxEntries = 20_000,
    private readonly ttlMs = 60_000,
  ) {}

  get enabled(): boolean {
    return this.on;
  }

  get size(): number {
    return this.entries.size;
  }

  enable(): void {
    this.clear();
    this.on = true;
  }

  disable(): void {
    this.on = false;
    this.clear();
  }

  get(hash: string, now = Date.now()): Authenticated | null {
    if (!this.on) return null;
    const e = this.entries.get(hash);
    if (!e) return null;
    const ends = e.auth.principal.expiresAt;
    if (now - e.cachedAt >= this.ttlMs || (ends && ends.getTime() <= now)) {
      this.drop(hash);
      return null;
    }
    return e.auth;
  }

  set(hash: string, auth: Authenticated, now = Date.now()): void {
    if (!this.on) return;
    if (this.entries.size >= this.maxEntries) this.clear();
    this.drop(hash);
    this.entries.set(hash, { auth, cachedAt: now });
    const p = auth.principal;
    for (const key of keysOf(p.credentialId, p.userId, p.orgId)) {
      let hashes = this.byKey.get(key);
      if (!hashes) this.byKey.set(key, (hashes = new Set()));
      hashes.add(hash);
    }
  }

  /** A change announced by the database: `c:<credential id>`, `u:<user id>` or `o:<org id>`. */
  evict(key: string): void {
    for (const hash of [...(this.byKey.get(key) ?? [])]) this.drop(hash);
  }

  clear(): void {
    this.entries.clear();
    this.byKey.clear();
  }

  private drop(hash: string) {
    const e = this.entries.get(hash);
    if (!e) return;
    this.entries.delete(hash);
    const p = e.auth.principal;
    for (const key of keysOf(p.credentialId, p.userId, p.orgId)) {
      const hashes = this.byKey.get(key);
      hashes?.delete(hash);
      if (hashes?.size === 0) this.byKey.delete(key);
    }
  }
}

const keysOf = (credentialId: string, userId: string, orgId: string | null) => [
  `c:${credentialId}`,
  `u:${userId}`,
  ...(orgId ? [`o:${orgId}`] : []),
];

/**
 * Follows the database's announcements into the cache and turns it on. A lost connection turns the cache
 * off (every request reads the database) until listening resumes, a second later, with an empty cache.
 * Returns the stopper.
 */
export async function followPrincipalChanges(
  database: Pick<Database, 'listen'>,
  cache: PrincipalCache,
): Promise<() => Promise<void>> {
  let stop: (() => Promise<void>) | null = null;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  const lost = () => {
    cache.disable();
    if (closed) return;
    const s = stop;
    stop = null;
    void s?.().catch(() => {});
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), 1000);
    retry.unref();
  };
  const connect = async () => {
    try {
      stop = await database.listen(PRINCIPAL_CHANNEL, (key) => cache.evict(key), lost);
      cache.enable();
    } catch {
      lost();
    }
  };
  await connect();
  return async () => {
    closed = true;
    clearTimeout(retry);
    cache.disable();
    await stop?.();
  };
}
