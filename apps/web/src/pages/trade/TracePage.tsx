import { FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import type { TraceResult } from '@shuliu/contracts';
import { Button, Card, Descriptions, Flex, Progress, Result, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { uploadRaw, type UploadHandle } from '../../api/upload';
import { MutationErrorAlert } from '../../components/QueryError';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

type State =
  | { phase: 'idle' }
  | { phase: 'uploading'; name: string; sent: number }
  | { phase: 'done'; name: string; result: TraceResult }
  | { phase: 'failed'; error: unknown };

const traceUrl = (name: string) => `/api/trade/trace?${new URLSearchParams({ name }).toString()}`;

function Statistics({ r }: { r: TraceResult }) {
  const t = useT();
  const d = t.delivery;
  const s = r.statistics;
  return (
    <Card title={d.statistics} size="small" data-testid="trace-statistics">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'shape', label: d.fileShape, children: d.shape(r.rows, r.columns.length) },
          {
            key: 'sm3',
            label: d.fileSm3,
            children: (
              <Typography.Text
                code
                copyable={{ text: r.fileSm3 }}
              >{`${r.fileSm3.slice(0, 16)}…`}</Typography.Text>
            ),
          },
          ...(s
            ? [
                { key: 'marks', label: d.marks, children: d.marksOf(s.matches, s.observed) },
                {
                  key: 'p',
                  label: d.pValue,
                  children: <span data-testid="trace-p">{s.pValue.toExponential(2)}</span>,
                },
                { key: 'cells', label: d.cellsRead, children: s.cellsRead },
                { key: 'candidates', label: d.candidates, children: s.candidates },
                { key: 'alpha', label: d.alpha, children: s.alpha },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {d.statsNote}
      </Typography.Paragraph>
    </Card>
  );
}

function Traced({ r, onAgain }: { r: TraceResult; onAgain: () => void }) {
  const t = useT();
  const d = t.delivery;
  const again = (
    <Button key="again" onClick={onAgain} data-testid="trace-again">
      {d.again}
    </Button>
  );
  if (!r.match)
    return (
      <Result
        status="info"
        title={d.noMatch}
        subTitle={d.noMatchSub}
        extra={again}
        data-testid="trace-no-match"
      />
    );
  const m = r.match;
  return (
    <Result
      status="warning"
      icon={<FileSearchOutlined />}
      title={d.matched}
      subTitle={d.matchedSub(m.orderId)}
      extra={again}
      data-testid="trace-match"
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'order',
            label: d.order,
            children: (
              <Link to={`/trade/orders/${m.orderId}`} data-testid="trace-order">
                {m.orderId}
              </Link>
            ),
          },
          { key: 'contract', label: d.contract, children: m.contractNo },
          { key: 'buyer', label: d.buyer, children: `${m.buyerName ?? ''} (${m.buyerOrgId})` },
          { key: 'seller', label: d.seller, children: `${m.sellerName ?? ''} (${m.sellerOrgId})` },
          {
            key: 'product',
            label: d.product,
            children: <Link to={`/market/products/${m.productId}`}>{m.productTitle ?? m.productId}</Link>,
          },
          { key: 'resource', label: d.resource, children: m.resourceTitle ?? m.resourceId },
          { key: 'copy', label: d.copy, children: m.deliveredFileId },
          { key: 'delivered', label: d.deliveredAt, children: formatTime(m.deliveredAt) },
          { key: 'downloads', label: d.copyDownloads, children: m.downloads },
        ]}
      />
    </Result>
  );
}

/**
 * 泄露溯源: the operator or regulator uploads a file found outside; the server compares it with every delivered
 * copy's fingerprint and names the order and buyer it came from, with the detection statistics.
 */
export function TracePage() {
  const t = useT();
  const d = t.delivery;
  const [state, setState] = useState<State>({ phase: 'idle' });
  const handle = useRef<UploadHandle<TraceResult> | null>(null);

  const start = (file: File) => {
    setState({ phase: 'uploading', name: file.name, sent: 0 });
    handle.current = uploadRaw<TraceResult>(traceUrl(file.name), file, (sent) =>
      setState({ phase: 'uploading', name: file.name, sent }),
    );
    handle.current.done
      .then((result) => setState({ phase: 'done', name: file.name, result }))
      .catch((error: unknown) => setState({ phase: 'failed', error }));
  };
  const reset = () => setState({ phase: 'idle' });

  return (
    <PageContainer title={d.traceTitle}>
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">{d.traceIntro}</Typography.Paragraph>
          {state.phase === 'failed' && <MutationErrorAlert error={state.error} />}
          {state.phase === 'uploading' ? (
            <Flex gap={12} align="center" data-testid="trace-progress">
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>{d.uploading(state.name)}</Typography.Text>
              <Progress
                percent={Math.round(state.sent * 100)}
                status="active"
                style={{ flex: 1, margin: 0 }}
              />
              <Button size="small" onClick={() => handle.current?.abort()}>
                {t.common.cancel}
              </Button>
            </Flex>
          ) : state.phase === 'done' ? (
            <Traced r={state.result} onAgain={reset} />
          ) : (
            <Upload.Dragger
              accept=".csv,.tsv,.xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                start(file);
                return false;
              }}
              data-testid="trace-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{d.dropHint}</p>
              <p className="ant-upload-hint">{d.dropTypes}</p>
            </Upload.Dragger>
          )}
        </Card>
        {state.phase === 'done' && <Statistics r={state.result} />}
      </Flex>
    </PageContainer>
  );
}
