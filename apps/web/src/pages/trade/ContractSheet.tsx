import {
  CONTRACT_TEMPLATE_DEFS,
  fillClauses,
  type Contract,
  type ContractDoc,
  type ContractParty,
} from '@shuliu/contracts';
import { Alert, Card, Descriptions, Divider, Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

export function ContractStateTag({ state }: { state: Contract['state'] }) {
  const { t } = useI18n();
  return <StatusTag status={state} label={t.contract.stateShort[state]} />;
}

/**
 * The contract as the document both parties sign: its canonical JSON laid out — title, number, model text,
 * parties with their USCC, the SM3 hash, the state, every clause filled. In zh-CN the very clauses signed; in
 * en-US the same template filled from the same facts, marked as a reading aid.
 */
export function ContractSheet({ contract: c }: { contract: Contract }) {
  const { t, lang } = useI18n();
  const m = t.contract;
  const d = c.document;
  const def = CONTRACT_TEMPLATE_DEFS[d.template];
  const clauses = lang === 'zh-CN' ? d.clauses : fillClauses(d, lang);
  const party = (role: string, p: ContractParty, key: string) => ({
    key,
    label: role,
    children: (
      <span data-testid={`contract-party-${key}`}>
        <Typography.Text strong>{p.name}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {m.uscc}：{p.uscc ?? m.none}
        </Typography.Text>
      </span>
    ),
  });
  return (
    <Card style={{ marginBottom: 16 }} data-testid="contract-sheet">
      <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
        {def.name[lang]}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }} data-testid="contract-no">
        {m.no}：{c.contractNo}
      </Typography.Paragraph>
      {m.translationNote && (
        <Alert type="info" showIcon title={m.translationNote} style={{ marginBottom: 12 }} />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'template', label: m.template, children: `${def.name[lang]}（${d.templateVersion}）` },
          {
            key: 'state',
            label: m.state,
            children: (
              <span data-testid="contract-state" data-state={c.state}>
                <ContractStateTag state={c.state} /> {m.states[c.state]}
              </span>
            ),
          },
          { key: 'drafted', label: m.draftedAt, children: formatTime(d.draftedAt) },
          {
            key: 'concluded',
            label: m.concludedAt,
            children: c.concludedAt ? formatTime(c.concludedAt) : '—',
          },
          party(def.roles.seller[lang], d.parties.seller, 'seller'),
          party(def.roles.buyer[lang], d.parties.buyer, 'buyer'),
          party(m.platform, d.parties.platform, 'platform'),
          {
            key: 'hash',
            label: m.hash,
            span: 'filled',
            children: (
              <>
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="contract-hash">
                  {c.contractHash}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.hashHelp}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">{m.clauses}</Divider>
      <Clauses clauses={clauses} article={m.article} />
    </Card>
  );
}

function Clauses({ clauses, article }: { clauses: ContractDoc['clauses']; article: (n: number) => string }) {
  return (
    <div data-testid="contract-clauses">
      {clauses.map((k) => (
        <section key={k.key} data-clause={k.key} className="contract-clause">
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {article(k.no)} {k.title}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
            {k.text}
          </Typography.Paragraph>
        </section>
      ))}
    </div>
  );
}
