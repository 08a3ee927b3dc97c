import type {
  Board,
  BoardBody,
  BoardRules,
  NegativeEntry,
  NegativeEntryBody,
  NegativeQuery,
  Paged,
  UpdateBoardBody,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { orgById, orgNamesByIds, userById } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { iso } from '../shared/iso.js';
import { isCheckViolation, isUniqueViolation } from '../shared/sql.js';
import { boardsRepository as boards, type BoardRow, type NegativeRow } from './boards.repository.js';
import {
  BoardExists,
  BoardsFull,
  IllegalTransition,
  NegativeEntryExists,
  NegativeValueInvalid,
  ReviewerInvalid,
  SectorUnknown,
} from './market.errors.js';
import { boardRulesOf, toNegative } from './market.mappers.js';
import type { NegativeFacts } from './market.rules.js';
import type { Executor, MarketDeps } from './market.support.js';
import { productsRepository as products } from './products.repository.js';

/** 行业板块 and their reviewers, and the trading negative list (交易负面清单): the operator's market settings. */
export class BoardsService {
  constructor(
    private readonly deps: MarketDeps,
    /** Suspends, in the same transaction, the listings an entry new on the negative list reaches. */
    private readonly negativeAdded: (tx: Executor, e: NegativeFacts) => Promise<string[]>,
  ) {}

  /** Every board with its rules; its reviewers are shown to the operator only. */
  async list(ctx: RequestContext): Promise<{ items: Board[] }> {
    const rows = await boards.all(this.deps.db);
    return { items: await this.views(rows, hasRole(ctx, 'operator')) };
  }

  async create(ctx: RequestContext, b: z.output<typeof BoardBody>): Promise<Board> {
    const p = requirePrincipal(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      await this.checkRules(tx, b.rules);
      const r = await boards
        .insert(tx, {
          code: b.code,
          name: b.name,
          name_en: b.nameEn,
          description: b.description,
          rules: JSON.stringify(b.rules),
          created_by: p.userId,
        })
        .catch((e: unknown) => {
          // the 64th board: no bit is left for it in a listing's board_bits (0027)
          if (isCheckViolation(e, 'market_boards_bit_check')) throw BoardsFull();
          throw e;
        });
      if (!Number(r.numInsertedOrUpdatedRows)) throw BoardExists(`board ${b.code} exists`, { field: 'code' });
      await recordAudit(tx, ctx, {
        action: 'market.board.create',
        objectType: 'board',
        objectId: b.code,
        details: { name: b.name, rules: b.rules },
      });
    });
    return this.one(b.code);
  }

  async update(ctx: RequestContext, code: string, b: z.output<typeof UpdateBoardBody>): Promise<Board> {
    await this.deps.db.transaction().execute(async (tx) => {
      const was = await boards.lock(tx, code);
      if (!was) throw NotFound('board', code);
      if (b.rules) await this.checkRules(tx, b.rules);
      await boards.update(tx, code, {
        ...(b.name !== undefined && { name: b.name }),
        ...(b.nameEn !== undefined && { name_en: b.nameEn }),
        ...(b.description !== undefined && { description: b.description }),
        ...(b.rules !== undefined && { rules: JSON.stringify(b.rules) }),
        updated_at: this.deps.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'market.board.update',
        objectType: 'board',
        objectId: code,
        details: { before: { name: was.name, rules: was.rules }, after: b },
      });
    });
    return this.one(code);
  }

  /** Assigns the board's reviewers: active users holding the provider role in an active certifier org. */
  async setReviewers(ctx: RequestContext, code: string, userIds: string[]): Promise<Board> {
    const p = requirePrincipal(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const board = await boards.lock(tx, code);
      if (!board) throw NotFound('board', code);
      for (const id of userIds) await this.checkReviewer(tx, id);
      const before = (await boards.reviewers(tx, [code])).map((r) => r.user_id);
      await boards.setReviewers(tx, code, userIds, p.userId);
      await notifyUsers(
        tx,
        userIds.filter((u) => !before.includes(u)),
        {
          kind: 'market.board.reviewer',
          title: '您被指定为行业板块合规审查员',
          body: board.name,
          params: { board: code },
          link: '/market/review',
        },
      );
      await recordAudit(tx, ctx, {
        action: 'market.board.reviewers',
        objectType: 'board',
        objectId: code,
        details: { before, after: userIds },
      });
    });
    return this.one(code);
  }

  async negativeList(_ctx: RequestContext, q: z.output<typeof NegativeQuery>): Promise<Paged<NegativeEntry>> {
    const f = { kind: q.kind, removed: q.removed === 'true' };
    const { rows, total } = await boards.negativePage(this.deps.db, f, q.page, q.pageSize);
    const items = [];
    for (const r of rows) items.push(toNegative(r, await this.labelOf(r)));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async addNegative(ctx: RequestContext, b: z.output<typeof NegativeEntryBody>): Promise<NegativeEntry> {
    const p = requirePrincipal(ctx);
    const id = newId('neg');
    await this.deps.db.transaction().execute(async (tx) => {
      await this.checkValue(tx, b.kind, b.value);
      try {
        await boards.insertNegative(tx, {
          id,
          kind: b.kind,
          value: b.value,
          reason: b.reason,
          added_by: p.userId,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw NegativeEntryExists(undefined, { field: 'value' });
        throw e;
      }
      // the entry is on the list before the listings it reaches are suspended, so the order tells why
      await recordAudit(tx, ctx, {
        action: 'market.negative.add',
        objectType: 'negative_entry',
        objectId: id,
        details: { kind: b.kind, value: b.value, reason: b.reason },
      });
      await this.negativeAdded(tx, { kind: b.kind, value: b.value, reason: b.reason });
    });
    return this.negative(id);
  }

  async removeNegative(ctx: RequestContext, id: string, reason: string): Promise<NegativeEntry> {
    const p = requirePrincipal(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const e = await boards.lockNegative(tx, id);
      if (!e) throw NotFound('negative-list entry', id);
      if (e.removed_at) throw IllegalTransition('the entry was already taken off the list');
      await boards.removeNegative(tx, id, p.userId, reason, this.deps.now());
      await recordAudit(tx, ctx, {
        action: 'market.negative.remove',
        objectType: 'negative_entry',
        objectId: id,
        details: { kind: e.kind, value: e.value, reason },
      });
    });
    return this.negative(id);
  }

  /** What a board or a negative-list entry names in the catalog (its sector tree) is held there. */
  async namingSector(db: Executor, code: string): Promise<string | null> {
    const board = await boards.namingSector(db, code);
    if (board) return `board ${board}`;
    const product = await products.namingSector(db, code);
    return product ? `product ${product}` : null;
  }

  private async negative(id: string) {
    const r = (await boards.findNegative(this.deps.db, id))!;
    return toNegative(r, await this.labelOf(r));
  }

  private async labelOf(r: NegativeRow): Promise<string | null> {
    const db = this.deps.db;
    if (r.kind === 'sector') return (await this.deps.sectors.names([r.value])).get(r.value)?.name ?? null;
    if (r.kind === 'org') return (await orgNamesByIds(db, [r.value])).get(r.value) ?? null;
    if (r.kind === 'resource') return (await this.deps.resources.row(r.value))?.title ?? null;
    return null;
  }

  /** A negative-list value names what its kind says: a known sector, org or resource, or a real keyword. */
  private async checkValue(tx: Executor, kind: NegativeRow['kind'], value: string) {
    const bad = (why: string) => NegativeValueInvalid(`${kind} “${value}”: ${why}`, { field: 'value' });
    if (kind === 'keyword' && [...value].length < 2) throw bad('a keyword has two characters or more');
    if (kind === 'sector' && (await this.deps.sectors.unknown([value], tx)).length)
      throw bad('no such sector');
    if (kind === 'org' && !(await orgById(tx, value))) throw bad('no such organization');
    if (kind === 'resource' && !(await this.deps.resources.row(value, tx))) throw bad('no such resource');
  }

  private async checkRules(tx: Executor, rules: BoardRules) {
    const named = [...(rules.computeOnlySectors ?? []), ...(rules.sectors ?? [])];
    const unknown = await this.deps.sectors.unknown(named, tx);
    if (unknown.length) throw SectorUnknown(`no such sector: ${unknown.join(', ')}`, { field: 'rules' });
  }

  private async checkReviewer(tx: Executor, userId: string) {
    const u = await userById(tx, userId);
    const org = u?.org_id ? await orgById(tx, u.org_id) : undefined;
    const ok =
      u?.status === 'active' &&
      u.roles.includes('provider') &&
      org?.status === 'active' &&
      org.types.includes('provider') &&
      org.provider_kinds.includes('certifier');
    if (!ok) throw ReviewerInvalid(`${userId} is not an active reviewer of a certifier org`, { userId });
  }

  private async one(code: string): Promise<Board> {
    const row = await boards.find(this.deps.db, code);
    if (!row) throw NotFound('board', code);
    return (await this.views([row], true))[0]!;
  }

  private async views(rows: BoardRow[], withReviewers: boolean): Promise<Board[]> {
    const db = this.deps.db;
    const reviewers = withReviewers
      ? await boards.reviewers(
          db,
          rows.map((r) => r.code),
        )
      : [];
    const counts = await products.publishedPerBoard(db);
    const people = new Map<string, { name: string; orgId: string | null }>();
    for (const id of new Set(reviewers.map((r) => r.user_id))) {
      const u = await userById(db, id);
      if (u) people.set(id, { name: u.display_name, orgId: u.org_id });
    }
    const orgs = await orgNamesByIds(
      db,
      [...people.values()].flatMap((p) => (p.orgId ? [p.orgId] : [])),
    );
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      description: r.description,
      rules: boardRulesOf(r.rules),
      reviewers: reviewers
        .filter((x) => x.board_code === r.code)
        .map((x) => {
          const who = people.get(x.user_id);
          return {
            userId: x.user_id,
            displayName: who?.name ?? null,
            orgId: who?.orgId ?? null,
            orgName: who?.orgId ? (orgs.get(who.orgId) ?? null) : null,
          };
        }),
      productCount: counts.get(r.code) ?? 0,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
    }));
  }
}
