import { StopOutlined } from '@ant-design/icons';
import type { ConsentGrant } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { usePerson, useRefreshConsent } from './consent-queries';
import { useIsPhone } from './consent-parts';

/**
 * PIPL Art. 15: withdrawing is as easy as granting — one button and one confirmation that says what happens:
 * effective at once, earlier processing stays lawful, and a revocation receipt is issued.
 */
export function RevokeButton({ grant, onRevoked }: { grant: ConsentGrant; onRevoked?: () => void }) {
  const t = useT();
  const c = t.consentPerson.revoke;
  const phone = useIsPhone();
  const { message } = App.useApp();
  const refresh = useRefreshConsent();
  const [open, setOpen] = useState(false);
  const me = usePerson().data;
  const revoke = useMutation({
    mutationFn: () => sdk.consent.revoke({ params: { id: grant.id } }),
    onSuccess: async () => {
      setOpen(false);
      void message.success(c.done);
      await refresh();
      onRevoked?.();
    },
  });
  // PIPL Art. 31: a child under 14 withdraws no more than he grants; his confirmed guardian does it for him
  if (me?.minor && grant.subjectId === me.userId)
    return <Typography.Text type="secondary">{c.guardianOnly}</Typography.Text>;
  return (
    <>
      <Button
        danger
        icon={<StopOutlined />}
        block={phone}
        onClick={() => {
          revoke.reset();
          setOpen(true);
        }}
        data-testid={`grant-revoke-${grant.id}`}
      >
        {t.consentPerson.grant.revoke}
      </Button>
      <Modal
        open={open}
        title={c.title}
        okText={c.ok}
        okButtonProps={{
          danger: true,
          loading: revoke.isPending,
          ...({ 'data-testid': 'revoke-ok' } as object),
        }}
        onOk={() => revoke.mutate()}
        onCancel={() => setOpen(false)}
        centered
        destroyOnHidden
      >
        <MutationErrorAlert error={revoke.error} />
        <Typography.Paragraph strong>{grant.scenarioTitle}</Typography.Paragraph>
        <Typography.Paragraph>{c.body(grant.orgName ?? grant.recipient)}</Typography.Paragraph>
      </Modal>
    </>
  );
}
