import type {
  CatalogFile,
  FileProfile,
  Grade,
  OpenClass,
  Processing,
  Resource,
  ResourceColumn,
  ResourceStatus,
  SourceKind,
  SubjectType,
  UpdateFrequency,
} from '@shuliu/contracts';
import type { Selectable } from 'kysely';
import type { ResourceRow } from './catalog.repository.js';
import type { CatalogFilesTable } from './catalog.tables.js';
import { iso } from '../shared/iso.js';

const day = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export const toResource = (r: ResourceRow): Resource => ({
  id: r.id,
  ownerOrgId: r.owner_org_id,
  ownerOrgName: r.owner_org_name,
  title: r.title,
  titleEn: r.title_en,
  description: r.description,
  descriptionEn: r.description_en,
  sectorCode: r.sector_code,
  sectorName: r.sector_name,
  subjectType: r.subject_type as SubjectType,
  sourceKind: r.source_kind as SourceKind,
  sourceMethod: r.source_method,
  updateFrequency: r.update_frequency as UpdateFrequency,
  format: r.format,
  spatialCoverage: r.spatial_coverage,
  temporalFrom: day(r.temporal_from),
  temporalTo: day(r.temporal_to),
  keywords: r.keywords,
  schema: parsed<ResourceColumn[]>(r.schema),
  computedGrade: r.computed_grade as Grade,
  manualGrade: r.manual_grade as Grade | null,
  grade: r.grade as Grade,
  openClass: r.open_class as OpenClass | null,
  status: r.status as ResourceStatus,
  version: r.version,
  derivedFrom: r.derived_from,
  processing: r.processing as Processing,
  docScore: Number(r.doc_score),
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
  publishedAt: iso(r.published_at),
  retiredAt: iso(r.retired_at),
});

export const toCatalogFile = (f: Selectable<CatalogFilesTable>): CatalogFile => ({
  id: f.id,
  resourceId: f.resource_id,
  role: f.role,
  name: f.name,
  format: f.format,
  sizeBytes: Number(f.size_bytes),
  sm3: f.sm3,
  status: f.status,
  progress: Number(f.progress),
  rowCount: f.row_count === null ? null : Number(f.row_count),
  profile: f.profile === null ? null : parsed<FileProfile>(f.profile),
  error: f.error,
  errorCode: f.error_code,
  createdAt: iso(f.created_at)!,
  updatedAt: iso(f.updated_at)!,
});
