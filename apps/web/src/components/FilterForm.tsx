import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Space } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

export interface FilterField {
  name: string;
  label: string;
  node: ReactNode;
}

interface Props<V> {
  fields: FilterField[];
  /** The filters in force (from the URL); the form follows them when they change. */
  values: V;
  onSearch: (values: V) => void;
  /**
   * Forms with more fields than this fold away all but the first `visibleCount - 1`, leaving room for the
   * buttons on the first row, like Ant Design Pro's query filter.
   */
  visibleCount?: number;
}

/** The query form above every list: fields in a responsive grid, Search and Reset, fold for long forms. */
export function FilterForm<V extends object>({ fields, values, onSearch, visibleCount = 3 }: Props<V>) {
  const t = useT();
  const [form] = Form.useForm<V>();
  const foldable = fields.length > visibleCount;
  // A filter in force must be visible, so a form opened from a link with a folded filter starts unfolded.
  const [expanded, setExpanded] = useState(() =>
    fields.slice(visibleCount - 1).some((f) => !!(values as Record<string, unknown>)[f.name]),
  );
  const shown = foldable && !expanded ? fields.slice(0, visibleCount - 1) : fields;
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        onFinish={(v) => onSearch(v)}
        data-testid="filter-form"
      >
        <Row gutter={24}>
          {shown.map((f) => (
            <Col key={f.name} xs={24} md={12} xl={8} xxl={6}>
              <Form.Item name={f.name} label={f.label}>
                {f.node}
              </Form.Item>
            </Col>
          ))}
          <Col flex="auto" style={{ textAlign: 'right', marginBottom: 24 }}>
            <Space>
              <Button
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({} as Parameters<typeof form.setFieldsValue>[0]);
                  onSearch({} as V);
                }}
              >
                {t.common.reset}
              </Button>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-search">
                {t.common.search}
              </Button>
              {foldable && (
                <Button type="link" onClick={() => setExpanded((e) => !e)} style={{ paddingInline: 4 }}>
                  {expanded ? t.common.collapse : t.common.expand}
                  {expanded ? <UpOutlined /> : <DownOutlined />}
                </Button>
              )}
            </Space>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
