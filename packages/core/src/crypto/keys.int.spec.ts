import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import type { Database } from '../db/database.js';
import { systemContext } from '../shared/context.js';
import { createTestDatabase } from '../testing/index.js';
import { KeyService } from './keys.service.js';
import { resolveMasterKey, type MasterKey } from './master-key.js';
import { DEFAULT_SM2_ID, sm2Verify } from './sm2.js';

const master = (hex: string): MasterKey => resolveMasterKey({ masterKey: hex, dataDir: '/nonexistent' });
const MK = master('11'.repeat(32));

let database: Database;
let keys: KeyService;

beforeAll(async () => {
  database = await createTestDatabase();
  keys = new KeyService(database.db, () => MK);
});
afterAll(() => database.close());

describe('the master key', () => {
  it('is generated once into <dataDir>/master.key with mode 0600 for the embedded database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shuliu-mk-'));
    const a = resolveMasterKey({ dataDir });
    const b = resolveMasterKey({ dataDir });
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^mk_[0-9a-f]{16}$/);
    expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'master.key'), 'utf8').trim()).toBe(a.material.toString('hex'));
  });

  it('is required with PostgreSQL: a configuration error, not a key generated on one machine', () => {
    expect(() => resolveMasterKey({ dataDir: '/tmp', databaseUrl: 'postgres://db/x' })).toThrow(ConfigError);
    expect(() => resolveMasterKey({ dataDir: '/tmp', databaseUrl: 'postgres://db/x' })).toThrow(
      /SHULIU_MASTER_KEY_FILE/,
    );
    expect(
      resolveMasterKey({ dataDir: '/tmp', databaseUrl: 'postgres://db/x', masterKey: '22'.repeat(32) }).id,
    ).toMatch(/^mk_/);
  });

  it('refuses a damaged key file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shuliu-mk-'));
    writeFileSync(join(dataDir, 'master.key'), 'not-a-key\n');
    expect(() => resolveMasterKey({ dataDir })).toThrow(/64 hex digits/);
  });
});

describe('platform keys sealed under the master key', () => {
  it('creates one signing key, stores its private half only sealed, and signs with it', async () => {
    const info = await keys.ensureSigningKey();
    expect(await keys.ensureSigningKey()).toEqual(info);
    const row = await database.db
      .selectFrom('crypto_keys')
      .selectAll()
      .where('id', '=', info.id)
      .executeTakeFirstOrThrow();
    const active = (await keys.activeSigner())!;
    const d = active.signer.exportPrivate().toString('hex');
    expect(row.sealed_private.startsWith(`sm4e1.${MK.id}.`)).toBe(true);
    expect(JSON.stringify(row)).not.toContain(d);
    expect(JSON.stringify(await keys.listSigningKeys())).not.toContain(d);
    expect(JSON.stringify(active)).not.toContain(d);
    const sig = active.signer.sign('checkpoint', DEFAULT_SM2_ID);
    expect(sm2Verify(await keys.publicKey(info.id), 'checkpoint', sig, DEFAULT_SM2_ID)).toBe(true);
  });

  it('rotates: a new active key, the old one retired and still verifying', async () => {
    const before = (await keys.activeSigner())!;
    const oldSig = before.signer.sign('old', DEFAULT_SM2_ID);
    const r = await database.db.transaction().execute((tx) => keys.rotateIn(tx, systemContext(), 'signing'));
    expect(r.retired).toBe(before.keyId);
    const after = (await keys.activeSigner())!;
    expect(after.keyId).toBe(r.id);
    const list = await keys.listSigningKeys();
    expect(list.map((k) => [k.id, k.retiredAt === null])).toEqual([
      [r.id, true],
      [before.keyId, false],
    ]);
    expect(sm2Verify(await keys.publicKey(before.keyId), 'old', oldSig, DEFAULT_SM2_ID)).toBe(true);
  });

  it('seals data under rotating data-encryption keys; old envelopes still open', async () => {
    const a = await keys.encrypt('blob key A', 'obj-1');
    await database.db.transaction().execute((tx) => keys.rotateIn(tx, systemContext(), 'encryption'));
    const b = await keys.encrypt('blob key B', 'obj-2');
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    expect((await keys.decrypt(a, 'obj-1')).toString()).toBe('blob key A');
    expect((await keys.decrypt(b, 'obj-2')).toString()).toBe('blob key B');
    await expect(keys.decrypt(a, 'obj-2')).rejects.toThrow(/integrity/);
  });

  it('names both master keys when the configured one is not the one the keys were sealed under', async () => {
    const other = new KeyService(database.db, () => master('33'.repeat(32)));
    await expect(other.activeSigner()).rejects.toMatchObject({ code: 'CRYPTO_MASTER_KEY_MISMATCH' });
  });

  it('detects a sealed key moved to another row', async () => {
    const rows = await database.db
      .selectFrom('crypto_keys')
      .select(['id', 'sealed_private', 'retired_at'])
      .where('purpose', '=', 'signing')
      .execute();
    const active = rows.find((r) => r.retired_at === null)!;
    const retired = rows.find((r) => r.retired_at !== null)!;
    await sql`update crypto_keys set sealed_private = ${retired.sealed_private} where id = ${active.id}`.execute(
      database.db,
    );
    const fresh = new KeyService(database.db, () => MK);
    await expect(fresh.activeSigner()).rejects.toMatchObject({ code: 'CRYPTO_ENVELOPE_TAMPERED' });
  });
});
