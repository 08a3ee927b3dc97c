import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import type { ValuationBundle } from '../assets.js';
import { utf8 } from './check-steps.js';
import { jcs } from './jcs.js';
import { checkpointBody, leafHash, nodeHash, sm3Hasher, toBase64, toHex } from './merkle.js';
import { sm3Digest } from './sm3.js';
import { verifyValuationBundle } from './valuation-verify.js';

const { sm2 } = smCrypto;
const ID = '1234567812345678';
const sign = (text: string, kp: { privateKey: string; publicKey: string }) =>
  sm2.doSignature(text, kp.privateKey, { hash: true, publicKey: kp.publicKey, userId: ID });

const REPORT = {
  type: 'shuliu.asset-valuation-report',
  version: 1,
  valuationId: 'avl_01jx0000000000000000000000',
  asset: {
    id: 'ast_01jx0000000000000000000000',
    name: '物流轨迹数据',
    classification: 'intangible',
    certificateNos: [],
  },
  owner: { orgId: 'org_a', name: '齐鲁数据科技有限公司', uscc: '91370100MA3C5R7X1Q' },
  valuer: { orgId: 'org_v', name: '山东衡信数据资产评估有限公司', uscc: '91370100MA6H4D8J2K' },
  method: 'income',
  inputs: {
    method: 'income',
    incomeKind: 'share',
    discountRate: 0.1,
    incomesFen: [1_000_000, 1_200_000, 1_500_000],
  },
  figures: { method: 'income', valueFen: 3_027_799 },
  valueFen: 3_027_799,
  valuationDate: '2026-06-30',
};

/** A bundle as the server gives it: the valuer's signature, its entry as leaf 1 of a two-leaf log, the checkpoint. */
function bundle(): ValuationBundle {
  const valuer = sm2.generateKeyPairHex();
  const log = sm2.generateKeyPairHex();
  const signature = sign(jcs(REPORT), valuer);
  const hash = toHex(sm3Digest(utf8(jcs(REPORT))));
  const entry = jcs({
    v: 1,
    type: 'asset.valuation.signed',
    objectType: 'asset_valuation',
    objectId: REPORT.valuationId,
    objectSm3: hash,
    at: '2026-06-30T08:00:00.000Z',
    attrs: {
      valuationId: REPORT.valuationId,
      reportHash: hash,
      keyId: 'osk_v',
      publicKey: valuer.publicKey,
      signature,
    },
  });
  const other = jcs({
    v: 1,
    type: 'audit.anchor',
    objectType: 'audit',
    objectId: '1',
    objectSm3: hash,
    at: '2026-06-30T07:00:00.000Z',
  });
  const [l0, l1] = [leafHash(sm3Hasher, utf8(other)), leafHash(sm3Hasher, utf8(entry))];
  const root = toBase64(nodeHash(sm3Hasher, l0, l1));
  const body = checkpointBody('shuliu.test/ledger', 2, root);
  return {
    report: REPORT,
    signature: { keyId: 'osk_v', publicKey: valuer.publicKey, signature },
    ledgerEntry: entry,
    inclusionProof: { leafIndex: 1, treeSize: 2, auditPath: [toHex(l0)] },
    checkpoint: {
      origin: 'shuliu.test/ledger',
      treeSize: 2,
      rootHash: root,
      hashAlg: 'sm3',
      body,
      signature: sign(body, log),
      keyId: 'key_log',
      publicKey: log.publicKey,
      createdAt: '2026-06-30T08:00:00.000Z',
    },
  } as ValuationBundle;
}

describe('verifyValuationBundle: a valuation report proven offline', () => {
  const b = bundle();
  it('holds for the bundle as made: signature, entry, inclusion, checkpoint', () => {
    const r = verifyValuationBundle(b, { trustedKeys: [b.checkpoint.publicKey] });
    expect(r.failure).toBeNull();
    expect(r.checks.map((c) => c.check)).toEqual([
      'shape',
      'signature',
      'ledgerEntry',
      'inclusion',
      'checkpointKey',
      'checkpoint',
    ]);
    expect(r.reportHash).toBe(toHex(sm3Digest(utf8(jcs(REPORT)))));
  });

  it('a changed byte of the report fails the signature', () => {
    const r = verifyValuationBundle({ ...b, report: { ...REPORT, valueFen: 3_027_798 } });
    expect(r.failure?.check).toBe('signature');
  });

  it('a report re-signed by someone else fails on the ledger entry, which records the valuer’s signature', () => {
    const forger = sm2.generateKeyPairHex();
    const forged = { ...REPORT, valueFen: 9_999_999 };
    const r = verifyValuationBundle({
      ...b,
      report: forged,
      signature: { keyId: 'osk_v', publicKey: forger.publicKey, signature: sign(jcs(forged), forger) },
    });
    expect(r.failure?.check).toBe('ledgerEntry');
    expect(r.failure?.message).toMatch(/hashes to/);
  });

  it('a changed proof or checkpoint fails, naming the check', () => {
    const proof = { ...b, inclusionProof: { ...b.inclusionProof, auditPath: ['00'.repeat(32)] } };
    expect(verifyValuationBundle(proof).failure?.check).toBe('inclusion');
    const sig = b.checkpoint.signature;
    const cp = {
      ...b,
      checkpoint: { ...b.checkpoint, signature: sig.slice(0, -2) + (sig.endsWith('00') ? '01' : '00') },
    };
    expect(verifyValuationBundle(cp).failure?.check).toBe('checkpoint');
    expect(verifyValuationBundle(b, { trustedKeys: [`04${'1'.repeat(128)}`] }).failure?.check).toBe(
      'checkpointKey',
    );
  });

  it('names the field of a malformed bundle', () => {
    const r = verifyValuationBundle({ ...b, report: { ...REPORT, valuationId: undefined } });
    expect(r.failure).toMatchObject({
      check: 'shape',
      message: expect.stringContaining('report.valuationId'),
    });
  });
});
