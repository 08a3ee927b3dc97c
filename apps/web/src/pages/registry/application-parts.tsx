import type { z } from 'zod';
import {
  RegistryReasonBody,
  RegistryReviewBody,
  type RegistrationDetail,
  type RegistryObjection,
} from '@shuliu/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { formatTime } from '../../lib/time';
import { zodRule } from '../../lib/zod-form';
import { DocumentList, DueCell, ObjStatusTag, RightsTags } from './registry-parts';

export const CHECKS = ['descriptionAccuracy', 'sourceCompliance', 'rightsClarity'] as const;

/** The particulars of an application and, once reviewed, its checklist. */
export function ApplicationFacts({ a }: { a: RegistrationDetail }) {
  const t = useT();
  return (
    <>
      <Card title={t.common.detail} style={{ marginBottom: 16 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'id',
              label: t.registry.appNo,
              children: <Typography.Text code>{a.id}</Typography.Text>,
            },
            { key: 'type', label: t.registry.type, children: enumLabel(t.regType, a.type) },
            { key: 'cat', label: t.registry.category, children: enumLabel(t.regCategory, a.category) },
            {
              key: 'object',
              label: t.registry.object,
              children: <Link to={`/catalog/resources/${a.objectId}`}>{a.objectTitle}</Link>,
            },
            {
              key: 'applicant',
              label: t.registry.applicant,
              children: a.applicantOrgName ?? a.applicantOrgId,
            },
            { key: 'rights', label: t.registry.rights, children: <RightsTags rights={a.rights} /> },
            { key: 'scope', label: t.registry.scope, children: a.scope ?? '—', span: 2 },
            {
              key: 'source',
              label: t.registry.sourceDesc,
              children: a.source?.description ?? '—',
              span: 2,
            },
            { key: 'format', label: t.registry.format, children: a.format ?? '—' },
            {
              key: 'freq',
              label: t.registry.updateFrequency,
              children: a.updateFrequency ? enumLabel(t.updateFrequency, a.updateFrequency) : '—',
            },
            ...(a.certificateNo
              ? [{ key: 'cert', label: t.registry.certNo, children: a.certificateNo }]
              : []),
            ...(a.counterpartyOrgName
              ? [{ key: 'cp', label: t.registry.counterparty, children: a.counterpartyOrgName }]
              : []),
            ...(a.reason ? [{ key: 'reason', label: t.registry.reason, children: a.reason, span: 2 }] : []),
            { key: 'reviewer', label: t.registry.reviewer, children: a.reviewerOrgName ?? '—' },
            {
              key: 'decl',
              label: t.registry.declarations,
              children: a.declarations.map((d) => t.regDeclaration[d]?.title ?? d).join('、') || '—',
            },
          ]}
        />
      </Card>
      {a.checklist && (
        <Card title={t.registry.checklistTitle} style={{ marginBottom: 16 }} data-testid="app-checklist">
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              ...CHECKS.map((c) => ({
                key: c,
                label: t.checklist[c],
                children: (
                  <Space>
                    <Typography.Text type={a.checklist![c].passed ? 'success' : 'danger'}>
                      {a.checklist![c].passed ? t.registry.passed : t.registry.failed}
                    </Typography.Text>
                    {a.checklist![c].note}
                  </Space>
                ),
              })),
              { key: 'opinion', label: t.registry.opinion, children: a.reviewOpinion ?? '—' },
            ]}
          />
        </Card>
      )}
    </>
  );
}

/** Objections raised during the notice, each with its documents and, for the operator, a way to decide it. */
export function ObjectionsCard({
  a,
  canDecide,
  onDecide,
}: {
  a: RegistrationDetail;
  canDecide: boolean;
  onDecide: (o: RegistryObjection) => void;
}) {
  const t = useT();
  return (
    <Card title={t.registry.objections} style={{ marginBottom: 16 }} data-testid="app-objections">
      {a.objections.length === 0 ? (
        <Typography.Text type="secondary">{t.common.none}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {a.objections.map((o) => (
            <Card key={o.id} size="small" data-testid={`objection-${o.id}`}>
              <Flex justify="space-between" wrap gap={8}>
                <Space wrap>
                  <Typography.Text strong>{o.objectorOrgName ?? o.objectorOrgId}</Typography.Text>
                  <ObjStatusTag status={o.status} />
                  <Typography.Text type="secondary">
                    {formatTime(o.createdAt)} · {t.registry.dueAt} {formatTime(o.dueAt, 'YYYY-MM-DD')}
                  </Typography.Text>
                </Space>
                {canDecide && o.status === 'open' && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => onDecide(o)}
                    data-testid={`objection-decide-${o.id}`}
                  >
                    {t.registry.decide}
                  </Button>
                )}
              </Flex>
              <Typography.Paragraph style={{ margin: '8px 0' }}>{o.reason}</Typography.Paragraph>
              <DocumentList files={o.files} />
              {o.decisionReason && (
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t.registry.decideReason}: {o.decisionReason}
                </Typography.Paragraph>
              )}
            </Card>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The working-day deadlines of each step. */
export function DeadlinesCard({ a }: { a: RegistrationDetail }) {
  const t = useT();
  return (
    <Card title={t.registry.deadlines} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'due', label: t.registry.dueAt, children: <DueCell app={a} /> },
          { key: 'acc', label: t.registry.acceptDue, children: formatTime(a.deadlines.acceptDueAt) },
          { key: 'rev', label: t.registry.reviewDue, children: formatTime(a.deadlines.reviewDueAt) },
          {
            key: 'ns',
            label: t.registry.noticeStarts,
            children: formatTime(a.deadlines.noticeStartsAt),
          },
          {
            key: 'ne',
            label: t.registry.noticeEnds,
            children: <span data-testid="app-notice-ends">{formatTime(a.deadlines.noticeEndsAt)}</span>,
          },
          {
            key: 'obj',
            label: t.registry.objectionDue,
            children: formatTime(a.deadlines.objectionDueAt),
          },
        ]}
      />
    </Card>
  );
}

/** 受理: the reviewing org (the operator itself when none is chosen) and a note. */
export function AcceptFields({
  parties,
}: {
  parties: { isPending: boolean; data?: { items: { id: string; name: string }[] } };
}) {
  const t = useT();
  return (
    <>
      <Form.Item name="reviewerOrgId" label={t.registry.reviewerOrg}>
        <Select
          allowClear
          placeholder={t.registry.reviewerOwn}
          loading={parties.isPending}
          options={(parties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t.registry.acceptNote}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

/** A required reason (rejection, objection decision), bounded as the API bounds it. */
/** A required reason: trimmed, not blank, and as long as the contract's field allows (shown as a counter). */
export function ReasonField({
  label,
  testId,
  schema = RegistryReasonBody.shape.reason,
  rows = 3,
}: {
  label: string;
  testId: string;
  schema?: z.ZodString;
  rows?: number;
}) {
  const t = useT();
  return (
    <Form.Item
      name="reason"
      label={label}
      rules={[{ required: true, whitespace: true, message: t.validation.required }, zodRule(schema, t)]}
    >
      <Input.TextArea rows={rows} maxLength={schema.maxLength ?? undefined} showCount data-testid={testId} />
    </Form.Item>
  );
}

/** 审查: the three checks (形式 + 实质), each passed or failed with a note, and the opinion. */
export function ReviewFields() {
  const t = useT();
  return (
    <>
      <Alert type="info" showIcon title={t.registry.reviewHelp} style={{ marginBottom: 16 }} />
      {CHECKS.map((c) => (
        <Flex key={c} gap={12} align="start">
          <Form.Item
            name={c}
            label={t.checklist[c]}
            initialValue={true}
            valuePropName="checked"
            style={{ minWidth: 220 }}
          >
            <Switch
              checkedChildren={t.registry.passed}
              unCheckedChildren={t.registry.failed}
              data-testid={`check-${c}`}
            />
          </Form.Item>
          <Form.Item name={`${c}Note`} label={t.registry.reviewNote} style={{ flex: 1 }}>
            <Input maxLength={1000} data-testid={`check-${c}-note`} />
          </Form.Item>
        </Flex>
      ))}
      <Form.Item
        name="opinion"
        label={t.registry.opinion}
        rules={[
          { required: true, whitespace: true, message: t.validation.required },
          zodRule(RegistryReviewBody.shape.opinion, t),
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="review-opinion" />
      </Form.Item>
    </>
  );
}

/** 异议处理: upheld or dismissed, with the reason. */
export function DecideFields({ objection }: { objection: RegistryObjection | null }) {
  const t = useT();
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t.registry.decideHelp}
        description={objection?.reason}
        style={{ marginBottom: 16 }}
      />
      <Form.Item name="upheld" initialValue={false} label={t.registry.decide}>
        <Radio.Group>
          <Radio value={true} data-testid="decide-upheld">
            {t.registry.upheld}
          </Radio>
          <Radio value={false} data-testid="decide-dismissed">
            {t.registry.dismissed}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <ReasonField label={t.registry.decideReason} testId="decide-reason" />
    </>
  );
}
