import type { contractZhCN } from './contract.zh-CN';

/** English — the contract page, its signatures verified in the browser, and the signing dialog. */
// prettier-ignore
export const contractEnUS: typeof contractZhCN = {
  contract: {
    menu: 'Contract', pageTitle: 'Contract', no: 'Contract No.', template: 'Model contract', state: 'State', draftedAt: 'Drafted',
    concludedAt: 'Concluded', hash: 'Contract hash (SM3)', hashHelp: 'SM3 of the contract’s canonical text (RFC 8785): the very text both parties sign.',
    states: { drafted: 'Drafted, awaiting the buyer’s signature', buyer_signed: 'Signed by the buyer, awaiting the seller', concluded: 'Concluded' },
    stateShort: { drafted: 'Awaiting buyer', buyer_signed: 'Awaiting seller', concluded: 'Concluded' },
    uscc: 'USCC', none: 'none', platform: 'Platform', parties: 'Parties', clauses: 'Clauses',
    article: (n: number) => `Article ${n}.`, translationNote: 'Translation for reading only; the Chinese text governs.',
    print: 'Print', pdf: 'Download PDF', toNegotiation: 'Negotiation', sign: 'Sign contract', yourTurn: 'Your organization signs next.',
    signatures: 'Signatures and verification',
    signaturesIntro: 'Each party’s signature is checked here in your browser: the SM2 signature against the contract’s canonical text and the signing key, the ledger entry and its inclusion proof against the transparency ledger’s checkpoint.',
    noSignatures: 'No signature yet: the contract awaits the buyer’s.', unsigned: 'Not signed', keyId: 'Signing key', custodyLabel: 'Key custody', checksLabel: 'Checked here', signedAt: 'Signed at', ledgerIndex: 'Ledger index',
    custody: { platform: 'Key custodied by the platform', org: 'Org’s own key' },
    partyChecks: { signature: 'Signature', ledgerEntry: 'Ledger entry', inclusion: 'Inclusion proof' },
    verified: 'Verified', notVerified: 'Verification failed', verifying: 'Checking the signatures and ledger proofs in your browser…',
    verifyOk: 'Signatures and ledger proofs all verified', verifyBad: 'Verification failed', verifyOkDesc: 'Every signature, ledger entry, inclusion proof and the checkpoint signature checked out in this browser.',
    checks: {
      shape: 'Bundle shape', signatures: 'Signatures', ledgerEntries: 'Ledger entries', inclusion: 'Inclusion proofs', checkpointKey: 'Checkpoint key',
      checkpoint: 'Checkpoint signature',
    },
    stepStatus: { ok: 'passed', fail: 'failed', skip: 'not run' },
    trustedKeys: 'The checkpoint key is checked against the ledger keys the platform publishes.', ownKey: 'The platform’s ledger keys were not available: the bundle’s own checkpoint key is taken on trust.',
    offlineVerify: 'Verify offline: download the bundle and run', downloadBundle: 'Download bundle', bundleError: 'Could not load the verification bundle',
    signTitle: 'Sign the contract', signAs: (role: string, name: string) => `Signing as ${role} “${name}”`,
    summaryProduct: 'Product', summaryPrice: 'Price', summaryTerm: 'Term', summaryCounterpart: 'Counterpart',
    tabPlatform: 'Custodied key', tabOffline: 'Sign offline',
    platformHelp: 'The platform signs the contract’s canonical text with the SM2 key it keeps for your organization, once an org administrator re-enters their password.',
    adminOnly: 'Only your organization’s administrator may sign with the custodied key: ask them, or sign offline with your organization’s own key.',
    password: 'Password',
    offlineHelp: 'Sign the canonical text below with your organization’s own SM2 private key (UTF-8, signer ID 1234567812345678), then paste the key id and the signature. Or sign and send it in one go from the command line:',
    canonicalText: 'Canonical text to sign (RFC 8785)', keyIdLabel: 'Signing key id', keyIdHelp: 'The registered signing key of your organization, osk_…',
    signatureLabel: 'Signature', signatureHelp: 'r‖s, 128 hex digits, as `shuliu sign` prints it', signedBuyer: 'Signed: the contract awaits the seller', signedConcluded: 'Signed: the contract is concluded',
  },
};
