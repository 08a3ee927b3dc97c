import { CheckOutlined } from '@ant-design/icons';
import {
  isSensitive,
  isThirdParty,
  type ConsentGrant,
  type Person,
  type Scenario,
  type ScenarioField,
  type ScenarioVersion,
} from '@shuliu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Flex, Form, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { asApiError } from '../../../api/errors';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { dayjs, pickerToIso } from '../../../lib/time';
import { useRefreshConsent } from './consent-queries';
import { PiFieldTag, useIsPhone } from './consent-parts';
import { showErrorAtField } from './field-errors';
import { RefuseButton } from './RefuseButton';

interface Values {
  fields: string[];
  separateConsent: boolean;
  expiresAt: Dayjs;
}

/** Tomorrow at the earliest; at the latest the last day that still ends within the operator's longest term. */
const outOfTerm = (maxDays: number) => (d: Dayjs) => {
  const today = dayjs().startOf('day');
  return d.isBefore(today.add(1, 'day'), 'day') || d.isAfter(today.add(maxDays - 1, 'day'), 'day');
};

function FieldOption({ f }: { f: ScenarioField }) {
  const t = useT();
  const c = t.consentPerson.form;
  return (
    <Checkbox value={f.name} disabled={f.required} data-testid={`field-${f.name}`}>
      <Flex vertical gap={2}>
        <Flex gap={6} wrap align="center">
          <PiFieldTag label={f.label} category={f.category} />
          <Tag color={f.required ? 'blue' : 'default'} bordered={false}>
            {f.required ? c.required : c.optional}
          </Tag>
        </Flex>
        {f.justification && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.justification}
          </Typography.Text>
        )}
      </Flex>
    </Checkbox>
  );
}

/** PIPL Art. 23, 29, 39: the version's own reasons for 单独同意 (the review's rule), and a tick of its own. */
function SeparateConsentItem({
  scenario,
  version,
  forWard,
}: {
  scenario: Scenario;
  version: ScenarioVersion;
  /** a guardian consenting for a child under 14: all of the child's information is sensitive (PIPL Art. 28, 31) */
  forWard: boolean;
}) {
  const t = useT();
  const c = t.consentPerson.form;
  const kept = version.fields.filter((f) => !f.struck);
  const sensitive = kept.filter((f) => isSensitive(f.category)).map((f) => f.label);
  const reasons = [
    sensitive.length > 0 && c.separateReasons.sensitive(sensitive.join(t.consentPerson.sep)),
    isThirdParty(scenario.orgName, version.recipient) && c.separateReasons.thirdParty(version.recipient),
    version.crossBorder && c.separateReasons.crossBorder,
    forWard && c.separateReasons.minor,
  ].filter((r): r is string => !!r);
  const why = (
    <>
      {c.separateWhy}
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="separate-reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </>
  );
  return (
    <Form.Item
      name="separateConsent"
      label={c.separate}
      valuePropName="checked"
      extra={why}
      rules={[
        {
          validator: async (_r, v) => {
            if (!v) throw new Error(c.separateRequired);
          },
        },
      ]}
    >
      <Checkbox data-testid="separate-consent">{c.separateLabel}</Checkbox>
    </Form.Item>
  );
}

/**
 * 同意授权 for one scenario version (PIPL Art. 14, 16): required fields are locked in, optional ones start
 * unticked and may be refused, 单独同意 is its own tick where the version needs it, and the grant ends on a date.
 */
export function GrantForm({
  scenario,
  version,
  subjectId,
  me,
  onGranted,
  onRefused,
}: {
  scenario: Scenario;
  version: ScenarioVersion;
  subjectId: string;
  me: Person;
  onGranted: (g: ConsentGrant) => void;
  onRefused: () => void;
}) {
  const t = useT();
  const c = t.consentPerson.form;
  const phone = useIsPhone();
  const refresh = useRefreshConsent();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [atField, setAtField] = useState(false);
  const fields = version.fields.filter((f) => !f.struck);
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const give = useMutation({
    mutationFn: (v: Values) =>
      sdk.consent.give({
        body: {
          versionId: version.id,
          fields: [...new Set([...required, ...v.fields])],
          expiresAt: pickerToIso(v.expiresAt.endOf('day')),
          separateConsent: (version.separateConsent || subjectId !== me.userId) && v.separateConsent,
          onBehalfOf: subjectId === me.userId ? undefined : subjectId,
        },
      }),
    onSuccess: async (g) => {
      await refresh();
      onGranted(g);
    },
    onError: (e) => {
      // a newer version came into force while the form was open: show that one instead of a dead end
      if ((asApiError(e).details as { field?: unknown } | undefined)?.field === 'versionId') {
        void message.warning(c.versionChanged);
        return void refresh();
      }
      setAtField(showErrorAtField(form, e, t, ['fields', 'separateConsent', 'expiresAt']));
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        fields: required,
        separateConsent: false,
        expiresAt: dayjs().add(Math.min(365, me.rules.maxGrantDays - 1), 'day'),
      }}
      onFinish={(v) => give.mutate(v)}
      data-testid="grant-form"
    >
      {/* an error beside its field is not repeated above the form */}
      <MutationErrorAlert error={atField ? null : give.error} title={c.failed} />
      <Form.Item name="fields" label={c.fields} extra={c.fieldsHelp}>
        <Checkbox.Group style={{ width: '100%' }}>
          <Flex vertical gap={10}>
            {fields.map((f) => (
              <FieldOption key={f.name} f={f} />
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      {(version.separateConsent || subjectId !== me.userId) && (
        <SeparateConsentItem scenario={scenario} version={version} forWard={subjectId !== me.userId} />
      )}
      <Form.Item
        name="expiresAt"
        label={c.expiry}
        extra={c.expiryHelp(me.rules.maxGrantDays)}
        rules={[{ required: true, message: c.expiryRequired }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={outOfTerm(me.rules.maxGrantDays)}
          allowClear={false}
          inputReadOnly={phone}
          data-testid="grant-expiry"
        />
      </Form.Item>
      {/* the primary action on the right, or on top on a phone */}
      <Flex gap={8} justify="end" style={{ flexDirection: phone ? 'column-reverse' : 'row' }}>
        <RefuseButton
          scenario={scenario}
          onBehalfOf={subjectId === me.userId ? undefined : subjectId}
          coolDownDays={me.rules.refusalCoolDownDays}
          onRefused={onRefused}
        />
        <Button
          type="primary"
          htmlType="submit"
          icon={<CheckOutlined />}
          loading={give.isPending}
          block={phone}
          data-testid="grant-submit"
        >
          {c.submit}
        </Button>
      </Flex>
    </Form>
  );
}
