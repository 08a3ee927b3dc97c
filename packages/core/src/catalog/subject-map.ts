import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import type { BlobStore, StoredBlob } from '../blobs/index.js';
import { isIdCardNumber } from '../protect/index.js';
import type { Cell } from '../tabular/index.js';

/**
 * A masked file's subject map: which person each of its rows is about, as the consent hub knows persons (the
 * HMAC-SM3 of the ID card number, `idCardDigester`), one 32-byte entry per row in the file's order, all zero
 * where the row's cell is not a valid ID card number. It is what lets a delivered copy of data about persons
 * keep only those whose consent is live (一场景一授权) once the numbers themselves are masked. Stored beside the
 * file, encrypted like it.
 */
export const SUBJECT_ENTRY_BYTES = 32;

/** The blob key of a file's subject map. */
export const subjectMapKey = (fileBlobKey: string) => `${fileBlobKey}_subjects`;

const NOBODY = Buffer.alloc(SUBJECT_ENTRY_BYTES);

/** Writes a subject map while its file is written, a batch of the ID card column's cells at a time. */
export function subjectMapWriter(blobs: BlobStore, fileBlobKey: string, digest: (idCard: string) => Buffer) {
  const out = new PassThrough();
  const stored = blobs.write(subjectMapKey(fileBlobKey), out);
  stored.catch(() => {}); // awaited in close()
  return {
    async add(cells: Cell[]): Promise<void> {
      const chunk = Buffer.allocUnsafe(cells.length * SUBJECT_ENTRY_BYTES);
      cells.forEach((c, i) => {
        const v = c === null || c === undefined ? '' : String(c).trim().toUpperCase();
        (isIdCardNumber(v) ? digest(v) : NOBODY).copy(chunk, i * SUBJECT_ENTRY_BYTES);
      });
      if (!out.write(chunk)) await once(out, 'drain');
    },
    close(): Promise<StoredBlob> {
      out.end();
      return stored;
    },
    abort(e: Error) {
      out.destroy(e);
    },
  };
}

/** A file's subject map, whole: its entries as hex digests, in the file's row order (empty where nobody). */
export async function readSubjectMap(blobs: BlobStore, fileBlobKey: string): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const c of await blobs.read(subjectMapKey(fileBlobKey))) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  const entries: string[] = [];
  for (let at = 0; at < bytes.length; at += SUBJECT_ENTRY_BYTES) {
    const entry = bytes.subarray(at, at + SUBJECT_ENTRY_BYTES);
    entries.push(entry.equals(NOBODY) ? '' : entry.toString('hex'));
  }
  return entries;
}
