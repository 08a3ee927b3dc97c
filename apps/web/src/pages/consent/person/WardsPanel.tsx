import { CheckOutlined, EyeOutlined, FormOutlined } from '@ant-design/icons';
import type { Person } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert } from '../../../components/QueryError';
import { StatusTag } from '../../../components/StatusTag';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import { useRefreshConsent } from './consent-queries';
import { useIsPhone } from './consent-parts';

type Ward = Person['wards'][number];

/** PIPL Art. 31: a guardian confirms the guardianship before consenting for a child under 14. */
function ConfirmWard({ ward }: { ward: Ward }) {
  const t = useT();
  const c = t.consentPerson.wards;
  const phone = useIsPhone();
  const { message } = App.useApp();
  const refresh = useRefreshConsent();
  const [open, setOpen] = useState(false);
  const confirm = useMutation({
    mutationFn: () => sdk.consent.confirmWard({ params: { id: ward.userId } }),
    onSuccess: async () => {
      setOpen(false);
      void message.success(c.confirmed);
      await refresh();
    },
  });
  return (
    <>
      <Button
        type="primary"
        icon={<CheckOutlined />}
        block={phone}
        onClick={() => setOpen(true)}
        data-testid={`ward-confirm-${ward.userId}`}
      >
        {c.confirm}
      </Button>
      <Modal
        open={open}
        title={c.confirmTitle(ward.displayName)}
        okText={c.confirm}
        okButtonProps={{ loading: confirm.isPending, ...({ 'data-testid': 'ward-confirm-ok' } as object) }}
        onOk={() => confirm.mutate()}
        onCancel={() => setOpen(false)}
        centered
        destroyOnHidden
      >
        <MutationErrorAlert error={confirm.error} />
        <Typography.Paragraph>{c.confirmBody}</Typography.Paragraph>
      </Modal>
    </>
  );
}

/** 监护: the children who named the person as guardian; pending ones to confirm, confirmed ones to act for. */
export function WardsPanel({
  me,
  onGrantFor,
  onViewGrants,
}: {
  me: Person;
  onGrantFor: (wardId: string) => void;
  onViewGrants: (wardId: string) => void;
}) {
  const t = useT();
  const c = t.consentPerson.wards;
  const phone = useIsPhone();
  if (me.wards.length === 0) return <Empty description={c.empty} />;
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={c.intro} />
      {me.wards.map((w) => (
        <Card size="small" key={w.userId} data-testid={`ward-${w.userId}`}>
          <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{w.displayName}</Typography.Text>
            <StatusTag
              status={w.status === 'confirmed' ? 'approved' : 'pending'}
              label={enumLabel(t.consentPerson.wardStatus, w.status)}
            />
          </Flex>
          <Flex gap={8} vertical={phone} justify="end">
            {w.status === 'pending' ? (
              <ConfirmWard ward={w} />
            ) : (
              <>
                <Button icon={<EyeOutlined />} block={phone} onClick={() => onViewGrants(w.userId)}>
                  {c.viewGrants}
                </Button>
                <Button
                  type="primary"
                  icon={<FormOutlined />}
                  block={phone}
                  onClick={() => onGrantFor(w.userId)}
                  data-testid={`ward-grant-${w.userId}`}
                >
                  {c.grantFor}
                </Button>
              </>
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
