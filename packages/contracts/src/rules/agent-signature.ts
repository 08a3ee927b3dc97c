/**
 * How a compute agent signs each request to the platform with its enrolled SM2 key (GB/T 32918.2, the agent's
 * id as the signer ID): the method, the path with its query, the time, a fresh nonce and the SM3 of the body's
 * RFC 8785 form. The platform takes a request once (the nonce) and within a few minutes of its time.
 */
export const AGENT_SCHEME = 'SM2-Agent';
export const AGENT_CONTENT_HEADER = 'x-content-sm3';
/** How far a signed request's time may be from the platform's clock. */
export const AGENT_CLOCK_SKEW_MS = 300_000;

export interface AgentSignedParts {
  method: string;
  /** The path and query exactly as sent. */
  path: string;
  /** ISO 8601 UTC. */
  timestamp: string;
  nonce: string;
  /** SM3 hex of the body's canonical JSON (RFC 8785), or of the empty string when there is no body. */
  contentSm3: string;
}

/** The exact bytes an agent signs. */
export const agentSigningString = (p: AgentSignedParts) =>
  ['SHULIU-AGENT-V1', p.method.toUpperCase(), p.path, p.timestamp, p.nonce, p.contentSm3].join('\n');

/** `SM2-Agent agentId=…, ts=…, nonce=…, sig=…` */
export const agentAuthorization = (agentId: string, timestamp: string, nonce: string, signatureHex: string) =>
  `${AGENT_SCHEME} agentId=${agentId}, ts=${timestamp}, nonce=${nonce}, sig=${signatureHex}`;

export interface ParsedAgentAuthorization {
  agentId: string;
  timestamp: string;
  nonce: string;
  signature: string;
}

/** The parts of an agent's Authorization header, or null when it is not one (or malformed). */
export function parseAgentAuthorization(header: string): ParsedAgentAuthorization | null {
  if (!header.startsWith(`${AGENT_SCHEME} `) || header.length > 1000) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(AGENT_SCHEME.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const agentId = fields.get('agentId');
  const timestamp = fields.get('ts');
  const nonce = fields.get('nonce');
  const signature = fields.get('sig');
  if (!agentId || !/^agt_[0-9a-z]{26}$/.test(agentId)) return null;
  if (!timestamp || Number.isNaN(Date.parse(timestamp)) || timestamp.length > 40) return null;
  if (!nonce || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return null;
  if (!signature || !/^[0-9a-f]{128}$/.test(signature)) return null;
  return { agentId, timestamp, nonce, signature };
}
