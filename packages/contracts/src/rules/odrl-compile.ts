import type { OrgType } from '../identity.js';
import {
  isLogical,
  logicalOperatorOf,
  membersOf,
  type AtomicConstraint,
  type PolicyConstraint,
  type PolicyDuty,
} from '../market-policy.js';
import { divisionCodeProblem, divisionPrefix } from './division.js';
import { addDuration, parseDuration, parseInstant, type Duration, type RightValue } from './odrl-values.js';
import { bareOdrl, POLICY_ACTIONS, type DeliveryChannel, type PolicyAction } from './odrl-vocab.js';
import { senseOf } from './odrl-words.js';

/*
 * A usage policy compiled into closures: every right operand is read once (sets, region prefixes, instants),
 * so a decision is a handful of comparisons and allocates nothing until it has to explain a refusal.
 */

/** What is asked: who, to do what, in which circumstances. */
export interface PolicyRequest {
  party: { orgId: string; orgType: OrgType | readonly OrgType[]; region?: string | null };
  /** `read` or `odrl:read`. */
  action: string;
  context: {
    purpose?: string | null;
    /** GB/T 2260 code of where the use happens; the party's own region when absent. */
    region?: string | null;
    now: Date | string | number;
    /** Uses made so far under this policy; the one asked for is the next. */
    count?: number;
    /** When the period of an `elapsedTime` constraint began (the agreement's start, or the first use). */
    since?: Date | string | number | null;
    deliveryChannel?: DeliveryChannel | null;
  };
}

/** A request read once: the action by its bare name, every instant in epoch milliseconds. */
export interface Resolved {
  action: PolicyAction | null;
  orgId: string;
  orgTypes: readonly string[];
  purpose: string | null;
  region: string | null;
  now: number;
  count: number;
  since: number | null;
  channel: string | null;
}

const ACTIONS: ReadonlySet<string> = new Set(POLICY_ACTIONS);
const EMPTY: readonly string[] = [];

function epochMs(v: Date | string | number, what: string): number {
  const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date: ${String(v)}`);
  return ms;
}

export function resolveRequest(req: PolicyRequest): Resolved {
  const action = bareOdrl(req.action);
  const region = req.context.region ?? req.party.region ?? null;
  const types = req.party.orgType;
  return {
    action: ACTIONS.has(action) ? (action as PolicyAction) : null,
    orgId: req.party.orgId,
    orgTypes: typeof types === 'string' ? [types] : (types ?? EMPTY),
    purpose: req.context.purpose?.trim() || null,
    region: region && !divisionCodeProblem(region) ? region : null,
    now: epochMs(req.context.now, 'context.now'),
    count: req.context.count ?? 0,
    since: req.context.since == null ? null : epochMs(req.context.since, 'context.since'),
    channel: req.context.deliveryChannel ?? null,
  };
}

export interface CompiledConstraint {
  source: PolicyConstraint;
  path: string;
  test: (r: Resolved) => boolean;
  members: CompiledConstraint[] | null;
}

type Test = (r: Resolved) => boolean;
const valuesOf = (c: AtomicConstraint): RightValue[] =>
  Array.isArray(c.rightOperand) ? c.rightOperand : [c.rightOperand];

/** A one-valued request field (purpose, channel) against the constraint's values. */
function memberTest(get: (r: Resolved) => string | null, c: AtomicConstraint, missing: boolean): Test {
  const set = new Set(valuesOf(c).map(String));
  const inside = senseOf(c) !== 'notIn';
  return (r) => {
    const v = get(r);
    return v === null ? missing : set.has(v) === inside;
  };
}

/** An org holds one or more types: `isAnyOf` wants one of them listed, `isAllOf` all listed ones held. */
function typesTest(c: AtomicConstraint, missing: boolean): Test {
  const values = valuesOf(c).map(String);
  const sense = senseOf(c);
  return (r) => {
    if (r.orgTypes.length === 0) return missing;
    if (sense === 'all') return values.every((v) => r.orgTypes.includes(v));
    return values.some((v) => r.orgTypes.includes(v)) === (sense === 'in');
  };
}

/** GB/T 2260: a region inside a listed one (a province covers its cities and counties). */
function regionTest(c: AtomicConstraint, missing: boolean): Test {
  const prefixes = valuesOf(c).map((v) => divisionPrefix(String(v)));
  const inside = senseOf(c) !== 'notIn';
  return (r) => (r.region === null ? missing : prefixes.some((p) => r.region!.startsWith(p)) === inside);
}

/** ODRL `dateTime`: now against the instant or the whole day (in Beijing) the policy names. */
function instantTest(c: AtomicConstraint): Test {
  const b = parseInstant(String(c.rightOperand));
  if ('problem' in b) return () => false;
  const { from, to } = b.value;
  switch (c.operator) {
    case 'lt':
      return (r) => r.now < from;
    case 'lteq':
      return (r) => r.now < to;
    case 'gt':
      return (r) => r.now >= to;
    case 'gteq':
      return (r) => r.now >= from;
    default:
      return (r) => r.now >= from && r.now < to;
  }
}

/** ODRL `count`: the use asked for is the (count + 1)-th. */
function countTest(c: AtomicConstraint): Test {
  const limit = Number(c.rightOperand);
  return c.operator === 'lt' ? (r) => r.count + 1 < limit : (r) => r.count + 1 <= limit;
}

export const durationOf = (c: AtomicConstraint): Duration => {
  const d = parseDuration(String(c.rightOperand));
  return 'problem' in d ? { years: 0, months: 0, days: 0, ms: 0 } : d.value;
};

/** ODRL `elapsedTime`: now within the period that began at `since`. */
function elapsedTest(c: AtomicConstraint, missing: boolean): Test {
  const d = durationOf(c);
  const strict = c.operator === 'lt';
  return (r) => {
    if (r.since === null) return missing;
    const end = addDuration(r.since, d);
    return strict ? r.now < end : r.now <= end;
  };
}

function atomicTest(c: AtomicConstraint, missing: boolean): Test {
  switch (c.leftOperand) {
    case 'purpose':
      return memberTest((r) => r.purpose, c, missing);
    case 'deliveryChannel':
      return memberTest((r) => r.channel, c, missing);
    case 'shuliu:recipientOrgType':
      return typesTest(c, missing);
    case 'spatial':
      return regionTest(c, missing);
    case 'dateTime':
      return instantTest(c);
    case 'count':
      return countTest(c);
    case 'elapsedTime':
      return elapsedTest(c, missing);
    case 'payAmount':
      // a duty's payment is settled by the order, not decided here
      return () => true;
  }
}

/**
 * Compiles one constraint. `missing` is what a constraint on a value the request does not give (no purpose,
 * no region) counts as: false in a permission, so leaving it out grants nothing; true in a prohibition, so
 * leaving it out escapes nothing.
 */
export function compileConstraint(c: PolicyConstraint, path: string, missing: boolean): CompiledConstraint {
  if (!isLogical(c)) return { source: c, path, test: atomicTest(c, missing), members: null };
  const op = logicalOperatorOf(c);
  const members = membersOf(c).map((m, i) => compileConstraint(m, `${path}.${op}[${i}]`, missing));
  const test: Test =
    op === 'and'
      ? (r) => members.every((m) => m.test(r))
      : op === 'or'
        ? (r) => members.some((m) => m.test(r))
        : (r) => members.filter((m) => m.test(r)).length === 1;
  return { source: c, path, test, members };
}

/** The first constraint of a rule that does not hold, or null when they all do. */
export function firstFailing(list: readonly CompiledConstraint[], r: Resolved): CompiledConstraint | null {
  for (let i = 0; i < list.length; i++) if (!list[i]!.test(r)) return list[i]!;
  return null;
}

/** A duty as the evaluator hands it back, with the instant it falls due when its constraints set one. */
export interface DueDuty {
  path: string;
  action: PolicyAction;
  constraint: PolicyConstraint[];
  dueAt: string | null;
}

/** Compiles a duty: `delete` within P30D is due 30 days after now; by 2027-12-31, at the end of that day. */
export function compileDuty(d: PolicyDuty, path: string): (now: number) => DueDuty {
  const deadlines: ((now: number) => number)[] = [];
  for (const c of d.constraint ?? []) {
    if (isLogical(c) || (c.operator !== 'lt' && c.operator !== 'lteq')) continue;
    if (c.leftOperand === 'elapsedTime') {
      const dur = durationOf(c);
      deadlines.push((now) => addDuration(now, dur));
    } else if (c.leftOperand === 'dateTime') {
      const b = parseInstant(String(c.rightOperand));
      if (!('problem' in b)) {
        const at = c.operator === 'lt' ? b.value.from : b.value.to;
        deadlines.push(() => at);
      }
    }
  }
  const constraint = d.constraint ?? [];
  return (now) => {
    let due = Infinity;
    for (const f of deadlines) due = Math.min(due, f(now));
    return {
      path,
      action: d.action,
      constraint,
      dueAt: due === Infinity ? null : new Date(due).toISOString(),
    };
  };
}
