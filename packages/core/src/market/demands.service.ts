import {
  MATCH_STOP_WORDS,
  todayInChina,
  type Demand,
  type DemandBody,
  type DemandMatchesReply,
  type DemandQuery,
  type DemandSearchReply,
  type MyDemand,
  type MyDemandQuery,
  type Paged,
  type UpdateDemandBody,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { searchQuery, searchText, searchVector } from '../catalog/index.js';
import { notifyOrg, orgNamesByIds } from '../identity/index.js';
import { hasRole, requirePrincipal, systemContext, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { DemandBudgetInvalid, DemandDeadlinePast, DemandNotOpen, DemandNotYours } from './demands.errors.js';
import { stateOf, toDemands, toMatch } from './demands.mappers.js';
import { demandsRepository as demands, type DemandRow } from './demands.repository.js';
import { SectorUnknown, VersionConflict } from './market.errors.js';
import type { Executor, MarketDeps } from './market.support.js';
import type { MatchingService } from './matching.service.js';
import { matchingRepository as matching } from './matching.repository.js';

type Body = z.output<typeof DemandBody>;
type Update = z.output<typeof UpdateDemandBody>;
/** The words a product's text is matched against: the title's and the purpose's, at most this many. */
const MAX_TERMS = 40;

/** GB/T 2260: the code prefix of a division and everything within it. */
const divisionPrefix = (code: string) =>
  code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;

/** 数据需求: a buyer org posts, edits and closes its demands; anyone reads the open ones on the board. */
export class DemandsService {
  constructor(
    private readonly deps: MarketDeps,
    private readonly matcher: MatchingService,
  ) {}

  async create(ctx: RequestContext, b: Body): Promise<Demand> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('a demand is posted by an organization');
    const id = newId('dmd');
    await this.deps.db.transaction().execute(async (tx) => {
      await this.checkInput(tx, b);
      await demands.insert(tx, {
        id,
        org_id: p.orgId!,
        author_id: p.userId,
        ...columns(b),
        state: 'open',
      });
      await recordAudit(tx, ctx, {
        action: 'market.demand.create',
        objectType: 'demand',
        objectId: id,
        details: { title: b.title, sector: b.sector, region: b.region, deadline: b.deadline },
      });
      await this.matcher.matchDemand(tx, (await demands.find(tx, id))!);
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, u: Update): Promise<Demand> {
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.lockOpenOwn(tx, ctx, id);
      if (u.version !== row.version)
        throw VersionConflict(`you edited version ${u.version}; the demand is at ${row.version}`);
      const b: Body = {
        title: u.title ?? row.title,
        description: u.description ?? row.description,
        purpose: u.purpose ?? row.purpose,
        sector: u.sector ?? row.sector_code,
        region: u.region === undefined ? row.region : u.region,
        grades: u.grades ?? (row.grades as Body['grades']),
        budgetMinFen: u.budgetMinFen === undefined ? num(row.budget_min_fen) : u.budgetMinFen,
        budgetMaxFen: u.budgetMaxFen === undefined ? num(row.budget_max_fen) : u.budgetMaxFen,
        deadline: u.deadline ?? row.deadline,
      };
      await this.checkInput(tx, b);
      if (!(await demands.updateAt(tx, id, row.version, { ...columns(b), updated_at: this.deps.now() })))
        throw VersionConflict();
      await recordAudit(tx, ctx, {
        action: 'market.demand.update',
        objectType: 'demand',
        objectId: id,
        details: { version: row.version + 1, fields: Object.keys(u).filter((k) => k !== 'version') },
      });
      await this.matcher.matchDemand(tx, (await demands.find(tx, id))!);
    });
    return this.get(ctx, id);
  }

  async close(ctx: RequestContext, id: string, reason: string | null): Promise<Demand> {
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.lockOpenOwn(tx, ctx, id);
      const now = this.deps.now();
      const set = { state: 'closed' as const, close_reason: reason, closed_at: now, updated_at: now };
      if (!(await demands.updateAt(tx, id, row.version, set))) throw VersionConflict();
      await recordAudit(tx, ctx, {
        action: 'market.demand.close',
        objectType: 'demand',
        objectId: id,
        details: { reason },
      });
    });
    return this.get(ctx, id);
  }

  /** An open demand to anyone; a closed or expired one to its org and the overseers. */
  async get(ctx: RequestContext, id: string): Promise<Demand> {
    return (await toDemands(this.deps.db, [await this.visible(ctx, id)], this.deps, this.deps.now()))[0]!;
  }

  async board(q: z.output<typeof DemandQuery>): Promise<DemandSearchReply> {
    const f = {
      today: todayInChina(this.deps.now()),
      tsquery: q.q ? searchQuery(q.q) : null,
      sector: q.sector,
      regionPrefix: q.region ? divisionPrefix(q.region) : undefined,
      sort: q.sort,
    };
    const db = this.deps.db;
    const [{ rows, total }, facets] = await Promise.all([
      demands.board(db, f, q.page, q.pageSize),
      demands.boardFacets(db, f),
    ]);
    const names = await this.deps.sectors.names(facets.sector.map((s) => s.value));
    return {
      items: await toDemands(db, rows, this.deps, this.deps.now()),
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets: {
        sector: facets.sector.map((s) => ({
          value: s.value,
          label: names.get(s.value)?.name ?? null,
          count: s.n,
        })),
        region: facets.region.map((s) => ({ value: s.value, label: null, count: s.n })),
      },
    };
  }

  /** The org's demands, each with its best few matches. */
  async mine(ctx: RequestContext, q: z.output<typeof MyDemandQuery>): Promise<Paged<MyDemand>> {
    const org = requirePrincipal(ctx).orgId ?? '-';
    const today = todayInChina(this.deps.now());
    const { rows, total } = await demands.mine(this.deps.db, org, q.state, today, q.page, q.pageSize);
    const items = await toDemands(this.deps.db, rows, this.deps, this.deps.now());
    const ranked = await matching.ranked(
      this.deps.db,
      rows.map((r) => r.id),
      3,
    );
    const orgs = await orgNamesByIds(this.deps.db, [...new Set(ranked.map((m) => m.product_org))]);
    return {
      items: items.map((d) => ({
        ...d,
        matches: ranked.filter((m) => m.demand_id === d.id).map((m) => toMatch(m, orgs)),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The ranking of a demand for its org: products best first, and merchants by their best product. */
  async matches(ctx: RequestContext, id: string): Promise<DemandMatchesReply> {
    await this.own(ctx, id);
    const ranked = await matching.ranked(this.deps.db, [id], 50);
    const orgs = await orgNamesByIds(this.deps.db, [...new Set(ranked.map((m) => m.product_org))]);
    const items = ranked.map((m) => toMatch(m, orgs));
    const merchants = new Map<
      string,
      { orgId: string; orgName: string | null; bestScore: number; products: number }
    >();
    for (const m of items) {
      const x = merchants.get(m.orgId) ?? { orgId: m.orgId, orgName: m.orgName, bestScore: 0, products: 0 };
      merchants.set(m.orgId, { ...x, bestScore: Math.max(x.bestScore, m.score), products: x.products + 1 });
    }
    return { items, merchants: [...merchants.values()].sort((a, b) => b.bestScore - a.bestScore) };
  }

  /** Records demands past their deadline as expired and tells their orgs; safe to repeat. */
  async expireDue(): Promise<number> {
    const ctx = systemContext('market.expire-demands');
    return this.deps.db.transaction().execute(async (tx) => {
      const due = await demands.dueToExpire(tx, todayInChina(this.deps.now()), 500);
      for (const d of due) {
        await demands.updateAt(tx, d.id, d.version, { state: 'expired', updated_at: this.deps.now() });
        await recordAudit(tx, ctx, {
          action: 'market.demand.expire',
          objectType: 'demand',
          objectId: d.id,
          orgId: d.org_id,
        });
        await notifyOrg(tx, d.org_id, ['buyer'], {
          kind: 'market.demand.expired',
          title: '数据需求已到截止日期',
          body: d.title,
          params: { demandId: d.id },
          link: `/market/my/demands?demand=${d.id}`,
        });
      }
      return due.length;
    });
  }

  /** The demand, if the caller's org posted it: another org's is a 403 (its existence is public anyway). */
  async own(ctx: RequestContext, id: string, db: Executor = this.deps.db): Promise<DemandRow> {
    const row = await demands.find(db, id);
    if (!row) throw NotFound('demand', id);
    if (row.org_id !== requirePrincipal(ctx).orgId) throw DemandNotYours();
    return row;
  }

  private async lockOpenOwn(tx: Executor, ctx: RequestContext, id: string) {
    const row = await demands.lock(tx, id);
    if (!row) throw NotFound('demand', id);
    if (row.org_id !== requirePrincipal(ctx).orgId) throw DemandNotYours();
    if (stateOf(row, this.deps.now()) !== 'open')
      throw DemandNotOpen(`the demand is ${stateOf(row, this.deps.now())}`);
    return row;
  }

  private async visible(ctx: RequestContext, id: string): Promise<DemandRow> {
    const row = await demands.find(this.deps.db, id);
    const mine = !!row && row.org_id === ctx.principal?.orgId;
    if (row && (stateOf(row, this.deps.now()) === 'open' || mine || hasRole(ctx, 'operator', 'regulator')))
      return row;
    throw NotFound('demand', id);
  }

  /** What the contracts cannot judge alone: a known sector, the budget in order, a deadline not past. */
  private async checkInput(tx: Executor, b: Body) {
    if ((await this.deps.sectors.unknown([b.sector], tx)).length)
      throw SectorUnknown(`no such sector: ${b.sector}`, { field: 'sector' });
    if (b.budgetMinFen !== null && b.budgetMaxFen !== null && b.budgetMinFen > b.budgetMaxFen)
      throw DemandBudgetInvalid(undefined, { field: 'budgetMinFen' });
    if (b.deadline < todayInChina(this.deps.now()))
      throw DemandDeadlinePast(undefined, { field: 'deadline' });
  }
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** The stored columns of a demand body, with its board words and its match words. */
const columns = (b: Body) => ({
  title: b.title,
  description: b.description,
  purpose: b.purpose,
  sector_code: b.sector,
  region: b.region,
  grades: b.grades,
  budget_min_fen: b.budgetMinFen,
  budget_max_fen: b.budgetMaxFen,
  deadline: b.deadline,
  search_vector: searchVector([b.title, b.description, b.purpose]),
  match_terms: searchText([b.title, b.purpose])
    .split(' ')
    .filter((w) => w && !MATCH_STOP_WORDS.has(w))
    .slice(0, MAX_TERMS),
});
