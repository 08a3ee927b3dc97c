import type { Negotiation } from '@shuliu/contracts';
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useProduct } from '../market/market-queries';
import { AutoAcceptCard } from './DealParts';
import { NegotiationActions } from './NegotiationActions';
import { NegotiationContract } from './NegotiationContract';
import { NegotiationTimeline, TermsTable } from './NegotiationTimeline';
import { NegotiationStateTag, NegotiationSteps, useSideOf } from './trade-parts';
import { useNegotiation } from './trade-queries';

/** What stands next: whose move it is, the contract to sign once agreed, or why it ended. */
function NextStep({ n, side }: { n: Negotiation; side: 'buyer' | 'seller' | null }) {
  const t = useT();
  const m = t.trade;
  if (n.state === 'terminated')
    return (
      <Alert
        type="info"
        showIcon
        title={m.closed}
        description={`${m.terminationReason}：${n.terminationReason ?? '—'}`}
        data-testid="negotiation-terminated"
      />
    );
  if (['agreed', 'verified', 'finalized'].includes(n.state) && n.contractNo)
    return <NegotiationContract n={{ ...n, contractNo: n.contractNo }} />;
  if (!side) return <Alert type="info" showIcon title={m.notParty} />;
  const mine = n.awaiting === side;
  return (
    <Alert
      type={mine ? 'warning' : 'info'}
      showIcon
      title={mine ? m.yourTurn : m.waitOther}
      data-testid="negotiation-turn"
      data-mine={mine}
    />
  );
}

/** 磋商室: the negotiation's state, its parties, the terms on the table, every round, the steps that are yours. */
export function NegotiationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const m = t.trade;
  const { hasRole } = useAuth();
  const q = useNegotiation(id);
  const side = useSideOf(q.data);
  const product = useProduct(q.data?.productId ?? '', !!q.data);
  if (q.isPending || q.isError) return <QueryState q={q} title={m.roomTitle} />;
  const n = q.data;
  return (
    <PageContainer
      title={
        <span data-testid="negotiation-title">
          {m.roomTitle} · {n.productTitle ?? n.productId}
        </span>
      }
      subTitle={
        <span data-testid="negotiation-state" data-state={n.state}>
          <NegotiationStateTag state={n.state} />
        </span>
      }
      extra={side && <NegotiationActions n={n} side={side} product={product.data} />}
    >
      <Card style={{ marginBottom: 16 }}>
        <NegotiationSteps n={n} />
        <div style={{ marginTop: 16 }}>
          <NextStep n={n} side={side} />
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={m.terms} style={{ marginBottom: 16 }}>
            <TermsTable terms={n.terms} testId="negotiation-terms" />
          </Card>
          <Card title={m.timeline} style={{ marginBottom: 16 }}>
            <NegotiationTimeline events={n.timeline} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={m.parties} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'product',
                  label: m.product,
                  children: (
                    <Link to={`/market/products/${n.productId}`} data-testid="negotiation-product">
                      {n.productTitle ?? n.productId}
                    </Link>
                  ),
                },
                {
                  key: 'buyer',
                  label: m.buyer,
                  children: partyName(n.buyerName, n.buyerOrgId, side === 'buyer'),
                },
                {
                  key: 'seller',
                  label: m.seller,
                  children: partyName(n.sellerName, n.sellerOrgId, side === 'seller'),
                },
                { key: 'round', label: m.round, children: n.round },
                { key: 'created', label: m.createdAt, children: formatTime(n.createdAt) },
                { key: 'updated', label: m.updatedAt, children: formatTime(n.updatedAt) },
              ]}
            />
          </Card>
          {side === 'seller' && hasRole('merchant') && <AutoAcceptCard productId={n.productId} />}
        </Col>
      </Row>
    </PageContainer>
  );
}

/** A party by name, the caller's own org in bold. */
function partyName(name: string | null, orgId: string, mine: boolean) {
  return <Typography.Text strong={mine}>{name ?? orgId}</Typography.Text>;
}
