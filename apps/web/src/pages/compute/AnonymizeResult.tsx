import { DownloadOutlined } from '@ant-design/icons';
import { api, type ExportSummary, type Job } from '@shuliu/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Flex,
  Progress,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { downloadBlob } from '../../lib/csv';
import { formatBytes, formatCount, formatPercent } from '../../lib/format';
import { LatticeView } from './LatticeView';

/**
 * Saves an anonymized export's CSV as the catalog's file downloads do: fetched with the session, an API error
 * thrown as one (the server decides who may: the holder, the consumer once released).
 */
async function downloadJobOutput(id: string, name: string): Promise<void> {
  const res = await sdk.client.download(api.compute.jobDownload, { params: { id } });
  downloadBlob(await res.blob(), name);
}

/** The file of a job the caller may download: the holder's in review or done, the consumer's once done. */
function DownloadButton({ job, summary }: { job: Job; summary: ExportSummary }) {
  const a = useT().compute.anon;
  const { message } = App.useApp();
  const errText = useErrorText();
  const [busy, setBusy] = useState(false);
  if (job.status !== 'review' && job.status !== 'done') return null;
  const download = () => {
    setBusy(true);
    downloadJobOutput(job.id, summary.fileName)
      .catch((e: unknown) => void message.error(errText(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid="job-download">
      {a.download}
    </Button>
  );
}

/** Each quasi-identifier's chosen level over the top of its hierarchy. */
function Transformation({ summary }: { summary: ExportSummary }) {
  const a = useT().compute.anon;
  return (
    <div data-testid="anon-transformation">
      {summary.transformation.map((q) => {
        const top = Math.max(q.height - 1, 1);
        return (
          <Flex
            key={q.column}
            align="center"
            gap={12}
            style={{ marginBottom: 6 }}
            data-column={q.column}
            data-level={q.level}
          >
            <Typography.Text code style={{ width: 120, flex: 'none' }}>
              {q.column}
            </Typography.Text>
            <Progress
              steps={top}
              percent={(q.level / top) * 100}
              showInfo={false}
              size={[Math.max(8, Math.floor(180 / top)), 10]}
            />
            <Tag>{a.level(q.level, q.height - 1)}</Tag>
          </Flex>
        );
      })}
    </div>
  );
}

/** What the generalization cost: Iyengar's loss, 1 − Sweeney's Prec, discernibility, the average class. */
function Loss({ summary }: { summary: ExportSummary }) {
  const a = useT().compute.anon;
  const l = summary.loss;
  const optimized = (m: 'loss' | 'precision') =>
    l.metric === m ? <Tag color="blue">{a.optimized}</Tag> : null;
  return (
    <Row gutter={16} data-testid="anon-loss">
      <Col xs={12} md={6}>
        <Statistic
          title={
            <Space>
              {a.loss}
              {optimized('loss')}
            </Space>
          }
          value={formatPercent(l.loss, 2)}
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={
            <Space>
              {a.generalization}
              {optimized('precision')}
            </Space>
          }
          value={formatPercent(l.precision, 2)}
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={a.discernibility} value={formatCount(l.discernibility)} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={a.avgClassSize} value={+l.avgClassSize.toFixed(2)} />
      </Col>
    </Row>
  );
}

/**
 * The derived catalog resource a released export became: a draft of the holder's, which the holder opens to
 * describe and publish; the consumer is told it exists (a draft is not theirs to open).
 */
function Derived({ job }: { job: Job }) {
  const a = useT().compute.anon;
  const { me } = useAuth();
  if (!job.derivedResourceId) return null;
  const holder = job.ownerOrgId === me?.org?.id;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={a.derived}
      description={holder ? a.derivedHelp : a.derivedOther}
      action={
        holder && (
          <Link to={`/catalog/resources/${job.derivedResourceId}`} data-testid="job-derived-resource">
            {a.openResource}
          </Link>
        )
      }
    />
  );
}

/**
 * 匿名化导出: the file (download, size, SM3), the transformation chosen for each quasi-identifier, what it
 * cost, and the lattice the search walked; the derived resource once released.
 */
export function ExportCard({ job, summary }: { job: Job; summary: ExportSummary }) {
  const t = useT();
  const a = t.compute.anon;
  const lat = summary.lattice;
  return (
    <Card
      title={a.export}
      style={{ marginTop: 16 }}
      extra={<DownloadButton job={job} summary={summary} />}
      data-testid="anon-export"
    >
      <Derived job={job} />
      <Loss summary={summary} />
      <Divider titlePlacement="start">{a.transformation}</Divider>
      <Transformation summary={summary} />
      <Divider titlePlacement="start">{a.file}</Divider>
      <Descriptions column={{ xs: 1, md: 3 }} size="small" data-testid="anon-file">
        <Descriptions.Item label={a.rows}>{formatCount(summary.rows)}</Descriptions.Item>
        <Descriptions.Item label={a.classes}>{formatCount(summary.classes)}</Descriptions.Item>
        <Descriptions.Item label={a.suppressedRows}>
          {summary.rows > 0
            ? t.common.aside(
                formatCount(summary.suppressed),
                formatPercent(summary.suppressed / summary.rows),
              )
            : formatCount(summary.suppressed)}
        </Descriptions.Item>
        <Descriptions.Item label={a.file}>{summary.fileName}</Descriptions.Item>
        <Descriptions.Item label={a.size}>{formatBytes(summary.size)}</Descriptions.Item>
        <Descriptions.Item label={a.columns}>{t.common.list(summary.columns)}</Descriptions.Item>
        <Descriptions.Item label={a.sm3} span={3}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {summary.sm3}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">{a.lattice}</Divider>
      <Descriptions column={{ xs: 2, md: 4 }} size="small" data-testid="anon-lattice-facts">
        <Descriptions.Item label={a.nodes}>{formatCount(lat.nodes)}</Descriptions.Item>
        <Descriptions.Item label={a.checked}>{formatCount(lat.checked)}</Descriptions.Item>
        <Descriptions.Item label={a.anonymousCount}>{formatCount(lat.anonymousCount)}</Descriptions.Item>
        <Descriptions.Item label={a.timeMs}>{lat.timeMs} ms</Descriptions.Item>
        <Descriptions.Item label={a.minimal} span={4}>
          <Space size={[4, 4]} wrap>
            {lat.minimal.map((m) => (
              <Tag key={m.join('.')} color="green">
                ({m.join(', ')})
              </Tag>
            ))}
            <Typography.Text type="secondary">{a.minimalHelp}</Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <LatticeView summary={summary} />
    </Card>
  );
}
