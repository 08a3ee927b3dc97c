import type { Resource } from '@shuliu/contracts';
import { Flex, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { GradeTag, OpenClassTag, ProcessingTag } from '../../components/CatalogTags';
import { SectorName } from '../../components/SectorSelect';
import { StatusTag } from '../../components/StatusTag';
import type { Messages } from '../../i18n/zh-CN';
import type { CsvColumn } from '../../lib/csv';
import { formatTime } from '../../lib/time';
import { QualityBadge } from '../quality/reports/QualityBadge';

/** How completely a resource is documented, as a small bar (search ranks better-documented ones higher). */
export function DocScore({ value }: { value: number }) {
  const pct = Math.round(value * 100);
  return (
    <Tooltip title={`${pct}%`}>
      <Progress
        percent={pct}
        size="small"
        style={{ width: 96, margin: 0 }}
        status={pct >= 80 ? 'success' : 'normal'}
      />
    </Tooltip>
  );
}

function TitleCell({ r, linkTo }: { r: Resource; linkTo: string }) {
  return (
    <Flex vertical gap={2} style={{ maxWidth: 340 }}>
      <Space size={4} wrap>
        <Link to={linkTo} data-testid={`open-resource-${r.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {r.title}
          </Typography.Text>
        </Link>
        <ProcessingTag value={r.processing} />
        <QualityBadge quality={r.quality} />
      </Space>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 340 }}>
        {r.description}
      </Typography.Text>
      {r.keywords.length > 0 && (
        <div>
          {r.keywords.slice(0, 5).map((k) => (
            <Tag key={k} bordered={false} style={{ fontSize: 11 }}>
              {k}
            </Tag>
          ))}
        </div>
      )}
    </Flex>
  );
}

/** The columns of a resource list; `linkOf` says where a title leads (the portal or the open-data page). */
export function resourceColumns(
  t: Messages,
  linkOf: (r: Resource) => string,
  opts: { status: boolean },
): ColumnsType<Resource> {
  return [
    { key: 'title', title: t.catalog.titleCol, render: (_, r) => <TitleCell r={r} linkTo={linkOf(r)} /> },
    {
      key: 'sector',
      title: t.catalog.sector,
      render: (_, r) => <SectorName code={r.sectorCode} fallback={r.sectorName} />,
    },
    { key: 'grade', title: t.catalog.grade, render: (_, r) => <GradeTag grade={r.grade} /> },
    {
      key: 'openClass',
      title: t.catalog.openClass,
      render: (_, r) => (r.openClass ? <OpenClassTag value={r.openClass} /> : '—'),
    },
    ...(opts.status
      ? [
          {
            key: 'status',
            title: t.catalog.status,
            render: (_: unknown, r: Resource) => <StatusTag status={r.status} />,
          },
        ]
      : []),
    { key: 'owner', title: t.catalog.owner, render: (_, r) => r.ownerOrgName ?? '—' },
    { key: 'format', title: t.catalog.format, render: (_, r) => r.format?.toUpperCase() ?? '—' },
    { key: 'docScore', title: t.catalog.docScore, render: (_, r) => <DocScore value={r.docScore} /> },
    { key: 'version', title: t.catalog.version, render: (_, r) => `v${r.version}` },
    {
      key: 'updatedAt',
      title: t.catalog.updatedAt,
      render: (_, r) => formatTime(r.updatedAt, 'YYYY-MM-DD HH:mm'),
    },
  ];
}

export function resourceCsv(t: Messages): CsvColumn<Resource>[] {
  return [
    { header: 'id', value: (r) => r.id },
    { header: t.catalog.titleCol, value: (r) => r.title },
    { header: t.catalog.sector, value: (r) => r.sectorName ?? r.sectorCode },
    { header: t.catalog.grade, value: (r) => t.grade[r.grade] },
    { header: t.catalog.openClass, value: (r) => (r.openClass ? t.openClass[r.openClass] : '') },
    { header: t.catalog.status, value: (r) => t.status[r.status] },
    { header: t.catalog.owner, value: (r) => r.ownerOrgName },
    { header: t.catalog.docScore, value: (r) => Math.round(r.docScore * 100) },
    { header: t.catalog.updatedAt, value: (r) => formatTime(r.updatedAt) },
  ];
}
