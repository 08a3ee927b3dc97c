import { jcs } from './jcs.js';
import {
  DEFAULT_SM2_ID,
  parseSm2PublicKey,
  parseSm2PublicKeyPem,
  sm2Verify,
  type Sm2PublicKey,
  type Sm3Function,
} from './sm2-verify.js';
import { sm3Digest } from './sm3.js';

/**
 * Org signatures: an organization signs a declaration or a contract with its own SM2 key, over the RFC 8785
 * (JCS) form of the document, signer ID 1234567812345678 (GB/T 32918.2, the ID when none is agreed). The
 * server, the browser, the `shuliu` CLI and any third party check one with this code and the org's public key.
 */
export const ORG_SIGNATURE_ALGORITHM = 'sm2-sm3';

/** The signer ID of every org signature, always given explicitly (DESIGN.md §5). */
export const ORG_SIGNER_ID = DEFAULT_SM2_ID;

/** The exact text an org signs: the RFC 8785 canonical JSON of the document. */
export const orgSignedText = (payload: unknown): string => jcs(payload);

/**
 * Parses an org's SM2 public key given as a PEM SubjectPublicKeyInfo or as hex (04 ‖ x ‖ y, or compressed);
 * throws unless it is a point of the SM2 curve.
 */
export function parseOrgPublicKey(input: string): Sm2PublicKey {
  const text = input.trim();
  return text.startsWith('-----BEGIN') ? parseSm2PublicKeyPem(text) : parseSm2PublicKey(text);
}

/** Whether the text is an SM2 public key an org may register (for form and contract validation). */
export function isOrgPublicKey(input: string): boolean {
  try {
    parseOrgPublicKey(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks an org signature (r ‖ s, 128 hex digits) over the RFC 8785 form of `payload` with the org's public
 * key (hex, PEM or a point). Anything malformed — a payload JSON cannot express, a bad key or signature —
 * is simply not a valid signature.
 */
export function verifyOrgSignature(
  payload: unknown,
  signature: string,
  publicKey: string | Sm2PublicKey,
  sm3: Sm3Function = sm3Digest,
): boolean {
  let text: string;
  let key: Sm2PublicKey;
  try {
    text = orgSignedText(payload);
    key = typeof publicKey === 'string' ? parseOrgPublicKey(publicKey) : publicKey;
  } catch {
    return false;
  }
  return sm2Verify(key, text, signature, ORG_SIGNER_ID, sm3);
}

/**
 * Whether a value is JSON of bounded shape: at most `maxDepth` levels of nesting and `maxNodes` values in
 * all, so that canonicalizing a document a caller sent cannot exhaust the stack.
 */
export function isBoundedJson(value: unknown, maxDepth = 32, maxNodes = 20_000): boolean {
  let nodes = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++nodes > maxNodes || depth > maxDepth) return false;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every((x) => walk(x, depth + 1));
    if (typeof v === 'object') return Object.values(v).every((x) => walk(x, depth + 1));
    return false;
  };
  return walk(value, 0);
}
