import {
  verifyCertificateBundle,
  type VerifyBundleReply,
  type VerifyCertificateReply,
} from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { publicKeyHex, sm3 } from '../crypto/index.js';
import { hasherFor } from '../ledger/index.js';
import type { RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { certificatesRepository as certs } from './certificates.repository.js';
import { shanghaiDay } from './registry.calendar.js';
import { toCertificate } from './registry.mappers.js';
import { registryRepository as repo } from './registry.repository.js';
import type { RegistryDeps } from './registry.support.js';

/**
 * Public verification (一次登记、全国通用): the bundle that proves a certificate with no server and no login,
 * and the check of any node's bundle given that node's public key. Both use the verifier in contracts, the
 * one the CLI and the browser run.
 */
export class VerifyService {
  constructor(private readonly deps: RegistryDeps) {}

  async verify(certNo: string): Promise<VerifyCertificateReply> {
    const now = this.deps.now();
    const c = await certs.findCertificate(this.deps.db, { certNo }, shanghaiDay(now));
    if (!c) throw NotFound('certificate', certNo);
    const version = (await certs.findVersion(this.deps.db, c.id, c.version))!;
    if (version.ledger_index === null) throw NotFound('certificate', certNo);
    const index = Number(version.ledger_index);
    const checkpoint = await this.deps.ledger.checkpoint();
    const [entry, proof, key, events] = await Promise.all([
      this.deps.ledger.entry(index),
      this.deps.ledger.inclusionProof(index, checkpoint.treeSize),
      this.deps.keys.publicKey(version.key_id),
      repo.findEvents(this.deps.db, { certificateId: c.id }),
    ]);
    return {
      certificate: JSON.parse(version.credential) as Record<string, unknown>,
      signature: version.signature,
      issuerPublicKey: publicKeyHex(key),
      status: toCertificate(c, now).status,
      ledgerIndex: index,
      ledgerEntry: entry.entry,
      inclusionProof: proof,
      checkpoint,
      // public: what happened and where it is in the ledger, not who did it or why
      history: events.map((e) => ({
        at: new Date(e.at).toISOString(),
        action: e.action,
        version: e.version,
        ledgerIndex: e.ledger_index === null ? null : Number(e.ledger_index),
      })),
    };
  }

  /** Checks a bundle from any Shuliu node against the public key the caller trusts for it (audited). */
  async verifyBundle(
    ctx: RequestContext,
    bundle: unknown,
    issuerPublicKey: string,
  ): Promise<VerifyBundleReply> {
    const reply = verifyCertificateBundle(bundle, {
      trustedKeys: [issuerPublicKey],
      sm3: (...parts) => sm3(...parts),
      hasherFor,
    });
    await this.deps.db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'registry.bundle.verify',
        objectType: 'certificate',
        objectId: reply.certNo,
        outcome: reply.valid ? 'success' : 'failure',
        details: { valid: reply.valid, failure: reply.failure, issuerPublicKey },
      }),
    );
    return reply;
  }
}
