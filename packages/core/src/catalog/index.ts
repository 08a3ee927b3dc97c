export { ResourcesService } from './resources.service.js';
export { SectorsService } from './sectors.service.js';
export { FilesService } from './files.service.js';
export { MaskingService } from './masking.service.js';
export { OpenDataService } from './open-data.service.js';
export { DcatService } from './dcat.service.js';
export { ImpactService } from './impact.service.js';
export * from './catalog.rules.js';
export { searchQuery, searchText, searchVector } from './catalog.search.js';
// other domains read a stored table (a derivative they deliver) as the catalog reads it
export { openStoredTable } from './files.analyze.js';
export { fileLimitsOf, type FileLimits } from './files.limits.js';
// other domains refuse with the catalog's code when a resource's state forbids what they would do with it
export { IllegalTransition as ResourceIllegalTransition } from './catalog.errors.js';
export { createCatalog, type CatalogServices } from './catalog.factory.js';
export * from './catalog.reads.js';
export { readSubjectMap } from './subject-map.js';
