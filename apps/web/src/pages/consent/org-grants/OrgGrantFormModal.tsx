import { gradeRank, OrgGrantBody, rawPersonalInfo, type Grade, type OrgGrant } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { sdk } from '../../../api/sdk';
import { useAuth } from '../../../auth/AuthProvider';
import { GradeTag } from '../../../components/CatalogTags';
import { useT } from '../../../i18n/I18nProvider';
import { dayjs, DISPLAY_TZ, pickerToIso } from '../../../lib/time';
import { showServerIssues, showZodIssues, zodRule } from '../../../lib/zod-form';
import { CreateModal } from '../CreateModal';
import { GradeSelect, PartySelect } from './org-grant-parts';

interface Values {
  granteeOrgId: string;
  maxGrade: Exclude<Grade, 'core'>;
  resourceIds: string[];
  purpose: string;
  expiresAt: Dayjs;
}

const today = () => dayjs().tz(DISPLAY_TZ).startOf('day');

/** The caller org's own catalogue: the only resources it may authorize. */
function useOwnResources(enabled: boolean) {
  return useQuery({
    queryKey: ['catalog', 'search', { mine: 'true', pageSize: 200, sort: 'title' }],
    queryFn: () => sdk.catalog.search({ query: { mine: 'true', pageSize: 200, sort: 'title' } }),
    enabled,
  });
}

/** 新建企业授权: an org admin authorizes another org to use named own resources up to a grade, until a day. */
export function OrgGrantFormModal({
  open,
  onClose,
  onView,
}: {
  open: boolean;
  onClose: () => void;
  onView: (g: OrgGrant) => void;
}) {
  const t = useT();
  const o = t.consentOrgs.org;
  const { me } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const own = useOwnResources(open);
  const resources = (own.data?.items ?? []).filter((r) => r.status !== 'retired');
  const maxGrade = Form.useWatch('maxGrade', form);
  const above = (g: Grade) => !!maxGrade && gradeRank(g) > gradeRank(maxGrade);
  // PIPL Art. 23: raw personal information goes to another org only as a masked derivative
  const personal = new Set(resources.filter((r) => rawPersonalInfo(r)).map((r) => r.id));
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof OrgGrantBody.parse>) => sdk.consent.createOrgGrant({ body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['consent', 'org-grants'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const submit = (v: Values) => {
    const parsed = OrgGrantBody.safeParse({ ...v, expiresAt: pickerToIso(v.expiresAt.endOf('day')) });
    if (!parsed.success) showZodIssues(form, parsed.error.issues, t);
    else create.mutate(parsed.data);
  };
  const required = { required: true, message: t.validation.required };
  const S = OrgGrantBody.shape;
  return (
    <CreateModal<Values, OrgGrant>
      open={open}
      title={o.createTitle}
      form={form}
      create={create}
      onOk={submit}
      onClose={onClose}
      onView={onView}
      created={{ title: o.created, subTitle: o.createdNext, viewLabel: o.view }}
      testId="org-grant"
      width={640}
    >
      <Form.Item name="granteeOrgId" label={o.grantee} extra={o.granteeHelp} rules={[required]}>
        <PartySelect exclude={me?.org?.id} testId="org-grant-grantee" />
      </Form.Item>
      <Form.Item
        name="maxGrade"
        label={o.maxGrade}
        extra={o.maxGradeHelp}
        initialValue="general_3"
        rules={[required]}
      >
        <GradeSelect testId="org-grant-grade" />
      </Form.Item>
      <Form.Item
        name="resourceIds"
        label={o.resources}
        extra={o.resourcesHelp}
        dependencies={['maxGrade']}
        rules={[
          { required: true, type: 'array', min: 1, message: t.validation.required },
          zodRule(S.resourceIds, t),
          {
            validator: async (_r, ids?: string[]) => {
              const bad = resources.filter((r) => ids?.includes(r.id) && above(r.grade));
              if (bad.length) throw new Error(o.aboveGradeList(t.common.list(bad.map((r) => r.title))));
            },
          },
        ]}
      >
        <Select
          mode="multiple"
          loading={own.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.common.pleaseSelect}
          notFoundContent={own.isSuccess && resources.length === 0 ? o.noResources : undefined}
          options={resources.map((r) => ({
            value: r.id,
            label: r.title,
            disabled: above(r.grade) || personal.has(r.id),
            grade: r.grade,
            personal: personal.has(r.id),
          }))}
          optionRender={(opt) => (
            <Space size={4}>
              {opt.label}
              <GradeTag grade={opt.data.grade} />
              {above(opt.data.grade) && <Typography.Text type="danger">{o.aboveGrade}</Typography.Text>}
              {opt.data.personal && <Typography.Text type="danger">{o.rawPersonal}</Typography.Text>}
            </Space>
          )}
          data-testid="org-grant-resources"
        />
      </Form.Item>
      {own.isSuccess && resources.length === 0 && (
        <Alert type="warning" showIcon title={o.noResources} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="purpose"
        label={o.purpose}
        extra={o.purposeHelp}
        rules={[{ ...required, whitespace: true }, zodRule(S.purpose, t)]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="org-grant-purpose" />
      </Form.Item>
      <Form.Item
        name="expiresAt"
        label={o.expiresAt}
        extra={o.expiresHelp}
        initialValue={today().add(1, 'year')}
        rules={[
          required,
          {
            validator: async (_r, d?: Dayjs) => {
              if (d && !d.isAfter(today(), 'day')) throw new Error(o.mustBeFuture);
            },
          },
        ]}
      >
        <DatePicker
          disabledDate={(d) => !d.isAfter(today(), 'day')}
          style={{ width: '100%' }}
          data-testid="org-grant-expires"
        />
      </Form.Item>
    </CreateModal>
  );
}
