import { EditOutlined, FilePdfOutlined, PrinterOutlined, TransactionOutlined } from '@ant-design/icons';
import { CONTRACT_TEMPLATE_DEFS } from '@shuliu/contracts';
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { downloadContractPdf } from '../../api/download';
import { PageContainer } from '../../components/PageContainer';
import { QueryState } from '../../components/QueryState';
import { useErrorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { useContract } from './contract-queries';
import { ContractSheet, ContractStateTag } from './ContractSheet';
import { ContractSignatures } from './ContractSignatures';
import { SignContractModal, useMaySign } from './SignContractModal';

/**
 * 合同: the contract an agreed negotiation drafted, as the document both parties sign, its signatures verified
 * in this browser, a PDF of it, and — for the party whose turn it is — the signing dialog. Printing gives the
 * document and its signatures alone.
 */
export function ContractPage() {
  const { no = '' } = useParams();
  const { t, lang } = useI18n();
  const m = t.contract;
  const { message } = App.useApp();
  const errText = useErrorText();
  const navigate = useNavigate();
  const q = useContract(no);
  const side = useMaySign(q.data);
  const [signing, setSigning] = useState(false);
  const [pdfBusy, setPdfBusy] = useState(false);
  if (q.isPending || q.isError) return <QueryState q={q} title={`${m.pageTitle} ${no}`} />;
  const c = q.data;
  const pdf = () => {
    setPdfBusy(true);
    downloadContractPdf(c.contractNo)
      .catch((e: unknown) => void message.error(errText(e)))
      .finally(() => setPdfBusy(false));
  };
  return (
    <PageContainer
      title={
        <span data-testid="contract-title">
          {CONTRACT_TEMPLATE_DEFS[c.template].name[lang]} · {c.contractNo}
        </span>
      }
      subTitle={<ContractStateTag state={c.state} />}
      extra={
        <Space wrap className="no-print">
          {side && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setSigning(true)}
              data-testid="contract-sign"
            >
              {m.sign}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="contract-print">
            {m.print}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={pdfBusy} onClick={pdf} data-testid="contract-pdf">
            {m.pdf}
          </Button>
          <Button
            icon={<TransactionOutlined />}
            onClick={() => void navigate(`/trade/negotiations/${c.negotiationId}`)}
            data-testid="contract-negotiation"
          >
            {m.toNegotiation}
          </Button>
        </Space>
      }
    >
      {side && (
        <Alert type="warning" showIcon title={m.yourTurn} className="no-print" style={{ marginBottom: 16 }} />
      )}
      <div className="contract-print">
        <ContractSheet contract={c} />
        <ContractSignatures contract={c} />
      </div>
      {side && (
        <SignContractModal contract={c} side={side} open={signing} onClose={() => setSigning(false)} />
      )}
    </PageContainer>
  );
}
