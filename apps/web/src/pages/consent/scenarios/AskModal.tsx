import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Empty, Form, Modal, Select } from 'antd';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { whenValid } from '../../../lib/zod-form';
import { scenarioKeys } from './scenario-parts';

/**
 * 请求个人授权. The API names the person by user id and offers no directory of persons, so the people to
 * ask are those whose grant of this scenario has ended (revoked, expired, or its version superseded) and
 * who hold no live one.
 */
export function AskModal({
  scenarioId,
  open,
  onClose,
}: {
  scenarioId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const c = t.consentScenarios;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ subjectId: string }>();
  const grants = useQuery({
    queryKey: [...scenarioKeys.grants, 'of', scenarioId],
    queryFn: () => sdk.consent.grants({ query: { box: 'received', scenarioId, page: 1, pageSize: 200 } }),
    enabled: open,
  });
  const live = new Set(
    (grants.data?.items ?? []).filter((g) => g.status === 'active').map((g) => g.subjectId),
  );
  const ended = new Map<string, string>();
  for (const g of grants.data?.items ?? [])
    if (g.status !== 'active' && !live.has(g.subjectId))
      ended.set(g.subjectId, g.subjectName ? t.common.aside(g.subjectName, g.subjectId) : g.subjectId);
  const ask = useMutation({
    mutationFn: (subjectId: string) => sdk.consent.ask({ params: { id: scenarioId }, body: { subjectId } }),
    onSuccess: () => {
      void message.success(c.askSent);
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={c.askTitle}
      okText={c.ask}
      okButtonProps={{
        loading: ask.isPending,
        disabled: ended.size === 0,
        ...({ 'data-testid': 'ask-modal-ok' } as object),
      }}
      onOk={() => whenValid(form, (v) => ask.mutate(v.subjectId))}
      onCancel={() => {
        ask.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <div data-testid="ask-modal">
        <Alert type="info" showIcon title={c.askHelp} style={{ marginBottom: 16 }} />
        <MutationErrorAlert error={ask.error} />
        {grants.isError && <QueryErrorAlert error={grants.error} onRetry={() => void grants.refetch()} />}
        {grants.isSuccess && ended.size === 0 ? (
          <Empty description={c.askNone} />
        ) : (
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item
              name="subjectId"
              label={c.askPerson}
              rules={[{ required: true, message: t.validation.required }]}
            >
              <Select
                loading={grants.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={[...ended].map(([value, label]) => ({ value, label }))}
                data-testid="ask-subject"
              />
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
}
