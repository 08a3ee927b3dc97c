import type { AdminLevel, ReturnFlowBoard, SharingStats } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import {
  sharingStatsRepository as stats,
  type FlowFiguresRow,
  type PartyFilter,
  type SharingFiguresRow,
} from './sharing.repository.js';
import { complianceRate } from './sharing.rules.js';

type Executor = Kysely<DB>;

const hours = (h: number | string | null) => (h === null ? null : Math.round(Number(h) * 100) / 100);

const figures = (r: SharingFiguresRow) => ({
  requests: Number(r.requests),
  pending: Number(r.pending),
  overdue: Number(r.overdue),
  approved: Number(r.approved),
  rejected: Number(r.rejected),
  delivered: Number(r.delivered),
  withdrawn: Number(r.withdrawn),
  medianResponseHours: hours(r.median_hours),
  p90ResponseHours: hours(r.p90_hours),
});

const EMPTY = figures({
  requester_level: null,
  provider_level: null,
  is_total: true,
  requests: 0,
  pending: 0,
  overdue: 0,
  approved: 0,
  rejected: 0,
  delivered: 0,
  withdrawn: 0,
  median_hours: null,
  p90_hours: null,
});

const flowCounts = (r: FlowFiguresRow) => {
  const c = {
    owed: Number(r.owed),
    pending: Number(r.pending),
    overdue: Number(r.overdue),
    deliveredOnTime: Number(r.on_time),
    deliveredLate: Number(r.late),
  };
  return {
    ...c,
    complianceRate: complianceRate(c.deliveredOnTime, c.deliveredOnTime + c.deliveredLate, c.overdue),
  };
};

/** Requests, decisions and response times by (requester level, provider level); return flows by receiving level. */
export async function sharingStats(db: Executor, now: Date, from?: Date, to?: Date): Promise<SharingStats> {
  const [rows, flows] = await Promise.all([
    stats.requestFigures(db, now, from, to),
    stats.flowFiguresByLevel(db, now, from, to),
  ]);
  const total = rows.find((r) => r.is_total);
  return {
    byLevel: rows
      .filter((r) => !r.is_total)
      .map((r) => ({
        requesterLevel: r.requester_level as AdminLevel,
        providerLevel: r.provider_level as AdminLevel,
        ...figures(r),
      })),
    total: total ? figures(total) : EMPTY,
    returnFlows: flows.map((r) => {
      const c = flowCounts(r);
      return {
        toLevel: r.level as AdminLevel,
        owed: c.owed,
        delivered: c.deliveredOnTime + c.deliveredLate,
        deliveredOnTime: c.deliveredOnTime,
        overdue: c.overdue,
        onTimeRate: c.complianceRate,
      };
    }),
  };
}

/** The 应返尽返 board: one row per receiving org over the flows the filter admits, and their sum. */
export async function returnFlowBoard(db: Executor, f: PartyFilter): Promise<ReturnFlowBoard> {
  const rows = await stats.flowFiguresByOrg(db, f);
  const items = rows.map((r) => ({
    orgId: r.key,
    orgName: r.name,
    level: r.level as AdminLevel,
    ...flowCounts(r),
  }));
  const sum = (k: 'owed' | 'pending' | 'overdue' | 'deliveredOnTime' | 'deliveredLate') =>
    items.reduce((s, i) => s + i[k], 0);
  const total = {
    owed: sum('owed'),
    pending: sum('pending'),
    overdue: sum('overdue'),
    deliveredOnTime: sum('deliveredOnTime'),
    deliveredLate: sum('deliveredLate'),
  };
  return {
    items,
    total: {
      ...total,
      complianceRate: complianceRate(
        total.deliveredOnTime,
        total.deliveredOnTime + total.deliveredLate,
        total.overdue,
      ),
    },
  };
}
