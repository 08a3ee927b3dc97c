import { z } from 'zod';
import { IdParams } from './common.js';
import { defineRoute, roles } from './route.js';
import {
  DeliveredFile,
  DeliveredFileParams,
  DownloadQuery,
  TraceQuery,
  TraceResult,
} from './trade-deliveries.js';

const tags = ['trade'];
const parties = roles('buyer', 'merchant', 'org_admin', 'operator', 'regulator');

/** 文件交付: the buyer's fingerprinted copies of a delivered order, their downloads, and tracing a leak. */
export const tradeDeliveryRoutes = {
  files: defineRoute({
    method: 'GET',
    path: '/api/trade/orders/:id/files',
    summary:
      'The files a delivered file order gives its buyer (one fingerprinted copy per resource), with the downloads left',
    tags,
    access: parties,
    params: IdParams('ord'),
    response: z.object({ items: z.array(DeliveredFile) }),
  }),
  download: defineRoute({
    method: 'GET',
    path: '/api/trade/orders/:id/files/:fileId/download',
    summary:
      'The buyer’s fingerprinted copy as CSV or XLSX, to the buyer org’s members while the order is delivered or accepted; counted against the contract’s use limit and audited',
    tags,
    access: roles('buyer', 'org_admin'),
    params: DeliveredFileParams,
    query: DownloadQuery,
    response: z.unknown(),
    download: true,
    audit: 'trade.file.download',
  }),
  trace: defineRoute({
    method: 'POST',
    path: '/api/trade/trace',
    summary:
      'Trace a leaked CSV/XLSX (the raw request body, application/octet-stream) to the order whose fingerprinted copy it is, with the detection statistics; audited',
    tags,
    access: roles('operator', 'regulator'),
    query: TraceQuery,
    response: TraceResult,
    upload: true,
    audit: 'trade.trace',
  }),
};
