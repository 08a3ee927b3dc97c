import { LedgerEntry } from '../ledger.js';
import { jcs } from './jcs.js';

/**
 * What the offline verifiers (certificates, consent receipts) share: a failed check, the step runner that
 * stops at the first failure, and the reading of a ledger entry that must be canonical JSON.
 */
export class CheckFailed extends Error {}

export const fail = (message: string): never => {
  throw new CheckFailed(message);
};

export const utf8 = (s: string) => new TextEncoder().encode(s);

export interface CheckResult<K extends string = string> {
  check: K;
  ok: boolean;
  message: string;
}

/** Runs the steps in order; the first that fails ends the run and is returned as the failure. */
export function runChecks<C, K extends string>(
  steps: readonly (readonly [K, (c: C) => string])[],
  c: C,
  checks: CheckResult<K>[],
): { check: K; message: string } | null {
  for (const [check, run] of steps) {
    try {
      checks.push({ check, ok: true, message: run(c) });
    } catch (e) {
      if (!(e instanceof CheckFailed)) throw e;
      checks.push({ check, ok: false, message: e.message });
      return { check, message: e.message };
    }
  }
  return null;
}

/** RFC 9162 leaf data as the ledger stores it: JSON, a valid entry, in RFC 8785 canonical form. */
export function canonicalLedgerEntry(text: string): LedgerEntry {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('the ledger entry is not JSON');
  }
  const e = LedgerEntry.safeParse(parsed);
  if (!e.success) return fail(`the ledger entry is malformed: ${e.error.issues[0]?.message}`);
  if (jcs(parsed) !== text) fail('the ledger entry is not in RFC 8785 canonical form');
  return e.data;
}
