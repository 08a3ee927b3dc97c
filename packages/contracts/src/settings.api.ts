import { z } from 'zod';
import { IdParams, Ok } from './common.js';
import { defineRoute, publicAccess, roles } from './route.js';
import { Resource } from './catalog.js';
import {
  CalendarDay,
  CalendarDayBody,
  CalendarDayParams,
  CalendarQuery,
  GradingSettings,
  ImpactAssessment,
  ImpactAssessmentBody,
  ImportCalendarBody,
  SharingSettings,
  UpdateGradingSettingsBody,
  UpdateSharingSettingsBody,
} from './settings.js';
import { TradeSettings, UpdateTradeSettingsBody } from './trade-settlement.js';

const tags = ['settings'];
const operators = roles('operator');

/** 平台规则: the operator's rule settings beside the registry's, and the one working-day calendar. */
export const platformSettingsRoutes = {
  grading: defineRoute({
    method: 'GET',
    path: '/api/settings/grading',
    summary: 'The grading table in force (party × harm, personal-information grades)',
    tags,
    access: publicAccess,
    response: GradingSettings,
  }),
  updateGrading: defineRoute({
    method: 'PUT',
    path: '/api/settings/grading',
    summary: 'Change the grading table (operator)',
    tags,
    access: operators,
    body: UpdateGradingSettingsBody,
    response: GradingSettings,
    audit: 'settings.grading.update',
  }),
  sharing: defineRoute({
    method: 'GET',
    path: '/api/settings/sharing',
    summary: 'Working-day periods of government sharing and the return flow',
    tags,
    access: publicAccess,
    response: SharingSettings,
  }),
  updateSharing: defineRoute({
    method: 'PUT',
    path: '/api/settings/sharing',
    summary: 'Change the sharing and return-flow periods (operator)',
    tags,
    access: operators,
    body: UpdateSharingSettingsBody,
    response: SharingSettings,
    audit: 'settings.sharing.update',
  }),
  trade: defineRoute({
    method: 'GET',
    path: '/api/settings/trade',
    summary: 'The platform fee (平台服务费) each order’s gross pays at settlement, in basis points',
    tags,
    access: publicAccess,
    response: TradeSettings,
  }),
  updateTrade: defineRoute({
    method: 'PUT',
    path: '/api/settings/trade',
    summary: 'Change the platform fee (operator); a period already closed keeps the fee it was closed with',
    tags,
    access: operators,
    body: UpdateTradeSettingsBody,
    response: TradeSettings,
    audit: 'settings.trade.update',
  }),
  holidays: defineRoute({
    method: 'GET',
    path: '/api/settings/holidays',
    summary: 'The working-day calendar of every deadline (holidays and worked weekend days, Asia/Shanghai)',
    tags,
    access: publicAccess,
    query: CalendarQuery,
    response: z.object({ items: z.array(CalendarDay) }),
  }),
  importHolidays: defineRoute({
    method: 'POST',
    path: '/api/settings/holidays',
    summary: 'Add or replace days (e.g. the State Council schedule of a year)',
    tags,
    access: operators,
    body: ImportCalendarBody,
    response: z.object({ imported: z.number().int() }),
    audit: 'settings.holiday.import',
  }),
  setHoliday: defineRoute({
    method: 'PUT',
    path: '/api/settings/holidays/:day',
    summary: 'Mark a day a holiday, or a weekend day a working day (调休)',
    tags,
    access: operators,
    params: CalendarDayParams,
    body: CalendarDayBody,
    response: CalendarDay,
    audit: 'settings.holiday.set',
  }),
  deleteHoliday: defineRoute({
    method: 'DELETE',
    path: '/api/settings/holidays/:day',
    summary: 'Remove a day from the calendar',
    tags,
    access: operators,
    params: CalendarDayParams,
    response: Ok,
    audit: 'settings.holiday.delete',
  }),
};

/** GB/T 43697-2024 §6.4–6.5: impact assessments that grade a resource, kept as evidence. */
export const impactRoutes = {
  assess: defineRoute({
    method: 'POST',
    path: '/api/catalog/resources/:id/impact-assessments',
    summary: 'Record who a compromise would harm and how badly; the grade follows (never below computed)',
    tags: ['catalog'],
    access: roles('org_admin', 'operator'),
    params: IdParams('res'),
    body: ImpactAssessmentBody,
    response: z.object({ assessment: ImpactAssessment, resource: Resource }),
    status: 201,
    audit: 'catalog.resource.impact_assess',
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/catalog/resources/:id/impact-assessments',
    summary: 'The impact assessments of a resource, newest first',
    tags: ['catalog'],
    access: roles('org_admin', 'operator', 'regulator', 'merchant', 'authority'),
    params: IdParams('res'),
    response: z.object({ items: z.array(ImpactAssessment).max(1000) }),
  }),
};
