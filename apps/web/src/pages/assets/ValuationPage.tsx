import { verifyValuationBundle, type Valuation, type ValuationFigures } from '@shuliu/contracts';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { useLedgerKeys } from '../trade/contract-queries';
import { useValuation } from './asset-queries';
import { ValuationFiguresView } from './valuation-figures';

/** A valuation report: inputs and every figure, the valuer's signature verified in this browser, signing. */
export function ValuationPage() {
  const { id = '' } = useParams();
  const x = useT().assets;
  const { me, hasRole } = useAuth();
  const q = useValuation(id);
  const [signing, setSigning] = useState(false);
  if (q.isPending || q.isError) return <QueryState q={q} title={x.report} />;
  const v = q.data;
  const maySign = v.status === 'draft' && me?.org?.id === v.valuerOrgId && hasRole('org_admin');
  return (
    <PageContainer
      title={`${x.report}：${v.assetName}`}
      subTitle={<Link to={`/assets/${v.assetId}`}>{x.backToAsset}</Link>}
      extra={
        maySign && (
          <Button type="primary" onClick={() => setSigning(true)} data-testid="valuation-sign">
            {x.sign}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={x.methodTitle}>{x.valuationMethods[v.method]}</Descriptions.Item>
            <Descriptions.Item label={x.valuer}>{v.valuerOrgName}</Descriptions.Item>
            <Descriptions.Item label={x.valuationDate}>{v.valuationDate}</Descriptions.Item>
            <Descriptions.Item label={x.value}>{formatYuan(v.valueFen)}</Descriptions.Item>
            <Descriptions.Item label={x.status}>
              <StatusTag
                status={v.status === 'signed' ? 'valid' : 'pending'}
                label={x.valuationStatus[v.status]}
              />
            </Descriptions.Item>
            {v.incomeKind && (
              <Descriptions.Item label={x.incomeKind}>{x.incomeKinds[v.incomeKind]}</Descriptions.Item>
            )}
            {v.status === 'signed' && (
              <>
                <Descriptions.Item label={x.signedBy}>{v.keyId}</Descriptions.Item>
                <Descriptions.Item label={x.signedAt}>{formatTime(v.signedAt)}</Descriptions.Item>
                <Descriptions.Item label={x.ledgerIndex}>
                  <Link to="/ledger">#{v.ledgerIndex}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={x.reportSm3} span={3}>
                  <Typography.Text code copyable>
                    {v.reportSm3}
                  </Typography.Text>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
        </Card>
        <Card title={x.value}>
          <ValuationFiguresView figures={v.figures as unknown as ValuationFigures} />
        </Card>
        {v.status === 'signed' ? (
          <BrowserVerification v={v} />
        ) : (
          <Alert type="info" showIcon title={x.draftNote} />
        )}
      </Space>
      <SignModal id={id} open={signing} onClose={() => setSigning(false)} />
    </PageContainer>
  );
}

/** Fetches the bundle and checks it here: signature, ledger entry, inclusion, checkpoint against the published key. */
function BrowserVerification({ v }: { v: Valuation }) {
  const x = useT().assets;
  const keys = useLedgerKeys();
  const bundle = useQuery({
    queryKey: ['assets', 'valuation', v.id, 'bundle'],
    queryFn: () => sdk.assets.verify({ params: { id: v.id } }),
  });
  if (bundle.isPending || keys.isPending) return <Card title={x.verifyTitle}>{x.verifying}</Card>;
  if (bundle.isError) return <QueryState q={bundle} />;
  const r = verifyValuationBundle(bundle.data, { trustedKeys: keys.data });
  return (
    <Card title={x.verifyTitle}>
      <Alert
        type={r.valid ? 'success' : 'error'}
        showIcon
        title={r.valid ? x.verifyOk : x.verifyBad}
        description={r.failure?.message}
        style={{ marginBottom: 12 }}
      />
      <List
        size="small"
        dataSource={r.checks}
        renderItem={(c) => (
          <List.Item>
            <Space>
              {c.ok ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" />
              )}
              <Typography.Text strong>{x.checks[c.check]}</Typography.Text>
              <Typography.Text type="secondary">{c.message}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function SignModal({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const x = useT().assets;
  const qc = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const sign = useMutation({
    mutationFn: (p: { password: string }) =>
      sdk.assets.sign({ params: { id }, body: { custody: 'platform', password: p.password } }),
    onSuccess: (val) => {
      qc.setQueryData(['assets', 'valuation', id], val);
      void qc.invalidateQueries({ queryKey: ['assets'] });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={x.sign}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={sign.isPending}
    >
      <Typography.Paragraph type="secondary">{x.signHelp}</Typography.Paragraph>
      <MutationErrorAlert error={sign.error} />
      <Form form={form} layout="vertical" onFinish={(p) => sign.mutate(p)}>
        <Form.Item name="password" label={x.password} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
