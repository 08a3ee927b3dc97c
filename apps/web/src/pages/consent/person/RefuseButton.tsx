import { CloseOutlined } from '@ant-design/icons';
import type { Scenario } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { useIsPhone } from './consent-parts';

/**
 * 拒绝: the person declines, or a guardian for a ward; the org may not ask that person again within the
 * cool-down (网络数据安全管理条例 Art. 22).
 */
export function RefuseButton({
  scenario,
  onBehalfOf,
  coolDownDays,
  onRefused,
}: {
  scenario: Scenario;
  /** the ward a guardian declines for */
  onBehalfOf?: string;
  /** the operator's setting, from the person's own record */
  coolDownDays: number;
  onRefused: () => void;
}) {
  const t = useT();
  const c = t.consentPerson.form;
  const phone = useIsPhone();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const refuse = useMutation({
    mutationFn: () =>
      sdk.consent.refuse({ params: { id: scenario.id }, body: onBehalfOf ? { onBehalfOf } : {} }),
    onSuccess: () => {
      setOpen(false);
      void message.success(c.refused);
      onRefused();
    },
  });
  return (
    <>
      <Button
        icon={<CloseOutlined />}
        block={phone}
        onClick={() => {
          refuse.reset();
          setOpen(true);
        }}
        data-testid="scenario-refuse"
      >
        {c.refuse}
      </Button>
      <Modal
        open={open}
        title={c.refuseTitle}
        okText={c.refuse}
        okButtonProps={{ loading: refuse.isPending, ...({ 'data-testid': 'refuse-ok' } as object) }}
        onOk={() => refuse.mutate()}
        onCancel={() => setOpen(false)}
        centered
        destroyOnHidden
      >
        <MutationErrorAlert error={refuse.error} />
        <Typography.Paragraph>
          {c.refuseBody(scenario.orgName ?? scenario.title, coolDownDays, !!onBehalfOf)}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
