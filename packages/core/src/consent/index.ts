export { PersonsService, idCardDigester } from './persons.service.js';
export { ScenariosService } from './scenarios.service.js';
export { GrantsService } from './grants.service.js';
export { OrgGrantsService } from './org-grants.service.js';
export { OperationGrantsService } from './operation-grants.service.js';
export { createConsent, type ConsentServices } from './consent.factory.js';
export * from './consent.rules.js';
export * from './consent.reads.js';
