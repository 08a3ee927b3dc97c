export { anonymize } from './anonymize.service.js';
export { parseHierarchyCsv, intervalHierarchy, intervalRows } from './anonymize.hierarchy.js';
export { HierarchyError } from './anonymize.errors.js';
export { MAX_LATTICE_NODES } from './anonymize.lattice.js';
export type * from './anonymize.types.js';
export { anonymizedExport, PREVIEW_ROWS } from './anonymize.export.js';
