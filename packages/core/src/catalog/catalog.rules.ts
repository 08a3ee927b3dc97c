import {
  divisionCovers,
  divisionLevel,
  gradeRank,
  highestGrade,
  isBelow,
  rawPersonalInfo,
  type AdminLevel,
  type Grade,
  type OpenClass,
  type Resource,
  type ResourceColumn,
  type SubjectType,
} from '@shuliu/contracts';

/** Operator-adjustable thresholds of the catalog (RULES.md ⚠ lines); these are the defaults. */
export interface CatalogSettings {
  /** The most sensitive grade that may be opened without conditions (无条件开放). */
  unconditionalOpenUpTo: Grade;
  /** The most sensitive grade that may be opened on application (有条件开放). */
  conditionalOpenUpTo: Grade;
  /** The most sensitive grade whose published metadata every member may see. */
  metadataVisibleUpTo: Grade;
}

export const DEFAULT_CATALOG_SETTINGS: CatalogSettings = {
  unconditionalOpenUpTo: 'general_1',
  conditionalOpenUpTo: 'general_3',
  metadataVisibleUpTo: 'general_4',
};

/** GB/T 43697-2024 §5 就高从严: a field's grade is its manual grade or its computed one, whichever is higher. */
export function gradeFields(columns: ResourceColumn[], manual: Map<string, Grade>): ResourceColumn[] {
  return columns.map((c) => ({
    ...c,
    grade: highestGrade([manual.get(c.name) ?? c.grade], c.computedGrade),
  }));
}

/** GB/T 43697-2024 §5: a dataset takes the highest grade of any field; personal information is at least 一般(2级). */
export function computedDatasetGrade(columns: ResourceColumn[], subject: SubjectType): Grade {
  return highestGrade(
    columns.map((c) => c.grade),
    subject === 'personal' ? 'general_2' : 'general_1',
  );
}

type DetectedSchema = readonly { name: string; pii: unknown }[];
const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * PIPL Art. 23 (see rawPersonalInfo): why a resource may not go to another organization as it is, or null —
 * decided by what it holds: its schema (the newest profiled file) and, when given, the profiles of the files
 * about to leave, since an older file may hold what a newer one masks. The one rule every path that hands data
 * to another organization calls: enterprise authorization, open data, downloads and the market.
 */
export function rawPersonalInfoReason(
  r: { subject_type: string; processing: string; schema: DetectedSchema | string },
  files: readonly { profile: unknown }[] = [],
): string | null {
  const schemas = [
    parsed(r.schema),
    ...files.map((f) => parsed(f.profile as string | { columns?: DetectedSchema } | null)?.columns ?? []),
  ];
  for (const schema of schemas) {
    const columns = rawPersonalInfo({ subjectType: r.subject_type, processing: r.processing, schema });
    if (!columns) continue;
    return columns.length
      ? `its columns ${columns.join(', ')} hold personal information in the clear`
      : 'it is raw personal information';
  }
  return null;
}

/** The lowest a manual dataset grade may go: never below what the fields compute. */
export const manualGradeRefused = (grade: Grade, computed: Grade) => isBelow(grade, computed);

/** GB/T 43697-2024 §6.2 (and RULES.md): core data is never registered, listed or opened. */
export const publishRefusal = (grade: Grade): string | null =>
  grade === 'core' ? 'core data (核心数据) may not be published, listed or opened' : null;

/**
 * 公共数据开放 (RULES.md, open classes): only public data has an open class; 无条件开放 and 有条件开放 are
 * bounded by grade; core and important data are never opened.
 */
export function openClassRefusal(
  openClass: OpenClass | null,
  grade: Grade,
  subject: SubjectType,
  s: CatalogSettings,
): string | null {
  if (!openClass || openClass === 'closed') return null;
  if (subject !== 'public') return 'only public data (公共数据) has an open class';
  const limit = openClass === 'unconditional' ? s.unconditionalOpenUpTo : s.conditionalOpenUpTo;
  if (gradeRank(grade) > gradeRank(limit))
    return `${openClass === 'unconditional' ? '无条件开放' : '有条件开放'} allows grades up to ${limit}; this resource is ${grade}`;
  return null;
}

/** GB 32100-2015 §4.3: characters 3–8 of a unified social credit code are its GB/T 2260 division. */
export const divisionOf = (uscc: string) => uscc.slice(2, 8);

/** GB/T 2260 level of an org's division (from its USCC): province, city or county. */
export const adminLevelOf = (uscc: string): AdminLevel => divisionLevel(divisionOf(uscc));

/** GB/T 2260: whether the org `child` lies inside the division of the org `parent` (both by USCC). */
export const isWithin = (child: string, parent: string): boolean =>
  divisionCovers(divisionOf(parent), divisionOf(child));

/**
 * How completely a resource is documented, 0..1: search ranks well-documented resources higher, and the
 * portal shows the gaps. Weights favour what a user needs before asking for the data.
 */
export function docScore(
  r: Pick<
    Resource,
    | 'description'
    | 'titleEn'
    | 'descriptionEn'
    | 'keywords'
    | 'format'
    | 'spatialCoverage'
    | 'temporalFrom'
    | 'sourceMethod'
    | 'schema'
  >,
): number {
  const parts: [boolean, number][] = [
    [r.description.length >= 60, 0.2],
    [r.schema.length > 0, 0.25],
    [r.keywords.length >= 3, 0.1],
    [!!r.format, 0.05],
    [!!r.spatialCoverage, 0.1],
    [!!r.temporalFrom, 0.1],
    [!!r.sourceMethod, 0.05],
    [!!r.titleEn, 0.05],
    [!!r.descriptionEn, 0.1],
  ];
  return Math.round(parts.reduce((s, [ok, w]) => s + (ok ? w : 0), 0) * 100) / 100;
}
