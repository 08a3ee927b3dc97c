import {
  isGoodMatch,
  todayInChina,
  type Demand,
  type DemandAnswer,
  type DemandMatch,
  type Grade,
  type MatchPart,
} from '@shuliu/contracts';
import { orgNamesByIds } from '../identity/index.js';
import { iso } from '../shared/iso.js';
import type { AnswerRow, DemandRow } from './demands.repository.js';
import type { Executor } from './market.support.js';
import type { MatchRow } from './matching.repository.js';
import type { ViewDeps } from './market.mappers.js';

const fen = (v: number | string | null) => (v === null ? null : Number(v));

/** The state as read: an open demand past its last day is expired, whether or not the job recorded it. */
export const stateOf = (r: Pick<DemandRow, 'state' | 'deadline'>, now: Date) =>
  r.state === 'open' && r.deadline < todayInChina(now) ? 'expired' : r.state;

/** Demands as the API shows them, with org and sector names read in two batch queries. */
export async function toDemands(
  db: Executor,
  rows: DemandRow[],
  deps: Pick<ViewDeps, 'sectors'>,
  now: Date,
): Promise<Demand[]> {
  if (!rows.length) return [];
  const [orgs, sectors] = await Promise.all([
    orgNamesByIds(db, [...new Set(rows.map((r) => r.org_id))]),
    deps.sectors.names(rows.map((r) => r.sector_code)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: orgs.get(r.org_id) ?? null,
    title: r.title,
    description: r.description,
    purpose: r.purpose,
    sector: r.sector_code,
    sectorName: sectors.get(r.sector_code)?.name ?? null,
    region: r.region,
    grades: r.grades as Grade[],
    budgetMinFen: fen(r.budget_min_fen),
    budgetMaxFen: fen(r.budget_max_fen),
    deadline: r.deadline,
    state: stateOf(r, now),
    closeReason: r.close_reason,
    version: r.version,
    matchCount: r.match_count,
    answerCount: r.answer_count,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    closedAt: iso(r.closed_at),
  }));
}

export function toMatch(m: MatchRow, orgs: Map<string, string>): DemandMatch {
  const parts = m.parts as MatchPart[];
  return {
    demandId: m.demand_id,
    productId: m.product_id,
    productTitle: m.product_title,
    orgId: m.product_org,
    orgName: orgs.get(m.product_org) ?? null,
    score: m.score,
    good: isGoodMatch(m.score, parts),
    parts,
    matchedAt: iso(m.matched_at)!,
    notifiedAt: iso(m.notified_at),
  };
}

export async function toAnswers(db: Executor, rows: AnswerRow[]): Promise<DemandAnswer[]> {
  const orgs = await orgNamesByIds(db, [...new Set(rows.map((r) => r.org_id))]);
  return rows.map((r) => ({
    id: r.id,
    demandId: r.demand_id,
    demandTitle: r.demand_title,
    orgId: r.org_id,
    orgName: orgs.get(r.org_id) ?? null,
    productId: r.product_id,
    productTitle: r.product_title,
    message: r.message,
    priceFen: fen(r.price_fen),
    state: r.state,
    createdAt: iso(r.created_at)!,
  }));
}
