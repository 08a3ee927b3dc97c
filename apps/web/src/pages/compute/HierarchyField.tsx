import { UploadOutlined } from '@ant-design/icons';
import type { DatasetColumn, ReleasePolicy } from '@shuliu/contracts';
import { Button, Card, Form, Input, Segmented, Space, Typography, Upload } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import {
  bandChain,
  defaultKind,
  isNumeric,
  parseBands,
  parseTable,
  type AnonymizeValues,
  type BandsProblem,
  type HierarchyKind,
  type TableProblem,
} from './anonymize-form';

type A = Messages['compute']['anon'];

export function bandsMessage(a: A, p: BandsProblem): string {
  if (p.problem === 'count') return a.bandsProblem.count;
  if (p.problem === 'number') return a.bandsProblem.number(p.token);
  return a.bandsProblem.multiple(p.width, p.previous);
}

export function tableMessage(a: A, p: TableProblem): string {
  const m = a.tableProblem;
  switch (p.problem) {
    case 'empty':
      return m.empty;
    case 'tooMany':
      return m.tooMany;
    case 'fields':
      return m.fields(p.line, p.count);
    case 'mismatch':
      return m.mismatch(p.line, p.count, p.expected, p.first);
    case 'cell':
      return m.cell(p.line);
    case 'duplicate':
      return m.duplicate(p.line, p.value);
    case 'tree':
      return m.tree(p.line, p.value, p.parents.join(' / '));
  }
}

/** A sample value for the bands' example: inside the policy's declared range when there is one. */
function sampleOf(bands: number[], bounds: { lower: number; upper: number } | undefined) {
  if (bounds) return Math.round(bounds.lower + (bounds.upper - bounds.lower) * 0.37);
  return Math.round(bands.at(-1)! * 1.37);
}

/** One quasi-identifier's hierarchy: interval bands (numbers) or an ARX table pasted or read from a file. */
export function HierarchyField({ column, policy }: { column: DatasetColumn; policy: ReleasePolicy }) {
  const a = useT().compute.anon;
  const form = Form.useFormInstance<AnonymizeValues>();
  const name = column.name;
  const kind = Form.useWatch(['h', name, 'kind'], form) ?? defaultKind(column.type);
  const bands = Form.useWatch(['h', name, 'bands'], form) ?? '';
  const table = Form.useWatch(['h', name, 'table'], form) ?? '';
  const parsedBands = parseBands(bands);
  const parsedTable = parseTable(table);
  const hint =
    kind === 'intervals'
      ? 'bands' in parsedBands &&
        a.example(bandChain(sampleOf(parsedBands.bands, policy.bounds[name]), parsedBands.bands).join(' → '))
      : 'rows' in parsedTable && a.tableParsed(parsedTable.rows.length, parsedTable.rows[0]!.length);
  const readFile = (file: File) => {
    void file.text().then((text) => {
      form.setFieldValue(['h', name, 'table'], text);
      void form.validateFields([['h', name, 'table']]).catch(() => undefined);
    });
    return false;
  };
  return (
    <Card
      size="small"
      type="inner"
      title={<Typography.Text code>{name}</Typography.Text>}
      style={{ marginBottom: 12 }}
      data-testid={`anon-qi-${name}`}
      extra={
        <Form.Item name={['h', name, 'kind']} initialValue={defaultKind(column.type)} noStyle>
          <Segmented<HierarchyKind>
            size="small"
            options={(isNumeric(column.type) ? (['intervals', 'table'] as const) : (['table'] as const)).map(
              (k) => ({ value: k, label: a.kind[k] }),
            )}
          />
        </Form.Item>
      }
    >
      {kind === 'intervals' ? (
        <Form.Item
          name={['h', name, 'bands']}
          label={a.bands}
          extra={<HelpWithHint help={a.bandsHelp} hint={hint} />}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                const r = parseBands(v ?? '');
                if (!('bands' in r)) throw new Error(bandsMessage(a, r));
              },
            },
          ]}
        >
          <Input placeholder="50, 100, 200" data-testid={`anon-bands-${name}`} />
        </Form.Item>
      ) : (
        <Form.Item
          name={['h', name, 'table']}
          label={
            <Space>
              {a.table}
              <Upload accept=".csv,.txt" showUploadList={false} beforeUpload={readFile}>
                <Button size="small" icon={<UploadOutlined />}>
                  {a.loadFile}
                </Button>
              </Upload>
            </Space>
          }
          extra={<HelpWithHint help={a.tableHelp} hint={hint} />}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                const r = parseTable(v ?? '');
                if (!('rows' in r)) throw new Error(tableMessage(a, r));
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder={a.tablePlaceholder}
            style={{ fontFamily: 'monospace' }}
            data-testid={`anon-table-${name}`}
          />
        </Form.Item>
      )}
    </Card>
  );
}

function HelpWithHint({ help, hint }: { help: string; hint: string | false }) {
  return (
    <>
      <div>{help}</div>
      {hint && (
        <Typography.Text type="success" data-testid="anon-hint">
          {hint}
        </Typography.Text>
      )}
    </>
  );
}
