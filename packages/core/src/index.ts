export { createServices, type Services } from './services.js';

export * from './config.js';
export { openDatabase, type Database, type DbKind, type DatabaseOptions } from './db/database.js';
export { migrate, loadMigrations, MIGRATIONS_DIR } from './db/migrate.js';
export type { DB } from './db/schema.js';
export { DomainError, createError } from './shared/errors.js';
export type { Principal, RequestContext } from './shared/context.js';
export { systemContext, hasRole, requirePrincipal } from './shared/context.js';
export { newId, ulid } from './shared/ids.js';
export * as audit from './audit/index.js';
export * as identity from './identity/index.js';
export * as notifications from './notifications/index.js';
export * as crypto from './crypto/index.js';
export * as ledger from './ledger/index.js';
export * as demo from './demo/index.js';
export * as catalog from './catalog/index.js';
export * as registry from './registry/index.js';
export * as consent from './consent/index.js';
