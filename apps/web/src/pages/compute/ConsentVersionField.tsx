import type { Dataset } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { sdk } from '../../api/sdk';
import { useT } from '../../i18n/I18nProvider';

/** Whether another org's dataset holds personal identifiers its agent detected: jobs on it name consent. */
export const isPersonal = (d: Dataset | undefined) => !!d?.columns.some((c) => c.personal);

/**
 * The consumer's approved consent scenario version a job on another org's personal data runs under
 * (一场景一授权): only persons whose consent to it is live are computed on.
 */
export function ConsentVersionField({ name = 'consentVersionId' }: { name?: string }) {
  const x = useT().compute;
  const q = useQuery({
    queryKey: ['consent', 'scenarios', 'mine', 'approved'],
    queryFn: () =>
      sdk.consent.scenarios({ query: { mine: 'true', status: 'approved', page: 1, pageSize: 100 } }),
  });
  const options = (q.data?.items ?? []).flatMap((s) =>
    s.versions
      .filter((v) => v.status === 'approved')
      .map((v) => ({ value: v.id, label: `${s.title} v${v.version}（${v.purpose}）` })),
  );
  return (
    <Form.Item name={name} label={x.consentVersion} extra={x.consentVersionHelp} rules={[{ required: true }]}>
      <Select loading={q.isPending} options={options} data-testid="compute-consent-version" />
    </Form.Item>
  );
}
