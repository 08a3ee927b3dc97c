// Helpers of the file-delivery tests: a product delivered as a file, listed on a masked derivative of a table
// of enterprises and their contacts (names and mobile numbers that masking removes).
import type { CatalogFile, OrderDetail, Resource } from '@shuliu/contracts';
import { expect } from 'vitest';
import type { TestServer } from '../testing.js';
import { productBody, type MarketClient } from './market.fixtures.js';
import type { TradeClient } from './trade.fixtures.js';

const DISTRICTS = ['历下区', '市中区', '槐荫区', '天桥区', '历城区', '长清区', '章丘区', '济阳区'];
const INDUSTRIES = ['批发零售', '制造业', '住宿餐饮', '交通运输', '信息技术', '建筑业'];
const SIZES = ['微型', '小型', '中型'];
const SURNAMES = '张王李赵刘陈杨黄周吴';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明'];

/** A seeded generator, so the table is the same on every run. */
function seeded(seed: number) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 2 ** 32);
}

/** The raw table: 400 enterprises with their contact's name and mobile number, revenue and headcount. */
export function enterprisesCsv(rows = 400, seed = 17) {
  const r = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const names: string[] = [];
  const mobiles: string[] = [];
  const lines = ['联系人,联系电话,所在区县,行业,规模,营业收入,从业人数'];
  for (let i = 0; i < rows; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${pick(GIVEN)}${pick(GIVEN)}`;
    const mobile = `13${String(800000000 + i * 7919).padStart(9, '0')}`;
    names.push(name);
    mobiles.push(mobile);
    const revenue = (500 + r() * 90_000).toFixed(2);
    const staff = 20 + Math.floor(r() * 600);
    lines.push([name, mobile, pick(DISTRICTS), pick(INDUSTRIES), pick(SIZES), revenue, staff].join(','));
  }
  return { csv: `${lines.join('\n')}\n`, names, mobiles };
}

/** Uploads a file to a resource as the raw request body and waits for its profile. */
export async function uploadData(t: TestServer, resourceId: string, name: string, body: string, as: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/catalog/resources/${resourceId}/files?name=${encodeURIComponent(name)}`,
    payload: body,
    headers: { authorization: `Bearer ${await t.login(as)}`, 'content-type': 'application/octet-stream' },
  });
  expect(res.statusCode, res.body).toBe(202);
  await settle(t);
  return (await t.call<CatalogFile>('GET', `/api/catalog/files/${(res.json() as CatalogFile).id}`, as)).body;
}

export const settle = async (t: TestServer) => {
  await t.services.catalog.masking.idle();
  await t.services.catalog.files.idle();
};

/**
 * A file product of `merchant`'s: a raw table of enterprises uploaded, a masked derivative of it made with the
 * detected defaults (contacts' names and numbers masked), registered with 数据产品经营权 and listed as a file.
 */
export async function fileProduct(t: TestServer, m: MarketClient, over: Record<string, unknown> = {}) {
  const raw = enterprisesCsv();
  const source = await m.registry.resource('merchant', '小微企业经营明细（原始）');
  await uploadData(t, source, 'enterprises.csv', raw.csv, 'merchant');
  const d = await m.ok<Resource>('POST', `/api/catalog/resources/${source}/derive`, 'merchant', {
    title: '小微企业经营明细（脱敏）',
    columns: {},
  });
  await settle(t);
  await m.ok('POST', `/api/catalog/resources/${d.id}/publish`, 'merchant');
  await m.registry.register('merchant', d.id, { rights: ['holding', 'operating'] });
  const product = await m.listed(
    'merchant',
    productBody([d.id], { title: '小微企业经营明细数据', deliveryModes: ['file'], ...over }),
  );
  return { product, derivative: d.id, source, raw };
}

/** A paid file order of `buyer`, delivered by the seller. */
export async function deliveredOrder(
  trade: TradeClient,
  productId: string,
  buyer: string,
  over: Record<string, unknown> = {},
): Promise<OrderDetail> {
  const paid = await trade.paidOrder(productId, buyer, 'merchant', { deliveryMode: 'file', ...over });
  const delivered = await trade.step(paid.id, 'deliver', 'merchant', { note: '交付脱敏明细文件' });
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
  return delivered.body;
}
