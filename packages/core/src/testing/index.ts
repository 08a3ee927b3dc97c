export { createTestDatabase, testDbKind, PGLITE_TEMPLATE } from './test-db.js';
export { approvedRegistrations, loginAs } from './registry-fixtures.js';
export { buildZip, xlsxWithSharedString } from './xlsx-bomb.js';
export { textOfPdf } from './pdf-text.js';
