import type { LedgerCheckpoint } from '@shuliu/contracts';

/**
 * The checkpoints this browser has verified, kept in localStorage so that a later visit can ask the server to
 * prove that the log it shows now extends the one seen then. The first root seen at a size is kept: a
 * different root at that size later is the evidence of a rewritten history, not something to overwrite.
 */
export interface SeenCheckpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  seenAt: string;
}

const KEY = 'shuliu.ledger.seen';
const KEEP = 50;

function isSeen(v: unknown): v is SeenCheckpoint {
  const s = v as Partial<SeenCheckpoint> | null;
  return (
    !!s &&
    typeof s.origin === 'string' &&
    Number.isSafeInteger(s.treeSize) &&
    typeof s.rootHash === 'string' &&
    typeof s.seenAt === 'string'
  );
}

export function loadSeen(): SeenCheckpoint[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSeen) : [];
  } catch {
    return [];
  }
}

/** Remembers a verified checkpoint, unless a root at its size is already remembered; keeps the newest 50. */
export function rememberCheckpoint(cp: LedgerCheckpoint): void {
  const seen = loadSeen();
  if (seen.some((s) => s.origin === cp.origin && s.treeSize === cp.treeSize)) return;
  const next = [
    ...seen,
    { origin: cp.origin, treeSize: cp.treeSize, rootHash: cp.rootHash, seenAt: new Date().toISOString() },
  ]
    .sort((a, b) => b.treeSize - a.treeSize)
    .slice(0, KEEP);
  localStorage.setItem(KEY, JSON.stringify(next));
}

/** The largest size remembered for this log below `size`: the natural "since my last visit" check. */
export function lastSeenBelow(
  seen: SeenCheckpoint[],
  origin: string,
  size: number,
): SeenCheckpoint | undefined {
  return seen
    .filter((s) => s.origin === origin && s.treeSize < size && s.treeSize > 0)
    .reduce<SeenCheckpoint | undefined>(
      (best, s) => (best && best.treeSize > s.treeSize ? best : s),
      undefined,
    );
}

export function seenAt(seen: SeenCheckpoint[], origin: string, size: number): SeenCheckpoint | undefined {
  return seen.find((s) => s.origin === origin && s.treeSize === size);
}
