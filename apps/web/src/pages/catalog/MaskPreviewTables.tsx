import type { MaskPreview } from '@shuliu/contracts';
import { Col, Row, Table, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { ruleText } from './FileProfileView';

type Row = MaskPreview['before'][number];
const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function PreviewTable({
  p,
  rows,
  title,
  testId,
  changed,
}: {
  p: MaskPreview;
  rows: Row[];
  title: string;
  testId: string;
  changed?: (i: number, col: string) => boolean;
}) {
  const t = useT();
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        data-testid={testId}
        columns={p.columns.map((c) => ({
          key: c,
          title: (
            <>
              {c}
              {changed && (
                <div style={{ fontWeight: 400, fontSize: 11, color: '#8c8c8c' }}>
                  {ruleText(t, p.rules[c])}
                </div>
              )}
            </>
          ),
          onCell: (_: Row, i?: number) =>
            ({ 'data-column': c, 'data-changed': !!changed?.(i ?? 0, c) }) as object,
          render: (_: unknown, row: Row, i: number) => {
            const v = show(row[c]);
            if (v === '') return <Typography.Text type="secondary">{t.masking.empty}</Typography.Text>;
            return changed?.(i, c) ? <Typography.Text style={{ color: '#08979c' }}>{v}</Typography.Text> : v;
          },
        }))}
      />
    </>
  );
}

/** The first rows before and after masking, side by side on wide screens; changed cells stand out. */
export function MaskPreviewTables({ p }: { p: MaskPreview }) {
  const t = useT();
  const changed = (i: number, c: string) => show(p.before[i]?.[c]) !== show(p.after[i]?.[c]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={12}>
        <PreviewTable p={p} rows={p.before} title={t.masking.before} testId="preview-before" />
      </Col>
      <Col xs={24} xxl={12}>
        <PreviewTable p={p} rows={p.after} title={t.masking.after} testId="preview-after" changed={changed} />
      </Col>
    </Row>
  );
}
