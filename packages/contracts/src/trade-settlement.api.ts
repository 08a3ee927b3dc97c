import { z } from 'zod';
import { Id, IdParams } from './common.js';
import { defineRoute, roles } from './route.js';
import {
  OrderExplanation,
  PeriodParams,
  PeriodSummary,
  RevenueShare,
  RevenueShareBody,
  Statement,
  StatementCsvQuery,
  StatementQuery,
} from './trade-settlement.js';

const tags = ['settlement'];
const parties = roles('merchant', 'buyer', 'provider', 'authority', 'org_admin', 'operator', 'regulator');

/** 结算: monthly periods the operator closes, each party's statement, and revenue shares by contribution. */
export const tradeSettlementRoutes = {
  periods: defineRoute({
    method: 'GET',
    path: '/api/trade/settlement/periods',
    summary: 'Settlement periods (Beijing months), newest first: closed ones and the months still open',
    tags,
    access: parties,
    response: z.object({ items: z.array(PeriodSummary).max(200) }),
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/trade/settlement/periods/:period/close',
    summary:
      'Close an ended month: every order accepted in it (and per-call usage metered in it) split into statement lines summing exactly to its gross',
    tags,
    access: roles('operator'),
    params: PeriodParams,
    response: PeriodSummary,
    audit: 'trade.settlement.close',
  }),
  statements: defineRoute({
    method: 'GET',
    path: '/api/trade/settlement/periods/:period/statements',
    summary:
      'A period’s statement: the caller’s org’s own lines, or every party’s for the operator and regulator',
    tags,
    access: parties,
    params: PeriodParams,
    query: StatementQuery,
    response: Statement,
  }),
  statementsCsv: defineRoute({
    method: 'GET',
    path: '/api/trade/settlement/periods/:period/statements.csv',
    summary:
      'The same statement lines as CSV (UTF-8 with a byte-order mark, for Excel), at most 100,000 lines',
    tags,
    access: parties,
    params: PeriodParams,
    query: StatementCsvQuery,
    response: z.unknown(),
    download: true,
  }),
  explain: defineRoute({
    method: 'GET',
    path: '/api/trade/settlement/periods/:period/orders/:id',
    summary:
      'How one order’s gross was split in a period, step by step in zh-CN and en-US: to its parties, the operator and regulator',
    tags,
    access: parties,
    params: PeriodParams.extend({ id: Id('ord') }),
    response: OrderExplanation,
  }),
  revenueShare: defineRoute({
    method: 'GET',
    path: '/api/trade/products/:id/revenue-share',
    summary:
      'A product’s revenue-share declaration and its latest Shapley computation explained: to the seller, every contributor, the operator and regulator',
    tags,
    access: parties,
    params: IdParams('prd'),
    response: RevenueShare,
  }),
  declareRevenueShare: defineRoute({
    method: 'PUT',
    path: '/api/trade/products/:id/revenue-share',
    summary:
      'The seller declares who contributed to a product and the utility each subset of them reaches; the Shapley split is computed, recorded and audited',
    tags,
    access: roles('merchant', 'org_admin'),
    params: IdParams('prd'),
    body: RevenueShareBody,
    response: RevenueShare,
    audit: 'trade.revenue_share.declare',
  }),
};
