import { NEGOTIATION_STATES, type Negotiation, type NegotiationSummary } from '@shuliu/contracts';
import { Steps } from 'antd';
import { useAuth } from '../../auth/AuthProvider';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';

export function NegotiationStateTag({ state }: { state: Negotiation['state'] }) {
  const t = useT();
  return <StatusTag status={state} label={t.trade.state[state]} />;
}

/** Which side of a negotiation the caller's org is on, or null for an overseer (operator, regulator). */
export function useSideOf(n: Pick<NegotiationSummary, 'buyerOrgId' | 'sellerOrgId'> | undefined) {
  const { me } = useAuth();
  const org = me?.org?.id;
  if (!n || !org) return null;
  return org === n.buyerOrgId ? 'buyer' : org === n.sellerOrgId ? 'seller' : null;
}

const PATH = NEGOTIATION_STATES.filter((s) => s !== 'terminated');

/** The Dataspace Protocol's states as a Steps bar; a terminated negotiation stops, in error, where it was. */
export function NegotiationSteps({ n }: { n: Negotiation }) {
  const t = useT();
  // where it was when terminated: the state the step before termination led to
  const before = n.timeline.filter((e) => e.kind !== 'terminate').at(-1)?.state ?? 'requested';
  const at = PATH.indexOf((n.state === 'terminated' ? before : n.state) as (typeof PATH)[number]);
  return (
    <Steps
      size="small"
      current={at}
      status={n.state === 'terminated' ? 'error' : n.state === 'finalized' ? 'finish' : 'process'}
      items={PATH.map((s) => ({ title: t.trade.stepTitle[s] }))}
      data-testid="negotiation-steps"
      data-state={n.state}
    />
  );
}
