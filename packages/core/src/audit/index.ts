export { AuditService, recordAudit, readAuditHead, type AuditRecord } from './audit.service.js';
export type { AuditFilter } from './audit.repository.js';
export { eventHash, GENESIS_HASH } from './audit.rules.js';
