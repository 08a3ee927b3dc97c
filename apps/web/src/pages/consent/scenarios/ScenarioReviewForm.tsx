import {
  ReviewBody,
  type Paged,
  type Scenario,
  type ScenarioField,
  type ScenarioVersion,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router';
import { asApiError } from '../../../api/errors';
import { MutationErrorAlert } from '../../../components/QueryError';
import { sdk } from '../../../api/sdk';
import { useT } from '../../../i18n/I18nProvider';
import { showServerIssues, zodRule } from '../../../lib/zod-form';
import { CategoryTag, VersionChangesHint, VersionTerms, scenarioKeys } from './scenario-parts';
import { isThirdParty, needsSeparateConsent, pipiaReasons, unjustified } from './scenario-rules';

interface Values {
  strike: Record<string, { on?: boolean; reason?: string }>;
  biometricApproved?: boolean;
  pipiaRef?: string;
  note?: string;
}

type ReviewInput = z.input<typeof ReviewBody>;
const Strike = ReviewBody.shape.strike.unwrap().element.shape;

/** The server strikes a field without a justification whatever the reviewer ticks: it is ticked and locked. */
const initialOf = (v: ScenarioVersion, reason: string): Values => ({
  strike: Object.fromEntries(
    v.fields.map((f) => [f.name, unjustified(f) ? { on: true, reason } : { on: false }]),
  ),
  biometricApproved: false,
});

/** The fields that stay after this review, as the server will decide them. */
function keptOf(v: ScenarioVersion, w: Values | undefined): ScenarioField[] {
  return v.fields.filter(
    (f) =>
      !w?.strike?.[f.name]?.on && !unjustified(f) && !(f.category === 'biometric' && !w?.biometricApproved),
  );
}

/** Each field with its category, sensitivity and justification; a tick strikes it, with a reason. */
function StrikeTable({ fields, ticked }: { fields: ScenarioField[]; ticked: (name: string) => boolean }) {
  const t = useT();
  const c = t.consentScenarios;
  return (
    <Table<ScenarioField>
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={fields}
      data-testid="review-fields"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'field',
          title: c.fieldLabel,
          render: (_, f) => (
            <Space size={4}>
              {f.label}
              <Typography.Text type="secondary" code>
                {f.name}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'category',
          title: c.fieldCategory,
          render: (_, f) => <CategoryTag category={f.category} />,
        },
        { key: 'required', title: c.required, render: (_, f) => (f.required ? c.required : c.optional) },
        {
          key: 'justification',
          title: c.justification,
          render: (_, f) =>
            unjustified(f) ? (
              <Typography.Text type="warning">{f.justification || c.suggestedStrike}</Typography.Text>
            ) : (
              f.justification
            ),
        },
        {
          key: 'strike',
          title: c.strike,
          render: (_, f) => (
            <Form.Item name={['strike', f.name, 'on']} valuePropName="checked" style={{ margin: 0 }}>
              <Checkbox
                disabled={unjustified(f)}
                aria-label={`${c.strike} ${f.label}`}
                data-testid={`strike-${f.name}`}
              />
            </Form.Item>
          ),
        },
        {
          key: 'reason',
          title: c.strikeReason,
          render: (_, f) => (
            <Form.Item
              name={['strike', f.name, 'reason']}
              dependencies={[['strike', f.name, 'on']]}
              style={{ margin: 0, minWidth: 240 }}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, value: string | undefined) => {
                    if (getFieldValue(['strike', f.name, 'on']) && !value?.trim())
                      throw new Error(t.validation.required);
                  },
                }),
                zodRule(Strike.reason, t),
              ]}
            >
              <Input
                maxLength={500}
                disabled={!ticked(f.name)}
                placeholder={c.strikeReasonPlaceholder}
                data-testid={`strike-${f.name}-reason`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/**
 * 最小必要审查 of one version: tick the fields to strike with a reason, decide biometrics explicitly, give the
 * PIPIA record when the kept fields and terms need one (shown before the server refuses), then approve or reject.
 */
export function ScenarioReviewForm({ s, v }: { s: Scenario; v: ScenarioVersion }) {
  const t = useT();
  const c = t.consentScenarios;
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const w = Form.useWatch([], form) as Values | undefined;
  const kept = keptOf(v, w);
  const reasons = pipiaReasons(s, v, kept);
  const biometric = v.fields.filter((f) => f.category === 'biometric');
  const prev = s.versions[s.versions.findIndex((x) => x.id === v.id) + 1];
  const review = useMutation({
    mutationFn: (body: ReviewInput) => sdk.consent.review({ params: { id: s.id }, body }),
    onSuccess: (_r, body) => {
      // the queue page opens from cache: drop the decided scenario there so it never shows as still waiting
      qc.setQueriesData<Paged<Scenario>>(
        { queryKey: scenarioKeys.queue },
        (old) =>
          old && { ...old, items: old.items.filter((x) => x.id !== s.id), total: Math.max(0, old.total - 1) },
      );
      void qc.invalidateQueries({ queryKey: scenarioKeys.all });
      void message.success(body.approve ? c.approved(s.title) : c.rejected(s.title));
      void navigate('/consent/review');
    },
    onError: (e) => {
      // decided by someone else meanwhile: reload, and the page says there is nothing left to review
      if (asApiError(e).code === 'CONSENT_NOTHING_TO_REVIEW')
        void qc.invalidateQueries({ queryKey: scenarioKeys.one(s.id) });
      showServerIssues(form, e);
    },
  });

  const bodyOf = (x: Values, approve: boolean): ReviewInput => ({
    versionId: v.id,
    approve,
    strike: v.fields
      .filter((f) => x.strike?.[f.name]?.on)
      .map((f) => ({ field: f.name, reason: (x.strike[f.name]!.reason ?? '').trim() })),
    biometricApproved: !!x.biometricApproved,
    ...(x.pipiaRef?.trim() && { pipiaRef: x.pipiaRef.trim() }),
    ...(x.note?.trim() && { note: x.note.trim() }),
  });

  /** What only a decision needs: approval its PIPIA record and biometric decision, a rejection its reason. */
  const problems = (x: Values, approve: boolean) => {
    const out: Parameters<typeof form.setFields>[0] = [];
    if (!approve) {
      if (!x.note?.trim()) out.push({ name: ['note'], errors: [c.noteRequired] });
      return out;
    }
    for (const f of biometric)
      if (!x.strike?.[f.name]?.on && !x.biometricApproved)
        out.push({ name: ['strike', f.name, 'on'], errors: [c.biometricUndecided] });
    if (reasons.length > 0 && !x.pipiaRef?.trim())
      out.push({ name: ['pipiaRef'], errors: [t.validation.required] });
    return out;
  };

  const decide = (approve: boolean) =>
    form.validateFields().then(
      (x) => {
        const found = problems(x, approve);
        if (found.length) return form.setFields(found);
        if (approve && kept.length === 0) return void message.error(c.allStruck);
        const body = bodyOf(x, approve);
        const struck = v.fields.filter((f) => x.strike?.[f.name]?.on).map((f) => f.label);
        modal.confirm({
          title: approve ? c.approveConfirm : c.rejectConfirm,
          content: struck.length ? c.confirmStruck(t.common.list(struck)) : c.confirmNoStrike,
          okButtonProps: { danger: !approve, ...({ 'data-testid': 'review-confirm-ok' } as object) },
          onOk: () => review.mutateAsync(body).catch(() => undefined),
        });
      },
      () => undefined,
    );

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialOf(v, c.defaultStrikeReason)}>
      <Card
        title={c.reviewing(v.version)}
        style={{ marginBottom: 16 }}
        extra={<VersionChangesHint v={v} prev={prev} />}
      >
        <Alert type="info" showIcon title={c.reviewIntro} style={{ marginBottom: 16 }} />
        <VersionTerms v={v} thirdParty={isThirdParty(s, v)} />
      </Card>
      <Card title={c.fields} style={{ marginBottom: 16 }}>
        <StrikeTable fields={v.fields} ticked={(name) => !!w?.strike?.[name]?.on} />
      </Card>
      <Card title={c.conclusion} style={{ marginBottom: 16 }}>
        <MutationErrorAlert error={review.error} />
        {biometric.length > 0 && (
          <Form.Item
            name="biometricApproved"
            label={c.biometricApprove}
            extra={c.biometricApproveHelp}
            valuePropName="checked"
          >
            <Switch data-testid="review-biometric" />
          </Form.Item>
        )}
        {reasons.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="review-pipia-needed"
            title={`${c.pipiaNeeded}${t.common.list(reasons.map((r) => c.pipiaWhy[r] ?? r))}`}
            description={needsSeparateConsent(reasons) ? c.separateWill : undefined}
          />
        )}
        <Form.Item
          name="pipiaRef"
          label={c.pipiaRef}
          required={reasons.length > 0}
          rules={[zodRule(ReviewBody.shape.pipiaRef.unwrap(), t)]}
        >
          <Input
            maxLength={200}
            placeholder={c.pipiaPlaceholder}
            style={{ maxWidth: 360 }}
            data-testid="review-pipia"
          />
        </Form.Item>
        <Form.Item name="note" label={c.note} rules={[zodRule(ReviewBody.shape.note.unwrap(), t)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="review-note" />
        </Form.Item>
        <Flex justify="end" gap={8}>
          <Button
            danger
            onClick={() => void decide(false)}
            loading={review.isPending}
            data-testid="review-reject"
          >
            {c.reject}
          </Button>
          <Button
            type="primary"
            onClick={() => void decide(true)}
            loading={review.isPending}
            data-testid="review-approve"
          >
            {c.approve}
          </Button>
        </Flex>
      </Card>
    </Form>
  );
}
