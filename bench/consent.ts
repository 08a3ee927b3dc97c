// consent.check at 1,000,000 grants (PostgreSQL, else PGlite): the full check through the service (the grant's
// row joined to its scenario, the decision, and its row in consent_checks) beside a plain primary-key lookup of
// the same grant row, measured in the same run, while a concurrent revoker keeps revoking grants.
import { createServices, loadConfig } from '@shuliu/core';
import { sql } from 'kysely';
import { scratchDatabase } from './scratch-db.js';

const N = Number(process.argv.find((a) => a.startsWith('--grants='))?.slice(9) ?? 1_000_000);
const SECONDS = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 10);
const SCENARIOS = 10;
const SUBJECTS = Math.ceil(N / SCENARIOS);
const WORKERS = Number(process.argv.find((a) => a.startsWith('--workers='))?.slice(10) ?? 16);
const REVOKES_PER_SECOND = 200;
const pad = (n: number) => String(n).padStart(21, '0');

type Db = Awaited<ReturnType<typeof scratchDatabase>>['db'];

async function fill(db: Db) {
  await sql`insert into orgs (id, name, uscc, types, contact_name, contact_phone, status)
    values ('org_bench', '基准测试数据使用方', '91370100MA3C00000X', '{merchant}', 'bench', '13800138000', 'active')`.execute(
    db,
  );
  for (let from = 0; from < SUBJECTS; from += 50_000) {
    const ids = Array.from(
      { length: Math.min(50_000, SUBJECTS - from) },
      (_, k) => `usr_bench${pad(from + k)}`,
    );
    await sql`insert into users (id, username, display_name, roles, status, password_hash)
      select id, id, id, '{person}', 'active', 'x' from unnest(${ids}::text[]) as t(id)`.execute(db);
  }
  const fields = JSON.stringify([
    {
      name: 'mobile',
      label: '手机号',
      category: 'contact',
      required: true,
      justification: 'bench',
      sensitive: false,
      struck: false,
      strikeReason: null,
    },
  ]);
  for (let s = 0; s < SCENARIOS; s++) {
    // the scenario first, then its approved version, then the scenario points at it (both are foreign keys)
    await sql`insert into consent_scenarios (id, org_id, title, created_by)
      values (${`scn_bench${pad(s)}`}, 'org_bench', ${`场景${s}`}, 'bench')`.execute(db);
    await sql`insert into consent_scenario_versions (id, scenario_id, version, purpose, legal_basis, recipient,
        processing_method, retention_days, cross_border, automated_decision, fields, status, reviewed_at, created_by)
      values (${`scv_bench${pad(s)}`}, ${`scn_bench${pad(s)}`}, 1, 'bench', '取得个人同意', 'bench', 'bench', 365,
        false, false, ${fields}::jsonb, 'approved', now(), 'bench')`.execute(db);
    await sql`update consent_scenarios set current_version_id = ${`scv_bench${pad(s)}`}
      where id = ${`scn_bench${pad(s)}`}`.execute(db);
  }
  const expires = new Date(Date.now() + 365 * 86_400_000);
  for (let from = 0; from < N; from += 50_000) {
    const ks = Array.from({ length: Math.min(50_000, N - from) }, (_, k) => from + k);
    await sql`insert into consent_grants (id, subject_user_id, scenario_id, version_id, fields, expires_at, granted_by)
      select 'cgr_bench' || lpad(k::text, 21, '0'), 'usr_bench' || lpad((k % ${SUBJECTS})::text, 21, '0'),
        'scn_bench' || lpad((k / ${SUBJECTS})::text, 21, '0'), 'scv_bench' || lpad((k / ${SUBJECTS})::text, 21, '0'),
        '{mobile,name}', ${expires}, 'bench'
      from unnest(${ks}::int[]) as t(k)`.execute(db);
  }
  await sql`vacuum analyze consent_grants`.execute(db);
}

const target = (k: number) => ({
  id: `cgr_bench${pad(k)}`,
  subject: `usr_bench${pad(k % SUBJECTS)}`,
  version: `scv_bench${pad(Math.floor(k / SUBJECTS))}`,
});

/** Runs `op` from WORKERS concurrent loops for SECONDS; a revoker revokes random grants meanwhile. */
async function measure(db: Db, op: (k: number) => Promise<unknown>) {
  let stop = false;
  let done = 0;
  let revoked = 0;
  const revoker = (async () => {
    while (!stop) {
      await sql`update consent_grants set revoked_at = now(), revoked_by = 'bench'
        where id = ${target(Math.floor(Math.random() * N)).id} and revoked_at is null`.execute(db);
      revoked++;
      await new Promise((r) => setTimeout(r, 1000 / REVOKES_PER_SECOND));
    }
  })();
  const t0 = performance.now();
  const workers = Array.from({ length: WORKERS }, async () => {
    while (performance.now() - t0 < SECONDS * 1000) {
      await op(Math.floor(Math.random() * N));
      done++;
    }
  });
  await Promise.all(workers);
  const rate = done / ((performance.now() - t0) / 1000);
  stop = true;
  await revoker;
  return { rate, revoked };
}

async function benchOne(url: string | undefined) {
  const d = await scratchDatabase(url);
  try {
    const t0 = performance.now();
    await fill(d.db);
    const loaded = (performance.now() - t0) / 1000;
    const { consent } = createServices(d.db, loadConfig({}, { masterKey: 'c0'.repeat(32) }));
    const baseline = await measure(d.db, (k) =>
      d.db.selectFrom('consent_grants').selectAll().where('id', '=', target(k).id).executeTakeFirst(),
    );
    const ours = await measure(d.db, (k) => {
      const t = target(k);
      return consent.check(t.subject, t.version, ['mobile']);
    });
    const inTx = await measure(d.db, (k) => {
      const t = target(k);
      return d.db
        .transaction()
        .execute((tx) => consent.grants.check(t.subject, t.version, ['mobile'], undefined, null, tx));
    });
    await consent.grants.log.flush();
    const decisions = await sql<{
      reason: string;
      n: number;
    }>`select reason, count(*)::int as n from consent_checks group by reason`.execute(d.db);
    const ratio = ours.rate / baseline.rate;
    console.log(
      `consent.check at ${N.toLocaleString('en')} grants on ${d.kind.padEnd(8)}  ${ours.rate.toFixed(0).padStart(7)} checks/s` +
        `  |  primary-key lookup ${baseline.rate.toFixed(0).padStart(7)} rows/s  |  ratio ${(ratio * 100).toFixed(1)} %` +
        `  (goal ≥ 50 %: ${ratio >= 0.5 ? 'met' : 'NOT met'}); ${WORKERS} workers, ${ours.revoked + baseline.revoked} revocations meanwhile;` +
        ` inside a caller's transaction (log row committed with it) ${inTx.rate.toFixed(0)} checks/s (${((inTx.rate / baseline.rate) * 100).toFixed(1)} %);` +
        ` decisions ${decisions.rows.map((r) => `${r.reason} ${r.n}`).join(', ')}; loaded in ${loaded.toFixed(0)} s`,
    );
  } finally {
    await d.drop();
  }
}

export async function runConsentBenchmarks(postgresUrl: string | undefined) {
  if (postgresUrl) await benchOne(postgresUrl);
  else console.log('consent.check on postgres: skipped (no PostgreSQL at DATABASE_URL or 127.0.0.1:5432)');
  if (process.argv.includes('--pglite')) await benchOne(undefined);
}
