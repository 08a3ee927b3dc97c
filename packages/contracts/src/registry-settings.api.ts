import { z } from 'zod';
import { Ok, PageQuery, paged } from './common.js';
import { authenticated, defineRoute, publicAccess, roles } from './route.js';
import {
  RegistryHoliday,
  RegistryHolidayBody,
  RegistryHolidayParams,
  RegistryHolidayQuery,
  RegistryParty,
  RegistryPartyQuery,
  RegistrySettings,
  UpdateRegistrySettingsBody,
} from './registry-bodies.js';

const tags = ['registry'];
const operators = roles('operator');

/** The registry's rule settings, the holiday calendar of its deadlines, and the parties one may name. */
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
  holidays: defineRoute({
    method: 'GET',
    path: '/api/registry/holidays',
    summary: 'The holiday calendar for working-day deadlines (holidays and worked weekend days)',
    tags,
    access: publicAccess,
    query: RegistryHolidayQuery,
    response: z.object({ items: z.array(RegistryHoliday) }),
  }),
  setHoliday: defineRoute({
    method: 'PUT',
    path: '/api/registry/holidays/:day',
    summary: 'Mark a day a holiday, or a weekend day a working day (调休)',
    tags,
    access: operators,
    params: RegistryHolidayParams,
    body: RegistryHolidayBody,
    response: RegistryHoliday,
    audit: 'registry.holiday.set',
  }),
  deleteHoliday: defineRoute({
    method: 'DELETE',
    path: '/api/registry/holidays/:day',
    summary: 'Remove a day from the calendar',
    tags,
    access: operators,
    params: RegistryHolidayParams,
    response: Ok,
    audit: 'registry.holiday.delete',
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
