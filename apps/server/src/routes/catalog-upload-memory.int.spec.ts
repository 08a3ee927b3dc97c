import type { CatalogFile, Resource } from '@shuliu/contracts';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

// A whole gigabyte through HTTP, SM4 encryption and profiling, with the process's memory sampled all along.
const BYTES = 1024 ** 3;
const LIMIT = 300 * 1024 ** 2;

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  token = await t.login('merchant');
});
afterAll(() => t.close());

/** CSV rows generated on demand, so the test itself holds nothing: ~100 bytes a row up to `total` bytes. */
function csvStream(total: number): Readable {
  let sent = 0;
  let row = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const lines: string[] = [];
      if (row === 0) lines.push('序号,姓名,城市,金额,备注');
      for (let i = 0; i < 5000; i++, row++)
        lines.push(
          `${row},用户${row % 9973},济南市历下区,${(row * 37) % 100000}.${row % 100},普通记录第${row}行`,
        );
      const chunk = Buffer.from(lines.join('\n') + '\n');
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

function post(path: string, body: Readable): Promise<{ status: number; text: string }> {
  const url = new URL(path, t.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    body.pipe(req);
  });
}

// The bytes never reach the database (only the file's row does): the gigabyte is sent once, in the PGlite run.
describe.skipIf(!!process.env.DATABASE_URL)('a 1 GB upload', () => {
  it('streams through encryption and profiling without raising memory by 300 MB', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/resources',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        title: '大文件上传测试',
        description: '一吉字节的交易流水',
        sectorCode: 'finance',
        subjectType: 'organization',
        sourceKind: 'collected',
        sourceMethod: '生成',
        updateFrequency: 'once',
      },
    });
    const resource = res.json() as Resource;
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    try {
      const up = await post(`/api/catalog/resources/${resource.id}/files?name=big.csv`, csvStream(BYTES));
      expect(up.status, up.text).toBe(202);
      await t.services.catalog.files.idle();
      const file = (
        await t.app.inject({
          url: `/api/catalog/files/${(JSON.parse(up.text) as CatalogFile).id}`,
          headers: { authorization: `Bearer ${token}` },
        })
      ).json() as CatalogFile;
      expect(file.status, file.error ?? '').toBe('ready');
      expect(file.sizeBytes).toBeGreaterThanOrEqual(BYTES);
      expect(file.rowCount).toBeGreaterThan(10_000_000);
    } finally {
      clearInterval(sampler);
    }
    console.info(`1 GiB upload + profiling: peak RSS +${Math.round((peak - baseline) / 1024 ** 2)} MB`);
    expect(peak - baseline, `peak RSS grew by ${Math.round((peak - baseline) / 1024 ** 2)} MB`).toBeLessThan(
      LIMIT,
    );
  }, 600_000);
});
