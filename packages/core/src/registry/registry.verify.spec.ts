import {
  checkpointBody,
  jcs,
  leafHash,
  nodeHash,
  toBase64,
  toHex,
  verifyCertificateBundle,
  type CertificateBundle,
} from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SM2_ID, Sm2Signer, sm3, sm3Hex } from '../crypto/index.js';
import { canonicalEntry, hasherFor } from '../ledger/index.js';
import { canonicalJson } from '../shared/hash.js';
import { buildCredential, signCredential } from './registry.credential.js';

const h = hasherFor('sm3');
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const key = Sm2Signer.generate();
const other = Sm2Signer.generate();

const credential = buildCredential({
  certNo: 'SD-DR-2026-000042',
  version: 1,
  issuer: { id: 'urn:shuliu:registry:shuliu.local/ledger', name: '山东省数据产权登记平台' },
  holder: { orgId: 'org_x', name: '齐鲁数据科技有限公司', uscc: '91370100MA3C8K2P3X' },
  category: 'data_property',
  rights: ['holding', 'processing'],
  object: {
    type: 'resource',
    id: 'res_x',
    title: '企业画像',
    metadataSm3: '0'.repeat(64),
    manifestSm3: '1'.repeat(64),
    files: 2,
  },
  scope: '全部字段',
  format: 'csv',
  updateFrequency: 'monthly',
  source: { kind: 'collected', description: '自有系统采集', validUntil: null },
  validFrom: new Date('2026-11-28T00:00:00Z'),
  validUntil: new Date('2029-11-28T00:00:00Z'),
  registration: { applicationId: 'rap_x', type: 'initial', noticeFrom: null, noticeUntil: null },
  previous: null,
});

/** A three-entry log with the certificate's entry in the middle, and its checkpoint signed by `signer`. */
function bundleFor(signer: Sm2Signer, leaves: string[] = ['a', 'b']): CertificateBundle {
  const signed = signCredential(credential, signer);
  const { json } = canonicalEntry({
    type: 'certificate.issued',
    objectType: 'certificate',
    objectId: 'SD-DR-2026-000042',
    objectSm3: signed.certHash,
    attrs: { certNo: 'SD-DR-2026-000042', certHash: signed.certHash, version: 1, keyId: 'key_1' },
  });
  const [l0, l1, l2] = [leaves[0]!, json, leaves[1]!].map((e) => leafHash(h, utf8(e)));
  const root = nodeHash(h, nodeHash(h, l0!, l1!), l2!);
  const body = checkpointBody('shuliu.local/ledger', 3, toBase64(root));
  return {
    certificate: credential,
    signature: signed.signature,
    issuerPublicKey: signer.publicKeyHex,
    status: 'valid',
    ledgerIndex: 1,
    ledgerEntry: json,
    inclusionProof: { leafIndex: 1, treeSize: 3, auditPath: [toHex(l0!), toHex(l2!)] },
    checkpoint: {
      origin: 'shuliu.local/ledger',
      treeSize: 3,
      rootHash: toBase64(root),
      hashAlg: 'sm3',
      body,
      signature: signer.sign(body, DEFAULT_SM2_ID).toString('hex'),
      keyId: 'key_1',
      publicKey: signer.publicKeyHex,
      createdAt: '2026-11-28T00:00:00.000Z',
    },
  };
}

const verify = (b: unknown, trusted?: string) =>
  verifyCertificateBundle(b, { trustedKeys: trusted ? [trusted] : undefined, sm3: (...p) => sm3(...p) });
const failure = (b: unknown, trusted?: string) => verify(b, trusted).failure?.check;

describe('certificate bundles, checked offline with the verifier in contracts', () => {
  it('signs the RFC 8785 form of the credential without its proof; certHash is its SM3', () => {
    const signed = signCredential(credential, key);
    expect(signed.canonical).toBe(jcs(credential));
    expect(signed.canonical).toBe(canonicalJson(credential));
    expect(signed.certHash).toBe(sm3Hex(signed.canonical));
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', expect.anything()],
      type: ['VerifiableCredential', 'DataRightsCertificate'],
      credentialSubject: {
        certificateNo: 'SD-DR-2026-000042',
        rightNames: ['数据资源持有权', '数据加工使用权'],
      },
    });
  });

  it('accepts an intact bundle, with the issuer key pinned or not, with OpenSSL or plain-TS SM3', () => {
    const b = bundleFor(key);
    expect(verify(b, key.publicKeyHex)).toMatchObject({
      valid: true,
      certNo: 'SD-DR-2026-000042',
      failure: null,
    });
    expect(verify(b).valid).toBe(true);
    expect(verifyCertificateBundle(JSON.parse(JSON.stringify(b))).valid).toBe(true);
  });

  it('rejects a tampered certificate at its signature', () => {
    const b = bundleFor(key);
    const tampered = structuredClone(b);
    (tampered.certificate.credentialSubject as { scope: string }).scope = '全部字段及衍生数据';
    expect(failure(tampered, key.publicKeyHex)).toBe('signature');
    const rights = structuredClone(b);
    (rights.certificate.credentialSubject as { rights: string[] }).rights.push('operating');
    expect(failure(rights)).toBe('signature');
  });

  it('rejects a wrong key: one not trusted, or another key put in the bundle', () => {
    const b = bundleFor(key);
    expect(failure(b, other.publicKeyHex)).toBe('issuerKey');
    expect(failure({ ...b, issuerPublicKey: other.publicKeyHex })).toBe('signature');
    // a bundle wholly made by another key is consistent, but not from the node you trust
    expect(verify(bundleFor(other)).valid).toBe(true);
    expect(failure(bundleFor(other), key.publicKeyHex)).toBe('issuerKey');
  });

  it('rejects a proof from another tree, and a checkpoint that is not the one signed', () => {
    const b = bundleFor(key);
    const elsewhere = bundleFor(key, ['x', 'y']);
    expect(failure({ ...b, inclusionProof: elsewhere.inclusionProof })).toBe('inclusion');
    expect(failure({ ...b, checkpoint: bundleFor(key, ['p', 'q']).checkpoint })).toBe('inclusion');
    expect(failure({ ...b, inclusionProof: { ...b.inclusionProof, leafIndex: 2 } })).toBe('inclusion');
    const forged = { ...b.checkpoint, signature: elsewhere.checkpoint.signature };
    expect(failure({ ...b, checkpoint: forged })).toBe('checkpoint');
    expect(
      failure({ ...b, checkpoint: { ...b.checkpoint, publicKey: other.publicKeyHex } }, key.publicKeyHex),
    ).toBe('checkpointKey');
  });

  it('rejects an entry for another certificate or hash, and anything that is not a bundle', () => {
    const b = bundleFor(key);
    const wrongHash = b.ledgerEntry.replace(/"certHash":"[0-9a-f]+"/, `"certHash":"${'0'.repeat(64)}"`);
    expect(failure({ ...b, ledgerEntry: wrongHash })).toBe('certHash');
    expect(failure({ ...b, ledgerEntry: b.ledgerEntry.replaceAll('000042', '000043') })).toBe('ledgerEntry');
    expect(failure({ ...b, ledgerEntry: ` ${b.ledgerEntry}` })).toBe('ledgerEntry');
    expect(failure({ kind: 'nonsense' })).toBe('shape');
    expect(failure({ ...b, certificate: { ...b.certificate, proof: {} } })).toBe('shape');
    expect(verify({ ...b, signature: 'zz' }).failure?.message).toMatch(/signature/);
  });
});
