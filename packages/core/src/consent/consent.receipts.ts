import { isThirdParty, jcs, type ConsentReceipt, type ReceiptBundle } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DEFAULT_SM2_ID, publicKeyHex, sm3Hex, type KeyService } from '../crypto/index.js';
import type { LedgerService } from '../ledger/index.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseFields } from './consent.mappers.js';
import type { GrantRow } from './consent.repository.js';

type Executor = Kysely<DB>;
export type ReceiptDeps = {
  keys: Pick<KeyService, 'activeSigner' | 'ensureSigningKey' | 'publicKey'>;
  ledger: Pick<LedgerService, 'appendIn' | 'entry' | 'checkpoint' | 'inclusionProof'>;
};

/**
 * Kantara Consent Receipt v1.1 fields, filled from one grant of one scenario version (一场景一授权). The
 * consent type is what was given with the grant — separate consent (单独同意) or explicit consent — not what
 * the version asked for; a third-party disclosure is recorded when the scenario's recipient is another handler
 * than its controller (PIPL Art. 23), the same test the scenario review applies.
 */
export function buildReceipt(
  id: string,
  event: 'granted' | 'revoked',
  at: Date,
  g: GrantRow,
  v: { legal_basis: string; retention_days: number; cross_border: boolean },
): ConsentReceipt {
  const defs = parseFields(g.version_fields);
  const granted = defs.filter((f) => g.fields.includes(f.name));
  const thirdParty = isThirdParty(g.org_name, g.recipient);
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'CN',
    consentTimestamp: Math.floor(at.getTime() / 1000),
    collectionMethod: 'shuliu consent hub (一场景一授权)',
    consentReceiptID: id,
    event,
    language: 'zh-CN',
    piiPrincipalId: g.subject_user_id,
    grantedBy: g.granted_by,
    piiControllers: [{ piiController: g.org_name ?? g.org_id, orgId: g.org_id }],
    services: [
      {
        service: g.scenario_title,
        scenarioId: g.scenario_id,
        scenarioVersionId: g.version_id,
        scenarioVersion: g.version,
        grantId: g.id,
        purposes: [
          {
            purpose: g.purpose,
            legalBasis: v.legal_basis,
            consentType: g.separate_consent ? 'SEPARATE' : 'EXPLICIT',
            processingMethod: g.processing_method,
            piiCategory: granted.map((f) => f.category),
            piiFields: g.fields,
            primaryPurpose: true,
            termination: new Date(g.expires_at).toISOString(),
            retentionDays: v.retention_days,
            thirdPartyDisclosure: thirdParty,
            ...(thirdParty && { thirdPartyName: g.recipient }),
            crossBorder: v.cross_border,
          },
        ],
      },
    ],
    sensitive: granted.some((f) => f.sensitive),
    spiCat: [...new Set(granted.filter((f) => f.sensitive).map((f) => f.category))],
  };
}

/**
 * Signs the receipt with the platform's SM2 key (ID 1234567812345678), stores it and appends its SM3 to the
 * ledger as consent.granted / consent.revoked — inside the caller's transaction, after its audit record.
 * The ledger entry carries no personal data: only the receipt's hash, its id and the scenario version.
 */
export async function issueReceipt(
  tx: Executor,
  deps: ReceiptDeps,
  receipt: ConsentReceipt,
  grantId: string,
) {
  const active = await deps.keys.activeSigner(tx);
  if (!active) throw new Error('no platform signing key: call ensureSigningKey first');
  const canonical = jcs(receipt);
  const signature = Buffer.from(active.signer.sign(canonical, DEFAULT_SM2_ID)).toString('hex');
  const service = receipt.services[0] as unknown as { scenarioVersionId: string };
  const { firstIndex } = await deps.ledger.appendIn(tx, [
    {
      type: receipt.event === 'granted' ? 'consent.granted' : 'consent.revoked',
      objectType: 'consent_receipt',
      objectId: receipt.consentReceiptID,
      objectSm3: sm3Hex(canonical),
      attrs: { grantId, scenarioVersionId: service.scenarioVersionId, keyId: active.keyId },
    },
  ]);
  await tx
    .insertInto('consent_receipts')
    .values({
      id: receipt.consentReceiptID,
      grant_id: grantId,
      event: receipt.event,
      receipt: canonical,
      signature,
      key_id: active.keyId,
      ledger_index: firstIndex,
    })
    .execute();
}

export const newReceiptId = () => newId('rcp');

/** The downloadable bundle: receipt, signature and key, ledger entry, inclusion proof and checkpoint. */
export async function receiptBundle(db: Executor, deps: ReceiptDeps, id: string): Promise<ReceiptBundle> {
  const r = await db.selectFrom('consent_receipts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw NotFound('receipt', id);
  const index = Number(r.ledger_index);
  const checkpoint = await deps.ledger.checkpoint();
  const [entry, proof, key] = await Promise.all([
    deps.ledger.entry(index),
    deps.ledger.inclusionProof(index, checkpoint.treeSize),
    deps.keys.publicKey(r.key_id),
  ]);
  return {
    kind: 'shuliu.consent.receipt/v1',
    receipt: JSON.parse(r.receipt) as ConsentReceipt,
    signature: r.signature,
    signerId: DEFAULT_SM2_ID,
    keyId: r.key_id,
    publicKey: publicKeyHex(key),
    ledgerIndex: index,
    ledgerEntry: entry.entry,
    inclusionProof: proof,
    checkpoint,
  };
}
