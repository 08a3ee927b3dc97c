import type { Contract, Negotiation } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { textOfPdf } from '@shuliu/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody } from './market.fixtures.js';

// The contract as a PDF: the signed text with its number, hash, parties, clauses and signatures, to the same
// readers as the contract (its parties, the operator, the regulator); 404 to a third org, 401 to no one.
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let contractNo = '';

const pdf = (as: string | undefined) => t.call('GET', `/api/trade/contracts/${contractNo}/pdf`, as);

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  const { resource } = await m.listable('merchant', '港口吞吐量月度数据');
  const product = await m.listed('merchant', productBody([resource]));
  const n = await m.ok<Negotiation>('POST', '/api/trade/negotiations', 'quancheng', {
    productId: product.id,
    terms: {
      template: 'provision',
      deliveryMode: 'report',
      purpose: '风控',
      region: '370100',
      scope: '仅用于本机构授信前的区域景气研判',
      startsOn: '2026-07-01',
      endsOn: '2027-06-30',
      priceFen: 500_00,
    },
    idempotencyKey: 'pdf-test-request',
  });
  const agreed = await m.ok<Negotiation>('POST', `/api/trade/negotiations/${n.id}/agree`, 'merchant', {
    idempotencyKey: 'pdf-test-agree',
  });
  contractNo = agreed.contractNo!;
  await m.ok('POST', `/api/trade/contracts/${contractNo}/sign`, 'quancheng', {
    custody: 'platform',
    password: demo.DEMO_PASSWORD,
  });
});
afterAll(() => t.close());

describe('GET /api/trade/contracts/:no/pdf', () => {
  it('is a PDF of the signed text: number, hash, parties, clauses, the buyer’s signature', async () => {
    const c = await m.ok<Contract>('GET', `/api/trade/contracts/${contractNo}`, 'quancheng');
    const r = await pdf('quancheng');
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toBe('application/pdf');
    expect(r.raw.headers['content-disposition']).toBe(`attachment; filename="${contractNo}.pdf"`);
    const bytes = r.raw.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = textOfPdf(bytes).join('\n');
    expect(text).toContain(`合同编号：${contractNo}`);
    // a long line may wrap: the hash and signature are looked for with line breaks taken out
    const flat = text.replace(/\n/g, '');
    expect(flat).toContain(c.contractHash);
    expect(text).toContain('合同状态：买方已签署，待卖方签署');
    const d = c.document;
    for (const p of [d.parties.seller, d.parties.buyer])
      expect(text).toContain(`${p.name}    统一社会信用代码：${p.uscc}`);
    for (const k of d.clauses) expect(text).toContain(k.title);
    expect(flat).toContain(d.clauses.find((k) => k.key === 'price')!.text.replace(/\n/g, ''));
    const [buyerSig] = c.signatures;
    expect(text).toContain(`签名密钥：${buyerSig!.keyId}（平台托管密钥，SM2-SM3）`);
    expect(text).toMatch(/签署时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
    expect(flat).toContain(buyerSig!.signature);
    expect(text).toContain('尚未签署');
  });

  it('goes to the parties, the operator and the regulator; 404 to a third org, 401 without a session', async () => {
    for (const as of ['quancheng', 'merchant', 'merchant2', 'operator', 'regulator'])
      expect((await pdf(as)).status, as).toBe(200);
    for (const as of ['huanghe', 'buyer', 'certifier']) {
      const r = await pdf(as);
      expect(r.status, as).toBe(404);
      expect(r.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await pdf(undefined)).status).toBe(401);
    // a role outside the route's own: refused before the contract is looked up
    expect((await pdf('bureau-authority')).status).toBe(403);
  });
});
