import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Row, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { CertBadges } from './CertBadges';
import { ProductStatusTag } from './market-parts';
import { useProduct } from './market-queries';
import { PolicyCheckPanel, readPolicy } from './PolicyView';
import { ProductReasons, ProductSummary } from './ProductSummary';
import { MarketReasonModal } from './ReasonModal';
import { SellerCard } from './SellerCard';
import { AutoAcceptCard, RequestDealButton } from '../trade/DealParts';
import { UpstreamForm } from '../trade/UpstreamForm';
import { ComplaintHistoryCard } from '../quality-programmes/ComplaintHistoryCard';

const EDITABLE = ['draft', 'rejected', 'suspended'];

/** 产品页: public once listed; the seller and reviewers see it in any state. */
export function ProductPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useProduct(id);
  const [delisting, setDelisting] = useState(false);
  const delist = useMutation({
    mutationFn: (reason: string) => sdk.market.delist({ params: { id }, body: { reason } }),
    onSuccess: (p) => {
      qc.setQueryData(['market', 'product', id], p);
      void qc.invalidateQueries({ queryKey: ['market', 'products'] });
      setDelisting(false);
      void message.success(t.market.delisted);
    },
  });
  if (q.isPending || q.isError) return <QueryState q={q} title={t.market.hall} />;
  const p = q.data;
  const policy = readPolicy(p.policy);
  const mine = me?.org?.id === p.orgId;
  return (
    <PageContainer
      title={<span data-testid="product-title">{p.title}</span>}
      subTitle={<ProductStatusTag status={p.status} />}
      extra={
        <Space>
          <RequestDealButton product={p} />
          {mine && hasRole('merchant') && EDITABLE.includes(p.status) && (
            <Link to={`/market/my/products/${p.id}/edit`}>
              <Button icon={<EditOutlined />}>{t.market.edit}</Button>
            </Link>
          )}
          {hasRole('operator') && (p.status === 'published' || p.status === 'suspended') && (
            <Button
              danger
              icon={<StopOutlined />}
              onClick={() => setDelisting(true)}
              data-testid="product-delist"
            >
              {t.market.delist}
            </Button>
          )}
        </Space>
      }
    >
      <ProductReasons p={p} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ProductSummary p={p} />
          {policy && <PolicyCheckPanel policy={policy} />}
        </Col>
        <Col xs={24} xl={8}>
          {mine && hasRole('merchant') && p.status === 'published' && <AutoAcceptCard productId={p.id} />}
          {mine && hasRole('merchant') && p.deliveryModes.includes('api') && (
            <UpstreamForm productId={p.id} />
          )}
          <SellerCard orgId={p.orgId} orgName={p.orgName} region={p.region} />
          <ComplaintHistoryCard productId={p.id} />
          <Card title={t.market.certificates} style={{ marginBottom: 16 }}>
            <CertBadges certNos={p.certificateNos} />
          </Card>
          <Card style={{ marginBottom: 16 }} data-testid="product-ratings">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'quality', label: t.market.quality, children: t.market.pending },
                { key: 'credit', label: t.market.credit, children: t.market.pending },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <MarketReasonModal
        open={delisting}
        title={t.market.delistTitle}
        warning={t.market.delistHelp}
        okText={t.market.delist}
        pending={delist.isPending}
        error={delist.error}
        onOk={(r) => delist.mutate(r)}
        onClose={() => setDelisting(false)}
        testId="delist-modal"
      />
    </PageContainer>
  );
}
