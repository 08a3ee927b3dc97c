import type {
  AdminLevel,
  Grade,
  SubjectType,
  Survey,
  SurveyBucket,
  SurveyHistoryQuery,
  SurveySnapshot,
  SurveyTotals,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { adminLevelOf } from '../catalog/index.js';
import { surveyRepository as repo, type SurveyCell } from './survey.repository.js';
import { GRADE_LABELS, regionLabel, SUBJECT_LABELS, surveyRegionOf } from './sharing.rules.js';
import type { Clock } from './sharing.service.js';

type Executor = Kysely<DB>;
type Volume = Omit<SurveyBucket, 'key' | 'label'>;
type Bucket<X = object> = SurveyBucket & X;

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const zero = (): Volume => ({ resources: 0, published: 0, files: 0, rows: 0, bytes: 0 });
function add(to: Volume, c: SurveyCell) {
  to.resources += Number(c.resources);
  to.published += Number(c.published);
  to.files += Number(c.files);
  to.rows += Number(c.rows);
  to.bytes += Number(c.bytes);
}

/** Folds cells into one dimension: `keyOf` names a cell's bucket and, the first time, its label and extras. */
function fold<X extends object>(
  cells: SurveyCell[],
  keyOf: (c: SurveyCell) => { key: string; label: string | null } & X,
) {
  const out = new Map<string, Bucket<X>>();
  for (const c of cells) {
    const k = keyOf(c);
    let b = out.get(k.key);
    if (!b) out.set(k.key, (b = { ...k, ...zero() } as Bucket<X>));
    if (b.label === null && k.label !== null) b.label = k.label;
    add(b, c);
  }
  return [...out.values()].sort(
    (a, b) => b.resources - a.resources || b.bytes - a.bytes || a.key.localeCompare(b.key),
  );
}

/** 资源调查 from the catalog as it stands: counts and data volumes by sector, region, grade, subject type and org. */
export function buildSurvey(cells: SurveyCell[], takenAt: Date): Survey {
  const totals: SurveyTotals = { ...zero(), orgs: new Set(cells.map((c) => c.org_id)).size };
  for (const c of cells) add(totals, c);
  return {
    takenAt: takenAt.toISOString(),
    totals,
    bySector: fold(cells, (c) => ({ key: c.sector_code, label: c.sector_name })),
    byRegion: fold(cells, (c) => {
      if (!c.uscc) return { key: 'unknown', label: null, level: 'province' as AdminLevel };
      const r = surveyRegionOf(c.uscc);
      return { key: r.code, label: regionLabel(c.region, r.level), level: r.level as AdminLevel };
    }),
    byGrade: fold(cells, (c) => ({ key: c.grade as Grade, label: GRADE_LABELS[c.grade as Grade] ?? null })),
    bySubjectType: fold(cells, (c) => ({
      key: c.subject_type as SubjectType,
      label: SUBJECT_LABELS[c.subject_type as SubjectType] ?? null,
    })),
    byOrg: fold(cells, (c) => ({
      key: c.org_id,
      label: c.org_name,
      level: (c.uscc ? adminLevelOf(c.uscc) : 'province') as AdminLevel,
    })),
  } as Survey;
}

/** The resource survey (资源调查), its snapshots over time, and the periodic snapshot job. */
export class SurveyService {
  constructor(
    private readonly db: Executor,
    private readonly now: Clock = () => new Date(),
  ) {}

  async current(): Promise<Survey> {
    return buildSurvey(await repo.findCells(this.db), this.now());
  }

  /** Stores the survey as it stands (every breakdown, so a past day can be charted in full). */
  async snapshot(ctx: RequestContext): Promise<SurveySnapshot> {
    const id = newId('svy');
    return this.db.transaction().execute(async (tx) => {
      const takenAt = this.now();
      const survey = buildSurvey(await repo.findCells(tx), takenAt);
      await repo.insertSnapshot(tx, id, takenAt, survey);
      await recordAudit(tx, ctx, {
        action: 'catalog.survey.snapshot',
        objectType: 'survey_snapshot',
        objectId: id,
        details: { totals: survey.totals },
      });
      return { id, takenAt: survey.takenAt, totals: survey.totals };
    });
  }

  async history(q: z.output<typeof SurveyHistoryQuery>): Promise<SurveySnapshot[]> {
    const rows = await repo.findSnapshots(
      this.db,
      q.limit,
      q.from ? new Date(q.from) : undefined,
      q.to ? new Date(q.to) : undefined,
    );
    return rows.map((r) => ({
      id: r.id,
      takenAt: new Date(r.taken_at).toISOString(),
      totals: parsed<SurveyTotals>(r.totals),
    }));
  }

  async snapshotDetail(id: string): Promise<SurveySnapshot & { survey: Survey }> {
    const r = await repo.findSnapshot(this.db, id);
    if (!r) throw NotFound('survey snapshot', id);
    const survey = parsed<Survey>(r.totals);
    return { id: r.id, takenAt: new Date(r.taken_at).toISOString(), totals: survey.totals, survey };
  }

  /**
   * The periodic job's run: a snapshot when the newest is at least `intervalSeconds` old, so restarts neither
   * skip nor double a day. Returns whether it took one.
   */
  async snapshotIfDue(intervalSeconds: number): Promise<boolean> {
    const last = await repo.findLatestSnapshotTime(this.db);
    if (last && this.now().getTime() - new Date(last).getTime() < intervalSeconds * 1000) return false;
    await this.snapshot(systemContext('survey-snapshot'));
    return true;
  }
}
