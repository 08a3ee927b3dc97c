import { z } from 'zod';
import { apportion, REMAINDER_RULE } from './apportion.js';
import { MAX_FEN } from './market-price.js';
import type { Bilingual } from './odrl-words.js';
import {
  feeWords,
  fenWords,
  lineWords,
  processorWords,
  remainderWords,
  totalWords,
} from './settlement-words.js';

/*
 * 结算与收益分配 (RULES.md Trading: authorized-operation income shared by contribution): an order's gross, in
 * integer fen, split into lines for the platform, the public-data authority and the authorized operator where
 * a grant sets their shares, the processors by contribution, and the seller, which takes the rest. Every share
 * in basis points is of the gross; the parts come from one largest-remainder split (see REMAINDER_RULE), so
 * they sum exactly to the gross; ties of the remainder go first to the seller, then the operator, the
 * authority, the processors and last the platform, so the platform is never the one rounded up on a tie.
 */

export { apportion, REMAINDER_RULE, type Apportionment } from './apportion.js';

export const BASIS_POINTS = 10_000;
export const MAX_PROCESSORS = 100;

const Bp = z.number().int().min(0).max(BASIS_POINTS);
const Party = z.strictObject({ id: z.string().min(1).max(128), name: z.string().max(200).optional() });
export type SettlementParty = z.infer<typeof Party>;

export const OrderSplit = z
  .strictObject({
    orderId: z.string().min(1).max(128),
    grossFen: z.number().int().min(0).max(MAX_FEN),
    platform: z.strictObject({ party: Party, feeBp: Bp }).describe('the operator’s setting: 平台服务费'),
    authority: z
      .strictObject({ party: Party, shareBp: Bp })
      .optional()
      .describe('公共数据主管部门: the share a public-data authorized-operation grant sets'),
    operator: z
      .strictObject({ party: Party, shareBp: Bp })
      .optional()
      .describe('授权运营方, when another party than the seller'),
    processors: z
      .strictObject({
        poolBp: Bp,
        parties: z
          .array(z.strictObject({ party: Party, weight: z.number().min(0) }))
          .min(1)
          .max(MAX_PROCESSORS)
          .describe('by contribution: e.g. the Shapley shares in parts per billion'),
      })
      .optional(),
    seller: Party,
  })
  .refine((s) => sharesBp(s) <= BASIS_POINTS, {
    path: ['seller'],
    message: 'the fee and the shares come to more than the gross (10,000 basis points)',
  })
  .refine(
    (s) => !s.processors || s.processors.poolBp === 0 || s.processors.parties.some((p) => p.weight > 0),
    {
      path: ['processors', 'parties'],
      message: 'a pool above zero needs a processor with a weight above zero',
    },
  );
export type OrderSplit = z.infer<typeof OrderSplit>;

interface Shares {
  platform: { feeBp: number };
  authority?: { shareBp: number };
  operator?: { shareBp: number };
  processors?: { poolBp: number };
}
function sharesBp(s: Shares): number {
  return (
    s.platform.feeBp + (s.authority?.shareBp ?? 0) + (s.operator?.shareBp ?? 0) + (s.processors?.poolBp ?? 0)
  );
}

export const SETTLEMENT_ROLES = ['seller', 'operator', 'authority', 'processor', 'platform'] as const;
export type SettlementRole = (typeof SETTLEMENT_ROLES)[number];

export interface SettlementLine {
  role: SettlementRole;
  party: SettlementParty;
  fen: number;
}
export interface OrderSettlement {
  orderId: string;
  grossFen: number;
  /** Seller, operator, authority, processors, platform; lines of zero fen included, so every party is shown. */
  lines: SettlementLine[];
  /** Every step in words, zh-CN and en-US. */
  explain: Bilingual[];
  remainderRule: string;
}

/** The top-level parts, in the order that breaks a tie of remainders. */
function topParts(s: OrderSplit) {
  const parts: { role: SettlementRole; party?: SettlementParty; bp: number }[] = [
    { role: 'seller', party: s.seller, bp: BASIS_POINTS - sharesBp(s) },
  ];
  if (s.operator) parts.push({ role: 'operator', party: s.operator.party, bp: s.operator.shareBp });
  if (s.authority) parts.push({ role: 'authority', party: s.authority.party, bp: s.authority.shareBp });
  if (s.processors) parts.push({ role: 'processor', bp: s.processors.poolBp });
  parts.push({ role: 'platform', party: s.platform.party, bp: s.platform.feeBp });
  return parts;
}

/** 结算: one order's gross split into per-party lines summing exactly to it, each step explained. */
export function settleOrder(input: OrderSplit): OrderSettlement {
  const s = OrderSplit.parse(input);
  const parts = topParts(s);
  const top = apportion(
    s.grossFen,
    parts.map((p) => p.bp),
  );
  const explain: Bilingual[] = [fenWords(s.orderId, s.grossFen)];
  const lines: SettlementLine[] = [];
  parts.forEach((p, i) => {
    explain.push(feeWords(p.role, p.party, s.grossFen, p.bp, top.floors[i]!));
    if (p.party) lines.push({ role: p.role, party: p.party, fen: top.parts[i]! });
  });
  explain.push(
    ...remainderWords(
      top,
      parts.map((p) => p.role),
    ),
  );
  const pool = parts.findIndex((p) => p.role === 'processor');
  if (s.processors && pool >= 0) {
    const fen = top.parts[pool]!;
    const split = apportion(
      fen,
      s.processors.parties.map((p) => p.weight),
    );
    explain.push(...processorWords(fen, s.processors.parties, split));
    const at = lines.findIndex((l) => l.role === 'platform');
    const processorLines = s.processors.parties.map((p, i) => ({
      role: 'processor' as const,
      party: p.party,
      fen: split.parts[i]!,
    }));
    lines.splice(at, 0, ...processorLines);
  }
  const sum = lines.reduce((n, l) => n + l.fen, 0);
  if (sum !== s.grossFen) throw new Error(`settlement lines sum to ${sum}, not the gross ${s.grossFen}`);
  explain.push(...lines.map(lineWords), totalWords(sum, s.grossFen));
  return { orderId: s.orderId, grossFen: s.grossFen, lines, explain, remainderRule: REMAINDER_RULE };
}

export interface PartyStatement {
  party: SettlementParty;
  /** Fen by role over the period (a party may be seller of one order and processor of another). */
  byRole: Partial<Record<SettlementRole, number>>;
  fen: number;
  orders: number;
}
export interface PeriodStatement {
  period: string;
  grossFen: number;
  orders: number;
  /** One statement per party, in order of first appearance; their fen sum exactly to the gross. */
  parties: PartyStatement[];
}

/** 对账单: the period's settled orders added up per party; each order was rounded once, when it was settled. */
export function periodStatement(period: string, settlements: readonly OrderSettlement[]): PeriodStatement {
  const byParty = new Map<string, PartyStatement & { seen: Set<string> }>();
  for (const o of settlements)
    for (const l of o.lines) {
      const st = byParty.get(l.party.id) ?? {
        party: l.party,
        byRole: {},
        fen: 0,
        orders: 0,
        seen: new Set<string>(),
      };
      byParty.set(l.party.id, st);
      st.byRole[l.role] = (st.byRole[l.role] ?? 0) + l.fen;
      st.fen += l.fen;
      if (!st.seen.has(o.orderId)) st.orders++;
      st.seen.add(o.orderId);
    }
  const parties = [...byParty.values()].map(({ seen: _seen, ...st }) => st);
  return {
    period,
    grossFen: settlements.reduce((n, o) => n + o.grossFen, 0),
    orders: settlements.length,
    parties,
  };
}
