import { WarningOutlined } from '@ant-design/icons';
import type { ScenarioField, ScenarioVersion } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { sdk } from '../../../api/sdk';
import { StatusTag } from '../../../components/StatusTag';
import { useT } from '../../../i18n/I18nProvider';
import type { Messages } from '../../../i18n/zh-CN';
import { enumLabel } from '../../../i18n/labels';
import { hasChanges, isSensitive, versionChanges, type Term } from './scenario-rules';

/** Query keys: everything under ['consent', 'scenarios'] is refreshed after a scenario action. */
export const scenarioKeys = {
  all: ['consent', 'scenarios'] as const,
  one: (id: string) => ['consent', 'scenarios', 'one', id] as const,
  queue: ['consent', 'scenarios', 'queue'] as const,
  grants: ['consent', 'grants', 'received'] as const,
};

export function useScenario(id: string | undefined) {
  return useQuery({
    queryKey: scenarioKeys.one(id ?? ''),
    queryFn: () => sdk.consent.scenario({ params: { id: id! } }),
    enabled: !!id,
  });
}

/** A scenario version's status, in the portal's one colour per meaning. */
export function VersionStatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <span data-version-status={status}>
      <StatusTag status={status} label={enumLabel(t.consentScenarios.versionStatus, status)} />
    </span>
  );
}

export function GrantStatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <span data-grant-status={status}>
      <StatusTag status={status} label={enumLabel(t.consentScenarios.grantStatus, status)} />
    </span>
  );
}

/** A PI category, orange and flagged when it is sensitive (PIPL Art. 28). */
export function CategoryTag({ category }: { category: string }) {
  const t = useT();
  const sensitive = isSensitive(category);
  return (
    <Tag color={sensitive ? 'orange' : 'default'} icon={sensitive ? <WarningOutlined /> : undefined}>
      {enumLabel(t.consentPerson.category, category)}
      {sensitive ? ` · ${t.consentScenarios.sensitive}` : ''}
    </Tag>
  );
}

/** A version's fields as reviewed: category, required, justification, and what was struck and why. */
export function VersionFieldsTable({
  fields,
  testId,
  showStruck = true,
}: {
  fields: ScenarioField[];
  testId?: string;
  /** Off where only the kept fields are listed (the version in force). */
  showStruck?: boolean;
}) {
  const t = useT();
  const c = t.consentScenarios;
  return (
    <Table<ScenarioField>
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={fields}
      data-testid={testId}
      scroll={{ x: 'max-content' }}
      onRow={(f) => ({ 'data-field': f.name, 'data-struck': f.struck }) as object}
      columns={[
        {
          key: 'field',
          title: c.fieldLabel,
          render: (_, f) => (
            <Space size={4}>
              <Typography.Text delete={f.struck}>{f.label}</Typography.Text>
              <Typography.Text type="secondary" code>
                {f.name}
              </Typography.Text>
            </Space>
          ),
        },
        { key: 'category', title: c.fieldCategory, render: (_, f) => <CategoryTag category={f.category} /> },
        { key: 'required', title: c.required, render: (_, f) => (f.required ? c.required : c.optional) },
        {
          key: 'justification',
          title: c.justification,
          render: (_, f) => f.justification || <Typography.Text type="secondary">—</Typography.Text>,
        },
        ...(showStruck
          ? [
              {
                key: 'struck',
                title: c.strikeReason,
                render: (_: unknown, f: ScenarioField) =>
                  f.struck ? (
                    <Space size={4} data-testid={`struck-${f.name}`}>
                      <Tag color="red">{c.struck}</Tag>
                      {f.strikeReason}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

const yesNo = (t: Messages, b: boolean) => (b ? t.common.yes : t.common.no);

/** A version's processing rules (what the person is told before consenting). */
export function VersionTerms({ v, thirdParty }: { v: ScenarioVersion; thirdParty?: boolean }) {
  const t = useT();
  const c = t.consentScenarios;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'purpose', label: c.purpose, children: v.purpose, span: 2 },
        { key: 'legalBasis', label: c.legalBasis, children: v.legalBasis, span: 2 },
        {
          key: 'recipient',
          label: c.recipient,
          children: (
            <Space size={4}>
              {v.recipient}
              {thirdParty && <Tag color="orange">{c.thirdParty}</Tag>}
            </Space>
          ),
        },
        { key: 'method', label: c.processingMethod, children: v.processingMethod },
        { key: 'retention', label: c.retentionDays, children: `${v.retentionDays} ${c.days}` },
        { key: 'crossBorder', label: c.crossBorder, children: yesNo(t, v.crossBorder) },
        { key: 'automated', label: c.automatedDecision, children: yesNo(t, v.automatedDecision) },
      ]}
    />
  );
}

/** A one-line hint of what a version changed against the one before it. */
export function VersionChangesHint({ v, prev }: { v: ScenarioVersion; prev?: ScenarioVersion }) {
  const t = useT();
  const c = t.consentScenarios;
  if (!prev) return <Typography.Text type="secondary">{c.firstVersion}</Typography.Text>;
  const d = versionChanges(v, prev);
  if (!hasChanges(d)) return <Typography.Text type="secondary">{c.noMaterialChange}</Typography.Text>;
  const shown = (x: unknown) => (typeof x === 'boolean' ? (x ? t.common.yes : t.common.no) : String(x));
  const label: Record<Term, string> = {
    purpose: c.purpose,
    legalBasis: c.legalBasis,
    recipient: c.recipient,
    processingMethod: c.processingMethod,
    retentionDays: c.retentionDays,
    crossBorder: c.crossBorder,
    automatedDecision: c.automatedDecision,
  };
  return (
    <Flex gap={4} wrap align="center" data-testid={`changes-v${v.version}`}>
      <Typography.Text type="secondary">{c.changes}:</Typography.Text>
      {d.terms.map((k) => (
        <Tooltip key={k} title={`${c.version(prev.version)}: ${shown(prev[k])}`}>
          <Tag color="blue" data-change={k}>
            {label[k]}
          </Tag>
        </Tooltip>
      ))}
      {d.added.length > 0 && <Tag color="green">{`${c.fieldsAdded}: ${t.common.list(d.added)}`}</Tag>}
      {d.removed.length > 0 && <Tag color="red">{`${c.fieldsRemoved}: ${t.common.list(d.removed)}`}</Tag>}
      {d.changed.length > 0 && <Tag color="gold">{`${c.fieldsChanged}: ${t.common.list(d.changed)}`}</Tag>}
    </Flex>
  );
}
