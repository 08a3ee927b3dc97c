import { EditOutlined, FileProtectOutlined, FileTextOutlined } from '@ant-design/icons';
import type { Negotiation } from '@shuliu/contracts';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { useContract } from './contract-queries';
import { PlaceOrderButton } from './order-parts';
import { SignContractModal, useMaySign } from './SignContractModal';
import { useSideOf } from './trade-parts';

/**
 * The contract an agreed negotiation drafted, from the room: its state, the way to the contract page, and the
 * signing dialog for the party whose turn it is.
 */
export function NegotiationContract({ n }: { n: Negotiation & { contractNo: string } }) {
  const t = useT();
  const m = t.trade;
  const navigate = useNavigate();
  const q = useContract(n.contractNo);
  const side = useMaySign(q.data);
  const [signing, setSigning] = useState(false);
  const buyer = useSideOf(n) === 'buyer';
  return (
    <>
      <Alert
        type="success"
        showIcon
        icon={<FileProtectOutlined />}
        title={`${m.contract} ${n.contractNo} — ${m.contractStates[n.state as 'agreed']}`}
        description={n.state === 'finalized' ? m.contractDone : m.contractNext}
        data-testid="contract-pending"
        action={
          <Space orientation="vertical">
            {n.state === 'finalized' && buyer && <PlaceOrderButton contractNo={n.contractNo} />}
            {side && (
              <Button
                type="primary"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setSigning(true)}
                data-testid="ngt-sign-contract"
              >
                {t.contract.sign}
              </Button>
            )}
            <Button
              size="small"
              icon={<FileTextOutlined />}
              onClick={() => void navigate(`/trade/contracts/${n.contractNo}`)}
              data-testid="ngt-view-contract"
            >
              {m.viewContract}
            </Button>
          </Space>
        }
      />
      {q.data && side && (
        <SignContractModal contract={q.data} side={side} open={signing} onClose={() => setSigning(false)} />
      )}
    </>
  );
}
