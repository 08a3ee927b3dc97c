import { randomBytes } from 'node:crypto';
import type { LedgerKey } from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { ulid } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import { KeyNotFound, MasterKeyMismatch } from './crypto.errors.js';
import { cryptoRepository as repo } from './crypto.repository.js';
import type { CryptoKeysTable, KeyPurpose } from './crypto.tables.js';
import type { MasterKey } from './master-key.js';
import { parsePublicKey, publicKeyPem, Sm2Signer, type Sm2PublicKey } from './sm2.js';
import { open, seal, type DataKey } from './sm4.js';
import { hmacSm3 } from './sm3.js';

type Executor = Kysely<DB>;
type KeyRow = Selectable<CryptoKeysTable>;

/** The active signing key, unsealed, with the id that checkpoints and certificates name. */
export interface ActiveSigner {
  keyId: string;
  signer: Sm2Signer;
}

/**
 * What a sealed private key is bound to: its table, its row and its owner (a purpose, an org). Copied into
 * another row, or into the same row under another owner, it no longer opens.
 */
export const sealedKeyAad = (table: 'crypto_keys' | 'org_signing_keys', id: string, owner: string) =>
  `${table}:${id}:${owner}`;
const aadOf = (id: string, purpose: KeyPurpose) => sealedKeyAad('crypto_keys', id, purpose);

/** The columns a key row keeps its sealed private half in. */
export interface SealedKey {
  id: string;
  sealed_private: string;
  master_key_id: string;
}

const toLedgerKey = (r: Pick<KeyRow, 'id' | 'algorithm' | 'public_key' | 'created_at' | 'retired_at'>) => {
  const q = parsePublicKey(r.public_key!);
  return {
    id: r.id,
    algorithm: 'sm2' as const,
    publicKey: r.public_key!,
    publicKeyPem: publicKeyPem(q),
    createdAt: r.created_at.toISOString(),
    retiredAt: r.retired_at?.toISOString() ?? null,
  } satisfies LedgerKey;
};

/**
 * The platform's keys: SM2 signing keys and SM4 data-encryption keys, stored sealed under the master key.
 * Rotation retires the active key and creates a new one; retired keys keep verifying and decrypting.
 * Private material leaves this class only as an `Sm2Signer` (which never serializes it) or inside it.
 */
export class KeyService {
  private readonly signers = new Map<string, Sm2Signer>();
  private readonly dataKeys = new Map<string, Buffer>();

  constructor(
    private readonly db: Executor,
    private readonly masterKey: () => MasterKey,
  ) {}

  /** Resolves the master key now, so that a missing one stops the server at start, not at first use. */
  assertMasterKey(): string {
    return this.masterKey().id;
  }

  /** The active signing key, created (and audited) when there is none yet. Call outside a transaction. */
  async ensureSigningKey(ctx: RequestContext = systemContext()): Promise<LedgerKey> {
    await this.ensure('signing', ctx);
    return toLedgerKey((await repo.findActive(this.db, 'signing'))!);
  }

  /** The active signing key as seen by `db` (a transaction's view), or null before the first one exists. */
  async activeSigner(db: Executor = this.db): Promise<ActiveSigner | null> {
    const row = await repo.findActive(db, 'signing');
    return row ? { keyId: row.id, signer: this.unsealSigner(row) } : null;
  }

  async listSigningKeys(): Promise<LedgerKey[]> {
    return (await repo.listPublic(this.db, 'signing')).map(toLedgerKey);
  }

  async publicKey(id: string, db: Executor = this.db): Promise<Sm2PublicKey> {
    const row = await repo.findById(db, id);
    if (!row?.public_key) throw KeyNotFound(`no signing key ${id}`, { id });
    return parsePublicKey(row.public_key);
  }

  /**
   * Retires the active key of a purpose and creates its successor, inside the caller's transaction (so a
   * rotation can be recorded elsewhere atomically). Audited.
   */
  async rotateIn(
    tx: Executor,
    ctx: RequestContext,
    purpose: KeyPurpose,
  ): Promise<{ id: string; retired: string | null }> {
    await recordAudit(tx, ctx, {
      action: 'crypto.key.rotate',
      objectType: 'crypto_key',
      details: { purpose },
    });
    const current = await repo.lockActive(tx, purpose);
    if (current) await repo.retire(tx, current.id);
    const id = await this.create(tx, purpose);
    return { id, retired: current?.id ?? null };
  }

  /**
   * A secret for one purpose derived from the master key (HMAC-SM3(master, label)), never stored: e.g. the
   * key an org's pseudonyms are made with, stable across its derivatives. A new master key changes it.
   */
  deriveSecret(label: string): Buffer {
    return hmacSm3(this.masterKey().material, `shuliu/derived-secret/${label}`);
  }

  /** Seals data under the active data-encryption key (created on first use). */
  async encrypt(plaintext: string | Uint8Array, aad: string | Uint8Array = ''): Promise<string> {
    await this.ensure('encryption', systemContext());
    const row = (await repo.findActive(this.db, 'encryption'))!;
    return seal(this.dataKey(row), plaintext, aad);
  }

  /** Opens an envelope sealed under any data-encryption key this platform ever had, retired or not. */
  async decrypt(envelope: string, aad: string | Uint8Array = ''): Promise<Buffer> {
    const keyId = envelope.split('.')[1] ?? '';
    const row = await repo.findById(this.db, keyId);
    if (!row || row.purpose !== 'encryption')
      throw KeyNotFound(`no data-encryption key ${keyId}`, { id: keyId });
    return open(this.dataKey(row), envelope, aad);
  }

  private async ensure(purpose: KeyPurpose, ctx: RequestContext): Promise<void> {
    if (await repo.findActive(this.db, purpose)) return;
    try {
      await this.db.transaction().execute(async (tx) => {
        await recordAudit(tx, ctx, {
          action: 'crypto.key.create',
          objectType: 'crypto_key',
          details: { purpose },
        });
        await this.create(tx, purpose);
      });
    } catch (e) {
      // another process created the first key at the same moment: theirs is the active one
      if (!isUniqueViolation(e)) throw e;
    }
  }

  private async create(tx: Executor, purpose: KeyPurpose): Promise<string> {
    const id = `key_${ulid()}`;
    const signer = purpose === 'signing' ? Sm2Signer.generate() : null;
    const secret = signer ? signer.exportPrivate() : randomBytes(32);
    await repo.insert(tx, {
      id,
      purpose,
      algorithm: signer ? 'sm2' : 'sm4e1',
      public_key: signer?.publicKeyHex ?? null,
      ...this.sealPrivate(secret, aadOf(id, purpose)),
      retired_at: null,
    });
    secret.fill(0);
    return id;
  }

  /**
   * Seals a private key under the master key, bound to `aad` (see `sealedKeyAad`): the two columns a key row
   * stores. Used for the platform's keys and for the org signing keys it custodies.
   */
  sealPrivate(secret: Uint8Array, aad: string): Omit<SealedKey, 'id'> {
    const mk = this.masterKey();
    return { sealed_private: seal({ id: mk.id, material: mk.material }, secret, aad), master_key_id: mk.id };
  }

  /**
   * Opens an SM2 private key sealed by `sealPrivate` and checks it against the public key stored beside it
   * (a row whose halves do not match is refused, never used).
   */
  openSigner(row: SealedKey & { public_key: string | null }, aad: string): Sm2Signer {
    const d = this.unseal(row, aad);
    const signer = Sm2Signer.fromBytes(d);
    d.fill(0);
    if (signer.publicKeyHex !== row.public_key)
      throw MasterKeyMismatch(`key ${row.id}: the sealed private key does not match its public key`);
    return signer;
  }

  private unseal(row: SealedKey, aad: string): Buffer {
    const mk = this.masterKey();
    if (row.master_key_id !== mk.id)
      throw MasterKeyMismatch(
        `key ${row.id} was sealed under master key ${row.master_key_id}, but the configured master key is ${mk.id}`,
        { keyId: row.id, sealedUnder: row.master_key_id, configured: mk.id },
      );
    return open({ id: mk.id, material: mk.material }, row.sealed_private, aad);
  }

  private unsealSigner(row: KeyRow): Sm2Signer {
    let signer = this.signers.get(row.id);
    if (!signer) this.signers.set(row.id, (signer = this.openSigner(row, aadOf(row.id, row.purpose))));
    return signer;
  }

  private dataKey(row: KeyRow): DataKey {
    let material = this.dataKeys.get(row.id);
    if (!material) this.dataKeys.set(row.id, (material = this.unseal(row, aadOf(row.id, row.purpose))));
    return { id: row.id, material };
  }
}
