export { sm3, sm3Hex, hmacSm3 } from './sm3.js';
export {
  DEFAULT_SM2_ID,
  Sm2Signer,
  sm2Verify,
  sm2Z,
  parsePublicKey,
  parsePublicKeyPem,
  publicKeyHex,
  publicKeyPem,
  publicKeyDer,
  type Sm2PublicKey,
} from './sm2.js';
export { seal, open, parseEnvelope, ENVELOPE_VERSION, type DataKey } from './sm4.js';
export { resolveMasterKey, type MasterKey } from './master-key.js';
export { KeyService, sealedKeyAad, type ActiveSigner, type SealedKey } from './keys.service.js';
export { OrgKeysService, type NextOrgKey } from './org-keys.service.js';
export type { OrgKeyCustody } from './org-keys.tables.js';
export type { KeyPurpose } from './crypto.tables.js';
export { sealStream, openStream, STREAM_VERSION } from './sm4-stream.js';
