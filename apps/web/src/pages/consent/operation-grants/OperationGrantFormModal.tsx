import { OperationGrantBody, type Grade, type OperationGrant } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Radio, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { fieldIssues } from '../../../api/errors';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { useT } from '../../../i18n/I18nProvider';
import { dayjs, DISPLAY_TZ, pickerToIso } from '../../../lib/time';
import { issueMessage, zodRule } from '../../../lib/zod-form';
import { CreateModal } from '../CreateModal';
import { GradeSelect, PartySelect } from '../org-grants/org-grant-parts';
import { yuanToFen } from '../../../lib/format';
import { SectorsSelect } from './operation-parts';

interface Values {
  operatorOrgId: string;
  scope: OperationGrant['scope'];
  sectors?: string[];
  maxGrade: Exclude<Grade, 'core'>;
  term: [Dayjs, Dayjs];
  priceYuan: number;
  priceNote?: string;
  sharePercent?: number;
}

const today = () => dayjs().tz(DISPLAY_TZ).startOf('day');

/** The body's field names as the form's: the term is one range, the price is typed in yuan. */
const FIELD: Record<string, keyof Values> = {
  startsAt: 'term',
  endsAt: 'term',
  priceGuidanceFen: 'priceYuan',
  authorityShareBp: 'sharePercent',
};
const fieldOf = (path: readonly PropertyKey[]) => FIELD[String(path[0])] ?? (String(path[0]) as keyof Values);

function toBody(v: Values) {
  return {
    operatorOrgId: v.operatorOrgId,
    scope: v.scope,
    sectors: v.scope === 'sectoral' ? (v.sectors ?? []) : [],
    maxGrade: v.maxGrade,
    startsAt: pickerToIso(v.term[0].startOf('day')),
    endsAt: pickerToIso(v.term[1].endOf('day')),
    priceGuidanceFen: yuanToFen(v.priceYuan),
    ...(v.priceNote?.trim() && { priceNote: v.priceNote.trim() }),
    authorityShareBp: Math.round((v.sharePercent ?? 0) * 100),
  };
}

/** Puts issues of the contract's parse, or of a 400 answer, beside the form's fields. */
function place(form: FormInstance<Values>, issues: { path: PropertyKey[]; message: string }[]) {
  form.setFields(issues.map((i) => ({ name: fieldOf(i.path), errors: [i.message] })));
}

/** 新建授权运营: an authority authorizes an operator org, comprehensively or for named catalog sectors. */
export function OperationGrantFormModal({
  open,
  onClose,
  onView,
}: {
  open: boolean;
  onClose: () => void;
  onView: (g: OperationGrant) => void;
}) {
  const t = useT();
  const p = t.consentOrgs.op;
  const { me } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form);
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => sdk.consent.createOperationGrant({ body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['consent', 'operation-grants'] });
      void qc.invalidateQueries({ queryKey: ['consent', 'authorized-operators'] });
      onClose();
    },
    onError: (e) => place(form, fieldIssues(e)),
  });
  const messageOf = (path: readonly PropertyKey[]) =>
    path[0] === 'sectors' ? p.sectorsRequired : path[0] === 'endsAt' ? p.termOrder : undefined;
  const submit = (v: Values) => {
    const parsed = OperationGrantBody.safeParse(toBody(v));
    if (parsed.success) create.mutate(toBody(v));
    else
      place(
        form,
        parsed.error.issues.map((i) => ({ path: i.path, message: issueMessage(t, i, messageOf(i.path)) })),
      );
  };
  const required = { required: true, message: t.validation.required };
  const S = OperationGrantBody.shape;
  return (
    <CreateModal<Values, OperationGrant>
      open={open}
      title={p.createTitle}
      form={form}
      create={create}
      onOk={submit}
      onClose={onClose}
      onView={onView}
      created={{ title: p.created, subTitle: p.createdNext, viewLabel: p.view }}
      testId="op-grant"
      width={680}
    >
      <Alert type="info" showIcon title={p.computeToData} style={{ marginBottom: 16 }} />
      <Form.Item name="operatorOrgId" label={p.operator} extra={p.operatorHelp} rules={[required]}>
        {/* an authority does not authorize itself: the server refuses it */}
        <PartySelect exclude={me?.org?.id} testId="op-grant-operator" />
      </Form.Item>
      <Form.Item name="scope" label={p.scope} extra={p.scopeHelp} initialValue="comprehensive">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(['comprehensive', 'sectoral'] as const).map((s) => ({
            value: s,
            label: <span data-testid={`op-grant-scope-${s}`}>{t.consentOrgs.scope[s]}</span>,
          }))}
        />
      </Form.Item>
      {scope === 'sectoral' && (
        <Form.Item
          name="sectors"
          label={p.sectors}
          extra={p.sectorsHelp}
          rules={[
            { required: true, type: 'array', min: 1, message: p.sectorsRequired },
            zodRule(S.sectors, t),
          ]}
        >
          <SectorsSelect testId="op-grant-sectors" />
        </Form.Item>
      )}
      <Form.Item name="maxGrade" label={p.maxGrade} initialValue="general_3" rules={[required]}>
        <GradeSelect testId="op-grant-grade" />
      </Form.Item>
      <Form.Item
        name="term"
        label={p.term}
        extra={p.termHelp}
        initialValue={[today(), today().add(3, 'year').subtract(1, 'day')]}
        rules={[
          required,
          {
            validator: async (_r, v?: [Dayjs, Dayjs]) => {
              if (v && !v[1].isAfter(v[0], 'day')) throw new Error(p.termOrder);
              if (v && v[1].isBefore(today(), 'day')) throw new Error(p.termPast);
            },
          },
        ]}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="op-grant-term" />
      </Form.Item>
      <Form.Item name="priceYuan" label={p.price} extra={p.priceHelp} rules={[required]}>
        <InputNumber<number>
          min={0}
          max={1e12}
          precision={2}
          step={100}
          prefix="¥"
          style={{ width: '100%' }}
          data-testid="op-grant-price"
        />
      </Form.Item>
      <Form.Item
        name="priceNote"
        label={p.priceNote}
        extra={p.priceNoteHelp}
        rules={[zodRule(S.priceNote, t)]}
      >
        <Input.TextArea rows={2} maxLength={1000} showCount data-testid="op-grant-price-note" />
      </Form.Item>
      <Form.Item name="sharePercent" label={p.authorityShare} extra={p.authorityShareHelp} initialValue={0}>
        <InputNumber<number>
          min={0}
          max={70}
          precision={2}
          suffix="%"
          style={{ width: '100%' }}
          data-testid="op-grant-share"
        />
      </Form.Item>
    </CreateModal>
  );
}
