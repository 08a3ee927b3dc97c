import {
  clearIdentifierColumns,
  GRADES,
  gradeRank,
  highestGrade,
  type CreateResourceBody,
  type Grade,
  type GradeBody,
  type Paged,
  type Resource,
  type ResourceColumn,
  type ResourceLineage,
  type ResourceQuery,
  type ResourceSearchReply,
  type ResourceVersion,
  type UpdateResourceBody,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { CoreDataRefused, GradeBelowComputed, regradeDerived } from '../protect/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import {
  GradeBelowAssessed,
  IllegalTransition,
  NotOwner,
  OpenClassRefused,
  RawPersonalInfo,
  SectorUnknown,
} from './catalog.errors.js';
import { toResource } from './catalog.mappers.js';
import { catalogRepository as repo, type ResourceRow, type Visibility } from './catalog.repository.js';
import { sectorsRepository } from './sectors.repository.js';
import {
  computedDatasetGrade,
  DEFAULT_CATALOG_SETTINGS,
  docScore,
  gradeFields,
  openClassRefusal,
  publishRefusal,
  rawPersonalInfoReason,
  type CatalogSettings,
} from './catalog.rules.js';
import { searchQuery, searchVector } from './catalog.search.js';
import { assessedGrade } from './impact.service.js';
import { buildFacets } from './catalog.facets.js';

type Executor = Kysely<DB>;
type CreateBody = z.output<typeof CreateResourceBody>;
type UpdateBody = z.output<typeof UpdateResourceBody>;
type Query = z.output<typeof ResourceQuery>;

/**
 * Whether an organization holds a live authorization to use a resource at its current grade (企业授权,
 * kept by the consent domain): the grant's id, or null. Reads through `db`, the caller's transaction if any.
 */
export type ResourceGrantLookup = (
  db: Executor,
  orgId: string,
  resourceId: string,
  grade: Grade,
) => Promise<string | null>;

/** Data resources (数据资源): cataloguing, grading, publication, search, versions and lineage. */
export class ResourcesService {
  private grantLookup: ResourceGrantLookup | null = null;

  constructor(
    private readonly db: Executor,
    readonly settings: CatalogSettings = DEFAULT_CATALOG_SETTINGS,
  ) {}

  /** Lets enterprise authorizations open a resource to the org they name (wired once, at start-up). */
  useGrants(lookup: ResourceGrantLookup): void {
    this.grantLookup = lookup;
  }

  /**
   * The enterprise authorization under which the caller's org may use a resource it does not own: a live
   * grant that names it, not exceeded by the resource's grade today. Retired resources are authorized to no one.
   */
  async grantOf(ctx: RequestContext, r: ResourceRow, db: Executor = this.db): Promise<string | null> {
    const org = ctx.principal?.orgId;
    if (!org || !this.grantLookup || org === r.owner_org_id || r.status === 'retired') return null;
    // personal information found since the authorization (a new file profiled) closes it again
    if (rawPersonalInfoReason(r)) return null;
    return this.grantLookup(db, org, r.id, r.grade as Grade);
  }

  /** What the caller may see (operators and regulators: everything; members: their own and published). */
  visibility(ctx: RequestContext): Visibility {
    const p = ctx.principal;
    // members only means active org members: a pending applicant (no role yet) or a natural person sees
    // what anonymous callers see
    if (!p || !p.orgId || !p.roles.some((r) => r !== 'person'))
      return { all: false, ownOrgId: null, grades: [], openOnly: true };
    if (hasRole(ctx, 'operator', 'regulator'))
      return { all: true, ownOrgId: null, grades: [], openOnly: false };
    const limit = gradeRank(this.settings.metadataVisibleUpTo);
    return {
      all: false,
      ownOrgId: p.orgId,
      grades: GRADES.filter((g) => gradeRank(g) <= limit),
      openOnly: false,
    };
  }

  private canSee(v: Visibility, r: ResourceRow): boolean {
    if (v.all || (v.ownOrgId && r.owner_org_id === v.ownOrgId)) return true;
    if (r.status !== 'published') return false;
    if (v.openOnly)
      return (
        r.subject_type === 'public' && (r.open_class === 'unconditional' || r.open_class === 'conditional')
      );
    return v.grades.includes(r.grade as Grade);
  }

  /** The resource if the caller may see it; otherwise the same 404 as for a missing one. */
  async load(ctx: RequestContext, id: string, db: Executor = this.db): Promise<ResourceRow> {
    const r = await repo.findResource(db, id);
    if (r && (this.canSee(this.visibility(ctx), r) || (await this.grantOf(ctx, r, db)))) return r;
    throw NotFound('resource', id);
  }

  /** Locks the resource and checks that the caller's org owns it (operators act on any, when `operatorToo`). */
  async lockOwned(tx: Executor, ctx: RequestContext, id: string, operatorToo = false): Promise<ResourceRow> {
    const p = requirePrincipal(ctx);
    const r = await repo.lockResource(tx, id);
    if (!r || !this.canSee(this.visibility(ctx), r)) throw NotFound('resource', id);
    if (r.owner_org_id !== p.orgId && !(operatorToo && hasRole(ctx, 'operator'))) throw NotOwner();
    return r;
  }

  /** Locks the resource's row until `tx` ends, so other domains' writes about one resource run one at a time. */
  lock(tx: Executor, id: string): Promise<ResourceRow | undefined> {
    return repo.lockResource(tx, id);
  }

  /** The resource as stored, whoever may see it: for other domains' rules, never shown as such. */
  row(id: string, db: Executor = this.db): Promise<ResourceRow | undefined> {
    return repo.findResource(db, id);
  }

  /** Titles and grades of resources by id, for other domains' views of what they name (missing ids are left out). */
  async summaries(ids: string[]): Promise<Map<string, { id: string; title: string; grade: Grade }>> {
    const rows = await repo.summaries(this.db, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, grade: r.grade as Grade }]));
  }

  /** One owner's published public data in these sectors and below (null: all), up to a grade. */
  async publicData(
    f: { ownerOrgId: string; sectors: string[] | null; maxGrade: Grade },
    page: number,
    pageSize: number,
  ): Promise<Paged<Resource>> {
    const grades = GRADES.filter((g) => gradeRank(g) <= gradeRank(f.maxGrade));
    const rows = await repo.findPublicData(this.db, { ...f, grades }, page, pageSize);
    // a page past the end has no row to carry the total: count on the first page instead
    const first =
      rows[0] ?? (page > 1 ? (await repo.findPublicData(this.db, { ...f, grades }, 1, 1))[0] : null);
    return { items: rows.map(toResource), total: Number(first?.total ?? 0), page, pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<Resource> {
    return toResource(await this.load(ctx, id));
  }

  async search(ctx: RequestContext, q: Query): Promise<ResourceSearchReply> {
    const v = this.visibility(ctx);
    const tsquery = q.q ? searchQuery(q.q) : null;
    const filter = {
      ...q,
      tsquery,
      org: q.mine === 'true' ? [ctx.principal?.orgId ?? '-'] : q.org,
      sort: q.sort === 'relevance' && !tsquery ? ('updated' as const) : q.sort,
    };
    const [rows, counts] = await Promise.all([
      repo.search(this.db, filter, v, q.page, q.pageSize),
      repo.facets(this.db, filter, v),
    ]);
    const { total, facets } = await buildFacets(this.db, counts);
    return { items: rows.map(toResource), total, page: q.page, pageSize: q.pageSize, facets };
  }

  async create(ctx: RequestContext, body: CreateBody): Promise<Resource> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw NotOwner('only members of an organization may catalogue resources');
    const id = newId('res');
    await this.db.transaction().execute(async (tx) => {
      await this.checkSector(tx, body.sectorCode);
      this.checkOpenClass(body.openClass ?? null, 'general_1', body.subjectType);
      const draft = { ...body, schema: [] as ResourceColumn[] };
      await repo.insertResource(tx, {
        id,
        owner_org_id: p.orgId!,
        ...this.columnsOf(draft),
        computed_grade: computedDatasetGrade([], body.subjectType),
        grade: computedDatasetGrade([], body.subjectType),
        status: 'draft',
        version: 1,
        created_by: p.userId,
      });
      await repo.insertVersion(tx, {
        resourceId: id,
        version: 1,
        snapshot: body,
        note: null,
        changedBy: p.username,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.resource.create',
        objectType: 'resource',
        objectId: id,
        details: { title: body.title, sector: body.sectorCode, subjectType: body.subjectType },
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateBody): Promise<Resource> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const cur = toResource(await this.lockOwned(tx, ctx, id));
      if (cur.status === 'retired') throw IllegalTransition('a retired resource can no longer change');
      const { note, ...changes } = body;
      const next = { ...cur, ...changes };
      if (changes.sectorCode) await this.checkSector(tx, changes.sectorCode);
      if (changes.subjectType) next.computedGrade = computedDatasetGrade(cur.schema, next.subjectType);
      next.grade = highestGrade([next.manualGrade ?? next.computedGrade], next.computedGrade);
      this.checkOpenClass(next.openClass, next.grade, next.subjectType, next);
      const version = cur.version + 1;
      await repo.updateResource(tx, id, {
        ...this.columnsOf(next),
        computed_grade: next.computedGrade,
        grade: next.grade,
        version,
        updated_at: new Date(),
      });
      await repo.insertVersion(tx, {
        resourceId: id,
        version,
        snapshot: changes,
        note: note ?? null,
        changedBy: p.username,
      });
      await recordAudit(tx, ctx, {
        action: 'catalog.resource.update',
        objectType: 'resource',
        objectId: id,
        orgId: cur.ownerOrgId,
        details: { version, changed: Object.keys(changes), note: note ?? null },
      });
    });
    return this.get(ctx, id);
  }

  /** Raises grades by hand (owner, or an operator); refuses anything below what the fields compute. */
  async grade(ctx: RequestContext, id: string, body: z.output<typeof GradeBody>) {
    await this.db.transaction().execute(async (tx) => {
      const cur = toResource(await this.lockOwned(tx, ctx, id, true));
      const manual = new Map(body.fields.map((f) => [f.name, f.grade]));
      for (const f of body.fields) {
        const col = cur.schema.find((c) => c.name === f.name);
        if (!col) throw NotFound('field', f.name);
        if (gradeRank(f.grade) < gradeRank(col.computedGrade))
          throw GradeBelowComputed(
            `field ${f.name} computes as ${col.computedGrade}; ${f.grade} would lower it`,
            {
              field: f.name,
              computed: col.computedGrade,
            },
          );
      }
      const schema = gradeFields(cur.schema, manual);
      const computed = computedDatasetGrade(schema, cur.subjectType);
      const manualGrade = body.grade ?? cur.manualGrade;
      if (body.grade && gradeRank(body.grade) < gradeRank(computed))
        throw GradeBelowComputed(`the fields compute ${computed}; ${body.grade} would lower it`, {
          computed,
        });
      const assessed = body.grade ? await assessedGrade(tx, id) : null;
      if (body.grade && assessed && gradeRank(body.grade) < gradeRank(assessed))
        throw GradeBelowAssessed(`the impact assessment gives ${assessed}`, { assessed, field: 'grade' });
      const grade = highestGrade([manualGrade ?? computed], computed);
      if (cur.status === 'published') {
        const refusal =
          publishRefusal(grade) ?? openClassRefusal(cur.openClass, grade, cur.subjectType, this.settings);
        if (refusal) throw grade === 'core' ? CoreDataRefused(refusal) : OpenClassRefused(refusal);
      }
      await this.storeGrades(tx, id, schema, computed, manualGrade ?? null, grade);
      await recordAudit(tx, ctx, {
        action: 'catalog.resource.grade',
        objectType: 'resource',
        objectId: id,
        orgId: cur.ownerOrgId,
        details: { from: cur.grade, to: grade, fields: body.fields, reason: body.reason },
      });
    });
    return this.get(ctx, id);
  }

  /**
   * Inserts a derivative of `source` as a draft of the same owner (GB/T 43697-2024 Annex I: derived data is
   * re-graded by processing degree; the degree's grade is its floor until its own file is profiled).
   */
  async insertDerivative(
    tx: Executor,
    ctx: RequestContext,
    d: {
      id: string;
      source: Resource;
      title: string;
      processing: Resource['processing'];
      gradeFloor: Grade;
      /** What its file is expected to hold, until the file is profiled. */
      schema?: ResourceColumn[];
    },
  ) {
    const p = requirePrincipal(ctx);
    const src = d.source;
    const schema = d.schema ?? [];
    const body = { ...src, title: d.title, keywords: src.keywords, schema };
    await repo.insertResource(tx, {
      id: d.id,
      owner_org_id: src.ownerOrgId,
      ...this.columnsOf(body),
      schema: JSON.stringify(schema),
      computed_grade: computedDatasetGrade(schema, src.subjectType),
      manual_grade: d.gradeFloor,
      grade: d.gradeFloor,
      status: 'draft',
      version: 1,
      derived_from: src.id,
      processing: d.processing,
      created_by: p.userId,
    });
    await repo.insertVersion(tx, {
      resourceId: d.id,
      version: 1,
      snapshot: { derivedFrom: src.id, processing: d.processing, title: d.title },
      note: `derived from ${src.id} (${d.processing})`,
      changedBy: p.username,
    });
  }

  /** A new profiled schema arrives (a file was profiled): computed grades follow, manual ones stay. */
  async applySchema(tx: Executor, id: string, columns: ResourceColumn[], format: string | null) {
    const cur = await repo.lockResource(tx, id);
    if (!cur) throw NotFound('resource', id);
    const r = toResource(cur);
    const manual = new Map(r.schema.filter((c) => c.grade !== c.computedGrade).map((c) => [c.name, c.grade]));
    const schema = gradeFields(columns, manual);
    const computed = computedDatasetGrade(schema, r.subjectType);
    const grade = highestGrade([r.manualGrade ?? computed, await this.rawFloor(tx, cur, schema)], computed);
    await this.storeGrades(tx, id, schema, computed, r.manualGrade, grade);
    const next = { ...r, schema, format: r.format ?? format };
    await repo.updateResource(tx, id, { format: next.format, doc_score: docScore(next) });
    return { from: r.grade as Grade, to: grade };
  }

  /**
   * GB/T 43697-2024 Annex I: a derivative whose file still holds identifiers in the clear is processed no
   * further than raw data, so it is graded no lower than its source; anything else has no floor here.
   */
  private async rawFloor(tx: Executor, r: ResourceRow, schema: ResourceColumn[]): Promise<Grade> {
    if (!r.derived_from || !clearIdentifierColumns(schema).length) return 'general_1';
    const source = await repo.findResource(tx, r.derived_from);
    return source ? regradeDerived(source.grade as Grade, 'raw').grade : 'general_1';
  }

  private storeGrades(
    tx: Executor,
    id: string,
    schema: ResourceColumn[],
    computed: Grade,
    manual: Grade | null,
    grade: Grade,
  ) {
    return repo.updateResource(tx, id, {
      schema: JSON.stringify(schema),
      computed_grade: computed,
      manual_grade: manual,
      grade,
      updated_at: new Date(),
    });
  }

  async publish(ctx: RequestContext, id: string): Promise<Resource> {
    await this.transition(ctx, id, 'publish', (r) => {
      if (r.status !== 'draft')
        throw IllegalTransition(`only a draft can be published; this one is ${r.status}`);
      const core = publishRefusal(r.grade);
      if (core) throw CoreDataRefused(core);
      this.checkOpenClass(r.openClass, r.grade, r.subjectType, r);
      return { status: 'published', published_at: new Date() };
    });
    return this.get(ctx, id);
  }

  /** Withdraws a published resource (its owner, or an operator taking it down); the reason is kept. */
  async retire(ctx: RequestContext, id: string, reason: string): Promise<Resource> {
    await this.transition(
      ctx,
      id,
      'retire',
      (r) => {
        if (r.status !== 'published')
          throw IllegalTransition(`only a published resource can be retired; this one is ${r.status}`);
        return { status: 'retired', retired_at: new Date() };
      },
      reason,
    );
    return this.get(ctx, id);
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    action: 'publish' | 'retire',
    next: (r: Resource) => { status: string; published_at?: Date; retired_at?: Date },
    reason?: string,
  ) {
    await this.db.transaction().execute(async (tx) => {
      const r = toResource(await this.lockOwned(tx, ctx, id, action === 'retire'));
      const set = next(r);
      await repo.updateResource(tx, id, { ...set, updated_at: new Date() });
      await recordAudit(tx, ctx, {
        action: `catalog.resource.${action}`,
        objectType: 'resource',
        objectId: id,
        orgId: r.ownerOrgId,
        details: { from: r.status, to: set.status, grade: r.grade, reason: reason ?? null },
      });
    });
  }

  async versions(ctx: RequestContext, id: string): Promise<ResourceVersion[]> {
    await this.load(ctx, id);
    const rows = await repo.findVersions(this.db, id);
    return rows.map((v) => ({
      version: v.version,
      note: v.note,
      changedBy: v.changed_by,
      changedAt: new Date(v.changed_at).toISOString(),
      snapshot: (typeof v.snapshot === 'string' ? JSON.parse(v.snapshot) : v.snapshot) as Record<
        string,
        unknown
      >,
    }));
  }

  async lineage(ctx: RequestContext, id: string): Promise<ResourceLineage> {
    const r = await this.load(ctx, id);
    const v = this.visibility(ctx);
    const source = r.derived_from ? await repo.findResource(this.db, r.derived_from) : undefined;
    const derivatives = await repo.findDerivatives(this.db, id);
    return {
      source: source && this.canSee(v, source) ? toResource(source) : null,
      derivatives: derivatives.filter((d) => this.canSee(v, d)).map(toResource),
    };
  }

  private async checkSector(tx: Executor, code: string) {
    if (!(await sectorsRepository.find(tx, code)))
      throw SectorUnknown(`no sector ${code}`, { field: 'sectorCode' });
  }

  /** GB/T 43697 open classes by grade, and PIPL Art. 23: data opened to others holds no identifier in the clear. */
  private checkOpenClass(
    openClass: Resource['openClass'],
    grade: Grade,
    subject: Resource['subjectType'],
    holds?: Pick<Resource, 'processing' | 'schema'>,
  ) {
    const refusal = openClassRefusal(openClass, grade, subject, this.settings);
    if (refusal) throw OpenClassRefused(refusal, { field: 'openClass' });
    const personal =
      holds && openClass && openClass !== 'closed'
        ? rawPersonalInfoReason({ subject_type: subject, processing: holds.processing, schema: holds.schema })
        : null;
    if (personal)
      throw RawPersonalInfo(`${openClass} opening hands it to others, but ${personal}`, {
        field: 'openClass',
      });
  }

  /** The descriptive columns of a resource row, its search words and documentation score. */
  private columnsOf(r: Omit<CreateBody, 'keywords'> & { keywords: string[]; schema: ResourceColumn[] }) {
    return {
      title: r.title,
      title_en: r.titleEn ?? null,
      description: r.description,
      description_en: r.descriptionEn ?? null,
      sector_code: r.sectorCode,
      subject_type: r.subjectType,
      source_kind: r.sourceKind,
      source_method: r.sourceMethod ?? null,
      update_frequency: r.updateFrequency,
      format: r.format ?? null,
      spatial_coverage: r.spatialCoverage ?? null,
      temporal_from: r.temporalFrom ?? null,
      temporal_to: r.temporalTo ?? null,
      keywords: r.keywords,
      open_class: r.openClass ?? null,
      search_vector: searchVector([
        r.title,
        r.titleEn,
        r.description,
        r.descriptionEn,
        ...r.keywords,
        r.spatialCoverage,
      ]),
      doc_score: docScore({
        ...r,
        titleEn: r.titleEn ?? null,
        descriptionEn: r.descriptionEn ?? null,
        format: r.format ?? null,
        spatialCoverage: r.spatialCoverage ?? null,
        temporalFrom: r.temporalFrom ?? null,
        sourceMethod: r.sourceMethod ?? null,
      }),
    };
  }
}
