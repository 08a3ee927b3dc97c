import { CONTRACT_DEFAULTS, type ContractDoc } from '../trade-contracts.js';
import { CONTRACT_TEMPLATE_DEFS, role, type L, type Locale } from './contract-templates.js';

/*
 * The model contracts filled and rendered: the slots' values from a contract's facts, the filled clauses the
 * parties sign (zh-CN), and the plain text the print and PDF views show.
 */

const DELIVERY: Record<string, L> = {
  file: role('数据文件交付', 'data file'),
  report: role('数据报告交付', 'data report'),
  api: role('API 接口调用', 'API calls'),
  compute: role('计算服务（原始数据不出域）', 'compute service (raw data stays in its domain)'),
};

/** Integer fen as yuan with two decimals and thousands separators: 500000 → "5,000.00". */
export const yuan = (fen: number) =>
  `${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

/** The values of a template's slots, from the contract's facts. */
export function contractSlots(d: Omit<ContractDoc, 'clauses'>, locale: Locale): Record<string, string> {
  const def = CONTRACT_TEMPLATE_DEFS[d.template];
  const zh = locale === 'zh-CN';
  const none = zh ? '无' : 'none';
  const court = d.disputes.way === 'court';
  // the stored forum is Chinese; the default one has its English words
  const forum =
    !zh && d.disputes.forum === CONTRACT_DEFAULTS.forum['zh-CN']
      ? CONTRACT_DEFAULTS.forum['en-US']
      : d.disputes.forum;
  return {
    sellerRole: def.roles.seller[locale],
    buyerRole: def.roles.buyer[locale],
    'seller.name': d.parties.seller.name,
    'seller.uscc': d.parties.seller.uscc ?? none,
    'buyer.name': d.parties.buyer.name,
    'buyer.uscc': d.parties.buyer.uscc ?? none,
    'platform.name': d.parties.platform.name,
    'platform.uscc': d.parties.platform.uscc ?? none,
    productTitle: d.object.productTitle,
    productId: d.object.productId,
    resources: d.object.resources.map((r) => r.title ?? r.id).join(zh ? '、' : ', ') || none,
    certificateNos: d.object.certificateNos.join(zh ? '、' : ', ') || none,
    deliveryMode: DELIVERY[d.object.deliveryMode]?.[locale] ?? d.object.deliveryMode,
    purpose: d.use.purpose,
    scope: d.use.scope,
    region: d.use.region,
    maxUses: d.use.maxUses === null ? (zh ? '不限' : 'unlimited') : String(d.use.maxUses),
    scenario: d.use.scenarioVersionId
      ? zh
        ? `涉及个人信息的，以{{buyerRole}}经个人同意的场景 ${d.use.scenarioVersionId} 为限。`
        : `Personal information only under the {{buyerRole}}’s consented scenario ${d.use.scenarioVersionId}.`
      : '',
    startsOn: d.term.startsOn,
    endsOn: d.term.endsOn,
    price: yuan(d.price.amountFen),
    priceBasis:
      d.object.deliveryMode === 'api'
        ? zh
          ? '按次计价，每次调用单价'
          : 'per call'
        : zh
          ? '合同期限内总价'
          : 'for the whole term',
    paymentDays: String(d.price.paymentDays),
    acceptanceDays: String(d.acceptance.days),
    disputeWay: zh
      ? court
        ? `任何一方可向${forum}提起诉讼`
        : `提交${forum}仲裁，仲裁裁决为终局裁决`
      : court
        ? `either party may sue before ${forum}`
        : `the dispute goes to arbitration by ${forum}, whose award is final`,
    governingLaw: zh ? d.governingLaw : 'the laws of the People’s Republic of China',
    contractNo: d.contractNo,
  };
}

/** Fills `{{slot}}`s (a slot's value may itself hold slots, filled once more); an unknown slot throws. */
export function fillSlots(text: string, slots: Record<string, string>): string {
  const once = (t: string) =>
    t.replace(/\{\{([\w.]+)\}\}/g, (_, k: string) => {
      const v = slots[k];
      if (v === undefined) throw new Error(`the contract template has no value for {{${k}}}`);
      return v;
    });
  return once(once(text)).trim();
}

/** The template's clauses filled from the contract's facts, numbered from 1. */
export function fillClauses(
  d: Omit<ContractDoc, 'clauses'>,
  locale: Locale = 'zh-CN',
): ContractDoc['clauses'] {
  const slots = contractSlots(d, locale);
  return CONTRACT_TEMPLATE_DEFS[d.template].clauses.map((k, i) => ({
    no: i + 1,
    key: k.key,
    title: k.title[locale],
    text: fillSlots(k.text[locale], slots),
  }));
}

const ZH_DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 14 → 十四, 21 → 二十一 (enough for a contract's articles). */
export function zhNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${ones ? ZH_DIGITS[ones] : ''}`;
}

/**
 * The contract as plain text, for the print and PDF views: in zh-CN the very clauses the parties signed; in
 * en-US the same template filled from the same facts, marked as a reading aid (the Chinese text governs).
 */
export function contractText(d: ContractDoc, locale: Locale = 'zh-CN'): string {
  const def = CONTRACT_TEMPLATE_DEFS[d.template];
  const zh = locale === 'zh-CN';
  const clauses = zh ? d.clauses : fillClauses(d, locale);
  const slots = contractSlots(d, locale);
  const lines = [
    def.name[locale],
    zh ? `合同编号：${d.contractNo}` : `Contract No. ${d.contractNo}`,
    zh
      ? `示范文本：${d.template}（${d.templateVersion}）  起草时间：${d.draftedAt}`
      : `Model: ${d.template} (${d.templateVersion})  Drafted: ${d.draftedAt}`,
    ...(zh ? [] : ['(Translation for reading only; the Chinese text governs.)']),
    '',
  ];
  for (const k of clauses) {
    lines.push(zh ? `第${zhNumber(k.no)}条 ${k.title}` : `Article ${k.no}. ${k.title}`, k.text, '');
  }
  const signLine = (who: string, name: string) =>
    zh ? `${who}（电子签名）：${name}` : `${who} (electronic signature): ${name}`;
  lines.push(
    signLine(slots.buyerRole!, d.parties.buyer.name),
    signLine(slots.sellerRole!, d.parties.seller.name),
  );
  return lines.join('\n');
}
