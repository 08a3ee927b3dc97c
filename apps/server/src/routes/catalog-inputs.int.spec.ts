import type { CatalogFile, Resource } from '@shuliu/contracts';
import { xlsxWithSharedString } from '@shuliu/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

/** Security issue 14: what an uploaded file may cost the server, and what its failure tells the uploader. */
let t: TestServer;
let token: string;
let res: Resource;
beforeAll(async () => {
  t = await startTestServer({ config: { profilingConcurrency: 1, profilingPerOrg: 1 } });
  token = await t.login('merchant');
  res = (
    await t.call<Resource>('POST', '/api/catalog/resources', 'merchant', {
      title: '上传边界测试',
      description: '用于检查上传文件的解压与画像边界。',
      sectorCode: 'finance',
      subjectType: 'organization',
      sourceKind: 'collected',
      sourceMethod: '业务系统采集',
      updateFrequency: 'monthly',
    })
  ).body;
});
afterAll(() => t.close());

const upload = (name: string, body: Buffer | string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/catalog/resources/${res.id}/files?name=${encodeURIComponent(name)}`,
    payload: body,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
  });
const settle = async (id: string) => {
  await t.services.catalog.files.idle();
  return (await t.call<CatalogFile>('GET', `/api/catalog/files/${id}`, 'merchant')).body;
};

describe('uploads: bounded profiling', () => {
  it('an XLSX zip bomb fails with a reason the portal can name, and costs no more than its cap', async () => {
    const bomb = xlsxWithSharedString('A'.repeat(40 * 1024 * 1024));
    const up = await upload('bomb.xlsx', bomb);
    expect(up.statusCode).toBe(202);
    const file = await settle((up.json() as CatalogFile).id);
    expect(file).toMatchObject({ status: 'failed', errorCode: 'TABULAR_ARCHIVE_BOMB' });
    expect(file.error).toMatch(/bomb\.xlsx: xl\/sharedStrings\.xml inflates beyond .* zip bomb/);
  });

  it('files wait in line for the one profiling place configured, and all are profiled', async () => {
    let most = 0;
    const watch = setInterval(
      () => (most = Math.max(most, t.services.catalog.files.profilingLoad().running)),
      1,
    );
    const big = ['a,b', ...Array.from({ length: 60_000 }, (_, i) => `${i},第${i}行`)].join('\n');
    const ids = [((await upload('big.csv', big)).json() as CatalogFile).id];
    for (let i = 0; i < 2; i++)
      ids.push(((await upload(`t${i}.csv`, `a,b\n${i},x\n`)).json() as CatalogFile).id);
    for (const id of ids) expect(await settle(id)).toMatchObject({ status: 'ready', errorCode: null });
    clearInterval(watch);
    expect(most).toBe(1);
  });

  it('a garbage Parquet file fails without naming a server path', async () => {
    const up = await upload('x.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(300, 7)]));
    const file = await settle((up.json() as CatalogFile).id);
    expect(file.status).toBe('failed');
    expect(file.errorCode).toBe('TABULAR_FORMAT_UNSUPPORTED');
    expect(file.error).toMatch(/x\.parquet/);
    expect(file.error).not.toMatch(/\/tmp|shuliu-parquet|table\.parquet/);
  });
});
