import {
  jcs,
  verifyContractBundle,
  type Contract,
  type ContractBundle,
  type LedgerEntryReply,
  type Negotiation,
  type OrgSigningKey,
} from '@shuliu/contracts';
import { crypto, demo } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err } from './market.fixtures.js';
import { custodied, dealTerms, TradeClient } from './trade.fixtures.js';

// 合同示范文本: an agreed negotiation drafts its contract; buyer, then seller sign it with their org keys (custodied
// or offline), each signature in the ledger; the bundle proves it offline; only the parties and overseers read it.
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let product: { id: string; certificateNos: string[] };
let deals: TradeClient;

const orgOf = async (as: string) => (await t.call<{ org: { id: string } }>('GET', '/api/me', as)).body.org.id;
const agreed = (productId: string, buyer: string, seller: string) => deals.agreed(productId, buyer, seller);
const contract = (no: string, as: string) => t.call<Contract & Err>('GET', `/api/trade/contracts/${no}`, as);
const sign = (no: string, as: string, body: Record<string, unknown>) =>
  t.call<Contract & Err>('POST', `/api/trade/contracts/${no}/sign`, as, body);
const bundleOf = async (no: string, as = 'merchant') =>
  m.ok<ContractBundle>('GET', `/api/trade/contracts/${no}/verify`, as);

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  deals = new TradeClient(t, m);
  const { resource } = await m.listable('merchant', '企业经营景气基础数据');
  product = await m.listed('merchant', productBody([resource]));
});
afterAll(() => t.close());

describe('the contract drafted on agreement', () => {
  it('fills the model text from the agreement: parties with USCC, object with certificates, terms', async () => {
    const n = await agreed(product.id, 'buyer', 'merchant');
    expect(n).toMatchObject({
      state: 'agreed',
      awaiting: 'buyer',
      contractNo: expect.stringMatching(/^HT-\d{4}-\d{6}$/),
    });
    const c = (await contract(n.contractNo!, 'buyer')).body;
    expect(c).toMatchObject({
      state: 'drafted',
      negotiationState: 'agreed',
      awaiting: 'buyer',
      signatures: [],
    });
    const d = c.document;
    expect(d).toMatchObject({
      template: 'provision',
      contractNo: n.contractNo,
      parties: {
        seller: {
          orgId: n.sellerOrgId,
          name: '齐鲁数据科技有限公司',
          uscc: expect.stringMatching(/^91370100/),
        },
        buyer: {
          orgId: n.buyerOrgId,
          name: '鲁信普惠金融科技有限公司',
          uscc: expect.stringMatching(/^91370200/),
        },
        platform: { uscc: expect.any(String) },
      },
      object: { productId: product.id, certificateNos: product.certificateNos, deliveryMode: 'report' },
      term: { startsOn: '2026-07-01', endsOn: '2027-06-30' },
      price: { amountFen: 500_00, currency: 'CNY' },
      acceptance: { days: expect.any(Number) },
    });
    expect(c.contractHash).toBe(crypto.sm3Hex(jcs(d)));
    const keys = d.clauses.map((k) => k.key);
    for (const k of [
      'parties',
      'object',
      'rights',
      'scope',
      'term',
      'price',
      'acceptance',
      'security',
      'personal_info',
      'breach',
      'disputes',
      'law',
    ])
      expect(keys).toContain(k);
    const text = d.clauses.map((k) => k.text).join('\n');
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain(product.certificateNos[0]!);
    expect(text).toContain('人民币 500.00 元');
    expect(text).toContain('平台调解');
  });
});

describe('signing: buyer first, then seller', () => {
  it('enforces the order (409 naming the state), concludes, and puts every signature in the ledger', async () => {
    const no = (await agreed(product.id, 'quancheng', 'merchant')).contractNo!;
    const early = await sign(no, 'merchant', custodied);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'TRADE_CONTRACT_OUT_OF_ORDER',
      details: { state: 'agreed' },
    });
    const v = await sign(no, 'quancheng', custodied);
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(v.body).toMatchObject({ state: 'buyer_signed', negotiationState: 'verified', awaiting: 'seller' });
    const again = await sign(no, 'quancheng', custodied);
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ state: 'verified' });
    // the custodied key answers to the org administrator alone
    expect((await sign(no, 'merchant2', custodied)).status).toBe(403);
    const f = await sign(no, 'merchant', custodied);
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    expect(f.body).toMatchObject({ state: 'concluded', negotiationState: 'finalized', awaiting: null });
    expect(f.body.signatures.map((s) => s.party)).toEqual(['buyer', 'seller']);
    expect((await sign(no, 'merchant', custodied)).body.error.details).toMatchObject({ state: 'finalized' });
    const n = await m.ok<Negotiation>('GET', `/api/trade/negotiations/${f.body.negotiationId}`, 'quancheng');
    expect(n.timeline.slice(-2).map((e) => [e.kind, e.side, e.state])).toEqual([
      ['sign', 'buyer', 'verified'],
      ['sign', 'seller', 'finalized'],
    ]);
    const at = async (i: number) =>
      JSON.parse((await m.ok<LedgerEntryReply>('GET', `/api/ledger/entries/${i}`)).entry) as {
        type: string;
        objectSm3: string;
        attrs: Record<string, unknown>;
      };
    const [b, s] = f.body.signatures;
    expect(await at(b!.ledgerIndex)).toMatchObject({
      type: 'contract.signed',
      objectSm3: f.body.contractHash,
      attrs: { contractNo: no, contractHash: f.body.contractHash, party: 'buyer', keyId: b!.keyId },
    });
    expect((await at(s!.ledgerIndex)).attrs).toMatchObject({ party: 'seller', signature: s!.signature });
    expect(await at(f.body.concludedLedgerIndex!)).toMatchObject({
      type: 'contract.concluded',
      attrs: { contractNo: no, contractHash: f.body.contractHash },
    });
  });
});

describe('the verification bundle', () => {
  it('passes offline, and any changed byte fails', async () => {
    const no = (await agreed(product.id, 'quancheng', 'merchant')).contractNo!;
    const half = verifyContractBundle(await bundleOf(no));
    expect(half).toMatchObject({ valid: false, failure: { check: 'signatures' } });
    await sign(no, 'quancheng', custodied);
    expect(verifyContractBundle(await bundleOf(no))).toMatchObject({ valid: true, concluded: false });
    await sign(no, 'merchant', custodied);
    const bundle = await bundleOf(no, 'regulator');
    const ok = verifyContractBundle(JSON.parse(JSON.stringify(bundle)));
    expect(ok, JSON.stringify(ok.failure)).toMatchObject({ valid: true, concluded: true, contractNo: no });
    const text = JSON.stringify(bundle);
    const flip = (needle: string, by: string) => {
      expect(text).toContain(needle);
      return verifyContractBundle(JSON.parse(text.replace(needle, by)));
    };
    // the price in the contract, one signature's digit, the ledger's record, a proof, the checkpoint
    expect(flip('"amountFen":50000', '"amountFen":50001').failure?.check).toBe('signatures');
    const sig = bundle.signatures[1]!.signature;
    expect(flip(sig, `${sig.slice(0, 10)}${sig[10] === '0' ? '1' : '0'}${sig.slice(11)}`).valid).toBe(false);
    expect(flip('contract.concluded', 'contract.signed').failure?.check).toBe('ledgerEntries');
    const path = bundle.inclusionProofs[0]!.auditPath[0];
    if (path)
      expect(flip(path, path.replace(/^./, path[0] === 'a' ? 'b' : 'a')).failure?.check).toBe('inclusion');
    const root = bundle.checkpoint.rootHash;
    expect(flip(root, root.replace(/^./, root[0] === 'A' ? 'B' : 'A')).valid).toBe(false);
    // swapping the two signatures is not the same contract signed in order
    const swapped = { ...bundle, signatures: [...bundle.signatures].reverse() };
    expect(verifyContractBundle(swapped).valid).toBe(false);
  });
});

describe('who reads a contract', () => {
  it('its parties, the operator and the regulator; anyone else 404', async () => {
    const no = (await agreed(product.id, 'buyer', 'merchant')).contractNo!;
    for (const as of ['buyer', 'buyer2', 'merchant', 'merchant2', 'operator', 'regulator'])
      expect((await contract(no, as)).status, as).toBe(200);
    for (const as of ['huanghe', 'quancheng', 'certifier']) {
      expect((await contract(no, as)).status, as).toBe(404);
      expect((await t.call('GET', `/api/trade/contracts/${no}/verify`, as)).status).toBe(404);
      expect((await sign(no, as, custodied)).status).toBe(404);
    }
    expect((await contract(no, undefined as unknown as string)).status).toBe(401);
    // an overseer reads but signs for no one
    expect((await sign(no, 'regulator', custodied)).status).toBe(404);
    // 鲁信普惠 keeps its own key: the platform signs nothing for it
    expect((await sign(no, 'buyer', custodied)).body.error.code).toBe('CRYPTO_ORG_KEY_HELD_BY_ORG');
  });
});

describe('offline signing with the org’s own key', () => {
  it('takes a signature over the contract, refuses a forged or another org’s one', async () => {
    const signer = crypto.Sm2Signer.generate();
    const key = await m.ok<OrgSigningKey>(
      'POST',
      `/api/orgs/${await orgOf('huanghe')}/signing-keys`,
      'huanghe',
      {
        custody: 'org',
        publicKey: crypto.publicKeyPem(signer.publicKey),
        password: demo.DEMO_PASSWORD,
      },
    );
    const offline = (doc: unknown) => signer.sign(jcs(doc), '1234567812345678').toString('hex');
    const no = (await agreed(product.id, 'huanghe', 'merchant')).contractNo!;
    const c = (await contract(no, 'huanghe')).body;
    // the platform holds no key of an org that keeps its own
    expect((await sign(no, 'huanghe', custodied)).status).toBe(409);
    const forged = await sign(no, 'huanghe', {
      custody: 'org',
      keyId: key.id,
      signature: offline({ ...c.document, price: { ...c.document.price, amountFen: 1 } }),
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({
      code: 'TRADE_CONTRACT_SIGNATURE_INVALID',
      details: { field: 'signature' },
    });
    const merchantKeys = await m.ok<{ items: OrgSigningKey[] }>(
      'GET',
      `/api/orgs/${await orgOf('merchant')}/signing-keys`,
    );
    const swapped = await sign(no, 'huanghe', {
      custody: 'org',
      keyId: merchantKeys.items.find((k) => !k.retiredAt)!.id,
      signature: offline(c.document),
    });
    expect(swapped.status).toBe(400);
    expect(swapped.body.error.code).toBe('TRADE_CONTRACT_SIGNATURE_INVALID');
    const ok = await sign(no, 'huanghe', { custody: 'org', keyId: key.id, signature: offline(c.document) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.signatures[0]).toMatchObject({ party: 'buyer', custody: 'org', keyId: key.id });
    await sign(no, 'merchant', custodied);
    const v = verifyContractBundle(await bundleOf(no, 'huanghe'));
    expect(v).toMatchObject({ valid: true, concluded: true });
  });
});

describe('contract numbers under concurrent agreements', () => {
  it('gives each agreement its own number, with no gap', async () => {
    await m.ok('PUT', `/api/trade/products/${product.id}/auto-accept`, 'merchant', { enabled: true });
    const started = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        m.ok<Negotiation>('POST', '/api/trade/negotiations', i % 2 ? 'buyer' : 'huanghe', {
          productId: product.id,
          terms: dealTerms(),
          idempotencyKey: `concurrent-${i}`,
        }),
      ),
    );
    const nos = started.map((n) => n.contractNo!);
    expect(started.every((n) => n.state === 'agreed')).toBe(true);
    expect(new Set(nos).size).toBe(8);
    const seqs = nos.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(7);
  });
});
