import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  describePolicy,
  ORG_TYPES,
  POLICY_ACTIONS,
  validatePolicy,
  type PolicyValidation,
} from '@shuliu/contracts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Row,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { divisionOptions, divisionProblem, usePolicyLabels } from './market-parts';
import { toPolicyJson, type PolicyForm } from './policy-form';

const USAGE_ACTIONS = POLICY_ACTIONS.filter(
  (a) => !['compensate', 'attribute', 'inform', 'obtainConsent'].includes(a),
);

export type PolicyMode = 'builder' | 'json';

/** The policy the form holds as JSON, or why it is not JSON at all. */
export function policyJsonOf(mode: PolicyMode, built: PolicyForm | undefined, text: string | undefined) {
  if (mode === 'builder') return built ? toPolicyJson(built) : null;
  try {
    return JSON.parse(text ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** validatePolicy as the server runs it: the seller's offer on this product (assigner and target filled in). */
export function checkPolicyJson(
  json: Record<string, unknown>,
  orgId: string,
  productId: string,
): PolicyValidation {
  return validatePolicy({ ...json, assigner: orgId, target: productId });
}

function PermissionFields({ name, onRemove }: { name: number; onRemove?: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const m = t.market;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Form.Item name={[name, 'action']} noStyle>
          <Select
            style={{ width: 200 }}
            options={USAGE_ACTIONS.map((a) => ({ value: a, label: m.policyAction[a] }))}
            data-testid={`perm-${name}-action`}
          />
        </Form.Item>
      }
      extra={onRemove && <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} />}
      data-testid={`perm-${name}`}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'purposes']} label={m.purposes}>
            <Select
              mode="tags"
              options={Object.entries(m.purposeSuggest).map(([value, label]) => ({ value, label }))}
              data-testid={`perm-${name}-purposes`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'regions']}
            label={m.regions}
            extra={m.regionsHelp}
            rules={[
              {
                validator: async (_r, v?: string[]) => {
                  for (const code of v ?? []) {
                    const why = divisionProblem(code);
                    if (why) throw new Error(m.divisionInvalid(code, why));
                  }
                },
              },
            ]}
          >
            <Select mode="tags" options={divisionOptions(lang)} data-testid={`perm-${name}-regions`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'until']} label={m.until}>
            <DatePicker style={{ width: '100%' }} data-testid={`perm-${name}-until`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'maxCount']} label={m.maxCount}>
            <InputNumber
              min={1}
              max={1e12}
              precision={0}
              style={{ width: '100%' }}
              data-testid={`perm-${name}-count`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'deleteAfterDays']} label={m.deleteAfter} extra={m.deleteAfterHelp}>
            <InputNumber
              min={1}
              max={3650}
              precision={0}
              style={{ width: '100%' }}
              data-testid={`perm-${name}-delete`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[name, 'orgTypes']} label={m.orgTypes}>
            <Select mode="multiple" options={ORG_TYPES.map((o) => ({ value: o, label: t.orgType[o] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'attribute']} valuePropName="checked" label=" ">
            <Checkbox>{m.attribute}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Live preview: the policy in plain words, or validatePolicy's issues each naming its path. */
function PolicyPreview({ validation }: { validation: PolicyValidation | 'unparsable' | null }) {
  const t = useT();
  const { lang } = useI18n();
  const labels = usePolicyLabels();
  if (validation === null) return <Typography.Text type="secondary">{t.market.previewEmpty}</Typography.Text>;
  if (validation === 'unparsable')
    return <Alert type="error" showIcon title={t.market.policyInvalid} data-testid="policy-issues" />;
  if (!validation.ok)
    return (
      <Alert
        type="error"
        showIcon
        title={t.market.policyIssues}
        data-testid="policy-issues"
        description={
          <List
            size="small"
            dataSource={validation.issues}
            renderItem={(i) => (
              <List.Item>
                <Typography.Text code>{i.path || 'policy'}</Typography.Text> {i.message}
              </List.Item>
            )}
          />
        }
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      title={t.market.policyOk}
      description={
        <span data-testid="policy-preview">{describePolicy(validation.policy, lang, labels)}</span>
      }
    />
  );
}

/** Step 3: permissions with their constraints and duties, prohibitions, a live preview in plain words. */
export function PolicyBuilder({
  form,
  orgId,
  productId,
}: {
  form: FormInstance;
  orgId: string;
  productId: string;
}) {
  const t = useT();
  const m = t.market;
  const mode = (Form.useWatch('policyMode', form) as PolicyMode | undefined) ?? 'builder';
  const built = Form.useWatch('policy', { form, preserve: true }) as PolicyForm | undefined;
  const text = Form.useWatch('policyJson', form) as string | undefined;
  const json = policyJsonOf(mode, built, text);
  const validation =
    json === undefined ? 'unparsable' : json === null ? null : checkPolicyJson(json, orgId, productId);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Form.Item name="policyMode" style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'builder', label: m.policy },
              { value: 'json', label: 'JSON-LD' },
            ]}
            onChange={(e) => {
              if (e.target.value === 'json' && built)
                form.setFieldValue('policyJson', JSON.stringify(toPolicyJson(built), null, 2));
            }}
          />
        </Form.Item>
        <div style={{ display: mode === 'builder' ? undefined : 'none' }}>
          <Typography.Title level={5}>{m.permissions}</Typography.Title>
          <Form.List name={['policy', 'permissions']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <PermissionFields
                    key={f.key}
                    name={f.name}
                    onRemove={fields.length > 1 ? () => remove(f.name) : undefined}
                  />
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ action: 'use' })}
                  style={{ marginBottom: 16 }}
                >
                  {m.addPermission}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name={['policy', 'noOnwardTransfer']} valuePropName="checked">
            <Checkbox data-testid="policy-no-transfer">{m.noOnwardTransfer}</Checkbox>
          </Form.Item>
          <Form.Item name={['policy', 'prohibited']} label={m.otherProhibited}>
            <Select
              mode="multiple"
              options={USAGE_ACTIONS.map((a) => ({ value: a, label: m.policyAction[a] }))}
            />
          </Form.Item>
        </div>
        {mode === 'json' && (
          <Form.Item name="policyJson">
            <Input.TextArea
              rows={18}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              data-testid="policy-json"
            />
          </Form.Item>
        )}
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={m.preview}>
          <PolicyPreview validation={validation} />
        </Card>
      </Col>
    </Row>
  );
}
