import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PiCategory, ScenarioFieldInput } from '@shuliu/contracts';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Switch, Tooltip, Typography } from 'antd';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import { zodRule } from '../../../lib/zod-form';
import { isSensitive, unjustified } from './scenario-rules';

export interface FieldValues {
  name?: string;
  label?: string;
  category?: PiCategory;
  required?: boolean;
  justification?: string;
}

export const NEW_FIELD: FieldValues = { category: 'basic', required: true, justification: '' };

/** What the review will make of a field, said while it is being written. */
function FieldHints({ f }: { f: FieldValues | undefined }) {
  const c = useT().consentScenarios;
  if (!f) return null;
  const hints: { type: 'warning' | 'info'; text: string; key: string }[] = [];
  if (unjustified(f)) hints.push({ type: 'warning', text: c.justificationMissing, key: 'justification' });
  if (f.category === 'biometric') hints.push({ type: 'warning', text: c.biometricHint, key: 'biometric' });
  else if (f.category && isSensitive(f.category))
    hints.push({ type: 'info', text: c.sensitiveHint, key: 'sensitive' });
  return (
    <Flex vertical gap={4}>
      {hints.map((h) => (
        <Alert key={h.key} type={h.type} showIcon title={h.text} data-hint={h.key} />
      ))}
    </Flex>
  );
}

/**
 * The fields a scenario collects (Form.List `fields`): snake_case name, label, PI category (sensitive ones
 * flagged), whether the basic function needs it, and why the purpose needs it.
 */
export function ScenarioFieldsEditor() {
  const t = useT();
  const c = t.consentScenarios;
  const form = Form.useFormInstance();
  const watched = Form.useWatch('fields', form) as FieldValues[] | undefined;
  const categories = PiCategory.options.map((k) => ({
    value: k,
    label: `${enumLabel(t.consentPerson.category, k)}${isSensitive(k) ? ` · ${c.sensitive}` : ''}`,
  }));
  return (
    <Form.List
      name="fields"
      rules={[
        {
          validator: async (_, v: unknown[] | undefined) => {
            if (!v || v.length === 0) throw new Error(t.validation.minItems(1));
          },
        },
      ]}
    >
      {(items, { add, remove }, { errors }) => (
        <Flex vertical gap={12} data-testid="scenario-fields">
          {items.map(({ key, name }) => (
            <Card key={key} size="small" data-testid={`field-${name}`}>
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[name, 'name']}
                    label={c.fieldName}
                    rules={[
                      { required: true, message: t.validation.required },
                      zodRule(ScenarioFieldInput.shape.name, t, c.fieldNameInvalid),
                      ({ getFieldValue }) => ({
                        validator: async (_, value: string | undefined) => {
                          const all = (getFieldValue('fields') ?? []) as FieldValues[];
                          if (value && all.filter((f) => f?.name === value).length > 1)
                            throw new Error(c.fieldNameDuplicate);
                        },
                      }),
                    ]}
                  >
                    <Input
                      maxLength={64}
                      placeholder={c.fieldNamePlaceholder}
                      data-testid={`field-${name}-name`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[name, 'label']}
                    label={c.fieldLabel}
                    rules={[
                      { required: true, whitespace: true, message: t.validation.required },
                      zodRule(ScenarioFieldInput.shape.label, t),
                    ]}
                  >
                    <Input maxLength={100} data-testid={`field-${name}-label`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[name, 'category']}
                    label={c.fieldCategory}
                    rules={[{ required: true, message: t.validation.required }]}
                  >
                    <Select options={categories} data-testid={`field-${name}-category`} />
                  </Form.Item>
                </Col>
                <Col xs={18} md={4}>
                  <Form.Item name={[name, 'required']} label={c.fieldRequired} valuePropName="checked">
                    <Switch data-testid={`field-${name}-required`} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={2} style={{ textAlign: 'right' }}>
                  <Form.Item label=" " colon={false}>
                    <Tooltip title={c.removeField}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={c.removeField}
                        disabled={items.length === 1}
                        onClick={() => remove(name)}
                        data-testid={`field-${name}-remove`}
                      />
                    </Tooltip>
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item
                    name={[name, 'justification']}
                    label={c.justification}
                    rules={[zodRule(ScenarioFieldInput.shape.justification, t)]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input.TextArea
                      rows={1}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                      placeholder={c.justificationPlaceholder}
                      data-testid={`field-${name}-justification`}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <FieldHints f={watched?.[name]} />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ ...NEW_FIELD })}
            data-testid="field-add"
          >
            {c.addField}
          </Button>
          <Typography.Text type="secondary">{c.fieldsHelp}</Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}
