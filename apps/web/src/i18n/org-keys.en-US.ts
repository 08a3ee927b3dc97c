import type { orgKeysApiErrorsZhCN, orgKeysZhCN } from './org-keys.zh-CN';

/** English — org signing keys: the SM2 keys an org signs declarations and contracts with. */
// prettier-ignore
export const orgKeysEnUS: typeof orgKeysZhCN = {
  orgKeys: {
    title: 'Signing keys', tab: 'Org signing keys',
    intro: 'The SM2 keys your organization signs declarations and contracts with. A signature covers the RFC 8785 form of the document (SM3, signer ID 1234567812345678) and names its key ID; anyone can check it offline with the public keys below. After a rotation, documents signed with the old key still verify.',
    keyId: 'Key ID', custody: 'Custody', state: 'State', publicKey: 'Public key', createdAt: 'Created', retiredAt: 'Rotated out',
    custodyLabel: { platform: 'Platform-custodied', org: 'Held by the org' } as Record<string, string>,
    inUse: 'In use', retired: 'Rotated out', empty: 'No signing key yet',
    emptyHint: 'At the first signature the platform creates a custodied key for your organization; you may also create one now, or register a public key your organization holds.',
    createPlatform: 'Create a platform-custodied key', registerOwn: 'Register our own public key', rotate: 'Rotate key',
    modalCreate: 'Set the signing key', modalRotate: 'Rotate the signing key',
    platformHelp: 'The platform makes the SM2 key pair and keeps the private key sealed under its master key; it is used only when an org administrator confirms a signature with their password.',
    orgHelp: 'Make the key pair in your organization with shuliu keygen and register only the public key; sign offline with shuliu sign and submit the signature — the platform only verifies.',
    rotateWarn: 'The current key stops being used, but documents it signed still verify.',
    publicKeyHelp: 'PEM (-----BEGIN PUBLIC KEY-----) or hex starting with 04',
    publicKeyInvalid: 'Not an SM2 public key: paste an SM2 public key in PEM, or 130 hex digits starting with 04',
    password: 'Your password', passwordHelp: 'Re-enter your own login password to confirm; a wrong one counts as a failed login.',
    done: 'Signing key set', showPem: 'PEM public key',
    offline: 'Signing offline', offlineHelp: 'An organization holding its own key makes it and signs locally:',
  },
};

// prettier-ignore
export const orgKeysActionsEnUS: Record<string, string> = {
  'crypto.org_key.set': 'Set org signing key', 'crypto.org_key.create': 'Create org signing key', 'crypto.org_key.rotate': 'Rotate org signing key',
  'crypto.org_key.sign': 'Sign as organization', 'crypto.signature.verify': 'Verify org signature', 'identity.user.password_confirm': 'Confirm password',
};

// prettier-ignore
export const orgKeysApiErrorsEnUS: Record<keyof typeof orgKeysApiErrorsZhCN, string> = {
  CRYPTO_ORG_KEY_NOT_FOUND: 'No such org signing key', CRYPTO_ORG_KEY_FORBIDDEN: 'Only an org administrator of the organization may set or use its signing key',
  CRYPTO_PASSWORD_NOT_CONFIRMED: 'This needs you to re-enter your password first',
  CRYPTO_ORG_KEY_HELD_BY_ORG: 'Your organization holds its own signing key: sign offline with shuliu sign and submit the signature',
  CRYPTO_ORG_PUBLIC_KEY_INVALID: 'Not an SM2 public key (give an SM2 public key in PEM, or hex 04… on the curve)',
  CRYPTO_ORG_PUBLIC_KEY_TAKEN: 'This public key is already registered as a signing key; generate a new key pair',
  CRYPTO_ORG_KEY_CHANGED: 'The signing key was just changed by another request; reload and try again', CRYPTO_PAYLOAD_NOT_JSON: 'The document to sign is not plain JSON',
};
