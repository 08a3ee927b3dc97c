import { describe, expect, it } from 'vitest';
import { CONTRACT_TEMPLATES, type ContractTemplate } from '../trade.js';
import type { ContractDoc } from '../trade-contracts.js';
import { CONTRACT_TEMPLATE_DEFS } from './contract-templates.js';
import { contractText, fillClauses, yuan, zhNumber } from './contract-text.js';

const facts = (template: ContractTemplate): Omit<ContractDoc, 'clauses'> => ({
  v: 1,
  template,
  templateVersion: CONTRACT_TEMPLATE_DEFS[template].version,
  contractNo: 'HT-2026-000001',
  negotiationId: 'ngt_01',
  draftedAt: '2026-05-01T02:00:00.000Z',
  parties: {
    seller: { orgId: 'org_s', name: '齐鲁数据科技有限公司', uscc: '91370100MA3C8K2P0X' },
    buyer: { orgId: 'org_b', name: '鲁信普惠金融科技有限公司', uscc: null },
    platform: { orgId: 'org_p', name: '山东数据交易有限公司', uscc: '91370100MA00000000' },
  },
  object: {
    productId: 'prd_01',
    productTitle: '企业经营景气指数',
    resources: [{ id: 'res_01', title: '企业经营基础数据' }],
    certificateNos: ['SD-DR-2026-000123'],
    deliveryMode: 'api',
  },
  use: { purpose: '风控', scope: '授信前研判', region: '370100', maxUses: null, scenarioVersionId: 'scv_01' },
  term: { startsOn: '2026-07-01', endsOn: '2027-06-30' },
  price: { amountFen: 1_234_567, currency: 'CNY', paymentDays: 10 },
  acceptance: { days: 5 },
  disputes: { way: 'arbitration', forum: '济南仲裁委员会' },
  governingLaw: '中华人民共和国法律',
});
const doc = (t: ContractTemplate): ContractDoc => ({ ...facts(t), clauses: fillClauses(facts(t)) });

describe('合同示范文本 rendered as text', () => {
  it.each(CONTRACT_TEMPLATES)('%s: every clause filled, in both languages', (t) => {
    const zh = contractText(doc(t), 'zh-CN');
    const en = contractText(doc(t), 'en-US');
    for (const text of [zh, en]) expect(text).not.toMatch(/\{\{|\}\}/);
    expect(zh.split('\n')[0]).toBe(CONTRACT_TEMPLATE_DEFS[t].name['zh-CN']);
    expect(zh).toContain('合同编号：HT-2026-000001');
    expect(zh).toContain('第一条 合同当事人');
    expect(zh).toContain('SD-DR-2026-000123');
    expect(zh).toContain('人民币 12,345.67 元（按次计价');
    expect(zh).toContain('统一社会信用代码：无'); // a party without a USCC is said so, never blank
    expect(zh).toContain('申请平台调解；调解不成的，提交济南仲裁委员会仲裁');
    expect(zh).toContain('scv_01');
    expect(en).toContain('Article 1. Parties');
    expect(en).toContain('the Chinese text governs');
  });

  it('uses each template’s own names for the parties and its own clauses', () => {
    expect(contractText(doc('entrusted_processing'))).toContain('受托方：齐鲁数据科技有限公司');
    expect(doc('entrusted_processing').clauses.map((c) => c.key)).toContain('processing');
    expect(doc('fusion_development').clauses.map((c) => c.key)).toContain('results');
    expect(doc('intermediary').clauses.map((c) => c.key)).toContain('intermediary');
    expect(contractText(doc('provision'))).toContain('验收期');
  });

  it('renders in zh-CN the very clauses that were signed', () => {
    const d = doc('provision');
    d.clauses[0]!.text = '已签署的文本';
    expect(contractText(d)).toContain('已签署的文本');
  });

  it('writes amounts and article numbers as contracts do', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(100_000_00)).toBe('100,000.00');
    expect([1, 10, 14, 20, 21].map(zhNumber)).toEqual(['一', '十', '十四', '二十', '二十一']);
  });
});
