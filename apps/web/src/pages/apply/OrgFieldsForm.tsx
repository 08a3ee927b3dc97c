import { MerchantKind, Mobile, OrgFields, OrgType, ProviderKind } from '@shuliu/contracts';
import { AutoComplete, Col, Form, Input, Row, Select } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';
import { SHANDONG_CITIES } from './regions';

/** Org types an applicant may choose: everything but the platform operator itself. */
export const APPLICABLE_TYPES = OrgType.options.filter((o) => o !== 'operator' && o !== 'regulator');

const f = OrgFields.shape;

export const ORG_FIELD_NAMES = Object.keys(f).map((k) => ['org', k]);

/** The organization fields of an application (`org.*`), validated with the API's `OrgFields` schema. */
export function OrgFieldsForm() {
  const t = useT();
  const form = Form.useFormInstance();
  const types = (Form.useWatch(['org', 'types'], form) as string[] | undefined) ?? [];
  const required = { required: true, message: t.validation.required };
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item name={['org', 'name']} label={t.org.name} rules={[required, zodRule(f.name, t)]}>
          <Input maxLength={200} data-testid="apply-org-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['org', 'nameEn']} label={t.org.nameEn} rules={[zodRule(f.nameEn, t)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['org', 'uscc']}
          label={t.org.uscc}
          tooltip={t.org.usccHelp}
          normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
          rules={[required, zodRule(f.uscc, t)]}
          validateDebounce={300}
        >
          <Input maxLength={18} showCount style={{ fontFamily: 'monospace' }} data-testid="apply-org-uscc" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['org', 'types']} label={t.org.types} rules={[required, zodRule(f.types, t)]}>
          <Select
            mode="multiple"
            placeholder={t.common.pleaseSelect}
            options={APPLICABLE_TYPES.map((v) => ({ value: v, label: t.orgType[v] }))}
            data-testid="apply-org-types"
          />
        </Form.Item>
      </Col>
      {types.includes('merchant') && (
        <Col xs={24} md={12}>
          <Form.Item name={['org', 'merchantKinds']} label={t.org.merchantKinds}>
            <Select
              mode="multiple"
              options={MerchantKind.options.map((v) => ({ value: v, label: t.merchantKind[v] }))}
            />
          </Form.Item>
        </Col>
      )}
      {types.includes('provider') && (
        <Col xs={24} md={12}>
          <Form.Item name={['org', 'providerKinds']} label={t.org.providerKinds}>
            <Select
              mode="multiple"
              options={ProviderKind.options.map((v) => ({ value: v, label: t.providerKind[v] }))}
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name={['org', 'region']} label={t.org.region} rules={[zodRule(f.region, t)]}>
          <AutoComplete
            options={SHANDONG_CITIES.map((c) => ({ value: c }))}
            placeholder={t.org.regionPlaceholder}
            showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['org', 'contactName']}
          label={t.org.contactName}
          rules={[required, zodRule(f.contactName, t)]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['org', 'contactPhone']}
          label={t.org.contactPhone}
          rules={[required, zodRule(Mobile, t, t.validation.mobile)]}
        >
          <Input maxLength={11} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['org', 'contactEmail']}
          label={t.org.contactEmail}
          rules={[zodRule(f.contactEmail, t)]}
        >
          <Input type="email" />
        </Form.Item>
      </Col>
    </Row>
  );
}
