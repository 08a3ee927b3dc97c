import { FileSearchOutlined, DownloadOutlined, NodeIndexOutlined, UploadOutlined } from '@ant-design/icons';
import { CertNo } from '@shuliu/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { QueryErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { downloadBlob } from '../../lib/csv';
import { formatTime } from '../../lib/time';
import { zodRule } from '../../lib/zod-form';
import { CodeValue } from '../ledger/VerifySteps';
import { bundleOf, CertVerifyReport, verifyInBrowser, type CheckRow } from './cert-verify';
import { CertStatusTag, RightsTags } from './registry-parts';

interface Subject {
  name?: string;
  certificateNo?: string;
  rights?: string[];
  scope?: string;
  object?: { title?: string; metadataSm3?: string; manifestSm3?: string };
}

/** 公开验证: fetch a certificate's bundle and check it here, in the browser; or check a pasted bundle offline. */
export function VerifyPage() {
  const { certNo = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ certNo: string }>();
  const q = useQuery({
    queryKey: ['registry', 'verify', certNo],
    queryFn: () => sdk.registry.verify({ params: { certNo } }),
    enabled: !!certNo,
  });
  const checked = useMemo(() => (q.data ? verifyInBrowser(bundleOf(q.data)) : null), [q.data]);
  const vc = q.data?.certificate as
    | { validFrom?: string; validUntil?: string; issuer?: { name?: string }; credentialSubject?: Subject }
    | undefined;
  const subject = vc?.credentialSubject;

  return (
    <PageContainer title={t.registry.verifyTitle}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t.registry.verifyIntro}</Typography.Paragraph>
            <Form
              form={form}
              layout="inline"
              initialValues={{ certNo }}
              onFinish={(v) => void navigate(`/verify/${v.certNo.trim()}`)}
            >
              <Form.Item
                name="certNo"
                rules={[{ required: true, message: t.validation.required }, zodRule(CertNo, t)]}
                style={{ flex: 1, minWidth: 280 }}
              >
                <Input placeholder={t.registry.certNoPlaceholder} allowClear data-testid="verify-certno" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<FileSearchOutlined />}
                data-testid="verify-submit"
              >
                {t.registry.verifyBtn}
              </Button>
            </Form>
          </Card>
          {certNo && q.isPending && (
            <Card>
              <Flex justify="center" gap={8} style={{ padding: 32 }}>
                <Spin /> {t.registry.verifying}
              </Flex>
            </Card>
          )}
          {q.isError && <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
          {q.data && checked && (
            <Card
              title={
                <Space>
                  <Typography.Text code>{subject?.certificateNo ?? certNo}</Typography.Text>
                  <CertStatusTag status={q.data.status} />
                </Space>
              }
              extra={
                <Space>
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      downloadBlob(
                        new Blob([JSON.stringify(bundleOf(q.data), null, 2)], { type: 'application/json' }),
                        `${certNo}.bundle.json`,
                      )
                    }
                    data-testid="verify-download"
                  >
                    {t.registry.downloadBundle}
                  </Button>
                  <Link to="/ledger">
                    <Button icon={<NodeIndexOutlined />}>{t.registry.openLedger}</Button>
                  </Link>
                </Space>
              }
              style={{ marginBottom: 16 }}
            >
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2 }}
                style={{ marginBottom: 16 }}
                items={[
                  { key: 'holder', label: t.registry.holder, children: subject?.name ?? '—' },
                  { key: 'issuer', label: t.registry.issuer, children: vc?.issuer?.name ?? '—' },
                  { key: 'object', label: t.registry.object, children: subject?.object?.title ?? '—' },
                  {
                    key: 'rights',
                    label: t.registry.rights,
                    children: <RightsTags rights={subject?.rights ?? []} />,
                  },
                  {
                    key: 'from',
                    label: t.registry.validFrom,
                    children: formatTime(vc?.validFrom, 'YYYY-MM-DD'),
                  },
                  {
                    key: 'until',
                    label: t.registry.validUntil,
                    children: formatTime(vc?.validUntil, 'YYYY-MM-DD'),
                  },
                  {
                    key: 'status',
                    label: t.registry.currentStatus,
                    children: <CertStatusTag status={q.data.status} />,
                  },
                  { key: 'ledger', label: t.registry.ledgerIndex, children: `#${q.data.ledgerIndex}` },
                  {
                    key: 'key',
                    label: t.registry.trustedKey,
                    span: 2,
                    children: <CodeValue value={q.data.issuerPublicKey} />,
                  },
                ]}
              />
              <CertVerifyReport rows={checked.rows} testId="cert-verify" />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <OfflineBundleCard />
        </Col>
      </Row>
    </PageContainer>
  );
}

/** Paste or upload a bundle JSON and check it with no server at all. */
function OfflineBundleCard() {
  const t = useT();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<CheckRow[] | null>(null);
  const [bad, setBad] = useState(false);
  const check = (raw: string) => {
    try {
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      setBad(false);
      setRows(verifyInBrowser(bundleOf(parsed)).rows);
    } catch {
      setBad(true);
      setRows(null);
    }
  };
  return (
    <Card title={t.registry.offlineTitle}>
      <Typography.Paragraph type="secondary">{t.registry.offlineHelp}</Typography.Paragraph>
      <Input.TextArea
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t.registry.pasteBundle}
        style={{ fontFamily: 'monospace', fontSize: 12, marginBottom: 8 }}
        data-testid="bundle-input"
      />
      <Space style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          onClick={() => check(text)}
          disabled={!text.trim()}
          data-testid="bundle-verify"
        >
          {t.registry.verifyBundle}
        </Button>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((s) => {
              setText(s);
              check(s);
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t.registry.uploadBundle}</Button>
        </Upload>
      </Space>
      {bad && <Alert type="error" showIcon title={t.registry.notJson} data-testid="bundle-not-json" />}
      {rows && <CertVerifyReport rows={rows} testId="bundle-verify" />}
    </Card>
  );
}
