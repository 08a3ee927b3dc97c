import type { CatalogFile, Resource } from '@shuliu/contracts';

/**
 * DCAT 3 (W3C Recommendation 2024) in JSON-LD: the catalog as dcat:Catalog of dcat:Dataset, each with its
 * files as dcat:Distribution. Frequencies and access rights use the EU vocabularies that DCAT-AP names.
 */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  prov: 'http://www.w3.org/ns/prov#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  shuliu: 'https://shuliu.dev/ns#',
};

const EU = 'http://publications.europa.eu/resource/authority';
const FREQUENCY: Record<Resource['updateFrequency'], string> = {
  realtime: `${EU}/frequency/CONT`,
  daily: `${EU}/frequency/DAILY`,
  weekly: `${EU}/frequency/WEEKLY`,
  monthly: `${EU}/frequency/MONTHLY`,
  quarterly: `${EU}/frequency/QUARTERLY`,
  yearly: `${EU}/frequency/ANNUAL`,
  irregular: `${EU}/frequency/IRREG`,
  once: `${EU}/frequency/NEVER`,
};
const ACCESS: Record<string, string> = {
  unconditional: `${EU}/access-right/PUBLIC`,
  conditional: `${EU}/access-right/RESTRICTED`,
  closed: `${EU}/access-right/NON_PUBLIC`,
};
const MEDIA: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  jsonl: 'application/jsonl',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

const text = (zh: string, en: string | null) =>
  en
    ? [
        { '@value': zh, '@language': 'zh' },
        { '@value': en, '@language': 'en' },
      ]
    : { '@value': zh, '@language': 'zh' };
const date = (d: string) => ({ '@value': d, '@type': 'xsd:date' });
const dateTime = (d: string) => ({ '@value': d, '@type': 'xsd:dateTime' });

export function dcatDataset(base: string, r: Resource, files: CatalogFile[]): Record<string, unknown> {
  const self = `${base}/api/catalog/resources/${r.id}`;
  return {
    '@id': self,
    '@type': 'dcat:Dataset',
    'dct:identifier': r.id,
    'dct:title': text(r.title, r.titleEn),
    'dct:description': text(r.description, r.descriptionEn),
    'dcat:keyword': r.keywords,
    'dcat:theme': { '@id': `${base}/api/catalog/sectors#${r.sectorCode}`, 'dct:title': r.sectorName },
    'dct:publisher': {
      '@id': `${base}/api/orgs/${r.ownerOrgId}`,
      '@type': 'foaf:Agent',
      'foaf:name': r.ownerOrgName,
    },
    ...(r.publishedAt && { 'dct:issued': dateTime(r.publishedAt) }),
    'dct:modified': dateTime(r.updatedAt),
    'dct:accrualPeriodicity': { '@id': FREQUENCY[r.updateFrequency] },
    ...(r.openClass && { 'dct:accessRights': { '@id': ACCESS[r.openClass] } }),
    ...(r.spatialCoverage && { 'dct:spatial': r.spatialCoverage }),
    ...((r.temporalFrom || r.temporalTo) && {
      'dct:temporal': {
        '@type': 'dct:PeriodOfTime',
        ...(r.temporalFrom && { 'dcat:startDate': date(r.temporalFrom) }),
        ...(r.temporalTo && { 'dcat:endDate': date(r.temporalTo) }),
      },
    }),
    'dcat:version': String(r.version),
    ...(r.derivedFrom && {
      'prov:wasDerivedFrom': { '@id': `${base}/api/catalog/resources/${r.derivedFrom}` },
    }),
    'shuliu:grade': r.grade,
    'shuliu:subjectType': r.subjectType,
    'shuliu:processing': r.processing,
    'dcat:landingPage': { '@id': `${base}/catalog/resources/${r.id}` },
    'dcat:distribution': files
      .filter((f) => f.role === 'data' && f.status === 'ready')
      .map((f) => ({
        '@id': `${base}/api/catalog/files/${f.id}`,
        '@type': 'dcat:Distribution',
        'dct:title': f.name,
        'dcat:downloadURL': { '@id': `${base}/api/catalog/files/${f.id}/download` },
        ...(MEDIA[f.format] && { 'dcat:mediaType': MEDIA[f.format] }),
        'dcat:byteSize': { '@value': String(f.sizeBytes), '@type': 'xsd:nonNegativeInteger' },
        ...(f.sm3 && { 'shuliu:sm3': f.sm3 }),
        'dct:modified': dateTime(f.updatedAt),
      })),
  };
}

export function dcatCatalog(
  base: string,
  datasets: Record<string, unknown>[],
  page: { page: number; pageSize: number; total: number },
): Record<string, unknown> {
  const url = (p: number) => `${base}/api/catalog/dcat?page=${p}&pageSize=${page.pageSize}`;
  const last = Math.max(1, Math.ceil(page.total / page.pageSize));
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/catalog/dcat`,
    '@type': 'dcat:Catalog',
    'dct:title': text('数流数据资源目录', 'Shuliu data resource catalog'),
    'dct:description': text('已发布并开放的公共数据资源', 'Published open public data resources'),
    'hydra:totalItems': page.total,
    'hydra:view': {
      '@id': url(page.page),
      '@type': 'hydra:PartialCollectionView',
      'hydra:first': url(1),
      'hydra:last': url(last),
      ...(page.page > 1 && { 'hydra:previous': url(page.page - 1) }),
      ...(page.page < last && { 'hydra:next': url(page.page + 1) }),
    },
    'dcat:dataset': datasets,
  };
}
