import type { Apportionment } from './apportion.js';
import type { Bilingual } from './odrl-words.js';
import type { SettlementLine, SettlementParty, SettlementRole } from './settlement.js';

/* The words of a settlement's explanation, zh-CN and en-US: each line says the numbers it was computed from. */

const ROLE: Record<SettlementRole, Bilingual> = {
  seller: { 'zh-CN': '卖方', 'en-US': 'Seller' },
  operator: { 'zh-CN': '授权运营方', 'en-US': 'Authorized operator' },
  authority: { 'zh-CN': '公共数据主管部门', 'en-US': 'Public-data authority' },
  processor: { 'zh-CN': '数据处理方', 'en-US': 'Processor' },
  platform: { 'zh-CN': '平台服务费', 'en-US': 'Platform fee' },
};

const n = (x: number | bigint) => x.toLocaleString('en-US');
/** ¥1,234.56 from 123,456 fen. */
export const yuan = (fen: number) => `¥${n(Math.floor(fen / 100))}.${String(fen % 100).padStart(2, '0')}`;
const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;
/** gross × bp ÷ 10,000 written exactly (at most four decimals). */
function exactQuota(gross: number, bp: number): string {
  const q = BigInt(gross) * BigInt(bp);
  const frac = String(q % 10_000n)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${n(q / 10_000n)}.${frac}` : n(q / 10_000n);
}
const who = (role: SettlementRole, party?: SettlementParty): Bilingual => {
  const name = party ? (party.name ?? party.id) : null;
  return {
    'zh-CN': name ? `${ROLE[role]['zh-CN']}（${name}）` : `${ROLE[role]['zh-CN']}合计`,
    'en-US': name ? `${ROLE[role]['en-US']} (${name})` : `${ROLE[role]['en-US']}s together`,
  };
};

export const fenWords = (orderId: string, gross: number): Bilingual => ({
  'zh-CN': `订单 ${orderId}：总额 ${n(gross)} 分（${yuan(gross)}），各方份额均按总额的基点计算`,
  'en-US': `Order ${orderId}: gross ${n(gross)} fen (${yuan(gross)}); every share is in basis points of the gross`,
});

export function feeWords(
  role: SettlementRole,
  party: SettlementParty | undefined,
  gross: number,
  bp: number,
  floor: number,
): Bilingual {
  const w = who(role, party);
  const sum = `${n(gross)} × ${n(bp)} ÷ 10,000 = ${exactQuota(gross, bp)}`;
  const rest = role === 'seller' ? { zh: '得其余 ', en: 'takes the rest, ' } : { zh: '', en: '' };
  return {
    'zh-CN': `${w['zh-CN']}：${rest.zh}${n(bp)} 基点（${percent(bp)}），${sum} 分，整数部分 ${n(floor)} 分`,
    'en-US': `${w['en-US']}: ${rest.en}${n(bp)} bp (${percent(bp)}), ${sum} fen, whole part ${n(floor)} fen`,
  };
}

export function remainderWords(a: Apportionment, roles: readonly SettlementRole[]): Bilingual[] {
  if (a.remainder === 0)
    return [
      {
        'zh-CN': '整数部分之和等于总额，没有余下的分',
        'en-US': 'The whole parts add up to the gross: no fen left over',
      },
    ];
  const got = roles.map((r, i) => (a.parts[i]! > a.floors[i]! ? r : null)).filter((r) => r !== null);
  // the pool of the processors is one part here; it is split among them after
  const label = (r: SettlementRole): Bilingual =>
    r === 'processor'
      ? { 'zh-CN': '数据处理方', 'en-US': 'processors' }
      : { 'zh-CN': ROLE[r]['zh-CN'], 'en-US': ROLE[r]['en-US'].toLowerCase() };
  const order = roles.map(label);
  return [
    {
      'zh-CN':
        `余下 ${a.remainder} 分按最大余数法分配（小数部分大者各得 1 分；相同时依次为` +
        `${order.map((r) => r['zh-CN']).join('、')}）：${got.map((r) => `${label(r)['zh-CN']} +1 分`).join('，')}`,
      'en-US':
        `${a.remainder} fen left over, by largest remainder (1 fen each to the largest fractions; on a tie, in the ` +
        `order ${order.map((r) => r['en-US']).join(', ')}): ${got.map((r) => `${label(r)['en-US']} +1 fen`).join(', ')}`,
    },
  ];
}

export function processorWords(
  pool: number,
  parties: readonly { party: SettlementParty; weight: number }[],
  split: Apportionment,
): Bilingual[] {
  const total = parties.reduce((s, p) => s + p.weight, 0);
  const each = parties.map((p, i) => {
    const name = p.party.name ?? p.party.id;
    const q = split.quotas[i]!.toLocaleString('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 4,
    });
    const got =
      split.parts[i]! > split.floors[i]!
        ? { zh: '，余数 +1 分', en: ', +1 fen of the remainder' }
        : { zh: '', en: '' };
    return {
      'zh-CN': `  ${name}：权重 ${n(p.weight)} / ${n(total)}，应得 ≈ ${q} 分，得 ${n(split.parts[i]!)} 分${got.zh}`,
      'en-US': `  ${name}: weight ${n(p.weight)} / ${n(total)}, quota ≈ ${q} fen, gets ${n(split.parts[i]!)} fen${got.en}`,
    };
  });
  return [
    {
      'zh-CN': `数据处理方合计 ${n(pool)} 分，按贡献权重以最大余数法分配（余数相同时先列者先得）：`,
      'en-US': `The processors' ${n(pool)} fen, split by contribution weights by largest remainder (on a tie, the one listed first):`,
    },
    ...each,
  ];
}

export const lineWords = (l: SettlementLine): Bilingual => {
  const w = who(l.role, l.party);
  return {
    'zh-CN': `${w['zh-CN']}：${n(l.fen)} 分（${yuan(l.fen)}）`,
    'en-US': `${w['en-US']}: ${n(l.fen)} fen (${yuan(l.fen)})`,
  };
};

export const totalWords = (sum: number, gross: number): Bilingual => ({
  'zh-CN': `合计 ${n(sum)} 分，${sum === gross ? '等于' : '不等于'}订单总额 ${n(gross)} 分`,
  'en-US': `Total ${n(sum)} fen, ${sum === gross ? 'equal to' : 'NOT equal to'} the gross ${n(gross)} fen`,
});
