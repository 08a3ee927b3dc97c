import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { loginAs } from './demo-login.js';

type Rules = Record<string, unknown>[];

/**
 * Each demo resource is scored three times, each a real evaluation of its file: on upload by the rules suggested
 * from its data (the catalog demo's uploads start those), then by the owner's first rule set, then by the set as
 * the owner revised it — so the trend moves because the rules did, never by a written number.
 */
const DEMO: { as: string; title: string; versions: [Rules, Rules] }[] = [
  {
    as: 'merchant',
    title: '普惠金融客户名单',
    versions: [
      [
        { kind: 'check_digit', standard: 'id_card', columns: ['身份证号'] },
        { kind: 'check_digit', standard: 'luhn', columns: ['银行卡号'] },
        { kind: 'format', format: 'mobile', columns: ['手机号'] },
        { kind: 'unique', columns: ['身份证号'] },
        { kind: 'record_complete', columns: ['客户姓名', '身份证号', '手机号', '联系地址'] },
        // the first set held overdue loans to 30 days and the balance strictly under the credit line
        { kind: 'range', min: 0, max: 30, columns: ['逾期天数'] },
        { kind: 'compare', op: '<', columns: ['贷款余额', '授信额度'] },
        { kind: 'readable' },
      ],
      [
        { kind: 'check_digit', standard: 'id_card', columns: ['身份证号'] },
        { kind: 'check_digit', standard: 'luhn', columns: ['银行卡号'] },
        { kind: 'format', format: 'mobile', columns: ['手机号'] },
        { kind: 'unique', columns: ['身份证号'] },
        { kind: 'record_complete', columns: ['客户姓名', '身份证号', '手机号', '联系地址'] },
        // revised to the credit policy: overdue up to 120 days is a valid state, not dirty data
        { kind: 'range', min: 0, max: 120, columns: ['逾期天数'] },
        { kind: 'range', min: 10000, max: 500000, columns: ['授信额度'] },
        { kind: 'readable' },
      ],
    ],
  },
  {
    as: 'quancheng',
    title: '山东省干线物流运单时效数据',
    versions: [
      [
        { kind: 'unique', columns: ['运单号'] },
        { kind: 'format', format: 'plate', columns: ['车牌号'] },
        { kind: 'format', format: 'mobile', columns: ['司机手机号'] },
        { kind: 'range', min: 0, max: 24, columns: ['时效小时'] },
        { kind: 'ordered', columns: ['发车时间'] },
        { kind: 'readable' },
      ],
      [
        { kind: 'unique', columns: ['运单号'] },
        { kind: 'format', format: 'plate', columns: ['车牌号'] },
        { kind: 'format', format: 'mobile', columns: ['司机手机号'] },
        { kind: 'range', min: 0, max: 48, columns: ['时效小时'] },
        { kind: 'not_null', columns: ['发货城市', '到达城市'] },
        { kind: 'readable' },
      ],
    ],
  },
  {
    as: 'authority',
    title: '济南市公交线路站点',
    versions: [
      [
        { kind: 'unique', columns: ['线路', '站序'] },
        { kind: 'unique', columns: ['站点名称'] },
        { kind: 'range', min: 116.9, max: 117.1, columns: ['经度'] },
        { kind: 'readable' },
      ],
      [
        { kind: 'unique', columns: ['线路', '站序'] },
        { kind: 'type', type: 'number', columns: ['经度', '纬度'] },
        { kind: 'range', min: 116.8, max: 117.3, columns: ['经度'] },
        { kind: 'range', min: 36.5, max: 36.8, columns: ['纬度'] },
        { kind: 'readable' },
      ],
    ],
  },
];

async function resourceId(s: Services, as: RequestContext, title: string): Promise<string | null> {
  const found = await s.catalog.resources.search(as, {
    q: title,
    mine: 'true',
    sort: 'relevance',
    page: 1,
    pageSize: 20,
  });
  return found.items.find((r) => r.title === title)?.id ?? null;
}

/** Saves a rule set and scores the resource's file by it, to the end of the run. */
async function runWith(s: Services, as: RequestContext, id: string, rules: Rules) {
  await s.quality.rules.save(as, id, { rules });
  await s.quality.reports.start(as, id);
  await s.quality.reports.idle();
}

/** 数据质量 demo: saved rules and a trend of three real runs for three resources with data files. */
export async function seedQualityDemo(s: Services): Promise<{ runs: number }> {
  // the runs the catalog demo's uploads started (by suggested rules) finish first
  await s.quality.reports.idle();
  let runs = 0;
  for (const d of DEMO) {
    const as = await loginAs(s, d.as);
    const id = await resourceId(s, as, d.title);
    if (!id) continue;
    for (const rules of d.versions) {
      await runWith(s, as, id, rules);
      runs++;
    }
  }
  return { runs };
}
