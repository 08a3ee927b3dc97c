import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
} from '@ant-design/icons';
import type { Scenario, ScenarioVersion } from '@shuliu/contracts';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../auth/AuthProvider';
import { PageContainer } from '../../../components/PageContainer';
import { useT } from '../../../i18n/I18nProvider';
import { DATA_USERS } from '../../../layout/nav';
import { formatTime } from '../../../lib/time';
import { AskModal } from './AskModal';
import { isThirdParty } from './scenario-rules';
import {
  VersionChangesHint,
  VersionFieldsTable,
  VersionStatusTag,
  VersionTerms,
  useScenario,
} from './scenario-parts';
import { QueryState } from '../../../components/QueryState';

/** What the review decided beyond the fields: separate consent, the PIPIA record, biometrics. */
function ReviewFlags({ v }: { v: ScenarioVersion }) {
  const c = useT().consentScenarios;
  if (v.status === 'in_review') return null;
  return (
    <Space size={[4, 4]} wrap data-testid={`flags-v${v.version}`}>
      {v.separateConsent && <Tag color="orange">{c.separateConsent}</Tag>}
      {v.pipiaRef && (
        <Tag color="purple" data-testid={`pipia-v${v.version}`}>
          {c.pipiaRef}: {v.pipiaRef}
        </Tag>
      )}
      {v.biometricApproved && <Tag color="magenta">{c.biometricApproved}</Tag>}
    </Space>
  );
}

const DOT = {
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  rejected: { color: 'red', icon: <CloseCircleOutlined /> },
  in_review: { color: 'blue', icon: <ClockCircleOutlined /> },
  superseded: { color: 'gray', icon: <EditOutlined /> },
};

/** 版本历史, newest first: each version's state, review, struck fields, flags, and what it changed. */
function VersionTimeline({ s }: { s: Scenario }) {
  const c = useT().consentScenarios;
  return (
    <Timeline
      data-testid="scenario-versions"
      items={s.versions.map((v, i) => ({
        key: v.id,
        ...DOT[v.status],
        content: (
          <Flex vertical gap={8} data-testid={`version-${v.version}`} data-status={v.status}>
            <Space wrap>
              <Typography.Text strong>{c.version(v.version)}</Typography.Text>
              <VersionStatusTag status={v.status} />
              {v.id === s.currentVersionId && <Tag color="green">{c.current}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.submittedAt} {formatTime(v.createdAt)}
                {v.reviewedAt && ` · ${c.reviewedAt} ${formatTime(v.reviewedAt)}`}
              </Typography.Text>
            </Space>
            <VersionChangesHint v={v} prev={s.versions[i + 1]} />
            <ReviewFlags v={v} />
            {v.reviewNote && (
              <Typography.Paragraph style={{ margin: 0 }} data-testid={`note-v${v.version}`}>
                <Typography.Text type="secondary">{c.reviewNote}: </Typography.Text>
                {v.reviewNote}
              </Typography.Paragraph>
            )}
            <VersionTerms v={v} thirdParty={isThirdParty(s, v)} />
            <VersionFieldsTable fields={v.fields} testId={`fields-v${v.version}`} />
          </Flex>
        ),
      }))}
    />
  );
}

/** One scenario: the version in force, the one in review, the version history, and the owner's actions. */
export function ScenarioDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const c = t.consentScenarios;
  const { me, hasRole } = useAuth();
  const [asking, setAsking] = useState(false);
  const q = useScenario(id);
  if (q.isPending || q.isError) return <QueryState q={q} />;
  const s = q.data;
  const current = s.versions.find((v) => v.id === s.currentVersionId);
  const newest = s.versions[0];
  const owner = !!me?.org && me.org.id === s.orgId && hasRole(...DATA_USERS);
  const reviewable = hasRole('operator') && newest?.status === 'in_review';
  const actions = reviewable ? (
    <Link to={`/consent/review/${s.id}`}>
      <Button type="primary" data-testid="scenario-review">
        {c.doReview}
      </Button>
    </Link>
  ) : (
    owner && (
      <Space wrap>
        <Link to={`/consent/received?scenarioId=${s.id}`}>
          <Button data-testid="scenario-grants">{c.receivedGrants}</Button>
        </Link>
        {current && (
          <Button onClick={() => setAsking(true)} data-testid="scenario-ask">
            {c.ask}
          </Button>
        )}
        <Link to={`/consent/scenarios/${s.id}/revise`}>
          <Button type="primary" icon={<EditOutlined />} data-testid="scenario-revise">
            {c.revise}
          </Button>
        </Link>
      </Space>
    )
  );
  return (
    <PageContainer
      title={<span data-testid="scenario-heading">{s.title}</span>}
      subTitle={s.orgName ?? s.orgId}
      extra={actions}
    >
      {!current && <Alert type="warning" showIcon title={c.noApproved} style={{ marginBottom: 16 }} />}
      {current && newest && newest.status === 'in_review' && (
        <Alert
          type="info"
          showIcon
          title={c.pendingReview(newest.version)}
          style={{ marginBottom: 16 }}
          data-testid="scenario-pending"
        />
      )}
      <Card
        title={
          <Space>
            {c.currentVersion}
            <span data-testid="scenario-current">{current ? c.version(current.version) : c.noCurrent}</span>
          </Space>
        }
        extra={current && <ReviewFlags v={current} />}
        style={{ marginBottom: 16 }}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginBottom: current ? 16 : 0 }}
          items={[
            { key: 'id', label: 'ID', children: <Typography.Text code>{s.id}</Typography.Text> },
            { key: 'org', label: c.org, children: s.orgName ?? s.orgId },
            { key: 'created', label: c.createdAt, children: formatTime(s.createdAt) },
          ]}
        />
        {current && (
          <Flex vertical gap={12}>
            <VersionTerms v={current} thirdParty={isThirdParty(s, current)} />
            <VersionFieldsTable fields={current.fields.filter((f) => !f.struck)} showStruck={false} />
          </Flex>
        )}
      </Card>
      <Card title={c.versions}>
        <VersionTimeline s={s} />
      </Card>
      {owner && <AskModal scenarioId={s.id} open={asking} onClose={() => setAsking(false)} />}
    </PageContainer>
  );
}
