import type { JobReceipt, JobReceiptBody, JobResult } from '../compute-jobs.js';
import { jcs } from './jcs.js';
import { sm2Verify } from './sm2-verify.js';
import { sm3Digest } from './sm3.js';

/** The part of a job's receipt its agent signed (SM2 over its RFC 8785 form, signer ID = the agent's id). */
export const jobReceiptBody = (r: JobReceiptBody): JobReceiptBody => ({
  v: r.v,
  jobId: r.jobId,
  datasetId: r.datasetId,
  agentId: r.agentId,
  queryHash: r.queryHash,
  resultHash: r.resultHash,
  epsilon: r.epsilon,
  delta: r.delta,
});

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/**
 * Checks a released job with no trust in the server: the result's SM3 is the receipt's, and the agent's SM2
 * signature over the receipt verifies under the public key it names.
 */
export function verifyJobReceipt(result: JobResult, receipt: JobReceipt) {
  const resultHash = hex(sm3Digest(jcs(result))) === receipt.resultHash;
  const signature = sm2Verify(
    receipt.publicKey,
    jcs(jobReceiptBody(receipt)),
    receipt.signature,
    receipt.agentId,
  );
  return { resultHash, signature, ok: resultHash && signature };
}

/**
 * Checks one part of a joint statistic with no trust in the server: its agent's SM2 signature over the part's
 * receipt (the job, the part's dataset, the query's SM3, the local aggregate's SM3, nothing spent).
 */
export function verifyJointPart(
  job: { id: string; queryHash: string },
  part: { datasetId: string; agentId: string; publicKey: string; localHash: string; signature: string },
) {
  const body = jobReceiptBody({
    v: 1,
    jobId: job.id,
    datasetId: part.datasetId,
    agentId: part.agentId,
    queryHash: job.queryHash,
    resultHash: part.localHash,
    epsilon: 0,
    delta: 0,
  });
  return sm2Verify(part.publicKey, jcs(body), part.signature, part.agentId);
}
