import { IdParams, paged } from './common.js';
import { defineRoute, roles } from './route.js';
import {
  DcmmAnswersBody,
  DcmmAssessment,
  DcmmAssessmentSummary,
  DcmmCompareQuery,
  DcmmComparison,
  DcmmCreateBody,
  DcmmQuery,
  DcmmStats,
} from './dcmm.js';

const tags = ['dcmm'];
/** Any org's members assess their own org; the operator and the regulator read every org's. */
const assessors = roles('org_admin', 'merchant', 'buyer', 'provider', 'authority');
const readers = roles('org_admin', 'merchant', 'buyer', 'provider', 'authority', 'operator', 'regulator');

export const dcmmRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/dcmm/assessments',
    summary: 'DCMM self-assessments: the caller org’s, or every org’s for operators and regulators',
    tags,
    access: readers,
    query: DcmmQuery,
    response: paged(DcmmAssessmentSummary),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/dcmm/assessments/:id',
    summary: 'One assessment with its answers, level per area, score and improvement suggestions',
    tags,
    access: readers,
    params: IdParams('dca'),
    response: DcmmAssessment,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/dcmm/assessments',
    summary: 'Start a draft self-assessment (GB/T 36073) for the caller’s org',
    tags,
    access: assessors,
    body: DcmmCreateBody,
    response: DcmmAssessment,
    status: 201,
    audit: 'dcmm.assessment.create',
  }),
  answer: defineRoute({
    method: 'PUT',
    path: '/api/dcmm/assessments/:id/answers',
    summary: 'Answer statements of a draft (yes / partly / no, with an evidence note)',
    tags,
    access: assessors,
    params: IdParams('dca'),
    body: DcmmAnswersBody,
    response: DcmmAssessment,
    audit: 'dcmm.assessment.answer',
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/api/dcmm/assessments/:id/submit',
    summary: 'Submit a fully answered draft: its result is fixed and it can no longer change',
    tags,
    access: assessors,
    params: IdParams('dca'),
    response: DcmmAssessment,
    audit: 'dcmm.assessment.submit',
  }),
  compare: defineRoute({
    method: 'GET',
    path: '/api/dcmm/compare',
    summary: 'Level per area of two assessments of the same org, and the change',
    tags,
    access: readers,
    query: DcmmCompareQuery,
    response: DcmmComparison,
  }),
  stats: defineRoute({
    method: 'GET',
    path: '/api/dcmm/stats',
    summary: 'Distribution across orgs: orgs per overall level and the mean level per area',
    tags,
    access: roles('operator', 'regulator'),
    response: DcmmStats,
  }),
};
