import type { Application } from '@shuliu/contracts';
import { api } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Divider, Form, Modal } from 'antd';
import { sdk } from '../../api/sdk';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { showServerIssues, showZodIssues } from '../../lib/zod-form';
import { orgFromForm, type ApplyFormValues } from '../apply/application-body';
import { affirmed, DeclarationsFields } from '../apply/DeclarationsFields';
import { OrgFieldsForm } from '../apply/OrgFieldsForm';

const ResubmitBody = api.onboarding.resubmit.body!;

function initialValues(app: Application): ApplyFormValues {
  const o = app.org;
  return {
    org: {
      name: o.name,
      nameEn: o.nameEn ?? undefined,
      uscc: o.uscc,
      types: o.types.filter((x) => x !== 'operator' && x !== 'regulator'),
      merchantKinds: o.merchantKinds,
      providerKinds: o.providerKinds,
      region: o.region ?? undefined,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      contactEmail: o.contactEmail ?? undefined,
    },
  };
}

/** Correct a rejected application and send it back for review (declarations are affirmed again). */
export function ResubmitModal({
  app,
  open,
  onClose,
}: {
  app: Application;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ApplyFormValues>();
  const resubmit = useMutation({
    mutationFn: (body: Parameters<typeof sdk.onboarding.resubmit>[0] & object) =>
      sdk.onboarding.resubmit(body),
    onSuccess: () => {
      void message.success(t.myApp.resubmitted);
      void qc.invalidateQueries({ queryKey: ['applications', 'mine'] });
      void qc.invalidateQueries({ queryKey: ['me'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const submit = async () => {
    const v = await form.validateFields();
    const body = { org: orgFromForm(v.org), declarations: affirmed(v.decl) };
    const parsed = ResubmitBody.safeParse(body);
    if (!parsed.success) return void showZodIssues(form, parsed.error.issues, t);
    resubmit.mutate({ body });
  };
  return (
    <Modal
      open={open}
      title={t.myApp.resubmitTitle}
      width={880}
      okText={t.common.submit}
      okButtonProps={{ loading: resubmit.isPending, ...({ 'data-testid': 'confirm-button' } as object) }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {app.reason && (
        <Alert
          type="error"
          showIcon
          title={t.myApp.rejectReason}
          description={app.reason}
          style={{ marginBottom: 16 }}
        />
      )}
      <MutationErrorAlert error={resubmit.error} />
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues(app)}>
        <OrgFieldsForm />
        <Divider />
        <DeclarationsFields />
      </Form>
    </Modal>
  );
}
