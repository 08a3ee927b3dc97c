import { z } from 'zod';
import { PageQuery, paged } from './common.js';
import { authenticated, defineRoute, publicAccess, roles } from './route.js';
import {
  RegistryParty,
  RegistryPartyQuery,
  RegistrySettings,
  UpdateRegistrySettingsBody,
} from './registry-bodies.js';

const tags = ['registry'];
const operators = roles('operator');

/**
 * The registry's rule settings and the parties one may name. The working-day calendar its deadlines count on
 * is the platform's (`/api/settings/holidays`).
 */
export const settingsRoutes = {
  settings: defineRoute({
    method: 'GET',
    path: '/api/registry/settings',
    summary: 'The registration rules in force (working-day periods, validity, notice types…)',
    tags,
    access: publicAccess,
    response: RegistrySettings,
  }),
  updateSettings: defineRoute({
    method: 'PUT',
    path: '/api/registry/settings',
    summary: 'Change registration rules (operator)',
    tags,
    access: operators,
    body: UpdateRegistrySettingsBody,
    response: RegistrySettings,
    audit: 'registry.settings.update',
  }),
  parties: defineRoute({
    method: 'GET',
    path: '/api/registry/parties',
    summary: 'Active organizations to name as transferee, licensee, pledgee or reviewer',
    tags,
    access: authenticated,
    query: z.strictObject({ ...PageQuery, ...RegistryPartyQuery.shape }),
    response: paged(RegistryParty),
  }),
};
