import { ConsentReasonBody, EvaluationBody, type OperationGrant, evaluationYears } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber } from 'antd';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { useT } from '../../../i18n/I18nProvider';
import { showServerIssues, zodRule } from '../../../lib/zod-form';
import { ActionModal } from '../../registry/ActionModal';
import { ReasonModal } from '../../../components/ReasonModal';

export type OperationAction = 'suspend' | 'reinstate' | 'revoke' | 'evaluate';

/** The years of the term that have come and have no evaluation yet, oldest first. */
function yearsToEvaluate(g: OperationGrant): number[] {
  const span = evaluationYears(g.startsAt, g.endsAt, new Date());
  if (!span || g.status === 'revoked') return [];
  const done = new Set(g.evaluations.map((e) => e.year));
  return Array.from({ length: span.to - span.from + 1 }, (_, i) => span.from + i).filter((y) => !done.has(y));
}

/**
 * What the granting authority may do now: active ⇄ suspended → revoked (final), none once the term ran out;
 * an evaluation for a year of the term that has come and has none yet.
 */
export function useOperationActions(): (g: OperationGrant) => OperationAction[] {
  const { me, hasRole } = useAuth();
  return (g) => {
    if (!hasRole('authority') || me?.org?.id !== g.authorityOrgId) return [];
    return [
      ...(g.status === 'active' ? (['suspend'] as const) : []),
      ...(g.status === 'suspended' ? (['reinstate'] as const) : []),
      ...(yearsToEvaluate(g).length > 0 ? (['evaluate'] as const) : []),
      ...(g.status === 'active' || g.status === 'suspended' ? (['revoke'] as const) : []),
    ];
  };
}

function useAct(onDone: () => void) {
  const t = useT();
  const p = t.consentOrgs.op;
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, id, reason }: { action: OperationAction; id: string; reason: string }) => {
      const params = { id };
      if (action === 'reinstate') return sdk.consent.reinstateOperationGrant({ params });
      const body = { reason };
      return action === 'suspend'
        ? sdk.consent.suspendOperationGrant({ params, body })
        : sdk.consent.revokeOperationGrant({ params, body });
    },
    onSuccess: (_g, v) => {
      const done = {
        suspend: p.suspended,
        reinstate: p.reinstated,
        revoke: p.revoked,
        evaluate: p.evaluated,
      };
      void message.success(done[v.action]);
      void qc.invalidateQueries({ queryKey: ['consent', 'operation-grants'] });
      void qc.invalidateQueries({ queryKey: ['consent', 'authorized-operators'] });
      onDone();
    },
  });
}

interface EvaluationValues {
  year: number;
  score: number;
  conclusion: string;
}

function EvaluationModal({ g, onClose }: { g: OperationGrant; onClose: () => void }) {
  const t = useT();
  const p = t.consentOrgs.op;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EvaluationValues>();
  const evaluate = useMutation({
    mutationFn: (body: EvaluationValues) =>
      sdk.consent.evaluate({ params: { id: g.id }, body: { ...body, conclusion: body.conclusion.trim() } }),
    onSuccess: () => {
      void message.success(p.evaluated);
      void qc.invalidateQueries({ queryKey: ['consent', 'operation-grants'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const S = EvaluationBody.shape;
  const required = { required: true, message: t.validation.required };
  const open = yearsToEvaluate(g);
  return (
    <ActionModal<EvaluationValues>
      open
      title={`${p.evaluateTitle} · ${g.operatorOrgName ?? g.operatorOrgId}`}
      okText={t.common.submit}
      form={form}
      pending={evaluate.isPending}
      error={evaluate.error}
      onOk={(v) => evaluate.mutate(v)}
      onClose={onClose}
      testId="op-evaluate-modal"
    >
      <Form.Item
        name="year"
        label={p.year}
        initialValue={open[0]}
        extra={p.yearsOpen(t.common.list(open.map(String)))}
        rules={[
          required,
          zodRule(S.year, t),
          {
            validator: async (_r, y?: number) => {
              if (y != null && !open.includes(y)) throw new Error(p.yearClosed);
            },
          },
        ]}
      >
        <InputNumber<number>
          min={open[0]}
          max={open[open.length - 1]}
          precision={0}
          data-testid="op-evaluate-year"
        />
      </Form.Item>
      <Form.Item name="score" label={p.score} extra={p.scoreHelp} rules={[required, zodRule(S.score, t)]}>
        <InputNumber<number> min={0} max={100} precision={0} data-testid="op-evaluate-score" />
      </Form.Item>
      <Form.Item
        name="conclusion"
        label={p.conclusion}
        rules={[{ ...required, whitespace: true }, zodRule(S.conclusion, t)]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="op-evaluate-conclusion" />
      </Form.Item>
    </ActionModal>
  );
}

/** The authority's action on one authorized operation, in its modal. */
export function OperationActionModal({
  g,
  action,
  onClose,
}: {
  g: OperationGrant | null;
  action: OperationAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const p = t.consentOrgs.op;
  const act = useAct(onClose);
  if (!g || !action) return null;
  if (action === 'evaluate') return <EvaluationModal g={g} onClose={onClose} />;
  const who = g.operatorOrgName ?? g.operatorOrgId;
  const look = {
    suspend: { title: p.suspendTitle, warning: p.suspendWarn, ok: p.suspend },
    reinstate: { title: p.reinstateTitle, warning: p.reinstateText, ok: p.reinstate },
    revoke: { title: p.revokeTitle, warning: p.revokeWarn, ok: p.revokeOk },
  }[action];
  return (
    <ReasonModal
      reasonSchema={ConsentReasonBody.shape.reason}
      open
      title={`${look.title} · ${who}`}
      warning={look.warning}
      okText={look.ok}
      danger={action !== 'reinstate'}
      reason={action !== 'reinstate'}
      reasonHelp={p.reasonHelp}
      ack={action === 'revoke' ? { label: p.revokeAck, required: p.revokeAckRequired } : undefined}
      pending={act.isPending}
      error={act.error}
      onOk={(reason) => act.mutate({ action, id: g.id, reason })}
      onClose={() => {
        act.reset();
        onClose();
      }}
      testId={`op-${action}-modal`}
    />
  );
}
