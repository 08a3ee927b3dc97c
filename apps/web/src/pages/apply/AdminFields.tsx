import { Mobile, Password, SubmitApplicationBody, Username } from '@shuliu/contracts';
import { Alert, Col, Form, Input, Row } from 'antd';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';

const a = SubmitApplicationBody.shape.admin.shape;

export const ADMIN_FIELD_NAMES: (string | string[])[] = [
  ['admin', 'username'],
  ['admin', 'displayName'],
  ['admin', 'password'],
  'confirmPassword',
  ['admin', 'email'],
  ['admin', 'phone'],
];

/** The org's first administrator account (`admin.*`), validated with the API's schema. */
export function AdminFields() {
  const t = useT();
  const required = { required: true, message: t.validation.required };
  return (
    <>
      <Alert type="info" showIcon title={t.apply.adminIntro} style={{ marginBottom: 24 }} />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['admin', 'username']}
            label={t.admin.username}
            rules={[required, zodRule(Username, t, t.validation.username)]}
          >
            <Input autoComplete="username" data-testid="apply-admin-username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['admin', 'displayName']}
            label={t.admin.displayName}
            rules={[required, zodRule(a.displayName, t)]}
          >
            <Input maxLength={100} data-testid="apply-admin-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['admin', 'password']}
            label={t.admin.password}
            rules={[required, zodRule(Password, t, t.validation.password)]}
          >
            <Input.Password autoComplete="new-password" data-testid="apply-admin-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="confirmPassword"
            label={t.admin.confirmPassword}
            dependencies={[['admin', 'password']]}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: async (_r, v) => {
                  if (v && v !== getFieldValue(['admin', 'password']))
                    throw new Error(t.validation.passwordMismatch);
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="apply-admin-confirm" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['admin', 'email']} label={t.admin.email} rules={[zodRule(a.email, t)]}>
            <Input type="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['admin', 'phone']}
            label={t.admin.phone}
            rules={[zodRule(Mobile, t, t.validation.mobile)]}
          >
            <Input maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
