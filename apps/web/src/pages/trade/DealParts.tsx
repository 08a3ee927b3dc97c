import { ThunderboltOutlined, TransactionOutlined } from '@ant-design/icons';
import type { Product } from '@shuliu/contracts';
import { App, Button, Card, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { policyPurposes, requestDefaults } from './terms-form';
import { readPolicy } from '../market/PolicyView';
import { TermsModal } from './TermsModal';
import { useAutoAccept, useStartNegotiation } from './trade-queries';

/** 发起磋商: a buyer org's member puts terms to the seller of a listed product, then lands in the room. */
export function RequestDealButton({ product }: { product: Product }) {
  const t = useT();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const start = useStartNegotiation();
  if (!hasRole('buyer') || product.status !== 'published' || me?.org?.id === product.orgId) return null;
  const purpose = policyPurposes(readPolicy(product.policy))[0];
  return (
    <>
      <Button
        type="primary"
        icon={<TransactionOutlined />}
        onClick={() => {
          start.reset();
          setOpen(true);
        }}
        data-testid="deal-request"
      >
        {t.trade.request}
      </Button>
      <TermsModal
        open={open}
        title={t.trade.requestTitle}
        okText={t.trade.send}
        product={product}
        initial={{ ...requestDefaults(product), purpose }}
        pending={start.isPending}
        error={start.error}
        onSubmit={(terms, msg) =>
          start.mutate(
            { productId: product.id, terms, message: msg },
            {
              onSuccess: (n) => {
                setOpen(false);
                void message.success(t.trade.sent);
                void navigate(`/trade/negotiations/${n.id}`);
              },
            },
          )
        }
        onClose={() => setOpen(false)}
        testId="deal-terms"
        extra={<Typography.Paragraph type="secondary">{t.trade.requestIntro}</Typography.Paragraph>}
      />
    </>
  );
}

/** The seller's automatic agreement on its product (a request on the listed price within policy is agreed). */
export function AutoAcceptCard({ productId }: { productId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { q, set } = useAutoAccept(productId, true);
  return (
    <Card
      size="small"
      title={
        <Space>
          <ThunderboltOutlined />
          {t.trade.autoAccept}
        </Space>
      }
      extra={
        <Switch
          checked={q.data?.enabled ?? false}
          loading={q.isPending || set.isPending}
          disabled={q.isError}
          onChange={(on) =>
            set.mutate(on, {
              onSuccess: (r) =>
                void message.success(r.enabled ? t.trade.autoAcceptOn : t.trade.autoAcceptOff),
              onError: (e) => void message.error(errorText(e)),
            })
          }
          data-testid="auto-accept"
        />
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Text type="secondary">{t.trade.autoAcceptHelp}</Typography.Text>
    </Card>
  );
}
