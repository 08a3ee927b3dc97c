import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  COMMITMENTS,
  DeliveryMode,
  DivisionCode,
  PriceModelKind,
  ProductBody,
  ProductScenario,
  type Product,
} from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { sdk } from '../../api/sdk';
import { GradeTag } from '../../components/CatalogTags';
import { SectorSelect } from '../../components/SectorSelect';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';
import { divisionOptions } from './market-parts';
import { useBoards } from './market-queries';

const required = (message: string) => ({ required: true, message });

/** Step 1: which of the org's published resources, and what the product is. */
export function BasicsStep({ product }: { product: Product | undefined }) {
  const t = useT();
  const { lang } = useI18n();
  const m = t.market;
  const boards = useBoards();
  const resources = useQuery({
    queryKey: ['catalog', 'resources', 'mine-published'],
    queryFn: () =>
      sdk.catalog.search({ query: { mine: 'true', status: ['published'], pageSize: 100, sort: 'title' } }),
  });
  const options = [
    ...(resources.data?.items ?? []).map((r) => ({
      value: r.id,
      label: r.title,
      title: r.title,
      grade: r.grade,
    })),
    ...(product?.resources ?? [])
      .filter((r) => !resources.data?.items.some((x) => x.id === r.id))
      .map((r) => ({ value: r.id, label: r.title ?? r.id, title: r.title ?? r.id, grade: r.grade })),
  ];
  const req = required(t.validation.required);
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item
          name="resourceIds"
          label={m.resourcesPick}
          extra={m.resourcesHelp}
          rules={[req, zodRule(ProductBody.shape.resourceIds, t)]}
        >
          <Select
            mode="multiple"
            loading={resources.isPending}
            optionFilterProp="title"
            notFoundContent={m.noResources}
            options={options}
            optionRender={(o) => (
              <Space>
                {o.label}
                {o.data.grade && <GradeTag grade={o.data.grade} />}
              </Space>
            )}
            data-testid="wizard-resources"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="title" label={m.titleLabel} rules={[req, zodRule(ProductBody.shape.title, t)]}>
          <Input maxLength={100} showCount data-testid="wizard-title" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="summary" label={m.summaryLabel} rules={[req, zodRule(ProductBody.shape.summary, t)]}>
          <Input maxLength={300} data-testid="wizard-summary" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name="description"
          label={m.descriptionLabel}
          rules={[req, zodRule(ProductBody.shape.description, t)]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="wizard-description" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="sector" label={m.sectorLabel} rules={[req]}>
          <SectorSelect testId="wizard-sector" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="region"
          label={m.regionLabel}
          extra={m.regionHelp}
          rules={[req, zodRule(DivisionCode, t, t.market.regionHelp)]}
        >
          <AutoComplete options={divisionOptions(lang)} data-testid="wizard-region" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="boards" label={m.boardsPick} rules={[req, zodRule(ProductBody.shape.boards, t)]}>
          <Select
            mode="multiple"
            loading={boards.isPending}
            options={(boards.data?.items ?? []).map((b) => ({
              value: b.code,
              label: (lang === 'en-US' && b.nameEn) || b.name,
            }))}
            data-testid="wizard-boards"
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Typography.Text strong>{m.scenarios}</Typography.Text>
        <Typography.Paragraph type="secondary">{m.scenarioHelp}</Typography.Paragraph>
        <Form.List name="scenarios">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[req, zodRule(ProductScenario.shape.title, t)]}
                    style={{ width: 240 }}
                  >
                    <Input placeholder={m.scenarioTitle} data-testid={`scenario-${f.name}-title`} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'description']}
                    rules={[req, zodRule(ProductScenario.shape.description, t)]}
                    style={{ flex: 1 }}
                  >
                    <Input placeholder={m.scenarioDesc} data-testid={`scenario-${f.name}-description`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="scenario-add">
                {m.addScenario}
              </Button>
            </>
          )}
        </Form.List>
      </Col>
    </Row>
  );
}

/** Step 2: how the product reaches its buyer. */
export function DeliveryStep() {
  const t = useT();
  return (
    <>
      <Alert type="info" showIcon title={t.market.deliveryHelp} style={{ marginBottom: 16 }} />
      <Form.Item
        name="deliveryModes"
        label={t.market.delivery}
        rules={[required(t.validation.required), zodRule(ProductBody.shape.deliveryModes, t)]}
      >
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={DeliveryMode.options.map((d) => ({
            value: d,
            label: <span data-testid={`delivery-${d}`}>{t.market.deliveryMode[d]}</span>,
          }))}
        />
      </Form.Item>
    </>
  );
}

const yuanField = (label: string, name: (string | number)[], testId: string, req: object) => (
  <Form.Item name={name} label={label} rules={[req]}>
    <InputNumber min={0} precision={2} step={1} prefix="¥" style={{ width: 220 }} data-testid={testId} />
  </Form.Item>
);

/** Step 4: the price model; amounts typed in yuan, sent in fen. */
export function PriceStep({ product }: { product: Product | undefined }) {
  const t = useT();
  const m = t.market;
  const kind = Form.useWatch(['price', 'kind']) as PriceModelKind | undefined;
  const req = required(t.validation.required);
  const pm = product?.priceModel;
  return (
    <>
      <Form.Item name={['price', 'kind']} label={m.priceKindLabel} rules={[req]}>
        <Select
          style={{ width: 260 }}
          options={PriceModelKind.options.map((k) => ({ value: k, label: m.priceKind[k] }))}
          data-testid="price-kind"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{m.yuanHint}</Typography.Paragraph>
      {(kind === 'fixed' || kind === 'subscription' || kind === 'government_guided') &&
        yuanField(m.amountYuan, ['price', 'amountYuan'], 'price-amount', req)}
      {kind === 'per_call' && yuanField(m.unitYuan, ['price', 'unitYuan'], 'price-unit', req)}
      {kind === 'subscription' && (
        <Form.Item name={['price', 'period']} label={m.periodLabel} rules={[req]}>
          <Select
            style={{ width: 160 }}
            options={['monthly', 'yearly'].map((p) => ({ value: p, label: m.period[p] }))}
          />
        </Form.Item>
      )}
      {kind === 'government_guided' && (
        <>
          <Form.Item name={['price', 'basis']} label={m.basisLabel} rules={[req]}>
            <Select
              style={{ width: 160 }}
              options={['fixed', 'per_call', 'monthly', 'yearly'].map((b) => ({
                value: b,
                label: m.basis[b],
              }))}
            />
          </Form.Item>
          <Alert type="info" showIcon title={m.guidedHelp} style={{ marginBottom: 16 }} />
          {pm?.kind === 'government_guided' && (
            <Typography.Paragraph>
              {m.capFen}：{pm.capFen === null ? m.noCap : `¥${(pm.capFen / 100).toFixed(2)}`}
            </Typography.Paragraph>
          )}
        </>
      )}
      {kind === 'tiered' && (
        <>
          <Form.Item name={['price', 'unit']} label={m.tierUnit} extra={m.tierUnitHelp} rules={[req]}>
            <Input style={{ width: 160 }} maxLength={20} />
          </Form.Item>
          <Typography.Text strong>{m.tiers}</Typography.Text>
          <Form.List name={['price', 'tiers']}>
            {(fields, { add, remove }) => (
              <Card size="small" style={{ marginTop: 8 }}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item name={[f.name, 'upTo']} label={m.tierUpTo}>
                      <InputNumber min={1} precision={0} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unitYuan']} label={m.unitYuan} rules={[req]}>
                      <InputNumber min={0} precision={2} prefix="¥" style={{ width: 180 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {m.addTier}
                </Button>
              </Card>
            )}
          </Form.List>
        </>
      )}
      <LicenceFields />
    </>
  );
}

/** The licence the product is sold under: exclusive (one live order), or at most N seats, or unlimited. */
function LicenceFields() {
  const m = useT().orders;
  const exclusive = Form.useWatch(['licence', 'exclusive']) as boolean | undefined;
  return (
    <Card size="small" title={m.licence} style={{ marginTop: 16 }}>
      <Form.Item name={['licence', 'exclusive']} valuePropName="checked" extra={m.exclusiveHelp}>
        <Checkbox data-testid="licence-exclusive">{m.exclusive}</Checkbox>
      </Form.Item>
      {!exclusive && (
        <Form.Item name={['licence', 'seats']} label={m.seats} extra={m.seatsHelp}>
          <InputNumber
            min={1}
            max={1_000_000}
            precision={0}
            style={{ width: 180 }}
            data-testid="licence-seats"
          />
        </Form.Item>
      )}
    </Card>
  );
}

/** Step 5: 声明承诺制 — every commitment affirmed, and the seller's statement. */
export function DeclarationsStep() {
  const t = useT();
  const m = t.market;
  return (
    <>
      <Typography.Title level={5}>{m.commitmentsLabel}</Typography.Title>
      {COMMITMENTS.map((c) => (
        <Form.Item
          key={c}
          name={['commitments', c]}
          valuePropName="checked"
          rules={[
            {
              validator: async (_r, v?: boolean) => {
                if (!v) throw new Error(m.commitmentRequired);
              },
            },
          ]}
          style={{ marginBottom: 8 }}
        >
          <Checkbox data-testid={`commit-${c}`}>{m.commitment[c]}</Checkbox>
        </Form.Item>
      ))}
      <Form.Item
        name="statement"
        label={m.statement}
        rules={[zodRule(ProductBody.shape.statement, t)]}
        style={{ marginTop: 16 }}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="wizard-statement" />
      </Form.Item>
    </>
  );
}
