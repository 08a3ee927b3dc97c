// `npm run bench -- --only=policy`: an ODRL usage policy with ten constraints (purpose, region, validity,
// calls, period, recipient type, channel), a deletion duty and two prohibitions, decided for a request that
// passes every constraint, beside the same checks written by hand and a JSON.parse of the policy, in one run.
import {
  compilePolicy,
  evaluate,
  validatePolicy,
  type PolicyRequest,
  type UsagePolicy,
} from '@shuliu/contracts';

const ITERATIONS = Number(
  process.argv.find((a) => a.startsWith('--policy-iterations='))?.slice(20) ?? 200_000,
);
const ROUNDS = 5;
const DAY = 86_400_000;

const c = (leftOperand: string, operator: string, rightOperand: unknown) => ({
  leftOperand,
  operator,
  rightOperand,
});
const POLICY_TEXT = JSON.stringify({
  '@context': ['http://www.w3.org/ns/odrl.jsonld', { shuliu: 'urn:shuliu:odrl:' }],
  '@type': 'Offer',
  uid: 'urn:uuid:bench-policy',
  assigner: 'org_provider',
  target: 'prd_traffic',
  permission: [
    {
      action: 'use',
      constraint: [
        c('purpose', 'isAnyOf', ['urban_planning', 'research']),
        c('purpose', 'isNoneOf', ['marketing']),
        c('spatial', 'isAnyOf', ['370000', '110000']),
        c('spatial', 'isNoneOf', ['370200']),
        c('dateTime', 'gteq', '2026-01-01'),
        c('dateTime', 'lteq', '2027-12-31'),
        c('count', 'lteq', 10000),
        c('elapsedTime', 'lteq', 'P1Y'),
        c('shuliu:recipientOrgType', 'isAnyOf', ['buyer', 'merchant']),
        c('deliveryChannel', 'isAnyOf', ['sandbox', 'api']),
      ],
      duty: [{ action: 'delete', constraint: [c('elapsedTime', 'lteq', 'P30D')] }],
    },
  ],
  prohibition: [{ action: 'distribute' }, { action: 'transfer' }],
});

const REQUEST: PolicyRequest = {
  party: { orgId: 'org_buyer', orgType: ['buyer'] },
  action: 'use',
  context: {
    purpose: 'research',
    region: '370112',
    now: new Date('2026-05-01T02:00:00Z'),
    count: 42,
    since: new Date('2026-03-01T00:00:00Z'),
    deliveryChannel: 'sandbox',
  },
};

const PERMITTED = new Set(['urban_planning', 'research']);
const FROM = Date.parse('2026-01-01T00:00:00+08:00');
const UNTIL = Date.parse('2028-01-01T00:00:00+08:00');

/** The same ten checks and the same duty, written out for this one policy: the floor an engine can reach. */
function handWritten(r: PolicyRequest): { allowed: boolean; dueAt?: string } {
  const { purpose, region, now, count, since, deliveryChannel } = r.context;
  const t = (now as Date).getTime();
  const end = since ? new Date(since) : null;
  end?.setUTCFullYear(end.getUTCFullYear() + 1);
  const types = r.party.orgType as readonly string[];
  const ok =
    r.action === 'use' &&
    !!purpose &&
    PERMITTED.has(purpose) &&
    purpose !== 'marketing' &&
    !!region &&
    (region.startsWith('37') || region.startsWith('11')) &&
    !region.startsWith('3702') &&
    t >= FROM &&
    t < UNTIL &&
    (count ?? 0) + 1 <= 10000 &&
    !!end &&
    t <= end.getTime() &&
    (types.includes('buyer') || types.includes('merchant')) &&
    (deliveryChannel === 'sandbox' || deliveryChannel === 'api');
  return ok ? { allowed: true, dueAt: new Date(t + 30 * DAY).toISOString() } : { allowed: false };
}

type Pass = { f: () => unknown; iterations: number };

/**
 * Microseconds per call of each pass: rounds after a warm-up, the passes taking turns within a round (so a busy
 * machine slows them alike), the best round of each counting.
 */
function perCall<K extends string>(passes: Record<K, Pass>): Record<K, number> {
  const names = Object.keys(passes) as K[];
  const best = Object.fromEntries(names.map((n) => [n, Infinity])) as Record<K, number>;
  let sink = 0;
  for (let round = -1; round < ROUNDS; round++)
    for (const n of round % 2 ? names : [...names].reverse()) {
      const { f, iterations } = passes[n];
      const t = performance.now();
      for (let i = 0; i < iterations; i++) sink += f() ? 1 : 0;
      if (round >= 0) best[n] = Math.min(best[n], ((performance.now() - t) * 1000) / iterations);
    }
  if (sink < 0) console.log(sink);
  return best;
}

const fmt = (us: number) => `${us < 10 ? us.toFixed(2) : us.toFixed(1)} µs`;

export async function runPolicyBenchmarks() {
  const parsed = validatePolicy(JSON.parse(POLICY_TEXT));
  if (!parsed.ok) throw new Error(`benchmark policy refused: ${JSON.stringify(parsed.issues)}`);
  const policy: UsagePolicy = parsed.policy;
  const compiled = compilePolicy(policy);
  const decision = compiled.evaluate(REQUEST);
  if (!decision.allowed || !handWritten(REQUEST).allowed)
    throw new Error(`the benchmark request must pass every constraint: ${JSON.stringify(decision)}`);
  const refused: PolicyRequest = { ...REQUEST, context: { ...REQUEST.context, purpose: 'traffic_dispatch' } };

  const us = perCall({
    engine: { f: () => compiled.evaluate(REQUEST).allowed, iterations: ITERATIONS },
    baseline: { f: () => handWritten(REQUEST).allowed, iterations: ITERATIONS },
    cached: { f: () => evaluate(policy, REQUEST).allowed, iterations: ITERATIONS },
    explained: { f: () => compiled.evaluate(refused).allowed, iterations: ITERATIONS / 4 },
    parse: { f: () => JSON.parse(POLICY_TEXT), iterations: ITERATIONS / 4 },
    validate: { f: () => validatePolicy(JSON.parse(POLICY_TEXT)).ok, iterations: ITERATIONS / 40 },
    compile: { f: () => compilePolicy(policy), iterations: ITERATIONS / 20 },
  });
  const { engine, baseline, cached, explained, parse, validate, compile } = us;

  console.log(
    `\npolicy: ODRL offer with 10 constraints, 1 duty, 2 prohibitions (${POLICY_TEXT.length} bytes of JSON)`,
  );
  console.log(
    `policy evaluate ${fmt(engine).padStart(9)}/call  |  hand-written check ${fmt(baseline).padStart(9)}/call  |  ` +
      `ratio ${(engine / baseline).toFixed(1)}×  |  JSON.parse of the policy ${fmt(parse)}  (goal < 50 µs: ${engine < 50 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `policy evaluate(policy, …) through its compiled cache ${fmt(cached)}/call; a refusal explained in zh-CN and en-US ${fmt(explained)}/call`,
  );
  console.log(
    `policy validatePolicy(JSON.parse(text)) ${fmt(validate)}, compilePolicy ${fmt(compile)}: once per policy, ` +
      `${(validate / parse).toFixed(1)}× and ${(compile / parse).toFixed(1)}× a JSON.parse of it`,
  );
}

if (process.argv[1]?.endsWith('policy.ts')) await runPolicyBenchmarks();
