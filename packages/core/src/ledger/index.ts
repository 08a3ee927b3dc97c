export { LedgerService, type AppendResult } from './ledger.service.js';
export { canonicalEntry, entryJson, type LedgerAppend } from './ledger.entries.js';
export { anchorAuditChain, rotateSigningKey } from './ledger.anchor.js';
export { verifyLedger, type LedgerVerifyReport } from './ledger.verify.js';
export { hasherFor, isStoredLevel } from './ledger.rules.js';
