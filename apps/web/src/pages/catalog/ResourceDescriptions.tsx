import type { Resource } from '@shuliu/contracts';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { GradeTag, OpenClassTag } from '../../components/CatalogTags';
import { SectorName } from '../../components/SectorSelect';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { formatDate, formatTime } from '../../lib/time';
import { DocScore } from './resource-columns';

const filled = 'filled' as const;

/** A resource's description as catalogued (名称、描述、来源、范围、分级、开放属性…). */
export function ResourceDescriptions({ r, linkOf }: { r: Resource; linkOf?: (id: string) => string }) {
  const t = useT();
  const f = t.resource;
  const period =
    r.temporalFrom || r.temporalTo ? `${formatDate(r.temporalFrom)} ~ ${formatDate(r.temporalTo)}` : '—';
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="resource-descriptions"
      items={[
        { key: 'title', label: f.title, children: r.title, span: filled },
        ...(r.titleEn ? [{ key: 'titleEn', label: f.titleEn, children: r.titleEn, span: filled }] : []),
        {
          key: 'description',
          label: f.description,
          children: (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {r.description}
            </Typography.Paragraph>
          ),
          span: filled,
        },
        ...(r.descriptionEn
          ? [{ key: 'descriptionEn', label: f.descriptionEn, children: r.descriptionEn, span: filled }]
          : []),
        {
          key: 'id',
          label: f.id,
          children: (
            <Typography.Text copyable code>
              {r.id}
            </Typography.Text>
          ),
        },
        { key: 'owner', label: f.owner, children: r.ownerOrgName ?? r.ownerOrgId },
        {
          key: 'sector',
          label: f.sector,
          children: <SectorName code={r.sectorCode} fallback={r.sectorName} />,
        },
        { key: 'subject', label: f.subjectType, children: enumLabel(t.subjectType, r.subjectType) },
        { key: 'sourceKind', label: f.sourceKind, children: enumLabel(t.sourceKind, r.sourceKind) },
        { key: 'sourceMethod', label: f.sourceMethod, children: r.sourceMethod ?? '—' },
        { key: 'freq', label: f.updateFrequency, children: enumLabel(t.updateFrequency, r.updateFrequency) },
        { key: 'format', label: f.format, children: r.format?.toUpperCase() ?? '—' },
        { key: 'spatial', label: f.spatialCoverage, children: r.spatialCoverage ?? '—' },
        { key: 'period', label: f.temporal, children: period },
        {
          key: 'keywords',
          label: f.keywords,
          span: filled,
          children: r.keywords.length ? r.keywords.map((k) => <Tag key={k}>{k}</Tag>) : '—',
        },
        {
          key: 'grade',
          label: f.grade,
          children: (
            <Space size={4} wrap>
              <GradeTag grade={r.grade} testId="resource-grade" />
              {r.manualGrade && (
                <Typography.Text type="secondary">
                  ({f.computedGrade}: {t.grade[r.computedGrade]})
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'open',
          label: f.openClass,
          children: r.openClass ? <OpenClassTag value={r.openClass} /> : '—',
        },
        { key: 'status', label: f.status, children: <StatusTag status={r.status} /> },
        { key: 'version', label: f.version, children: `v${r.version}` },
        { key: 'processing', label: f.processing, children: enumLabel(t.processing, r.processing) },
        {
          key: 'derivedFrom',
          label: f.derivedFrom,
          children: r.derivedFrom ? (
            <Link to={linkOf?.(r.derivedFrom) ?? `/catalog/resources/${r.derivedFrom}`}>{r.derivedFrom}</Link>
          ) : (
            '—'
          ),
        },
        { key: 'doc', label: f.docScore, children: <DocScore value={r.docScore} /> },
        { key: 'created', label: f.createdAt, children: formatTime(r.createdAt) },
        { key: 'updated', label: f.updatedAt, children: formatTime(r.updatedAt) },
        { key: 'published', label: f.publishedAt, children: formatTime(r.publishedAt) },
        ...(r.retiredAt ? [{ key: 'retired', label: f.retiredAt, children: formatTime(r.retiredAt) }] : []),
      ]}
    />
  );
}
