export { SharingService } from './sharing.service.js';
export { ReturnFlowService } from './return-flow.service.js';
export { SurveyService } from './survey.service.js';
export type { SharingPeriods } from './sharing.periods.js';
export { createSharing, type SharingServices } from './sharing.factory.js';
