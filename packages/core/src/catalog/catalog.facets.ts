import type { ResourceSearchReply } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgsByIds } from '../identity/index.js';
import { sectorsRepository } from './sectors.repository.js';

type Facets = ResourceSearchReply['facets'];

/** Turns the facet count rows into sorted buckets, naming sectors and organizations. */
export async function buildFacets(
  db: Kysely<DB>,
  rows: { facet: string; value: string | null; n: number }[],
): Promise<{ total: number; facets: Facets }> {
  const facets: Facets = { sector: [], grade: [], openClass: [], org: [], format: [] };
  let total = 0;
  for (const r of rows) {
    if (r.facet === 'total') total = Number(r.n);
    else if (r.value !== null)
      facets[r.facet as keyof Facets].push({ value: r.value, label: null, count: Number(r.n) });
  }
  const orgs = new Map(
    (
      await orgsByIds(
        db,
        facets.org.map((b) => b.value),
      )
    ).map((o) => [o.id, o.name]),
  );
  const sectors = new Map((await sectorsRepository.names(db)).map((s) => [s.code, s.name]));
  for (const b of facets.org) b.label = orgs.get(b.value) ?? null;
  for (const b of facets.sector) b.label = sectors.get(b.value) ?? null;
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.org = facets.org.slice(0, 20);
  return { total, facets };
}
