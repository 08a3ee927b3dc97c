import type { Readable } from 'node:stream';
import type { BlobStore, StoredBlob } from '../blobs/index.js';
import { newId } from '../shared/ids.js';
import { AgentSignatureInvalid } from './compute.errors.js';

/**
 * An agent's upload to a job (an export's file, a PSI list): stored under a new key, compared with the SM3 the
 * agent signed (`x-content-sm3`), then put in the job's row by `swap` — its own transaction, which returns the
 * blob the row held before. The new blob goes when the digest differs or the swap fails; the one it replaced
 * goes once the swap has committed.
 */
export async function storeAgentUpload(
  blobs: BlobStore,
  body: Readable,
  o: { declaredSm3: string; maxBytes: number; what: string },
  swap: (key: string, stored: StoredBlob) => Promise<string | null>,
): Promise<{ size: number; sm3: string }> {
  const key = newId('fil');
  const stored = await blobs.write(key, body, { maxBytes: o.maxBytes });
  if (stored.sm3 !== o.declaredSm3) {
    await blobs.remove(key);
    throw AgentSignatureInvalid(`the ${o.what} is not the one the agent signed (x-content-sm3)`);
  }
  let replaced: string | null;
  try {
    replaced = await swap(key, stored);
  } catch (e) {
    await blobs.remove(key);
    throw e;
  }
  if (replaced) await blobs.remove(replaced);
  return { size: stored.size, sm3: stored.sm3 };
}
