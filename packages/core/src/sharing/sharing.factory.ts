import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ResourcesService } from '../catalog/index.js';
import { ReturnFlowService } from './return-flow.service.js';
import type { SharingPeriods } from './sharing.periods.js';
import { SharingService } from './sharing.service.js';
import { SurveyService } from './survey.service.js';

/** Government sharing wired to one database: 政务共享 requests, the return flow (回流) and the resource survey. */
export function createSharing(deps: {
  db: Kysely<DB>;
  resources: ResourcesService;
  periods: SharingPeriods;
}) {
  const { db, resources, periods } = deps;
  return {
    sharing: new SharingService(db, resources, periods),
    returnFlows: new ReturnFlowService(db, resources, periods),
    survey: new SurveyService(db),
  };
}
export type SharingServices = ReturnType<typeof createSharing>;
