export { ResourcesService } from './resources.service.js';
export { SectorsService } from './sectors.service.js';
export * from './catalog.rules.js';
export { searchQuery, searchText } from './catalog.search.js';
