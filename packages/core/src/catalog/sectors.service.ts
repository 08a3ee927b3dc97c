import type { Sector, SectorBody, UpdateSectorBody } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { SectorExists, SectorHeld, SectorInUse, SectorUnknown } from './catalog.errors.js';
import { sectorsRepository as repo } from './sectors.repository.js';

type Executor = Kysely<DB>;
/** Names what keeps a sector in use outside the catalog (e.g. a live authorized operation), or null. */
export type SectorHold = (db: Executor, code: string) => Promise<string | null>;

/** The sector classification tree (GB/T 43697 Annex A as seeded), edited by operators. */
export class SectorsService {
  private readonly holds: SectorHold[] = [];

  constructor(private readonly db: Executor) {}

  /** Lets another domain keep a sector it refers to from being removed (wired once, at start-up). */
  useHolds(hold: SectorHold): void {
    this.holds.push(hold);
  }

  /** The codes among `codes` that name no sector. */
  unknown(codes: string[], db: Executor = this.db): Promise<string[]> {
    return repo.unknown(db, [...new Set(codes)]);
  }

  /** A sector's code and those of every sector above it, nearest first (empty: no such sector). */
  path(code: string, db: Executor = this.db): Promise<string[]> {
    return repo.path(db, code);
  }

  /** Sector names by code, for other domains' views of what they name (unknown codes are left out). */
  async names(
    codes: string[],
    db: Executor = this.db,
  ): Promise<Map<string, { name: string; nameEn: string | null }>> {
    const rows = codes.length
      ? await db
          .selectFrom('catalog_sectors')
          .select(['code', 'name', 'name_en'])
          .where('code', 'in', [...new Set(codes)])
          .execute()
      : [];
    return new Map(rows.map((r) => [r.code, { name: r.name, nameEn: r.name_en }]));
  }

  async list(): Promise<Sector[]> {
    const { rows } = await repo.tree(this.db);
    return rows.map((s) => ({
      code: s.code,
      parentCode: s.parent_code,
      name: s.name,
      nameEn: s.name_en,
      sort: s.sort,
      resourceCount: Number(s.n),
    }));
  }

  async create(ctx: RequestContext, body: z.output<typeof SectorBody>): Promise<Sector> {
    await this.db.transaction().execute(async (tx) => {
      if (await this.find(tx, body.code)) throw SectorExists(`sector ${body.code} exists`, { field: 'code' });
      if (body.parentCode && !(await this.find(tx, body.parentCode)))
        throw SectorUnknown(`no parent sector ${body.parentCode}`, { field: 'parentCode' });
      await repo.insert(tx, {
        code: body.code,
        parent_code: body.parentCode,
        name: body.name,
        name_en: body.nameEn,
        sort: body.sort,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.sector.create',
        objectType: 'sector',
        objectId: body.code,
        details: body,
      });
    });
    return this.get(body.code);
  }

  async update(ctx: RequestContext, code: string, body: z.output<typeof UpdateSectorBody>): Promise<Sector> {
    await this.db.transaction().execute(async (tx) => {
      const now = await this.find(tx, code);
      if (!now) throw NotFound('sector', code);
      if (body.parentCode) await this.checkParent(tx, code, body.parentCode);
      if (body.parentCode !== undefined && body.parentCode !== now.parent_code)
        await this.checkMoveHolds(tx, code, now.parent_code, body.parentCode);
      await repo.update(tx, code, {
        ...(body.parentCode !== undefined && { parent_code: body.parentCode }),
        ...(body.name !== undefined && { name: body.name }),
        ...(body.nameEn !== undefined && { name_en: body.nameEn }),
        ...(body.sort !== undefined && { sort: body.sort }),
        updated_at: new Date(),
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.sector.update',
        objectType: 'sector',
        objectId: code,
        details: body,
      });
    });
    return this.get(code);
  }

  async remove(ctx: RequestContext, code: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (!(await this.find(tx, code))) throw NotFound('sector', code);
      if (await repo.inUse(tx, code)) throw SectorInUse();
      for (const hold of this.holds) {
        const by = await hold(tx, code);
        if (by) throw SectorHeld(`the sector is named by ${by}; it stays until that ends`, { heldBy: by });
      }
      await repo.delete(tx, code);
      await recordAudit(tx, ctx, { action: 'catalog.sector.delete', objectType: 'sector', objectId: code });
    });
  }

  /**
   * A move takes the sector and everything below it from under one chain of sectors to another: whatever
   * names a sector on only one of the two chains (an authorized operation's 分领域授权) would silently lose or
   * gain it, so the move waits until that ends.
   */
  private async checkMoveHolds(tx: Executor, code: string, from: string | null, to: string | null) {
    const before = from ? await this.path(from, tx) : [];
    const after = to ? await this.path(to, tx) : [];
    const changed = [
      ...before.filter((c) => !after.includes(c)),
      ...after.filter((c) => !before.includes(c)),
    ];
    for (const above of changed)
      for (const hold of this.holds) {
        const by = await hold(tx, above);
        if (by)
          throw SectorHeld(
            `moving ${code} would change what ${by} covers (it names ${above}); it waits until that ends`,
            {
              heldBy: by,
              field: 'parentCode',
            },
          );
      }
  }

  private find(db: Executor, code: string) {
    return repo.find(db, code);
  }

  /** A sector may not become its own ancestor. */
  private async checkParent(tx: Executor, code: string, parent: string) {
    for (let at: string | null = parent; at;) {
      if (at === code) throw SectorUnknown('a sector cannot sit under itself', { field: 'parentCode' });
      const row = await this.find(tx, at);
      if (!row) throw SectorUnknown(`no parent sector ${parent}`, { field: 'parentCode' });
      at = row.parent_code;
    }
  }

  private async get(code: string): Promise<Sector> {
    const s = (await this.list()).find((x) => x.code === code);
    if (!s) throw NotFound('sector', code);
    return s;
  }
}
