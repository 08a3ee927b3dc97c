import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, seal } from '../crypto/index.js';
import { BlobStore } from './blob-store.js';

const platformKey = { id: 'key_test', material: randomBytes(32) };
const wrapper = {
  encrypt: async (p: Uint8Array, aad: string) => seal(platformKey, p, aad),
  decrypt: async (e: string, aad: string) => open(platformKey, e, aad),
};
let dir: string;
let store: BlobStore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shuliu-blobs-'));
  store = new BlobStore(dir, wrapper);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const collect = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
};
const fileOf = (key: string) => join(dir, key.slice(-2), `${key}.blob`);

describe('encrypted blob store (SM4-CTR + HMAC-SM3 in 64 KiB units)', () => {
  it.each([0, 1, 65536, 65537, 3 * 65536 + 17, 1_000_000])('round-trips %i bytes', async (n) => {
    const data = randomBytes(n);
    const key = `blob_size_${n}`;
    const stored = await store.write(key, Readable.from([data.subarray(0, n >> 1), data.subarray(n >> 1)]));
    expect(stored).toEqual({ size: n, sm3: createHash('sm3').update(data).digest('hex') });
    const raw = await readFile(fileOf(key));
    if (n > 64) expect(raw.includes(data.subarray(0, 64))).toBe(false); // ciphertext at rest
    expect((await collect(await store.read(key))).equals(data)).toBe(true);
  });

  it('detects an altered byte, a truncated file and a blob moved to another key', async () => {
    const data = Buffer.from('身份证号,姓名\n370102199001011234,张三\n'.repeat(5000));
    await store.write('blob_tamper', Readable.from([data]));
    const path = fileOf('blob_tamper');
    const raw = await readFile(path);
    const flipped = Buffer.from(raw);
    flipped[raw.length - 100]! ^= 1;
    await writeFile(path, flipped);
    await expect(collect(await store.read('blob_tamper'))).rejects.toThrow(/altered/);
    await writeFile(path, raw);
    await truncate(path, raw.length - 32 - 5);
    await expect(collect(await store.read('blob_tamper'))).rejects.toThrow(/altered|truncated/);
    await writeFile(path, raw);
    await writeFile(fileOf('blob_elsewhere'), raw).catch(async () => {
      await store.write('blob_elsewhere', Readable.from([Buffer.from('x')]));
      await writeFile(fileOf('blob_elsewhere'), raw);
    });
    await expect(store.read('blob_elsewhere')).rejects.toThrow();
    expect(await text(await store.read('blob_tamper'))).toBe(data.toString());
  });

  it('stops an upload over the limit with a 413 and leaves no file behind', async () => {
    const big = Readable.from(
      (function* () {
        for (let i = 0; i < 100; i++) yield randomBytes(10_000);
      })(),
    );
    await expect(store.write('blob_toolarge', big, { maxBytes: 50_000 })).rejects.toMatchObject({
      status: 413,
    });
    const left = await readdir(join(dir, 'ge'));
    expect(left.filter((f) => f.startsWith('blob_toolarge'))).toEqual([]);
    await expect(stat(fileOf('blob_toolarge'))).rejects.toThrow();
  });
});
