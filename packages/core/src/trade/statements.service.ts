import type { OrderExplanation, Statement, StatementParty, StatementRole } from '@shuliu/contracts';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { iso } from '../shared/iso.js';
import { toLine } from './settlement.mappers.js';
import { settlementRepository as repo } from './settlement.repository.js';
import { csvCell, fenAsYuan } from './settlement.rules.js';
import type { TradeDeps } from './trade.support.js';

/** The most lines one CSV export holds. */
export const CSV_MAX_LINES = 100_000;
const CSV_HEADER = [
  '期间 period',
  '订单 order',
  '产品 product',
  '计费 billing',
  '调用次数 calls',
  '订单总额(分) order gross (fen)',
  '收款方 party',
  '名称 name',
  '角色 role',
  '金额(分) fen',
  '金额(元) yuan',
];

/**
 * 对账单: a closed period's statement lines. A party sees only its own lines (asking for another's is refused);
 * the operator and the regulator see every party's, or one's. The CSV carries the same lines as the JSON.
 */
export class StatementsService {
  constructor(private readonly deps: Pick<TradeDeps, 'db'>) {}

  /** Whose lines the caller may read: its own org's, or for the overseers every org's (or the one asked). */
  private scope(ctx: RequestContext, org: string | undefined): string | undefined {
    const p = requirePrincipal(ctx);
    if (hasRole(ctx, 'operator', 'regulator')) return org;
    if (!p.orgId) throw Forbidden('a statement is read by a member of a party’s org');
    if (org && org !== p.orgId) throw Forbidden('a party reads only its own organization’s statement');
    return p.orgId;
  }

  async statement(
    ctx: RequestContext,
    period: string,
    q: { org?: string; page: number; pageSize: number },
  ): Promise<Statement> {
    const org = this.scope(ctx, q.org);
    const db = this.deps.db;
    const row = await repo.period(db, period);
    const [sums, orders, gross, lines] = row
      ? await Promise.all([
          repo.partySums(db, period, org),
          repo.partyOrders(db, period, org),
          repo.grossOf(db, period, org),
          repo.lines(db, period, org, q.pageSize, (q.page - 1) * q.pageSize),
        ])
      : [[], [], { grossFen: 0, orders: 0 }, { rows: [], total: 0 }];
    const parties = partiesOf(sums, new Map(orders.map((o) => [o.org_id, Number(o.orders)])));
    return {
      period,
      state: row ? 'closed' : 'open',
      closedAt: iso(row?.closed_at),
      platformFeeBp: row?.platform_fee_bp ?? null,
      remainderRule: row?.remainder_rule ?? null,
      grossFen: gross.grossFen,
      orders: gross.orders,
      fen: parties.reduce((n, x) => n + x.fen, 0),
      parties,
      lines: lines.rows.map(toLine),
      totalLines: lines.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** How one order's gross was split, to a party paid by it, the operator and the regulator. */
  async explain(ctx: RequestContext, period: string, orderId: string): Promise<OrderExplanation> {
    const o = await repo.settledOrder(this.deps.db, period, orderId);
    const org = requirePrincipal(ctx).orgId;
    const party = !!org && !!o?.orgs?.includes(org);
    if (!o || !(party || hasRole(ctx, 'operator', 'regulator')))
      throw NotFound(`order settled in ${period}`, orderId);
    return {
      period,
      orderId,
      grossFen: Number(o.gross_fen),
      remainderRule: o.remainder_rule,
      explain: typeof o.explain === 'string' ? JSON.parse(o.explain) : o.explain,
    };
  }

  /** The statement's lines as CSV, UTF-8 with a byte-order mark so Excel reads the Chinese right. */
  async csv(
    ctx: RequestContext,
    period: string,
    q: { org?: string },
  ): Promise<{ text: string; truncated: boolean }> {
    const org = this.scope(ctx, q.org);
    const { rows, total } = (await repo.period(this.deps.db, period))
      ? await repo.lines(this.deps.db, period, org, CSV_MAX_LINES, 0)
      : { rows: [], total: 0 };
    const body = rows
      .map(toLine)
      .map((l) =>
        [
          period,
          l.orderId,
          l.productTitle ?? l.productId,
          l.billing,
          l.calls,
          l.orderGrossFen,
          l.orgId,
          l.orgName,
          l.role,
          l.fen,
          fenAsYuan(l.fen),
        ]
          .map(csvCell)
          .join(','),
      );
    const text = `\uFEFF${[CSV_HEADER.map(csvCell).join(','), ...body].join('\r\n')}\r\n`;
    return { text, truncated: total > rows.length };
  }
}

/** Per-role sums folded into one statement per party, in org-id order. */
function partiesOf(
  sums: { org_id: string; org_name: string | null; role: StatementRole; fen: string | null }[],
  orders: Map<string, number>,
): StatementParty[] {
  const by = new Map<string, StatementParty>();
  for (const s of sums) {
    const p = by.get(s.org_id) ?? {
      orgId: s.org_id,
      orgName: s.org_name,
      byRole: {},
      fen: 0,
      orders: orders.get(s.org_id) ?? 0,
    };
    by.set(s.org_id, p);
    const fen = Number(s.fen ?? 0);
    p.byRole[s.role] = fen;
    p.fen += fen;
  }
  return [...by.values()];
}
