import {
  CreateRegistrationBody,
  type DataRight,
  UpdateFrequency,
  type CertificateDetail,
  type RegistryEvidenceKind,
  type RegistrationType,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { showServerIssues, zodRule } from '../../lib/zod-form';
import { ActionModal } from './ActionModal';
import {
  DECLARATIONS,
  DeclarationChecks,
  EvidencePicker,
  OBJECTION_DECLARATIONS,
  registryKeys,
  uploadAll,
  uploadRegistryFile,
  UploadProgress,
  type PickedFile,
  type Progressing,
} from './registry-parts';

/** What a certificate's holder (or a pledgee, or anyone objecting) may apply for from the certificate page. */
export type LifecycleType = Exclude<RegistrationType, 'initial'>;
export type DirectAction = 'freeze' | 'unfreeze' | 'resolveDispute';

/** The instrument a registration brings (RULES.md: a transaction's contract or agreement). */
const INSTRUMENT: Partial<Record<LifecycleType, RegistryEvidenceKind>> = {
  transfer: 'transfer_contract',
  license: 'license_agreement',
  pledge: 'pledge_contract',
  objection: 'objection_evidence',
  release: 'release_agreement',
};

const shape = (type: LifecycleType) =>
  CreateRegistrationBody.options.find((o) => o.shape.type.value === type)!.shape as unknown as Record<
    string,
    z.ZodType | undefined
  >;

type Values = Record<string, unknown> & { declarations: string[] };

const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function bodyOf(type: LifecycleType, c: CertificateDetail, v: Values): CreateRegistrationBody {
  const declarations = v.declarations as never;
  const certificateId = c.id;
  switch (type) {
    case 'change':
      return {
        type,
        certificateId,
        reason: text(v.reason)!,
        changes: {
          ...(text(v.scope) && { scope: text(v.scope) }),
          ...(text(v.format) && { format: text(v.format) }),
          ...(v.updateFrequency ? { updateFrequency: v.updateFrequency as UpdateFrequency } : {}),
          ...(v.refreshObject ? { refreshObject: true } : {}),
        },
        declarations,
      };
    case 'transfer':
      return { type, certificateId, toOrgId: v.orgId as string, reason: text(v.reason)!, declarations };
    case 'license':
      return {
        type,
        certificateId,
        licenseeOrgId: v.orgId as string,
        rights: v.rights as DataRight[],
        scope: text(v.scope)!,
        validFrom: day(v.validFrom)!,
        validUntil: day(v.validUntil)!,
        exclusive: !!v.exclusive,
        declarations,
      };
    case 'pledge':
      return {
        type,
        certificateId,
        pledgeeOrgId: v.orgId as string,
        ...(typeof v.amount === 'number' && { securedAmountFen: Math.round(v.amount * 100) }),
        ...(day(v.validUntil) && { validUntil: day(v.validUntil) }),
        declarations,
      };
    case 'release':
      return { type, certificateId, ...(text(v.reason) && { reason: text(v.reason) }), declarations };
    case 'cancel':
      return { type, certificateId, reason: text(v.reason)!, declarations };
    case 'renew':
      return {
        type,
        certificateId,
        ...(day(v.sourceValidUntil) && { sourceValidUntil: day(v.sourceValidUntil) }),
        ...(text(v.reason) && { reason: text(v.reason) }),
        declarations,
      };
    case 'objection':
      return { type, certificateNo: c.certNo, reason: text(v.reason)!, declarations };
  }
}

/** A lifecycle registration (变更、转移、许可、质押、解押、注销、续展、异议) filed from the certificate page. */
export function LifecycleModal({
  type,
  cert,
  onClose,
}: {
  type: LifecycleType | null;
  cert: CertificateDetail;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const role = type === 'pledge' ? 'pledgee' : 'any';
  const parties = useQuery({
    queryKey: ['registry', 'parties', role],
    queryFn: () => sdk.registry.parties({ query: { role, pageSize: 100 } }),
    enabled: type === 'transfer' || type === 'license' || type === 'pledge',
  });
  const m = useMutation({
    mutationFn: async (v: Values) => {
      const draft = await sdk.registry.create({ body: bodyOf(type!, cert, v) });
      await uploadAll(picked, (p, on) => uploadRegistryFile(draft.id, p.file, p.kind, on), setProgress);
      return sdk.registry.submit({ params: { id: draft.id } });
    },
    onSuccess: (r) => {
      void message.success(t.registry.lifecycleDone(enumLabel(t.regType, r.type)));
      void qc.invalidateQueries({ queryKey: registryKeys.all });
      setPicked([]);
      onClose();
      void navigate(`/registry/applications/${r.id}`);
    },
    onError: (e) => {
      setProgress(null);
      showServerIssues(form, e);
    },
  });
  if (!type) return null;
  const s = shape(type);
  const instrument = INSTRUMENT[type];
  const required = [{ required: true, whitespace: true, message: t.validation.required }];
  const orgs = (parties.data?.items ?? []).filter((p) => p.id !== cert.holderOrgId);
  const orgField = (label: string) => (
    <Form.Item name="orgId" label={label} rules={[{ required: true, message: t.validation.required }]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={parties.isPending}
        options={orgs.map((p) => ({ value: p.id, label: p.name }))}
        data-testid="lifecycle-org"
      />
    </Form.Item>
  );
  const reason = (need: boolean, max = 1000) => (
    <Form.Item
      name="reason"
      label={t.common.reason}
      rules={[
        ...(need ? required : []),
        zodRule(s.reason ?? CreateRegistrationBody.options[4].shape.reason, t),
      ]}
    >
      <Input.TextArea rows={3} maxLength={max} showCount data-testid="lifecycle-reason" />
    </Form.Item>
  );
  return (
    <ActionModal<Values>
      open
      title={`${t.registry[type === 'objection' ? 'objectCert' : type]} · ${cert.certNo}`}
      okText={t.common.submit}
      danger={type === 'cancel' || type === 'objection'}
      form={form}
      pending={m.isPending}
      error={m.error}
      onOk={(v) => m.mutate({ ...form.getFieldsValue(true), ...v } as Values)}
      onClose={() => {
        m.reset();
        setPicked([]);
        onClose();
      }}
      testId="lifecycle-modal"
      width={680}
    >
      <Alert type="info" showIcon title={t.registry.lifecycleNext} style={{ marginBottom: 16 }} />
      {type === 'change' && (
        <>
          <Form.Item name="scope" label={t.registry.changeScope} initialValue={cert.scope}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="format" label={t.registry.format}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="updateFrequency" label={t.registry.updateFrequency}>
            <Select
              allowClear
              options={UpdateFrequency.options.map((f) => ({
                value: f,
                label: enumLabel(t.updateFrequency, f),
              }))}
            />
          </Form.Item>
          <Form.Item name="refreshObject" label={t.registry.refreshObject} valuePropName="checked">
            <Switch />
          </Form.Item>
          {reason(true)}
        </>
      )}
      {type === 'transfer' && (
        <>
          {orgField(t.registry.transferee)}
          {reason(true)}
        </>
      )}
      {type === 'license' && (
        <>
          {orgField(t.registry.licensee)}
          <Form.Item
            name="rights"
            label={t.registry.rights}
            initialValue={cert.rights}
            rules={[{ required: true, message: t.validation.required }]}
          >
            <Checkbox.Group
              options={cert.rights.map((r) => ({ value: r, label: enumLabel(t.dataRight, r) }))}
            />
          </Form.Item>
          <Form.Item name="scope" label={t.registry.scope} rules={[...required, zodRule(s.scope!, t)]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="validFrom"
            label={t.registry.validFrom}
            rules={[{ required: true, message: t.validation.required }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={t.registry.validUntil}
            rules={[{ required: true, message: t.validation.required }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="exclusive" label={t.registry.exclusive} initialValue={false}>
            <Radio.Group
              options={[
                { value: false, label: t.common.no },
                { value: true, label: t.common.yes },
              ]}
            />
          </Form.Item>
        </>
      )}
      {type === 'pledge' && (
        <>
          {orgField(t.registry.pledgee)}
          <Form.Item name="amount" label={t.registry.amount}>
            <InputNumber min={0.01} precision={2} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="validUntil" label={t.registry.pledgeUntil}>
            <DatePicker />
          </Form.Item>
        </>
      )}
      {type === 'release' && reason(false)}
      {type === 'cancel' && reason(true)}
      {type === 'renew' && (
        <>
          <Form.Item name="sourceValidUntil" label={t.registry.renewSource}>
            <DatePicker />
          </Form.Item>
          {reason(false)}
        </>
      )}
      {type === 'objection' && reason(true, 2000)}
      {instrument && (
        <Form.Item
          label={t.registry.evidence}
          extra={t.registry.instrument(enumLabel(t.evidenceKind, instrument))}
        >
          <EvidencePicker
            value={picked}
            onChange={setPicked}
            kinds={[instrument, 'other']}
            testId="lifecycle-evidence"
          />
        </Form.Item>
      )}
      <DeclarationChecks items={type === 'objection' ? OBJECTION_DECLARATIONS : DECLARATIONS} />
      <UploadProgress p={progress} />
    </ActionModal>
  );
}
