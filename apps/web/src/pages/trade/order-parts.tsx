import type { Order, OrderState } from '@shuliu/contracts';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MutationErrorAlert } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/I18nProvider';
import { useAvailability, usePlaceOrder } from './order-queries';

export function OrderStateTag({ state }: { state: OrderState }) {
  const t = useT();
  return <StatusTag status={state} label={t.orders.state[state]} />;
}

/** The caller's part in an order: its buyer or seller org, or null for the operator and the regulator. */
export function useOrderSide(o: Pick<Order, 'buyerOrgId' | 'sellerOrgId'> | undefined) {
  const { me } = useAuth();
  const org = me?.org?.id;
  if (!o || !org) return null;
  return org === o.buyerOrgId ? 'buyer' : org === o.sellerOrgId ? 'seller' : null;
}

/** Whose move, from where the caller sits. */
export function OrderTurn({ o, side }: { o: Order; side: 'buyer' | 'seller' | 'platform' | null }) {
  const m = useT().orders;
  if (!o.awaiting) return <Typography.Text type="secondary">{m.awaitingNone}</Typography.Text>;
  if (o.awaiting === side)
    return (
      <Tag color="orange" data-turn="mine">
        {m.awaitingYou}
      </Tag>
    );
  return <Tag data-turn="theirs">{o.awaiting === 'platform' ? m.awaitingPlatform : m.awaitingOther}</Tag>;
}

const PATH = ['awaiting_payment', 'paid', 'delivered', 'accepted'] as const;

/** The escrow as a Steps bar; a cancelled, refunded or disputed order shows where it stopped. */
export function OrderSteps({ o }: { o: Order }) {
  const m = useT().orders;
  const stopped = o.state === 'cancelled' || o.state === 'refunded' || o.state === 'disputed';
  const at = stopped
    ? o.deliveredAt
      ? 2
      : o.paidAt
        ? 1
        : 0
    : PATH.indexOf(o.state as (typeof PATH)[number]);
  return (
    <Steps
      size="small"
      current={at}
      status={
        stopped
          ? o.state === 'disputed'
            ? 'process'
            : 'error'
          : o.state === 'accepted'
            ? 'finish'
            : 'process'
      }
      items={PATH.map((s) => ({ title: m.state[s] }))}
      data-testid="order-steps"
      data-state={o.state}
    />
  );
}

/** A product's licence as the listing shows it: seats left, exclusive, or unlimited. */
export function LicenceTag({ productId }: { productId: string }) {
  const m = useT().orders;
  const q = useAvailability(productId);
  if (!q.data) return null;
  const a = q.data;
  if (a.exclusive)
    return (
      <Tag color={a.left ? 'purple' : 'default'} data-testid="licence-tag">
        {a.left ? m.exclusive : m.exclusiveSold}
      </Tag>
    );
  if (a.seats === null)
    return (
      <Tag color="green" data-testid="licence-tag">
        {m.unlimited}
      </Tag>
    );
  return (
    <Tag color={a.left ? 'blue' : 'default'} data-testid="licence-tag">
      {a.left ? m.seatsLeft(a.left!, a.seats) : m.soldOut}
    </Tag>
  );
}

/** The buyer's "place order" on a concluded contract: confirm, place, and go to the order. */
export function PlaceOrderButton({ contractNo }: { contractNo: string }) {
  const t = useT();
  const m = t.orders;
  const [open, setOpen] = useState(false);
  const place = usePlaceOrder();
  const navigate = useNavigate();
  return (
    <>
      <Button
        type="primary"
        icon={<ShoppingCartOutlined />}
        onClick={() => setOpen(true)}
        data-testid="place-order"
      >
        {m.place}
      </Button>
      <Modal
        open={open}
        title={m.place}
        okText={m.place}
        okButtonProps={{ loading: place.isPending, ...({ 'data-testid': 'place-order-ok' } as object) }}
        onOk={() => place.mutate(contractNo, { onSuccess: (o) => void navigate(`/trade/orders/${o.id}`) })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <MutationErrorAlert error={place.error} />
        <Alert type="info" showIcon title={m.placeHelp(contractNo)} />
      </Modal>
    </>
  );
}
