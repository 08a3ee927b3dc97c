import { CreateUserBody, Mobile, Password, UpdateUserBody, Username, type User } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useAuth } from '../../auth/AuthProvider';
import { OrgSelect } from '../../components/OrgSelect';
import { useT } from '../../i18n/I18nProvider';
import { compact, showServerIssues, zodRule } from '../../lib/zod-form';
import { assignableRoles } from './user-roles';

interface Values {
  username?: string;
  displayName: string;
  password?: string;
  email?: string;
  phone?: string;
  orgId?: string;
  roles: User['roles'];
  status?: 'active' | 'disabled';
}

/** Create a user (`user` absent) or edit one's profile, roles and status. */
export function UserFormModal({ open, user, onClose }: { open: boolean; user?: User; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { me, hasRole } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const editing = !!user;
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!user) {
        const { username = '', password = '', displayName, email, phone, orgId, roles } = v;
        return sdk.users.create({
          body: compact({ username, password, displayName, email, phone, orgId, roles }),
        });
      }
      const { displayName, roles, status } = v;
      return sdk.users.update({
        params: { id: user.id },
        body: { displayName, roles, status, email: v.email?.trim() || null, phone: v.phone?.trim() || null },
      });
    },
    onSuccess: () => {
      void message.success(editing ? t.users.updated : t.users.created);
      void qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const required = { required: true, message: t.validation.required };
  const c = CreateUserBody.shape;
  const u = UpdateUserBody.shape;
  return (
    <Modal
      open={open}
      title={editing ? `${t.users.edit} · ${user.username}` : t.users.create}
      width={720}
      okText={t.common.save}
      okButtonProps={{ loading: save.isPending, ...({ 'data-testid': 'confirm-button' } as object) }}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o || save.reset()}
    >
      <MutationErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          user
            ? {
                displayName: user.displayName,
                email: user.email ?? '',
                phone: user.phone ?? '',
                roles: user.roles,
                status: user.status === 'disabled' ? 'disabled' : 'active',
              }
            : { roles: [] }
        }
      >
        <Row gutter={16}>
          {!editing && (
            <Col xs={24} md={12}>
              <Form.Item
                name="username"
                label={t.users.username}
                rules={[required, zodRule(Username, t, t.validation.username)]}
              >
                <Input autoComplete="off" data-testid="user-username" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              name="displayName"
              label={t.users.displayName}
              rules={[required, zodRule(c.displayName, t)]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {!editing && (
            <Col xs={24} md={12}>
              <Form.Item
                name="password"
                label={t.users.password}
                rules={[required, zodRule(Password, t, t.validation.password)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          )}
          {!editing && hasRole('operator') && (
            <Col xs={24} md={12}>
              <Form.Item name="orgId" label={t.users.org} tooltip={me?.org?.name}>
                <OrgSelect placeholder={me?.org?.name} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t.users.email} rules={[zodRule(c.email, t)]}>
              <Input type="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t.users.phone} rules={[zodRule(Mobile, t, t.validation.mobile)]}>
              <Input maxLength={11} />
            </Form.Item>
          </Col>
          <Col xs={24} md={editing ? 12 : 24}>
            <Form.Item name="roles" label={t.users.roles} rules={[required, zodRule(c.roles, t)]}>
              <Select
                mode="multiple"
                options={assignableRoles(me).map((r) => ({ value: r, label: t.role[r] }))}
              />
            </Form.Item>
          </Col>
          {editing && (
            <Col xs={24} md={12}>
              <Form.Item name="status" label={t.users.status} rules={[zodRule(u.status, t)]}>
                <Select
                  options={[
                    { value: 'active', label: t.status.active },
                    { value: 'disabled', label: t.status.disabled },
                  ]}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
