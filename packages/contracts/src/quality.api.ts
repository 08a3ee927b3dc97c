import { IdParams, paged } from './common.js';
import { authenticated, defineRoute, roles } from './route.js';
import {
  QualityRules,
  QualityRulesBody,
  QualityRun,
  QualityRunSummary,
  QualityRunsQuery,
  QualityScores,
  QualityScoresQuery,
  QualitySettings,
  QualitySettingsBody,
} from './quality.js';

const tags = ['quality'];
/** The roles that hold an org's data (as the catalog's owners): they edit its rules and start its runs. */
const dataRoles = roles('merchant', 'authority', 'org_admin');

export const qualityRoutes = {
  rules: defineRoute({
    method: 'GET',
    path: '/api/quality/resources/:id/rules',
    summary:
      'A resource’s quality rules; none saved, those suggested from its newest ready data file (suggested: true)',
    tags,
    access: authenticated,
    params: IdParams('res'),
    response: QualityRules,
  }),
  saveRules: defineRoute({
    method: 'PUT',
    path: '/api/quality/resources/:id/rules',
    summary:
      'The owner saves the resource’s quality rules (GB/T 36344); a bad rule is a 400 naming rules[i].field',
    tags,
    access: dataRoles,
    params: IdParams('res'),
    body: QualityRulesBody,
    response: QualityRules,
    audit: 'quality.rules.save',
  }),
  startRun: defineRoute({
    method: 'POST',
    path: '/api/quality/resources/:id/runs',
    summary: 'The owner starts a quality run on the newest ready data file, evaluated in the background',
    tags,
    access: dataRoles,
    params: IdParams('res'),
    response: QualityRunSummary,
    status: 202,
    audit: 'quality.run.start',
  }),
  runs: defineRoute({
    method: 'GET',
    path: '/api/quality/resources/:id/runs',
    summary: 'The resource’s runs, newest first: overall and indicator scores per run (the trend)',
    tags,
    access: authenticated,
    params: IdParams('res'),
    query: QualityRunsQuery,
    response: paged(QualityRunSummary),
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/quality/resources/:id/report',
    summary: 'The latest finished run of the resource with its report',
    tags,
    access: authenticated,
    params: IdParams('res'),
    response: QualityRun,
  }),
  run: defineRoute({
    method: 'GET',
    path: '/api/quality/runs/:id',
    summary: 'A quality run with its progress and, once done, its report',
    tags,
    access: authenticated,
    params: IdParams('qrn'),
    response: QualityRun,
  }),
  scores: defineRoute({
    method: 'GET',
    path: '/api/quality/scores',
    summary: 'The latest scores of up to 200 resources the caller may see (for lists)',
    tags,
    access: authenticated,
    query: QualityScoresQuery,
    response: QualityScores,
  }),
  settings: defineRoute({
    method: 'GET',
    path: '/api/quality/settings',
    summary: 'The operator’s quality settings: indicator weights and the minimum score for listing',
    tags,
    access: authenticated,
    response: QualitySettings,
  }),
  saveSettings: defineRoute({
    method: 'PUT',
    path: '/api/quality/settings',
    summary: 'The operator sets the indicator weights and the minimum overall score that gates listing',
    tags,
    access: roles('operator'),
    body: QualitySettingsBody,
    response: QualitySettings,
    audit: 'quality.settings.update',
  }),
};
