import { randomBytes } from 'node:crypto';
import { AGENT_CONTENT_HEADER, agentAuthorization, agentSigningString, jcs } from '@shuliu/contracts';
import { sm3Hex, type Sm2Signer } from '../crypto/index.js';

/**
 * The headers of an agent's signed request (see contracts' agent-signature rule): the body's SM3 over its
 * RFC 8785 form, a fresh nonce, the time, and the SM2 signature with the agent's id as the signer ID.
 */
export function agentHeaders(
  signer: Sm2Signer,
  agentId: string,
  method: string,
  path: string,
  body: unknown,
  now = new Date(),
): Record<string, string> {
  const contentSm3 = sm3Hex(body === undefined || body === null ? '' : jcs(body as never));
  return agentHeadersFor(signer, agentId, method, path, contentSm3, now);
}

/** The same signed headers over a body given by its SM3: a file the agent uploads as it is. */
export function agentHeadersFor(
  signer: Sm2Signer,
  agentId: string,
  method: string,
  path: string,
  contentSm3: string,
  now = new Date(),
): Record<string, string> {
  const timestamp = now.toISOString();
  const nonce = randomBytes(18).toString('base64url');
  const signature = signer
    .sign(agentSigningString({ method, path, timestamp, nonce, contentSm3 }), agentId)
    .toString('hex');
  return {
    authorization: agentAuthorization(agentId, timestamp, nonce, signature),
    [AGENT_CONTENT_HEADER]: contentSm3,
  };
}
