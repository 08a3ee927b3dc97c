export { createTestDatabase, testDbKind, PGLITE_TEMPLATE } from './test-db.js';
