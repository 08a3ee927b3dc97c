import { CreateResourceBody, OpenClass, SourceKind, SubjectType, UpdateFrequency } from '@shuliu/contracts';
import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { SectorSelect } from '../../components/SectorSelect';
import { useT } from '../../i18n/I18nProvider';
import { dayjs } from '../../lib/time';
import { zodRule } from '../../lib/zod-form';

const s = CreateResourceBody.shape;

/** A date field kept as `YYYY-MM-DD` in the form values, as the contract takes it. */
const dayProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** The fields of a resource's description, grouped as a cataloguer fills them in. */
export function ResourceFormFields({ editing }: { editing: boolean }) {
  const t = useT();
  const f = t.resource;
  const required: Rule = { required: true, whitespace: true, message: t.validation.required };
  const subject = Form.useWatch<string | undefined>('subjectType');
  const sourceKind = Form.useWatch<string | undefined>('sourceKind');
  const col = (span: number, node: ReactNode) => (
    <Col xs={24} md={span}>
      {node}
    </Col>
  );
  return (
    <>
      <Card title={t.resourceForm.basic} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {col(
            12,
            <Form.Item name="title" label={f.title} rules={[required, zodRule(s.title, t)]}>
              <Input maxLength={120} showCount data-testid="resource-title-input" />
            </Form.Item>,
          )}
          {col(
            12,
            <Form.Item name="titleEn" label={f.titleEn} rules={[zodRule(s.titleEn, t)]}>
              <Input maxLength={200} />
            </Form.Item>,
          )}
          {col(
            24,
            <Form.Item name="description" label={f.description} rules={[required, zodRule(s.description, t)]}>
              <Input.TextArea rows={4} maxLength={4000} showCount data-testid="resource-description-input" />
            </Form.Item>,
          )}
          {col(
            24,
            <Form.Item name="descriptionEn" label={f.descriptionEn} rules={[zodRule(s.descriptionEn, t)]}>
              <Input.TextArea rows={2} maxLength={8000} />
            </Form.Item>,
          )}
          {col(
            12,
            <Form.Item
              name="sectorCode"
              label={f.sector}
              rules={[{ required: true, message: t.validation.required }]}
            >
              <SectorSelect placeholder={t.resourceForm.sectorPlaceholder} testId="resource-sector-input" />
            </Form.Item>,
          )}
          {col(
            12,
            <Form.Item
              name="keywords"
              label={f.keywords}
              extra={t.resourceForm.keywordsHelp}
              rules={[zodRule(s.keywords, t)]}
            >
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', ' ']}
                maxCount={20}
                data-testid="resource-keywords-input"
              />
            </Form.Item>,
          )}
        </Row>
      </Card>
      <Card title={t.resourceForm.source} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {col(
            8,
            <Form.Item
              name="subjectType"
              label={f.subjectType}
              rules={[{ required: true, message: t.validation.required }]}
            >
              <Select
                options={SubjectType.options.map((v) => ({ value: v, label: t.subjectType[v] }))}
                data-testid="resource-subject-input"
              />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item
              name="sourceKind"
              label={f.sourceKind}
              rules={[{ required: true, message: t.validation.required }]}
            >
              <Select
                options={SourceKind.options.map((v) => ({ value: v, label: t.sourceKind[v] }))}
                data-testid="resource-source-input"
              />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item
              name="updateFrequency"
              label={f.updateFrequency}
              rules={[{ required: true, message: t.validation.required }]}
            >
              <Select
                options={UpdateFrequency.options.map((v) => ({ value: v, label: t.updateFrequency[v] }))}
                data-testid="resource-frequency-input"
              />
            </Form.Item>,
          )}
          {col(
            24,
            <Form.Item
              name="sourceMethod"
              label={f.sourceMethod}
              extra={t.resourceForm.sourceMethodHelp}
              rules={[...(sourceKind === 'collected' ? [required] : []), zodRule(s.sourceMethod, t)]}
            >
              <Input maxLength={500} data-testid="resource-method-input" />
            </Form.Item>,
          )}
        </Row>
      </Card>
      <Card title={t.resourceForm.scope} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {col(
            8,
            <Form.Item name="format" label={f.format} rules={[zodRule(s.format, t)]}>
              <Input maxLength={40} placeholder="CSV" />
            </Form.Item>,
          )}
          {col(
            16,
            <Form.Item
              name="spatialCoverage"
              label={f.spatialCoverage}
              rules={[zodRule(s.spatialCoverage, t)]}
            >
              <Input maxLength={200} placeholder={t.org.regionPlaceholder} />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="temporalFrom" label={f.temporalFrom} {...dayProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="temporalTo" label={f.temporalTo} {...dayProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>,
          )}
          {col(
            8,
            <Form.Item name="openClass" label={f.openClass} extra={t.resourceForm.openClassHelp}>
              <Select
                allowClear
                disabled={subject !== 'public'}
                options={OpenClass.options.map((v) => ({ value: v, label: t.openClass[v] }))}
                data-testid="resource-open-input"
              />
            </Form.Item>,
          )}
          {editing &&
            col(
              24,
              <Form.Item name="note" label={t.resourceForm.note} extra={t.resourceForm.noteHelp}>
                <Input maxLength={500} data-testid="resource-note-input" />
              </Form.Item>,
            )}
        </Row>
      </Card>
    </>
  );
}
