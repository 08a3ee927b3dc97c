import { CheckOutlined, CloseOutlined, SwapOutlined } from '@ant-design/icons';
import { TerminateBody, type Negotiation, type Product } from '@shuliu/contracts';
import { App, Button, Form, Input, Modal, Space, Alert } from 'antd';
import { useState } from 'react';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { zodRule } from '../../lib/zod-form';
import { ActionModal } from '../registry/ActionModal';
import { fromTerms } from './terms-form';
import { TermsModal } from './TermsModal';
import { useNegotiationStep } from './trade-queries';

type Open = 'counter' | 'accept' | 'agree' | 'terminate' | null;
const OPEN_STATES = ['requested', 'offered', 'accepted'];

/**
 * The steps a side may take in the negotiation's state (the Dataspace Protocol's table in trade.rules): the
 * seller counters a request and agrees to a request or an acceptance; the buyer counters or accepts an offer;
 * either side terminates while it is open.
 */
export function NegotiationActions({
  n,
  side,
  product,
}: {
  n: Negotiation;
  side: 'buyer' | 'seller';
  product: Product | undefined;
}) {
  const t = useT();
  const m = t.trade;
  const { message } = App.useApp();
  const step = useNegotiationStep(n.id);
  const [open, setOpen] = useState<Open>(null);
  const [msgForm] = Form.useForm<{ message?: string }>();
  const [endForm] = Form.useForm<{ reason: string }>();
  if (!OPEN_STATES.includes(n.state)) return null;
  const mine = n.awaiting === side;
  const canCounter = mine && (side === 'seller' ? n.state === 'requested' : n.state === 'offered');
  const canAccept = side === 'buyer' && n.state === 'offered';
  const canAgree = side === 'seller' && mine;
  const show = (o: Open) => {
    step.reset();
    setOpen(o);
  };
  const done = (text: string) => () => {
    setOpen(null);
    void message.success(text);
  };
  return (
    <>
      <Space wrap data-testid="negotiation-actions">
        {canAccept && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => show('accept')}
            data-testid="ngt-accept"
          >
            {m.accept}
          </Button>
        )}
        {canAgree && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => show('agree')}
            data-testid="ngt-agree"
          >
            {m.agree}
          </Button>
        )}
        {canCounter && product && (
          <Button icon={<SwapOutlined />} onClick={() => show('counter')} data-testid="ngt-counter">
            {m.counter}
          </Button>
        )}
        <Button danger icon={<CloseOutlined />} onClick={() => show('terminate')} data-testid="ngt-terminate">
          {m.terminate}
        </Button>
      </Space>
      {product && (
        <TermsModal
          open={open === 'counter'}
          title={m.counterTitle}
          okText={m.counter}
          product={product}
          initial={fromTerms(n.terms)}
          pending={step.isPending}
          error={step.error}
          onSubmit={(terms, msg) =>
            step.mutate({ step: 'counter', terms, message: msg }, { onSuccess: done(m.counterSent) })
          }
          onClose={() => setOpen(null)}
          testId="counter-terms"
        />
      )}
      <Modal
        open={open === 'accept' || open === 'agree'}
        title={open === 'agree' ? m.agree : m.accept}
        okText={open === 'agree' ? m.agree : m.accept}
        okButtonProps={{ loading: step.isPending, ...({ 'data-testid': 'ngt-step-ok' } as object) }}
        onOk={() =>
          msgForm.validateFields().then(
            (v) => {
              const body = { message: v.message?.trim() || null };
              if (open === 'agree')
                step.mutate({ step: 'agree', ...body }, { onSuccess: done(m.agreedDone) });
              else step.mutate({ step: 'accept', ...body }, { onSuccess: done(m.accepted) });
            },
            () => undefined,
          )
        }
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          title={open === 'agree' ? m.agreeConfirm : m.acceptConfirm}
          style={{ marginBottom: 16 }}
        />
        <MutationErrorAlert error={step.error} />
        <Form form={msgForm} layout="vertical" preserve={false}>
          <Form.Item name="message" label={m.stepMessage}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="ngt-step-message" />
          </Form.Item>
        </Form>
      </Modal>
      <ActionModal<{ reason: string }>
        open={open === 'terminate'}
        title={m.terminateTitle}
        okText={m.terminate}
        danger
        form={endForm}
        pending={step.isPending}
        error={step.error}
        onOk={(v) =>
          step.mutate({ step: 'terminate', reason: v.reason.trim() }, { onSuccess: done(m.terminated) })
        }
        onClose={() => setOpen(null)}
        testId="terminate-modal"
      >
        <Alert type="warning" showIcon title={m.terminateHelp} style={{ marginBottom: 16 }} />
        <Form.Item
          name="reason"
          label={m.reason}
          rules={[
            { required: true, whitespace: true, message: m.reasonRequired },
            zodRule(TerminateBody.shape.reason, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="terminate-modal-reason" />
        </Form.Item>
      </ActionModal>
    </>
  );
}
