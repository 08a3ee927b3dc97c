import {
  CONTRACT_DEFAULTS,
  CONTRACT_TEMPLATE_DEFS,
  dateInChina,
  fillClauses,
  type ContractDoc,
  type ContractParty,
  type ContractTemplate,
} from '@shuliu/contracts';
import { activeOrgs, orgById } from '../identity/index.js';
import { productForContract } from '../market/index.js';
import type { TermsRow } from './trade.tables.js';
import type { Executor } from './trade.support.js';

/** HT-2026-000001: the year in Beijing time and the year's sequence number. */
export const contractNumber = (year: number, n: number) => `HT-${year}-${String(n).padStart(6, '0')}`;

/** The year a contract drafted at `at` is numbered in (Beijing time). */
export const contractYear = (at: Date) => dateInChina(at).year;

const party = (
  o: { id: string; name: string; uscc: string | null } | undefined,
  id: string,
): ContractParty => ({
  orgId: id,
  name: o?.name ?? id,
  uscc: o?.uscc ?? null,
});

/**
 * The contract of an agreed negotiation: every fact from the agreement — the parties with their USCC, the
 * product, its resources and the certificates it was listed on, the agreed use, term and price — and the
 * model text's clauses filled from them.
 */
export async function draftDocument(
  tx: Executor,
  n: { id: string; product_id: string; seller_org_id: string; buyer_org_id: string; terms: TermsRow },
  contractNo: string,
  at: Date,
): Promise<ContractDoc> {
  const [seller, buyer, operators, product] = await Promise.all([
    orgById(tx, n.seller_org_id),
    orgById(tx, n.buyer_org_id),
    activeOrgs(tx, { type: 'operator', by: 'name' }),
    productForContract(tx, n.product_id),
  ]);
  const operator = operators[0];
  const t = n.terms;
  const template = t.template as ContractTemplate;
  const facts: Omit<ContractDoc, 'clauses'> = {
    v: 1,
    template,
    templateVersion: CONTRACT_TEMPLATE_DEFS[template].version,
    contractNo,
    negotiationId: n.id,
    draftedAt: at.toISOString(),
    parties: {
      seller: party(seller, n.seller_org_id),
      buyer: party(buyer, n.buyer_org_id),
      platform: operator
        ? party(operator, operator.id)
        : { orgId: 'platform', name: '数流数据要素流通平台', uscc: null },
    },
    object: {
      productId: n.product_id,
      productTitle: product?.title ?? n.product_id,
      resources: product?.resources ?? [],
      certificateNos: product?.certificate_nos ?? [],
      deliveryMode: t.deliveryMode as ContractDoc['object']['deliveryMode'],
    },
    use: {
      purpose: t.purpose,
      scope: t.scope,
      region: t.region,
      maxUses: t.maxUses,
      scenarioVersionId: t.scenarioVersionId,
    },
    term: { startsOn: t.startsOn, endsOn: t.endsOn },
    price: { amountFen: t.priceFen, currency: 'CNY', paymentDays: CONTRACT_DEFAULTS.paymentDays },
    acceptance: { days: CONTRACT_DEFAULTS.acceptanceDays },
    disputes: { way: CONTRACT_DEFAULTS.disputeWay, forum: CONTRACT_DEFAULTS.forum['zh-CN'] },
    governingLaw: '中华人民共和国法律（不含港澳台地区法律）',
  };
  return { ...facts, clauses: fillClauses(facts, 'zh-CN') };
}
