import {
  ORG_SIGNATURE_ALGORITHM,
  ORG_SIGNER_ID,
  orgSignedText,
  parseOrgPublicKey,
  verifyOrgSignature as checkOrgSignature,
  type OrgSignature,
  type OrgSigningKey,
  type SetOrgSigningKeyBody,
  type VerifyOrgSignatureReply,
} from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { confirmsUser, orgById, type PasswordConfirmation } from '../identity/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import {
  OrgKeyChanged,
  OrgKeyForbidden,
  OrgKeyHeldByOrg,
  OrgKeyNotFound,
  OrgPublicKeyInvalid,
  OrgPublicKeyTaken,
  PasswordNotConfirmed,
  PayloadNotJson,
} from './crypto.errors.js';
import { sealedKeyAad, type KeyService } from './keys.service.js';
import { orgKeysRepository as repo } from './org-keys.repository.js';
import type { OrgSigningKeysTable } from './org-keys.tables.js';
import { parsePublicKey, publicKeyHex, publicKeyPem, Sm2Signer } from './sm2.js';
import { sm3, sm3Hex } from './sm3.js';

type Executor = Kysely<DB>;
type KeyRow = Selectable<OrgSigningKeysTable>;
type PublicRow = Omit<KeyRow, 'sealed_private' | 'master_key_id' | 'created_by'>;

// the sealed private half is bound to its row and its org: moved to another row or org, it no longer opens
const aadOf = (id: string, orgId: string) => sealedKeyAad('org_signing_keys', id, orgId);

/** The key an org moves to: one the platform makes and custodies, or the org's own public key. */
export type NextOrgKey = { custody: 'platform' } | { custody: 'org'; publicKey: string };

const toOrgSigningKey = (r: PublicRow): OrgSigningKey => ({
  id: r.id,
  orgId: r.org_id,
  custody: r.custody,
  algorithm: 'sm2',
  publicKey: r.public_key,
  publicKeyPem: publicKeyPem(parsePublicKey(r.public_key)),
  createdAt: r.created_at.toISOString(),
  retiredAt: r.retired_at?.toISOString() ?? null,
});

/** Its normalized hex (04 ‖ x ‖ y), or a 400 naming the field. */
function normalizePublicKey(input: string): string {
  try {
    return publicKeyHex(parseOrgPublicKey(input));
  } catch {
    throw OrgPublicKeyInvalid(undefined, { field: 'publicKey' });
  }
}

function raceLost(e: unknown): never {
  if (isUniqueViolation(e, 'org_signing_keys_public_key_idx'))
    throw OrgPublicKeyTaken(undefined, { field: 'publicKey' });
  if (isUniqueViolation(e, 'org_signing_keys_active_idx')) throw OrgKeyChanged();
  throw e;
}

/**
 * Org signing keys: each organization signs declarations and contracts with its own SM2 key. By default the
 * platform makes the key and keeps its private half sealed under the master key (as it keeps its own), and
 * uses it only when an org_admin acts and has just re-entered their password; or the org registers its own
 * public key and signs offline (`shuliu sign`). Rotation retires the active key; retired keys keep verifying.
 */
export class OrgKeysService {
  constructor(
    private readonly db: Executor,
    private readonly keys: KeyService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every key of an org, retired ones included, oldest first: the public keys its signatures are checked with. */
  async list(orgId: string, db: Executor = this.db): Promise<OrgSigningKey[]> {
    if (!(await orgById(db, orgId))) throw NotFound('organization', orgId);
    return (await repo.listPublic(db, orgId)).map(toOrgSigningKey);
  }

  /** The caller is an org_admin of this org: the only one who may set or use its key (403 otherwise). */
  assertMayAct(ctx: RequestContext, orgId: string): void {
    const p = requirePrincipal(ctx);
    if (p.orgId !== orgId || !p.roles.includes('org_admin')) throw OrgKeyForbidden(undefined, { orgId });
  }

  /** The route's one call: create or rotate to the key the body describes. */
  setKey(ctx: RequestContext, orgId: string, body: SetOrgSigningKeyBody, confirmed: PasswordConfirmation) {
    return this.rotate(ctx, orgId, body, confirmed);
  }

  createCustodied(ctx: RequestContext, orgId: string, confirmed: PasswordConfirmation) {
    return this.rotate(ctx, orgId, { custody: 'platform' }, confirmed);
  }

  registerOrgHeld(ctx: RequestContext, orgId: string, publicKey: string, confirmed: PasswordConfirmation) {
    return this.rotate(ctx, orgId, { custody: 'org', publicKey }, confirmed);
  }

  /**
   * Makes `next` the org's active key, retiring the one it had (custody may change either way); the first
   * key of an org is created the same way. Audited as `crypto.org_key.create` or `crypto.org_key.rotate`.
   */
  async rotate(
    ctx: RequestContext,
    orgId: string,
    next: NextOrgKey,
    confirmed: PasswordConfirmation,
  ): Promise<OrgSigningKey> {
    this.assertConfirmed(ctx, orgId, confirmed);
    const publicKey = next.custody === 'org' ? normalizePublicKey(next.publicKey) : null;
    if (publicKey && (await repo.findByPublicKey(this.db, publicKey)))
      throw OrgPublicKeyTaken(undefined, { field: 'publicKey' });
    return this.db
      .transaction()
      .execute(async (tx) => {
        const current = await repo.lockActive(tx, orgId);
        if (current) await repo.retire(tx, current.id, this.now());
        const row = await this.insert(tx, ctx, orgId, publicKey);
        await this.audit(tx, ctx, row, current?.id ?? null);
        return toOrgSigningKey(row);
      })
      .catch(raceLost);
  }

  /**
   * The org's active key, or — when it has none yet — a new platform-custodied one (audited), inside the
   * caller's transaction. An org-held key stays as it is: the org chose to keep its own.
   */
  async ensureCustodied(
    tx: Executor,
    ctx: RequestContext,
    orgId: string,
    confirmed: PasswordConfirmation,
  ): Promise<OrgSigningKey> {
    this.assertConfirmed(ctx, orgId, confirmed);
    return toOrgSigningKey(await this.activeOrNew(tx, ctx, orgId));
  }

  /**
   * Signs a document as the org, with its platform-custodied key (made on first use), over the document's
   * RFC 8785 form, signer ID 1234567812345678. Refused when the org holds its own key: then it signs offline
   * and submits the signature. Audited with the SM3 of what was signed.
   */
  async signAsOrg(
    tx: Executor,
    ctx: RequestContext,
    orgId: string,
    payload: unknown,
    confirmed: PasswordConfirmation,
  ): Promise<OrgSignature> {
    this.assertConfirmed(ctx, orgId, confirmed);
    let text: string;
    try {
      text = orgSignedText(payload);
    } catch {
      throw PayloadNotJson();
    }
    const key = await this.activeOrNew(tx, ctx, orgId);
    const { sealed_private, master_key_id } = key;
    if (key.custody === 'org' || !sealed_private || !master_key_id)
      throw OrgKeyHeldByOrg(undefined, { keyId: key.id });
    const signer = this.keys.openSigner(
      { id: key.id, public_key: key.public_key, sealed_private, master_key_id },
      aadOf(key.id, orgId),
    );
    const signature = signer.sign(text, ORG_SIGNER_ID);
    const signedAt = this.now();
    await recordAudit(tx, ctx, {
      action: 'crypto.org_key.sign',
      objectType: 'org_signing_key',
      objectId: key.id,
      orgId,
      details: { documentSm3: sm3Hex(text) },
    });
    return {
      keyId: key.id,
      algorithm: ORG_SIGNATURE_ALGORITHM,
      signature: signature.toString('hex'),
      signedAt: signedAt.toISOString(),
    };
  }

  /**
   * Checks a signature over a document with the key it names, retired or not (404 for a key that never
   * existed). `orgId`, when given, must be the key's org.
   */
  async verifyOrgSignature(
    payload: unknown,
    sig: { keyId: string; signature: string; orgId?: string },
    db: Executor = this.db,
  ): Promise<VerifyOrgSignatureReply> {
    const row = await repo.findPublic(db, sig.keyId);
    if (!row) throw OrgKeyNotFound(`no org signing key ${sig.keyId}`, { keyId: sig.keyId });
    const failure =
      sig.orgId !== undefined && sig.orgId !== row.org_id
        ? ('org' as const)
        : checkOrgSignature(payload, sig.signature, row.public_key, (...parts) => sm3(...parts))
          ? null
          : ('signature' as const);
    return { valid: !failure, keyId: row.id, orgId: row.org_id, retired: row.retired_at !== null, failure };
  }

  /** `verifyOrgSignature` for a caller over HTTP: the check and its outcome are audited. */
  async verify(
    ctx: RequestContext,
    body: { keyId: string; signature: string; orgId?: string; payload: unknown },
  ): Promise<VerifyOrgSignatureReply> {
    const reply = await this.verifyOrgSignature(body.payload, body);
    await this.db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'crypto.signature.verify',
        objectType: 'org_signing_key',
        objectId: reply.keyId,
        orgId: reply.orgId,
        outcome: reply.valid ? 'success' : 'failure',
        details: { valid: reply.valid, failure: reply.failure, retired: reply.retired },
      }),
    );
    return reply;
  }

  private assertConfirmed(ctx: RequestContext, orgId: string, confirmed: PasswordConfirmation): void {
    this.assertMayAct(ctx, orgId);
    if (!confirmsUser(confirmed, requirePrincipal(ctx).userId, this.now().getTime()))
      throw PasswordNotConfirmed();
  }

  private async activeOrNew(tx: Executor, ctx: RequestContext, orgId: string): Promise<KeyRow> {
    const active = await repo.lockActive(tx, orgId);
    if (active) return active;
    const row = await this.insert(tx, ctx, orgId, null).catch(raceLost);
    await this.audit(tx, ctx, row, null);
    return row;
  }

  /** A new active key: the org's public key as given, or a key pair made here and sealed under the master key. */
  private async insert(
    tx: Executor,
    ctx: RequestContext,
    orgId: string,
    orgPublicKey: string | null,
  ): Promise<KeyRow> {
    const id = newId('osk');
    const base = {
      id,
      org_id: orgId,
      algorithm: 'sm2' as const,
      created_at: this.now(),
      created_by: requirePrincipal(ctx).userId,
      retired_at: null,
    };
    let row: KeyRow;
    if (orgPublicKey) {
      row = { ...base, custody: 'org', public_key: orgPublicKey, sealed_private: null, master_key_id: null };
    } else {
      const signer = Sm2Signer.generate();
      const secret = signer.exportPrivate();
      const sealed = this.keys.sealPrivate(secret, aadOf(id, orgId));
      secret.fill(0);
      row = { ...base, custody: 'platform', public_key: signer.publicKeyHex, ...sealed };
    }
    await repo.insert(tx, row);
    return row;
  }

  private audit(tx: Executor, ctx: RequestContext, row: KeyRow, retired: string | null) {
    return recordAudit(tx, ctx, {
      action: retired ? 'crypto.org_key.rotate' : 'crypto.org_key.create',
      objectType: 'org_signing_key',
      objectId: row.id,
      orgId: row.org_id,
      details: { custody: row.custody, publicKey: row.public_key, retired },
    });
  }
}
