import { BASIS_POINTS, settleOrder, type OrderSplit, type StatementRole } from '@shuliu/contracts';

/*
 * 结算 rules of the trade domain, pure: the Beijing month a period covers, and how one order's facts (its gross,
 * the operator's fee, the grant it was listed under, the contributors' Shapley shares) become statement lines
 * through the contracts' settleOrder — one largest-remainder split, so the lines sum exactly to the gross.
 */

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** A period's start and end as instants: from 00:00 on the 1st in Beijing to 00:00 on the next month's 1st. */
export function periodBounds(period: string): { startsAt: Date; endsAt: Date } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return {
    startsAt: new Date(Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS),
    endsAt: new Date(Date.UTC(y, m, 1) - CHINA_OFFSET_MS),
  };
}

/** The Beijing month an instant falls in, as YYYY-MM (China keeps no daylight saving time). */
export function periodOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month before a period. */
export function previousPeriod(period: string): string {
  return periodOf(new Date(periodBounds(period).startsAt.getTime() - 1));
}

export interface OrderFacts {
  orderId: string;
  grossFen: number;
  sellerOrgId: string;
  platform: { orgId: string; feeBp: number };
  /** The 授权运营 grant the product was listed under, if any: its authority, operator and share. */
  grant?: { authorityOrgId: string; operatorOrgId: string; authorityShareBp: number } | null;
  /**
   * A revenue-share declaration's Shapley shares as [org, parts per billion] in the declared order (which breaks
   * ties of the remainder), and the computation's id.
   */
  contributors?: { computationId: string; partsPerBillion: [string, number][] } | null;
  /** Org names, so the explanation names the parties as people read them. */
  names?: ReadonlyMap<string, string>;
}

export interface FactLine {
  role: StatementRole;
  orgId: string;
  fen: number;
}

type Words = { 'zh-CN': string; 'en-US': string };

/**
 * 结算 (RULES.md Trading, 按贡献分配): the platform fee and the authority's share come off the gross; where a
 * revenue-share declaration stands, the rest — the seller's part — goes to its contributors by Shapley share,
 * otherwise to the seller, named the authorized operator (授权运营方) when the product stands on a grant. One
 * largest-remainder split (the contracts' REMAINDER_RULE) makes the lines sum exactly to the gross.
 */
export function splitOrder(f: OrderFacts): { lines: FactLine[]; explain: Words[]; remainderRule: string } {
  const authorityBp = f.grant?.authorityShareBp ?? 0;
  const shared = f.contributors?.partsPerBillion ?? [];
  const poolBp = BASIS_POINTS - f.platform.feeBp - authorityBp;
  const party = (id: string) => ({ id, ...(f.names?.has(id) && { name: f.names.get(id)!.slice(0, 200) }) });
  const input: OrderSplit = {
    orderId: f.orderId,
    grossFen: f.grossFen,
    platform: { party: party(f.platform.orgId), feeBp: f.platform.feeBp },
    seller: party(f.sellerOrgId),
    ...(f.grant &&
      authorityBp > 0 && { authority: { party: party(f.grant.authorityOrgId), shareBp: authorityBp } }),
    ...(shared.length > 0 && {
      processors: { poolBp, parties: shared.map(([id, ppb]) => ({ party: party(id), weight: ppb })) },
    }),
  };
  const s = settleOrder(input);
  const explain: Words[] = [...s.explain];
  const asOperator = !!f.grant && f.grant.operatorOrgId === f.sellerOrgId;
  if (asOperator)
    explain.push({
      'zh-CN': '该产品依公共数据授权运营挂牌：卖方即授权运营方，其所得记为授权运营方',
      'en-US':
        'The product is listed under a public-data authorized operation: the seller is the authorized operator',
    });
  if (shared.length > 0)
    explain.push({
      'zh-CN': `卖方部分按收益分配声明中各贡献方的沙普利值份额分配（计算 ${f.contributors!.computationId}）`,
      'en-US': `The seller’s part is split among the declared contributors by Shapley share (computation ${f.contributors!.computationId})`,
    });
  const lines = s.lines
    // the seller's part went wholly to the contributors: its 0-basis-point line says nothing
    .filter((l) => !(shared.length > 0 && l.role === 'seller' && l.fen === 0))
    .map((l): FactLine => ({
      role: l.role === 'processor' ? 'contributor' : l.role === 'seller' && asOperator ? 'operator' : l.role,
      orgId: l.party.id,
      fen: l.fen,
    }));
  return { lines, explain, remainderRule: s.remainderRule };
}

/** A cell of a CSV file: quoted when it must be, and text that a spreadsheet would run as a formula defused. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Fen as yuan with two decimals, exactly (no floating point). */
export const fenAsYuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
