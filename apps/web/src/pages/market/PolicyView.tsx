import {
  describePolicy,
  evaluate,
  ORG_TYPES,
  POLICY_ACTIONS,
  validatePolicy,
  type OrgType,
  type PolicyDecision,
  type UsagePolicy,
} from '@shuliu/contracts';
import { Alert, AutoComplete, Button, Card, Collapse, Flex, Form, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { divisionOptions, usePolicyLabels } from './market-parts';

/** A stored policy read to its normal form, or null when there is none or it cannot be read. */
export function readPolicy(json: Record<string, unknown> | null): UsagePolicy | null {
  if (!json) return null;
  const v = validatePolicy(json);
  return v.ok ? v.policy : null;
}

/** The usage policy in plain words (describePolicy, the same JSON the evaluator decides by) and its JSON-LD. */
export function PolicyWords({ json }: { json: Record<string, unknown> | null }) {
  const t = useT();
  const { lang } = useI18n();
  const labels = usePolicyLabels();
  if (!json) return <Typography.Text type="secondary">{t.market.policyNone}</Typography.Text>;
  const policy = readPolicy(json);
  return (
    <>
      {policy ? (
        <Typography.Paragraph data-testid="policy-words" style={{ fontSize: 15 }}>
          {describePolicy(policy, lang, labels)}
        </Typography.Paragraph>
      ) : (
        <Alert type="warning" showIcon title={t.market.policyInvalid} style={{ marginBottom: 12 }} />
      )}
      <Collapse
        size="small"
        items={[
          {
            key: 'raw',
            label: t.market.policyRaw,
            children: (
              <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }} data-testid="policy-raw">
                {JSON.stringify(json, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </>
  );
}

interface CheckForm {
  purpose?: string;
  region?: string;
  action: string;
  orgType: OrgType;
}

/** Purposes the policy names: a visitor picks one of them, or types their own. */
function purposesOf(policy: UsagePolicy): string[] {
  const out = new Set<string>();
  for (const rule of [...(policy.permission ?? []), ...(policy.prohibition ?? [])])
    for (const c of rule.constraint ?? [])
      if ('leftOperand' in c && c.leftOperand === 'purpose')
        for (const v of [c.rightOperand].flat()) out.add(String(v));
  return [...out];
}

/** 用途自查: a visitor asks the policy about their own use and reads evaluate()'s answer in words. */
export function PolicyCheckPanel({ policy }: { policy: UsagePolicy }) {
  const t = useT();
  const { lang } = useI18n();
  const { me } = useAuth();
  const labels = usePolicyLabels();
  const [form] = Form.useForm<CheckForm>();
  const [decision, setDecision] = useState<PolicyDecision | null>(null);
  const myTypes = me?.org?.types ?? [];
  const run = (v: CheckForm) =>
    setDecision(
      evaluate(
        policy,
        {
          party: { orgId: me?.org?.id ?? 'org_visitor', orgType: v.orgType },
          action: v.action,
          context: { purpose: v.purpose ?? null, region: v.region ?? null, now: new Date() },
        },
        labels,
      ),
    );
  const actions = POLICY_ACTIONS.filter(
    (a) => !['compensate', 'attribute', 'inform', 'obtainConsent'].includes(a),
  );
  return (
    <Card title={t.market.checkTitle} data-testid="policy-check">
      <Typography.Paragraph type="secondary">{t.market.checkIntro}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ action: 'use', orgType: myTypes[0] ?? 'buyer' }}
        onFinish={run}
        onValuesChange={() => setDecision(null)}
      >
        <Flex gap={12} wrap>
          <Form.Item name="purpose" label={t.market.checkPurpose} style={{ minWidth: 180, flex: 1 }}>
            <AutoComplete
              allowClear
              options={purposesOf(policy).map((p) => ({ value: p, label: labels('purpose', p, lang) ?? p }))}
              data-testid="check-purpose"
            />
          </Form.Item>
          <Form.Item name="region" label={t.market.checkRegion} style={{ minWidth: 180, flex: 1 }}>
            <Select allowClear showSearch options={divisionOptions(lang)} data-testid="check-region" />
          </Form.Item>
          <Form.Item name="action" label={t.market.checkAction} style={{ minWidth: 160 }}>
            <Select
              options={actions.map((a) => ({ value: a, label: t.market.policyAction[a] }))}
              data-testid="check-action"
            />
          </Form.Item>
          <Form.Item name="orgType" label={t.market.checkOrgType} style={{ minWidth: 160 }}>
            <Select options={ORG_TYPES.map((o) => ({ value: o, label: t.orgType[o] }))} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" data-testid="check-run">
          {t.market.checkRun}
        </Button>
      </Form>
      {decision && (
        <div style={{ marginTop: 16 }} data-testid="check-result" data-allowed={decision.allowed}>
          {decision.allowed ? (
            <Alert
              type="success"
              showIcon
              title={t.market.allowed}
              description={
                decision.duties.length === 0 ? (
                  t.market.noDuties
                ) : (
                  <List
                    size="small"
                    header={t.market.dutiesDue}
                    dataSource={decision.duties}
                    renderItem={(d) => (
                      <List.Item>
                        {t.market.policyAction[d.action]}
                        {d.dueAt && ` · ${t.market.dueBy(formatTime(d.dueAt, 'YYYY-MM-DD HH:mm'))}`}
                      </List.Item>
                    )}
                  />
                )
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t.market.refused}
              description={
                <>
                  <div data-testid="check-reason">{decision.reason.message[lang]}</div>
                  {decision.reason.path && (
                    <Typography.Text type="secondary">
                      {t.market.failedAt}: <Typography.Text code>{decision.reason.path}</Typography.Text>
                    </Typography.Text>
                  )}
                </>
              }
            />
          )}
        </div>
      )}
    </Card>
  );
}
