import { BUDGET_BANDS, todayInChina, type DemandStats } from '@shuliu/contracts';
import { demandStatsRepository as stats } from './demand-stats.repository.js';
import type { MarketDeps } from './market.support.js';

/** The month `back` months before `now`'s (Beijing time): its key YYYY-MM and the instant it began. */
function monthBack(now: Date, back: number) {
  const [y, m] = todayInChina(now).split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1 - back, 1);
  return { key: new Date(first).toISOString().slice(0, 7), at: new Date(first - 8 * 3_600_000) };
}

/** 市场需求调查: what buyers want, by sector, province, month and budget band; public aggregates only. */
export class DemandStatsService {
  constructor(private readonly deps: MarketDeps) {}

  async stats(q: { months: number }): Promise<DemandStats> {
    const db = this.deps.db;
    const now = this.deps.now();
    const from = monthBack(now, q.months - 1);
    const [totals, sectors, regions, bands, months] = await Promise.all([
      stats.totals(db, todayInChina(now)),
      stats.bySector(db),
      stats.byRegion(db),
      stats.byBand(db),
      stats.byMonth(db, from.at),
    ]);
    const names = await this.deps.sectors.names(sectors.map((s) => s.value));
    const bucket = (
      r: { value: string; n: number; fen: number | string | null },
      label: string | null = null,
    ) => ({
      value: r.value,
      label,
      count: Number(r.n),
      budgetFen: Number(r.fen ?? 0),
    });
    const series = Array.from({ length: q.months }, (_, i) => {
      const key = monthBack(now, q.months - 1 - i).key;
      const r = months.find((x) => x.value === key);
      return r ? bucket(r) : { value: key, label: null, count: 0, budgetFen: 0 };
    });
    return {
      ...totals,
      bySector: sectors.map((r) => bucket(r, names.get(r.value)?.name ?? null)),
      byRegion: regions.map((r) => bucket(r)),
      byMonth: series,
      byBudgetBand: BUDGET_BANDS.map((band) => {
        const r = bands.find((x) => x.value === band);
        return { ...(r ? bucket(r) : { label: null, count: 0, budgetFen: 0 }), value: band };
      }),
    };
  }
}
