import { clearIdentifierColumns } from '@shuliu/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName, orgRegion, orgUscc } from '../identity/index.js';
import { qualifiedRef } from '../shared/sql.js';

type Executor = Kysely<DB>;

/*
 * How other domains read the catalog's tables: the one way they may (lint rule shuliu/domain-tables), in the
 * manner of identity.reads.ts — expressions for inside the caller's own query, and plain lookups.
 */

/** The title of the resource whose id is in `ref` (qualified by its table or alias, see qualifiedRef). */
export const resourceTitle = (ref: string) =>
  sql<string | null>`(select ca_r.title from catalog_resources ca_r where ca_r.id = ${qualifiedRef(ref)})`;

/** The codes of a sector and of every sector below it, as a subquery (`in (…)`). */
export const sectorAndBelow = (code: string) =>
  sql<string>`(with recursive ca_sub(code) as (select ${code}::text union select ca_s.code from catalog_sectors ca_s join ca_sub on ca_s.parent_code = ca_sub.code) select code from ca_sub)`;

/** The ids of the resources catalogued in a sector or any sector below it, as a subquery (`in (…)`). */
export const resourcesUnderSector = (code: string) =>
  sql<string>`(select ca_r.id from catalog_resources ca_r where ca_r.sector_code in ${sectorAndBelow(code)})`;

/**
 * Of these resources, those about persons: what a deal needs their consent for. Subject type 个人, or — what the
 * data holds deciding, not a label — ID card numbers found in its columns or, for a derivative that masked
 * them, in its source's.
 */
export const resourcesAboutPersons = async (db: Executor, ids: string[]) =>
  ids.length
    ? (
        await db
          .selectFrom('catalog_resources as r')
          .select('r.id')
          .where('r.id', 'in', ids)
          .where((w) =>
            w.or([
              w('r.subject_type', '=', 'personal'),
              w.exists(
                sql`(select 1 from catalog_resources ca_s, jsonb_array_elements(ca_s.schema) ca_c
                      where ca_s.id in (r.id, r.derived_from) and ca_c->'pii'->>'kind' = 'idCard')`,
              ),
            ]),
          )
          .execute()
      ).map((r) => r.id)
    : [];

/**
 * The kinds of identifier detected in a resource's columns or, for a derivative that masked them, in its
 * source's: what personal information the data is about (see `categoriesHeld`).
 */
export async function identifierKindsOf(db: Executor, resourceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('catalog_resources as r')
    .leftJoin('catalog_resources as s', 's.id', 'r.derived_from')
    .select(['r.schema', 's.schema as source_schema'])
    .where('r.id', '=', resourceId)
    .execute();
  const kinds = rows.flatMap((r) =>
    [...schemaOf(r.schema), ...(r.source_schema ? schemaOf(r.source_schema) : [])].map(
      (c) => (c.pii as { kind?: string } | null)?.kind,
    ),
  );
  return [...new Set(kinds.filter((k): k is string => !!k))].sort();
}

/** The owning org of each of these resources that exists (a missing id is left out). */
export const resourceOwners = async (db: Executor, ids: string[]) =>
  new Map(
    ids.length
      ? (
          await db
            .selectFrom('catalog_resources')
            .select(['id', 'owner_org_id'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.owner_org_id])
      : [],
  );

/** An org's published resources, oldest first, with what decides whether they may leave it (PIPL Art. 23). */
export const publishedResourcesOf = (db: Executor, ownerOrgId: string) =>
  db
    .selectFrom('catalog_resources')
    .select(['id', 'title', 'grade', 'subject_type', 'processing', 'schema'])
    .where('owner_org_id', '=', ownerOrgId)
    .where('status', '=', 'published')
    .orderBy('created_at')
    .execute();

/** A de-identified data file a resource is delivered as, and the masked resource it belongs to. */
export interface DeidentifiedFile {
  resourceId: string;
  resourceTitle: string;
  fileId: string;
  name: string;
  format: string;
  blobKey: string;
  /** The source's ID card column the file's subject map comes from; null when it has none (see subject-map). */
  subjectColumn: string | null;
}

/**
 * GB/T 37964-2019: what a resource is handed to another org as — never its raw file, only a de-identified one.
 * The resource's own newest ready data file when it is itself a masked derivative, else that of its newest
 * masked derivative (not retired); a derivative whose columns still hold identifiers in the clear (rules that
 * kept them) is as raw as its source and does not count. Null when there is none.
 */
export async function deidentifiedFileOf(db: Executor, resourceId: string): Promise<DeidentifiedFile | null> {
  const candidates = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_files as f', 'f.resource_id', 'r.id')
    .select([
      'r.id as resource_id',
      'r.title',
      'r.schema',
      'f.id',
      'f.name',
      'f.format',
      'f.blob_key',
      'f.subject_column',
    ])
    .where((w) => w.or([w('r.id', '=', resourceId), w('r.derived_from', '=', resourceId)]))
    .where('r.processing', '=', 'masked')
    .where('r.status', '<>', 'retired')
    .where('f.role', '=', 'data')
    .where('f.status', '=', 'ready')
    // the resource itself first (it is the derivative), then the newest derivative and file
    .orderBy(sql`r.id = ${resourceId}`, 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('f.created_at', 'desc')
    .execute();
  const found = candidates.find((c) => !clearIdentifierColumns(schemaOf(c.schema)).length);
  return found
    ? {
        resourceId: found.resource_id,
        resourceTitle: found.title,
        fileId: found.id,
        name: found.name,
        format: found.format,
        blobKey: found.blob_key,
        subjectColumn: found.subject_column,
      }
    : null;
}

/** A de-identified file found before (by `deidentifiedFileOf`), by its id: null once it is gone. */
export async function deidentifiedFileById(db: Executor, fileId: string): Promise<DeidentifiedFile | null> {
  const f = await db
    .selectFrom('catalog_files as f')
    .innerJoin('catalog_resources as r', 'r.id', 'f.resource_id')
    .select(['r.id as resource_id', 'r.title', 'f.name', 'f.format', 'f.blob_key', 'f.subject_column'])
    .where('f.id', '=', fileId)
    .where('r.processing', '=', 'masked')
    .where('f.status', '=', 'ready')
    .executeTakeFirst();
  return f
    ? {
        resourceId: f.resource_id,
        resourceTitle: f.title,
        fileId,
        name: f.name,
        format: f.format,
        blobKey: f.blob_key,
        subjectColumn: f.subject_column,
      }
    : null;
}

/** A resource's newest ready data file (what its quality is measured on), or null when it has none. */
export const newestReadyDataFile = async (db: Executor, resourceId: string) =>
  (await db
    .selectFrom('catalog_files')
    .select(['id', 'name', 'format', 'blob_key', 'size_bytes', 'updated_at'])
    .where('resource_id', '=', resourceId)
    .where('role', '=', 'data')
    .where('status', '=', 'ready')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()) ?? null;

const schemaOf = (s: unknown) =>
  (typeof s === 'string' ? JSON.parse(s) : s) as Parameters<typeof clearIdentifierColumns>[0];

/** Resources and ready data volumes of one (sector, grade, subject type, owner org) cell. */
export interface SurveyCell {
  sector_code: string;
  sector_name: string | null;
  grade: string;
  subject_type: string;
  org_id: string;
  org_name: string | null;
  uscc: string | null;
  region: string | null;
  resources: number;
  published: number;
  files: number;
  rows: number;
  bytes: number;
}

/**
 * Every catalogued (not retired) resource, folded into cells; volumes are the rows and bytes of its ready
 * data files. The service folds cells further into each dimension, so the catalog is read once.
 */
export const surveyCells = async (db: Executor) =>
  (
    await sql<SurveyCell>`
        with f as (
          select resource_id, count(*)::int as files, coalesce(sum(row_count), 0)::float8 as rows,
                 coalesce(sum(size_bytes), 0)::float8 as bytes
          from catalog_files where role = 'data' and status = 'ready' group by resource_id
        )
        select r.sector_code, s.name as sector_name, r.grade, r.subject_type, r.owner_org_id as org_id,
               ${orgName('r.owner_org_id')} as org_name, ${orgUscc('r.owner_org_id')} as uscc,
               ${orgRegion('r.owner_org_id')} as region,
               count(*)::int as resources,
               count(*) filter (where r.status = 'published')::int as published,
               coalesce(sum(f.files), 0)::int as files,
               coalesce(sum(f.rows), 0)::float8 as rows,
               coalesce(sum(f.bytes), 0)::float8 as bytes
        from catalog_resources r
        left join f on f.resource_id = r.id
        left join catalog_sectors s on s.code = r.sector_code
        where r.status <> 'retired'
        group by r.sector_code, s.name, r.grade, r.subject_type, r.owner_org_id`.execute(db)
  ).rows;
