import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AssetDetail, Valuation, ValuationBundle } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 }).catch(
    (e: { code: number; stdout: string; stderr: string }) => ({ ...e, failed: true }),
  );

let t: TestServer;
let bundle: ValuationBundle;
beforeAll(async () => {
  t = await startTestServer();
  const ok = async <T>(method: string, url: string, as: string, body?: unknown) => {
    const r = await t.call<T>(method, url, as, body);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const asset = await ok<AssetDetail>('POST', '/api/assets', 'merchant', {
    name: '命令行评估测试资产',
    source: 'purchased',
    recognizedPeriod: '2026-03',
    checklist: demo.ASSET_CHECKLIST_MET,
  });
  const valuer = (await ok<{ org: { id: string } }>('GET', '/api/me', 'certifier')).org.id;
  const v = await ok<Valuation>('POST', `/api/assets/${asset.id}/valuations`, 'merchant', {
    valuerOrgId: valuer,
    valuationDate: '2026-06-30',
    inputs: {
      method: 'cost',
      parts: {
        preliminaryFen: 1_000_000,
        directFen: 5_000_000,
        indirectFen: 800_000,
        opportunityFen: 200_000,
        taxesFen: 123_456,
      },
      adjustment: { kind: 'factor', qualityCoefficient: 0.9, remainingLifeYears: 3, totalLifeYears: 5 },
    },
  });
  await ok('POST', `/api/assets/valuations/${v.id}/sign`, 'certifier', {
    custody: 'platform',
    password: demo.DEMO_PASSWORD,
  });
  bundle = await ok<ValuationBundle>('GET', `/api/assets/valuations/${v.id}/verify`, 'merchant');
}, 240_000);
afterAll(() => t.close());

describe('shuliu verify-valuation', () => {
  it('checks a signed report offline; a changed byte fails naming the check, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shuliu-valuation-'));
    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle, null, 2));
    const ok = await run('verify-valuation', file, '--public-key', bundle.checkpoint.publicKey);
    expect('failed' in ok, ok.stderr).toBe(false);
    expect(ok.stdout).toContain(`VALID: valuation ${String(bundle.report.valuationId)}`);
    expect(ok.stdout).toContain('✓ inclusion');

    // one digit of the value changed: the valuer's signature no longer matches
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(bundle).replace('"valueFen":3846666', '"valueFen":3846667'));
    const bad = await run('verify-valuation', tampered);
    expect(bad).toMatchObject({ failed: true, code: 1 });
    expect(bad.stderr).toContain('INVALID (signature)');

    // the ledger entry changed by one byte: it no longer records this report, nor is it in the tree
    const entry = join(dir, 'entry.json');
    const b2 = { ...bundle, ledgerEntry: bundle.ledgerEntry.replace('"v":1', '"v":1 ') };
    writeFileSync(entry, JSON.stringify(b2));
    const badEntry = await run('verify-valuation', entry);
    expect(badEntry.stderr).toContain('INVALID (ledgerEntry)');

    const other = await run('verify-valuation', file, '--public-key', `04${'1'.repeat(128)}`);
    expect(other.stderr).toContain('INVALID (checkpointKey)');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{');
    expect((await run('verify-valuation', notJson)).stderr).toContain('INVALID (shape)');
  }, 120_000);
});
