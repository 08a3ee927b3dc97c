import type { CatalogFile, ColumnProfile } from '@shuliu/contracts';
import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { GradeTag, PiiTag } from '../../components/CatalogTags';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import { formatCount, formatPercent } from '../../lib/format';

/** A masking rule in a few words: `遮盖 · 身份证号 1+2`. */
export function ruleText(t: Messages, rule: Record<string, unknown> | null | undefined): string {
  if (!rule) return '—';
  const strategy = enumLabel(t.maskStrategy, String(rule.strategy));
  const format = typeof rule.format === 'string' ? ` · ${enumLabel(t.maskFormat, rule.format)}` : '';
  const keep = typeof rule.keep === 'string' ? ` ${rule.keep}` : '';
  return `${strategy}${format}${keep}`;
}

const cell = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

function SampleTable({ file }: { file: CatalogFile }) {
  const t = useT();
  const p = file.profile!;
  if (p.sample.length === 0)
    return <Typography.Text type="secondary">{t.files.sampleHidden}</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={p.sample}
      data-testid="profile-sample"
      columns={p.columns.map((c) => ({
        key: c.name,
        title: c.name,
        render: (_: unknown, row) => cell(row[c.name]),
      }))}
    />
  );
}

/** 数据画像: rows, encoding, per-column statistics, detected personal information and suggested grades. */
export function FileProfileView({ file }: { file: CatalogFile }) {
  const t = useT();
  const p = file.profile;
  if (!p) return null;
  return (
    <Card title={t.files.profileTitle(file.name)} style={{ marginTop: 16 }} data-testid="file-profile">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'rows', label: t.files.rows, children: formatCount(p.rows) },
          { key: 'encoding', label: t.files.encoding, children: p.encoding ?? '—' },
          {
            key: 'grade',
            label: t.files.datasetGrade,
            children: <GradeTag grade={p.datasetGrade} testId="profile-dataset-grade" />,
          },
        ]}
      />
      <Table<ColumnProfile>
        size="small"
        rowKey="name"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={p.columns}
        style={{ marginBottom: 16 }}
        data-testid="profile-columns"
        onRow={(c) => ({ 'data-column': c.name, 'data-pii': c.pii?.kind ?? '' }) as object}
        columns={[
          {
            key: 'name',
            title: t.schema.column,
            render: (_, c) => <Typography.Text code>{c.name}</Typography.Text>,
          },
          { key: 'type', title: t.schema.type, dataIndex: 'type' },
          {
            key: 'null',
            title: t.files.nullRate,
            align: 'right',
            render: (_, c) => formatPercent(c.nullRate),
          },
          {
            key: 'distinct',
            title: t.files.distinct,
            align: 'right',
            render: (_, c) => formatCount(c.distinct),
          },
          { key: 'min', title: t.files.min, render: (_, c) => cell(c.min) },
          { key: 'max', title: t.files.max, render: (_, c) => cell(c.max) },
          {
            key: 'pii',
            title: t.schema.pii,
            render: (_, c) => <PiiTag pii={c.pii} sensitive={c.sensitive} />,
          },
          {
            key: 'sensitive',
            title: t.files.sensitive,
            render: (_, c) => (c.sensitive ? <Tag color="magenta">{t.common.yes}</Tag> : t.common.no),
          },
          {
            key: 'grade',
            title: t.files.suggestedGrade,
            render: (_, c) => <GradeTag grade={c.suggestedGrade} />,
          },
          { key: 'rule', title: t.files.defaultRule, render: (_, c) => ruleText(t, c.defaultRule) },
        ]}
      />
      <Typography.Title level={5}>{t.files.sample}</Typography.Title>
      <SampleTable file={file} />
    </Card>
  );
}
