import { SafetyOutlined } from '@ant-design/icons';
import { CheckBody, type CheckDecision, type ConsentGrant, type Scenario } from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { MutationErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import { dayjs, pickerToIso } from '../../../lib/time';
import { showServerIssues, showZodIssues, zodRule } from '../../../lib/zod-form';

interface Values {
  source: 'grant' | 'manual';
  grantId?: string;
  subjectId?: string;
  versionId?: string;
  fields?: string[];
  at?: Dayjs;
}

function Verdict({ d }: { d: CheckDecision }) {
  const c = useT().consentScenarios;
  return (
    <Alert
      type={d.allow ? 'success' : 'error'}
      showIcon
      data-testid="check-verdict"
      data-allow={d.allow}
      data-reason={d.reason}
      title={`${d.allow ? c.allow : c.deny} · ${enumLabel(c.decision, d.reason)}`}
      description={
        (d.missingFields.length > 0 || d.grantId) && (
          <Descriptions
            size="small"
            column={1}
            items={[
              ...(d.missingFields.length
                ? [
                    {
                      key: 'missing',
                      label: c.missingFields,
                      children: d.missingFields.map((f) => <Tag key={f}>{f}</Tag>),
                    },
                  ]
                : []),
              ...(d.grantId
                ? [
                    {
                      key: 'grant',
                      label: c.grantId,
                      children: <Typography.Text code>{d.grantId}</Typography.Text>,
                    },
                  ]
                : []),
            ]}
          />
        )
      }
    />
  );
}

/**
 * 授权核验: a data user asks what its systems would hear from consent.check — for a grant received, or for any
 * person and version typed in — and sees allow or deny with the reason and the fields missing.
 */
export function ConsentCheckPanel({
  grants,
  scenarios,
  picked,
}: {
  grants: ConsentGrant[];
  scenarios: Scenario[];
  /** A grant chosen from the list ("核验" on its row), with a counter so that picking it again refills. */
  picked: { grant: ConsentGrant; n: number } | null;
}) {
  const t = useT();
  const c = t.consentScenarios;
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'grant';
  const grantId = Form.useWatch('grantId', form);
  const versionId = Form.useWatch('versionId', form);
  const grant =
    grants.find((g) => g.id === grantId) ?? (picked?.grant.id === grantId ? picked?.grant : undefined);
  const versions = scenarios.flatMap((s) => s.versions.map((v) => ({ s, v })));
  const shownVersion = source === 'grant' ? grant?.versionId : versionId;
  const versionFields = versions.find((x) => x.v.id === shownVersion)?.v.fields ?? grant?.fields ?? [];
  const check = useMutation({
    mutationFn: (body: z.input<typeof CheckBody>) => sdk.consent.check({ body }),
    onError: (e) => showServerIssues(form, e),
  });
  const resetCheck = check.reset;
  // only the platform's operators reconstruct a past decision; a data user checks now or later
  const pastAllowed = useAuth().hasRole('operator');
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!picked) return;
    form.setFieldsValue({
      source: 'grant',
      grantId: picked.grant.id,
      fields: picked.grant.fields.map((f) => f.name),
    });
    resetCheck();
    top.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [picked, form, resetCheck]);

  const run = (v: Values) => {
    const g = v.source === 'grant' ? grant : undefined;
    const body = {
      subjectId: g ? g.subjectId : v.subjectId?.trim(),
      versionId: g ? g.versionId : v.versionId,
      fields: v.fields ?? [],
      ...(v.at && { at: pickerToIso(v.at) }),
    };
    const parsed = CheckBody.safeParse(body);
    if (!parsed.success) return void showZodIssues(form, parsed.error.issues, t);
    check.mutate(parsed.data);
  };

  return (
    <div ref={top}>
      <Card
        title={
          <Space>
            <SafetyOutlined />
            {c.check}
          </Space>
        }
        data-testid="consent-check"
      >
        <Typography.Paragraph type="secondary">{c.checkHelp}</Typography.Paragraph>
        <MutationErrorAlert error={check.error} />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ source: 'grant', fields: [] }}
          onValuesChange={() => check.data && check.reset()}
          onFinish={run}
        >
          <Form.Item name="source">
            <Radio.Group optionType="button">
              <Radio.Button value="grant">
                <span data-testid="check-source-grant">{c.fromGrant}</span>
              </Radio.Button>
              <Radio.Button value="manual">
                <span data-testid="check-source-manual">{c.manual}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          {source === 'grant' ? (
            <Form.Item name="grantId" label={c.grant} rules={[{ required: true, message: c.pickGrantFirst }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="check-grant"
                options={grants.map((g) => ({
                  value: g.id,
                  label: `${g.subjectName ?? g.subjectId} · ${g.scenarioTitle} ${c.version(g.version)}`,
                }))}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="subjectId"
                label={c.subjectId}
                rules={[
                  { required: true, whitespace: true, message: t.validation.required },
                  zodRule(CheckBody.shape.subjectId, t, c.subjectIdInvalid),
                ]}
              >
                <Input placeholder="usr_…" maxLength={30} data-testid="check-subject" />
              </Form.Item>
              <Form.Item
                name="versionId"
                label={c.versionId}
                rules={[{ required: true, message: t.validation.required }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="check-version"
                  options={versions.map(({ s, v }) => ({
                    value: v.id,
                    label: t.common.aside(
                      `${s.title} · ${c.version(v.version)}`,
                      enumLabel(c.versionStatus, v.status),
                    ),
                  }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="fields"
            label={c.checkFields}
            rules={[{ required: true, message: t.validation.required }]}
          >
            <Select
              mode="tags"
              data-testid="check-fields"
              options={versionFields.map((f) => ({ value: f.name, label: t.common.aside(f.label, f.name) }))}
            />
          </Form.Item>
          <Form.Item name="at" label={c.checkAt} extra={c.checkAtHelp}>
            <DatePicker
              showTime
              style={{ width: '100%' }}
              disabledDate={pastAllowed ? undefined : (d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={check.isPending} data-testid="check-run">
            {c.runCheck}
          </Button>
        </Form>
        {check.data && (
          <div style={{ marginTop: 16 }}>
            <Verdict d={check.data} />
          </div>
        )}
      </Card>
    </div>
  );
}
