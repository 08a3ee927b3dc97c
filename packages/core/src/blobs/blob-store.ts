import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openStream, sealStream, STREAM_VERSION } from '../crypto/index.js';
import { createError } from '../shared/errors.js';

export const BlobTooLarge = createError(
  'BLOB_TOO_LARGE',
  'the file is larger than this platform accepts',
  413,
);
export const BlobMissing = createError('BLOB_MISSING', 'the stored file is missing', 500);

export interface StoredBlob {
  /** Plaintext size in bytes. */
  size: number;
  /** SM3 of the plaintext, hex. */
  sm3: string;
}

/** Wraps and unwraps per-object data keys under the platform's data-encryption key (KeyService). */
export interface KeyWrapper {
  encrypt(plaintext: Uint8Array, aad: string): Promise<string>;
  decrypt(envelope: string, aad: string): Promise<Buffer>;
}

const KEY = /^[a-z0-9_]{8,80}$/;
const MAGIC = 'SHULIU-BLOB';

/**
 * Files at rest in a local directory (or any shared mount), each encrypted with SM4 under a key of its own;
 * that key is sealed under the platform's data-encryption key and kept in the file's first line. Writes go
 * to a temporary name and are renamed only when complete, so a failed upload leaves nothing behind.
 */
export class BlobStore {
  constructor(
    private readonly dir: string,
    private readonly keys: KeyWrapper,
  ) {}

  private path(key: string) {
    if (!KEY.test(key)) throw new Error(`bad blob key ${key}`);
    return join(this.dir, key.slice(-2), `${key}.blob`);
  }

  /** Streams `source` in, encrypting as it goes; `onBytes` reports progress, `maxBytes` stops early. */
  async write(
    key: string,
    source: Readable,
    opts: { maxBytes?: number; onBytes?: (total: number) => void } = {},
  ): Promise<StoredBlob> {
    const path = this.path(key);
    const part = `${path}.${randomBytes(4).toString('hex')}.part`;
    await mkdir(dirname(path), { recursive: true });
    const dek = randomBytes(32);
    const header = `${MAGIC} ${STREAM_VERSION} ${await this.keys.encrypt(dek, `blob:${key}`)}\n`;
    const hash = createHash('sm3');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _e, cb) {
        size += chunk.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes)
          return cb(
            BlobTooLarge(`the file is larger than ${opts.maxBytes} bytes`, { maxBytes: opts.maxBytes }),
          );
        hash.update(chunk);
        opts.onBytes?.(size);
        cb(null, chunk);
      },
    });
    const out = createWriteStream(part);
    out.write(header);
    try {
      await pipeline(source, count, sealStream(dek, `blob:${key}`), out);
      await rename(part, path);
    } catch (e) {
      await rm(part, { force: true });
      throw e;
    } finally {
      dek.fill(0);
    }
    return { size, sm3: hash.digest('hex') };
  }

  /** The plaintext as a stream; it errors if any byte of the stored file was altered. */
  async read(key: string): Promise<Readable> {
    const path = this.path(key);
    const header = await readHeader(path).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOENT' ? BlobMissing(`the stored file ${key} is missing`) : e;
    });
    const dek = await this.keys.decrypt(header.envelope, `blob:${key}`);
    const out = new PassThrough();
    pipeline(createReadStream(path, { start: header.length }), openStream(dek, `blob:${key}`), out).catch(
      (e: Error) => out.destroy(e),
    );
    dek.fill(0);
    return out;
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

async function readHeader(path: string): Promise<{ envelope: string; length: number }> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const nl = buf.subarray(0, bytesRead).indexOf(10);
    const [magic, version, envelope] = buf.subarray(0, Math.max(nl, 0)).toString('utf8').split(' ');
    if (nl < 0 || magic !== MAGIC || version !== STREAM_VERSION || !envelope)
      throw new Error(`${path} is not a Shuliu blob`);
    return { envelope, length: nl + 1 };
  } finally {
    await fh.close();
  }
}
