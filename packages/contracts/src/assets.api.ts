import { z } from 'zod';
import {
  AddCostBody,
  AmortizationPlanBody,
  AssetDetail,
  AssetPage,
  AssetQuery,
  Contribution,
  ContributionBody,
  CreateAssetBody,
  CreateValuationBody,
  Disclosure,
  DisclosureQuery,
  ImpairmentBody,
  UpdateAssetBody,
  Valuation,
  ValuationBundle,
  ValuationPage,
  ValuationQuery,
  ValuationReport,
  Valuer,
} from './assets.js';
import { IdParams } from './common.js';
import { SignAsOrgBody } from './org-keys.js';
import { defineRoute, roles } from './route.js';

const tags = ['assets'];
/** An org's members read its ledger; oversight reads every org's. */
const readers = roles('org_admin', 'merchant', 'buyer', 'provider', 'authority', 'operator', 'regulator');
/** An org's administrators and merchants (数据商) keep its ledger. */
const editors = roles('org_admin', 'merchant');
const asset = IdParams('ast');
const valuation = IdParams('avl');

/** 数据资产: the asset ledger, accounting per 财会〔2023〕11号, signed valuations and 出资入股. */
export const assetRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/assets',
    summary: 'The asset ledger (资产台账): the caller’s org’s assets; the operator and regulator any org’s',
    tags,
    access: readers,
    query: AssetQuery,
    response: AssetPage,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/assets/:id',
    summary:
      'An asset with its certificates (pledge state read from the registry), resources, costs, amortization schedule, impairments, valuations and 出资入股',
    tags,
    access: readers,
    params: asset,
    response: AssetDetail,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/assets',
    summary:
      'Records an asset; its classification (无形资产 / 存货 / 费用化) follows from the recognition checklist (CAS 6 Art. 4 and 9, CAS 1)',
    tags,
    access: editors,
    body: CreateAssetBody,
    response: AssetDetail,
    status: 201,
    audit: 'asset.create',
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/assets/:id',
    summary: 'Edits an asset (optimistic on version); a new checklist re-classifies it',
    tags,
    access: editors,
    params: asset,
    body: UpdateAssetBody,
    response: AssetDetail,
    audit: 'asset.update',
  }),
  addCost: defineRoute({
    method: 'POST',
    path: '/api/assets/:id/costs',
    summary:
      'A cost record by category (购买; 脱敏、清洗、标注、整合、分析、可视化; 权属鉴证、质量评估、登记结算、安全管理; 开发)',
    tags,
    access: editors,
    params: asset,
    body: AddCostBody,
    response: AssetDetail,
    status: 201,
    audit: 'asset.cost.add',
  }),
  setPlan: defineRoute({
    method: 'PUT',
    path: '/api/assets/:id/amortization',
    summary:
      'Sets the amortization plan of an intangible asset (straight-line or units of use); the schedule follows',
    tags,
    access: editors,
    params: asset,
    body: AmortizationPlanBody,
    response: AssetDetail,
    audit: 'asset.amortization.set',
  }),
  impair: defineRoute({
    method: 'POST',
    path: '/api/assets/:id/impairments',
    summary: 'An impairment (CAS 8) at the end of a month, at most the carrying amount then',
    tags,
    access: editors,
    params: asset,
    body: ImpairmentBody,
    response: AssetDetail,
    status: 201,
    audit: 'asset.impair',
  }),
  disclosure: defineRoute({
    method: 'GET',
    path: '/api/assets/disclosure',
    summary:
      'The disclosure table of a year (财会〔2023〕11号): opening, additions, amortization, impairment, closing by source',
    tags,
    access: readers,
    query: DisclosureQuery,
    response: Disclosure,
  }),
  disclosureXlsx: defineRoute({
    method: 'GET',
    path: '/api/assets/disclosure.xlsx',
    summary: 'The disclosure table as an XLSX workbook (amounts in yuan)',
    tags,
    access: readers,
    query: DisclosureQuery,
    response: z.unknown(),
    download: true,
  }),
  createValuation: defineRoute({
    method: 'POST',
    path: '/api/assets/:id/valuations',
    summary:
      'A valuation draft by the cost, income or market method, its figures computed by the shared rules, assigned to a valuer org',
    tags,
    access: editors,
    params: asset,
    body: CreateValuationBody,
    response: Valuation,
    status: 201,
    audit: 'asset.valuation.create',
  }),
  contribute: defineRoute({
    method: 'POST',
    path: '/api/assets/:id/contributions',
    summary: '出资入股: investee, share, amount and the signed valuation used (refused for a draft)',
    tags,
    access: editors,
    params: asset,
    body: ContributionBody,
    response: Contribution,
    status: 201,
    audit: 'asset.contribution.record',
  }),
  valuers: defineRoute({
    method: 'GET',
    path: '/api/assets/valuers',
    summary:
      'The valuer orgs a valuation may be assigned to: active service providers offering asset valuation',
    tags,
    access: readers,
    response: z.object({ items: z.array(Valuer).max(500) }),
  }),
  valuations: defineRoute({
    method: 'GET',
    path: '/api/assets/valuations',
    summary: 'Valuations of the caller’s org’s assets and those assigned to it as valuer; oversight all',
    tags,
    access: readers,
    query: ValuationQuery,
    response: ValuationPage,
  }),
  valuation: defineRoute({
    method: 'GET',
    path: '/api/assets/valuations/:id',
    summary: 'A valuation, to the owner org, the valuer org, the operator and the regulator',
    tags,
    access: readers,
    params: valuation,
    response: Valuation,
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/assets/valuations/:id/report',
    summary:
      'The report the valuer signs (or signed), exactly: its RFC 8785 form is what an offline signature (`shuliu sign`) covers',
    tags,
    access: readers,
    params: valuation,
    response: ValuationReport,
  }),
  sign: defineRoute({
    method: 'POST',
    path: '/api/assets/valuations/:id/sign',
    summary:
      'The valuer org’s administrator signs the report with its org key (custodied, on a re-entered password, or offline); its SM3 goes to the ledger as asset.valuation.signed',
    tags,
    access: roles('org_admin'),
    params: valuation,
    body: SignAsOrgBody,
    response: Valuation,
    audit: 'asset.valuation.sign',
  }),
  verify: defineRoute({
    method: 'GET',
    path: '/api/assets/valuations/:id/verify',
    summary:
      'The bundle that proves a signed report offline (`shuliu verify-valuation`): report, signature with its public key, ledger entry, inclusion proof and checkpoint',
    tags,
    access: readers,
    params: valuation,
    response: ValuationBundle,
  }),
};
