// The benchmarks load their fixtures with plain SQL, so a migration can leave one behind unnoticed until
// someone measures. Each runs here at a toy size (no figure is asserted, only that it completes and reports).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['apps/cli/bin/tsx-run.mjs', 'bench/run.ts', '--seconds=1', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });

// the benchmarks pick their databases themselves (PGlite, and PostgreSQL when it answers): run once, in the PGlite run
describe.skipIf(!!process.env.DATABASE_URL)('benchmarks at a toy size', () => {
  it('consent.check loads its grants and measures against the primary-key baseline', () => {
    const r = bench('--only=consent', '--grants=2000', '--workers=2', '--pglite');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/consent\.check at 2,000 grants on pglite .*primary-key lookup .*ratio/);
  }, 150_000);

  it('catalog search loads its resources and measures against the ILIKE baseline', () => {
    const r = bench('--only=catalog', '--resources=300');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/catalog search at 300 resources on pglite .*naive ILIKE/);
  }, 150_000);

  it('market search loads its listings and measures against the catalog search in the same run', () => {
    const r = bench('--only=market', '--products=300', '--resources=300');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/market search at 300 listings on pglite .*catalog search at 300 resources/);
  }, 150_000);

  it('policy decides a 10-constraint offer and measures against the hand-written check', () => {
    const r = bench('--only=policy', '--policy-iterations=2000');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/policy evaluate .*hand-written check .*ratio/);
  }, 150_000);

  it('fingerprint embeds and traces a toy slice and measures against a plain parse and write', () => {
    const r = bench('--only=fingerprint', '--fingerprint-rows=600');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/fingerprint embed .*plain CSV parse\+write .*ratio/);
    expect(r.stdout).toMatch(/fingerprint unmarked original .*→ nothing/);
  }, 150_000);

  it('shapley computes 12 contributors exactly and samples 50 against the closed form', () => {
    const r = bench('--only=shapley', '--shapley-samples=200');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/shapley exact, 12 contributors .*textbook subset formula .*ratio/);
    expect(r.stdout).toMatch(/shapley sampled, largest error against the closed form .*Hoeffding bound/);
  }, 150_000);
  it('compute runs a DP aggregate through the agent’s path and the raw GROUP BY on the same table', () => {
    const r = bench('--only=compute', '--compute-rows=20000');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/compute DP aggregate at 20,000 rows .*raw DuckDB GROUP BY .*ratio/);
  }, 150_000);
  it('quality checks a CSV with the rules it suggests, beside a plain parse of it', () => {
    const r = bench('--only=quality', '--quality-rows=5000');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/quality check 5,000 rows × 12 columns, \d+ rules .*plain parse .*×/);
  }, 150_000);
  it('quality checks a CSV in the domain as DuckDB SQL, beside the same checks written by hand', () => {
    const r = bench('--only=quality-domain', '--quality-domain-rows=5000');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/quality in domain 5,000 rows .*\(duckdb\) .*hand-written DuckDB SQL .*ratio/);
  }, 150_000);
  it('psi intersects two toy sets by the protocol and compares with the plain digest intersection', () => {
    const r = bench('--only=psi', '--psi-sizes=2000');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/psi 2,000×2,000 .*1,000 in common.*plain SM3-digest intersection/);
    expect(r.stdout).toMatch(/psi scalar multiplication {2}X25519 \d+ µs/);
  }, 150_000);
});
