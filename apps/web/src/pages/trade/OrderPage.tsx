import type { OrderDetail } from '@shuliu/contracts';
import { CancelOrderBody, DisputeOrderBody, PayOrderBody, ResolveOrderBody } from '@shuliu/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';
import { formatYuan } from '../../lib/format';
import { formatTime } from '../../lib/time';
import { zodRule } from '../../lib/zod-form';
import { ActionModal } from '../registry/ActionModal';
import { OrderApiPanel } from './OrderApiPanel';
import { OrderFiles } from './OrderFiles';
import { OrderStateTag, OrderSteps, useOrderSide } from './order-parts';
import { useOrder, useOrderStep, type OrderAction } from './order-queries';

type Open = 'pay' | 'deliver' | 'accept' | 'dispute' | 'cancel' | 'resolve' | null;
type Values = { reference?: string; note?: string; reason?: string; outcome?: 'accepted' | 'refunded' };

/** The steps that are the caller's in the order's state, each in a modal with its own form. */
function OrderActions({ o }: { o: OrderDetail }) {
  const t = useT();
  const m = t.orders;
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const side = useOrderSide(o);
  const step = useOrderStep(o.id);
  const [open, setOpen] = useState<Open>(null);
  const [form] = Form.useForm<Values>();
  const buyer = side === 'buyer' && (hasRole('buyer') || hasRole('org_admin'));
  const seller = side === 'seller' && (hasRole('merchant') || hasRole('org_admin'));
  const operator = hasRole('operator');
  const can: Record<Exclude<Open, null>, boolean> = {
    pay: o.state === 'awaiting_payment' && (buyer || operator),
    deliver: o.state === 'paid' && seller,
    accept: o.state === 'delivered' && buyer,
    dispute: o.state === 'delivered' && buyer,
    cancel: (o.state === 'awaiting_payment' || o.state === 'paid') && (buyer || seller),
    resolve: o.state === 'disputed' && operator,
  };
  const run = (v: Values) => {
    const a: OrderAction =
      open === 'pay'
        ? { step: 'pay', reference: v.reference!.trim() }
        : open === 'deliver' || open === 'accept'
          ? { step: open, note: v.note?.trim() || null }
          : open === 'resolve'
            ? { step: 'resolve', outcome: v.outcome!, reason: v.reason!.trim() }
            : { step: open!, reason: v.reason!.trim() };
    step.mutate(a, {
      onSuccess: () => {
        setOpen(null);
        void message.success(m.done);
      },
    });
  };
  const button = (k: Exclude<Open, null>, label: ReactNode, primary = false, danger = false) =>
    can[k] && (
      <Button
        key={k}
        type={primary ? 'primary' : 'default'}
        danger={danger}
        onClick={() => {
          step.reset();
          setOpen(k);
        }}
        data-testid={`order-${k}`}
      >
        {label}
      </Button>
    );
  const titles = {
    pay: m.payTitle,
    deliver: m.deliverTitle,
    accept: m.acceptTitle,
    dispute: m.disputeTitle,
    cancel: m.cancelTitle,
    resolve: m.resolveTitle,
  };
  const helps = {
    pay: m.payHelp,
    deliver: m.deliverHelp,
    accept: m.acceptHelp,
    dispute: m.disputeHelp,
    cancel: m.cancelHelp,
    resolve: null,
  };
  const reasonRules = (schema: Parameters<typeof zodRule>[0]) => [
    { required: true, whitespace: true, message: m.reasonRequired },
    zodRule(schema, t),
  ];
  return (
    <>
      <Space wrap>
        {button('pay', m.pay, true)}
        {button('deliver', m.deliver, true)}
        {button('accept', m.accept, true)}
        {button('dispute', m.dispute, false, true)}
        {button('resolve', m.resolve, true)}
        {button('cancel', m.cancel, false, true)}
      </Space>
      <ActionModal<Values>
        open={open !== null}
        title={open && titles[open]}
        okText={open && titles[open]}
        danger={open === 'cancel' || open === 'dispute'}
        form={form}
        pending={step.isPending}
        error={step.error}
        onOk={run}
        onClose={() => setOpen(null)}
        testId={`order-${open ?? 'step'}-modal`}
      >
        {open && helps[open] && (
          <Alert type="info" showIcon title={helps[open]} style={{ marginBottom: 16 }} />
        )}
        {open === 'pay' && (
          <Form.Item
            name="reference"
            label={m.reference}
            rules={[
              { required: true, whitespace: true, message: m.referenceRequired },
              zodRule(PayOrderBody.shape.reference, t),
            ]}
          >
            <Input maxLength={64} data-testid="order-reference" />
          </Form.Item>
        )}
        {(open === 'deliver' || open === 'accept') && (
          <Form.Item name="note" label={m.note}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="order-note" />
          </Form.Item>
        )}
        {open === 'resolve' && (
          <Form.Item name="outcome" label={m.outcome} rules={[{ required: true, message: m.outcome }]}>
            <Radio.Group
              options={[
                { value: 'accepted', label: m.outcomeAccepted },
                { value: 'refunded', label: m.outcomeRefunded },
              ]}
              data-testid="order-outcome"
            />
          </Form.Item>
        )}
        {(open === 'dispute' || open === 'cancel' || open === 'resolve') && (
          <Form.Item
            name="reason"
            label={m.reason}
            rules={reasonRules(
              open === 'dispute'
                ? DisputeOrderBody.shape.reason
                : open === 'cancel'
                  ? CancelOrderBody.shape.reason
                  : ResolveOrderBody.shape.reason,
            )}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="order-reason" />
          </Form.Item>
        )}
      </ActionModal>
    </>
  );
}

/** What stands next, from where the caller sits. */
function NextStep({ o }: { o: OrderDetail }) {
  const m = useT().orders;
  const side = useOrderSide(o);
  const { hasRole } = useAuth();
  if (!o.awaiting) return null;
  const mine = o.awaiting === side || (o.awaiting === 'platform' && hasRole('operator'));
  if (!side && !hasRole('operator')) return <Alert type="info" showIcon title={m.notParty} />;
  return (
    <Alert
      type={mine ? 'warning' : 'info'}
      showIcon
      title={mine ? m.yourTurn : o.awaiting === 'platform' ? m.awaitingPlatform : m.waitOther}
      data-testid="order-turn"
      data-mine={mine}
    />
  );
}

/**
 * The parts a delivery mode adds to the order page (files to download, the API key and its usage): each is
 * registered by its mode and shown once the order is delivered.
 */
export const ORDER_DELIVERY_PANELS: Partial<
  Record<OrderDetail['deliveryMode'], (p: { order: OrderDetail }) => ReactNode>
> = {
  file: ({ order }) => <OrderFiles orderId={order.id} />,
  api: ({ order }) => <OrderApiPanel order={order} />,
};

/** 订单: its escrow state, the contract's facts, the history, the steps that are yours and what was delivered. */
export function OrderPage() {
  const { id = '' } = useParams();
  const t = useT();
  const m = t.orders;
  const q = useOrder(id);
  if (q.isPending || q.isError) return <QueryState q={q} title={m.orderTitle} />;
  const o = q.data;
  const Panel = ORDER_DELIVERY_PANELS[o.deliveryMode];
  const money = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));
  const facts = [
    {
      key: 'product',
      label: m.product,
      children: <Link to={`/market/products/${o.productId}`}>{o.productTitle ?? o.productId}</Link>,
    },
    {
      key: 'contract',
      label: m.contract,
      children: (
        <Link to={`/trade/contracts/${o.contractNo}`} data-testid="order-contract">
          {o.contractNo}
        </Link>
      ),
    },
    { key: 'buyer', label: m.buyer, children: o.buyerName ?? o.buyerOrgId },
    { key: 'seller', label: m.seller, children: o.sellerName ?? o.sellerOrgId },
    { key: 'mode', label: m.deliveryMode, children: t.market.deliveryMode[o.deliveryMode] ?? o.deliveryMode },
    { key: 'billing', label: m.billing, children: m.billingKind[o.billing] },
    ...(o.billing === 'per_call'
      ? [
          { key: 'unit', label: m.unitPrice, children: money(o.unitFen) },
          { key: 'quota', label: m.quota, children: o.quota ?? '—' },
        ]
      : []),
    {
      key: 'amount',
      label: m.amount,
      children: (
        <Typography.Text strong data-testid="order-amount">
          {formatYuan(o.amountFen)}
        </Typography.Text>
      ),
    },
    { key: 'term', label: m.term, children: `${o.startsOn} ~ ${o.endsOn}` },
    { key: 'days', label: m.acceptanceDays, children: m.days(o.acceptanceDays) },
    { key: 'created', label: m.createdAt, children: formatTime(o.createdAt) },
    { key: 'payBy', label: m.payBy, children: formatTime(o.payBy) },
    ...(o.paymentRef
      ? [
          { key: 'ref', label: m.paymentRef, children: o.paymentRef },
          { key: 'paid', label: m.paidAt, children: formatTime(o.paidAt) },
        ]
      : []),
    ...(o.deliveredAt
      ? [
          { key: 'delivered', label: m.deliveredAt, children: formatTime(o.deliveredAt) },
          { key: 'acceptBy', label: m.acceptBy, children: formatTime(o.acceptBy) },
        ]
      : []),
    ...(o.acceptedAt
      ? [
          {
            key: 'accepted',
            label: m.acceptedAt,
            children: `${formatTime(o.acceptedAt)}（${o.acceptedHow ? m.acceptedHow[o.acceptedHow] : ''}）`,
          },
        ]
      : []),
    ...(o.disputeReason ? [{ key: 'dispute', label: m.disputeReason, children: o.disputeReason }] : []),
    ...(o.closedReason ? [{ key: 'closed', label: m.closedReason, children: o.closedReason }] : []),
    ...(o.refundRef ? [{ key: 'refund', label: m.refundRef, children: o.refundRef }] : []),
  ];
  return (
    <PageContainer
      title={
        <span data-testid="order-title">
          {m.orderTitle} · {o.productTitle ?? o.productId}
        </span>
      }
      subTitle={
        <span data-testid="order-state" data-state={o.state}>
          <OrderStateTag state={o.state} />
        </span>
      }
      extra={<OrderActions o={o} />}
    >
      <Card style={{ marginBottom: 16 }}>
        <OrderSteps o={o} />
        <div style={{ marginTop: 16 }}>
          <NextStep o={o} />
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={m.facts} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} items={facts} data-testid="order-facts" />
          </Card>
          {Panel && (o.state === 'delivered' || o.state === 'accepted' || o.state === 'disputed') && (
            <Panel order={o} />
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Card title={m.timeline} style={{ marginBottom: 16 }}>
            <Timeline
              data-testid="order-timeline"
              items={o.timeline.map((e) => ({
                key: e.seq,
                color:
                  e.kind === 'cancel' || e.kind === 'refund'
                    ? 'gray'
                    : e.kind === 'dispute'
                      ? 'orange'
                      : 'green',
                content: (
                  <div data-kind={e.kind}>
                    <Typography.Text strong>{m.step[e.kind]}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {m.side[e.side]}
                      {e.actorName ? ` · ${e.actorName}` : ''} · {formatTime(e.at)}
                    </Typography.Text>
                    {e.message && <div>{e.message}</div>}
                    {e.reference && (
                      <div>
                        <Typography.Text code>{e.reference}</Typography.Text>
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
