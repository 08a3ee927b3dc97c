import type {
  PeriodSummary,
  RevenueShare,
  ShapleyComputation,
  ShapleyResult,
  ShapleyShares,
  StatementLine,
} from '@shuliu/contracts';
import { iso } from '../shared/iso.js';
import type { ComputationRow, DeclarationRow } from './settlement.repository.js';
import { periodBounds } from './settlement.rules.js';

/** What a computation keeps: the rules' result and the shares it gives. */
export interface StoredResult {
  result: ShapleyResult;
  shares: ShapleyShares;
}
export interface StoredInputs {
  players: string[];
  utility: unknown;
  method: 'exact' | 'sampled';
  seed: string | null;
  samples: number | null;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function toComputation(c: ComputationRow, names: Map<string, string | null>): ShapleyComputation {
  const { result: r, shares } = json<StoredResult>(c.result);
  const sampled = r.method === 'sampled' ? r : null;
  return {
    id: c.id,
    method: r.method,
    inputsHash: c.inputs_hash,
    inputs: json<StoredInputs>(c.inputs),
    contributors: r.players.map((orgId) => ({
      orgId,
      orgName: names.get(orgId) ?? null,
      value: r.values[orgId]!,
      partsPerBillion: shares.partsPerBillion[orgId]!,
      share: shares.shares[orgId]!,
      errorBound: sampled ? sampled.errorBound[orgId]! : null,
      clamped: shares.clamped.includes(orgId),
    })),
    grand: r.grand,
    empty: r.empty,
    subsets: r.method === 'exact' ? r.subsets : null,
    samples: sampled?.samples ?? null,
    seed: sampled?.seed ?? null,
    algorithm: sampled?.algorithm ?? null,
    confidence: sampled?.confidence ?? null,
    maxErrorBound: sampled?.maxErrorBound ?? null,
    shareRule: shares.rule,
    runByName: c.run_by_name,
    createdAt: iso(c.created_at)!,
  };
}

export function toRevenueShare(
  d: DeclarationRow,
  product: { title: string | null },
  names: Map<string, string | null>,
  computation: ShapleyComputation | null,
): RevenueShare {
  return {
    productId: d.product_id,
    productTitle: product.title,
    sellerOrgId: d.seller_org_id,
    contributors: d.contributors.map((orgId) => ({ orgId, orgName: names.get(orgId) ?? null })),
    utility: json<unknown>(d.utility),
    utilityLabel: d.utility_label,
    method: d.method,
    seed: d.seed,
    samples: d.samples,
    version: d.version,
    updatedAt: iso(d.updated_at)!,
    computation,
  };
}

interface PeriodRow {
  period: string;
  platform_fee_bp: number | null;
  gross_fen: number | string;
  orders: number;
  closed_at: Date | null;
  closed_by_name: string | null;
}

/** A period as the API shows it; the platform-wide figures only to those who oversee them. */
export function toPeriod(
  period: string,
  row: PeriodRow | undefined,
  overseer: boolean,
  ownFen: number | null,
): PeriodSummary {
  const b = periodBounds(period);
  return {
    period,
    state: row ? 'closed' : 'open',
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    closedAt: iso(row?.closed_at),
    closedByName: row?.closed_by_name ?? null,
    platformFeeBp: row?.platform_fee_bp ?? null,
    grossFen: overseer && row ? Number(row.gross_fen) : null,
    orders: overseer && row ? row.orders : null,
    ownFen,
  };
}

export interface LineRow {
  order_id: string;
  org_id: string;
  org_name: string | null;
  role: StatementLine['role'];
  fen: number | string;
  product_id: string;
  product_title: string | null;
  billing: 'fixed' | 'per_call';
  calls: number | string | null;
  gross_fen: number | string;
}

export const toLine = (l: LineRow): StatementLine => ({
  orderId: l.order_id,
  productId: l.product_id,
  productTitle: l.product_title,
  billing: l.billing,
  calls: l.calls === null ? null : Number(l.calls),
  orderGrossFen: Number(l.gross_fen),
  orgId: l.org_id,
  orgName: l.org_name,
  role: l.role,
  fen: Number(l.fen),
});
