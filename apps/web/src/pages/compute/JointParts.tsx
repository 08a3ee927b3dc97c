import { verifyJointPart, type Job } from '@shuliu/contracts';
import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { isPending } from './compute-parts';

/** A joint statistic's spec: the datasets it reads, the statistic and its groups. */
export function JointSpecView({ job: j }: { job: Job }) {
  const x = useT().compute;
  const s = j.joint!;
  return (
    <Descriptions
      title={x.joint.spec}
      column={{ xs: 1, md: 2 }}
      size="small"
      style={{ marginTop: 12 }}
      data-testid="job-joint"
    >
      <Descriptions.Item label={x.joint.datasets} span={2}>
        {[j.datasetId, ...s.with].map((id) => (
          <Tag key={id}>{id}</Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={x.joint.statistic}>
        {x.joint.statistics[s.statistic]}
        {s.column ? `（${s.column}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={x.joint.groupBy}>
        {s.groupBy ? `${s.groupBy.column}：${s.groupBy.categories.join('、')}` : x.joint.noGroups}
      </Descriptions.Item>
      {isPending(j) && (
        <Descriptions.Item label={x.statusTitle} span={2}>
          {x.joint.step((j.jointParts?.length ?? 0) + 1, s.with.length + 1)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * The parts of a joint statistic: which agent computed each dataset's local aggregate, its SM3 and the agent's
 * signature, each checked in the browser; the exact parts themselves never leave the platform.
 */
export function JointPartsCard({ job: j }: { job: Job }) {
  const x = useT().compute;
  const parts = useMemo(() => (j.jointParts ?? []).map((p) => ({ ...p, ok: verifyJointPart(j, p) })), [j]);
  if (!parts.length) return null;
  const all = parts.every((p) => p.ok);
  return (
    <Card title={x.joint.parts} style={{ marginTop: 16 }} data-testid="job-joint-parts">
      <Alert
        type={all ? 'success' : 'error'}
        showIcon
        title={all ? x.joint.partsVerified : x.joint.partsUnverified}
        description={x.joint.partsHelp}
        style={{ marginBottom: 12 }}
        data-testid="job-joint-verdict"
        data-ok={String(all)}
      />
      <Table
        size="small"
        rowKey="datasetId"
        pagination={false}
        dataSource={parts}
        columns={[
          { title: x.dataset, dataIndex: 'datasetId' },
          { title: x.agent, dataIndex: 'agentId' },
          {
            title: x.joint.localHash,
            render: (_, p) => (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {p.localHash}
              </Typography.Text>
            ),
          },
          {
            title: x.signature,
            render: (_, p) => (
              <Tag color={p.ok ? 'green' : 'red'}>{p.ok ? x.joint.valid : x.joint.invalid}</Tag>
            ),
          },
        ]}
      />
      {j.ledgerIndex !== null && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {x.ledgerIndex}：<Link to="/ledger">#{j.ledgerIndex}</Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
