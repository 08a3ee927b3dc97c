import { RegistryObjectionBody, type RegistryNotice } from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Result,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { loginPath, useAuth } from '../../auth/AuthProvider';
import { ListCard } from '../../components/ListCard';
import { ReasonField } from './application-parts';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';
import { useListParams, usePagination } from '../../lib/use-list-params';
import { showServerIssues, whenValid } from '../../lib/zod-form';
import {
  EvidencePicker,
  RightsTags,
  registryKeys,
  uploadAll,
  uploadObjectionFile,
  UploadProgress,
  type PickedFile,
  type Progressing,
} from './registry-parts';
import { QueryState } from '../../components/QueryState';

const noticeTag = (t: Messages, n: RegistryNotice) =>
  n.open ? (
    <StatusTag status="publicizing" label={t.registry.noticeOpen} />
  ) : (
    <StatusTag status="expired" label={t.registry.noticeClosed} />
  );

function columns(t: Messages): ColumnsType<RegistryNotice> {
  return [
    {
      key: 'object',
      title: t.registry.object,
      render: (_, n) => (
        <Link to={`/registry/notices/${n.applicationId}`} data-testid={`notice-${n.applicationId}`}>
          {n.objectTitle}
        </Link>
      ),
    },
    { key: 'type', title: t.registry.type, render: (_, n) => enumLabel(t.regType, n.type) },
    { key: 'applicant', title: t.registry.applicant, render: (_, n) => n.applicantOrgName ?? '—' },
    { key: 'rights', title: t.registry.rights, render: (_, n) => <RightsTags rights={n.rights} /> },
    {
      key: 'starts',
      title: t.registry.noticeStarts,
      render: (_, n) => formatTime(n.noticeStartsAt, 'YYYY-MM-DD'),
    },
    {
      key: 'ends',
      title: t.registry.noticeEnds,
      render: (_, n) => (
        <Typography.Text strong>{formatTime(n.noticeEndsAt, 'YYYY-MM-DD HH:mm')}</Typography.Text>
      ),
    },
    { key: 'objections', title: t.registry.objectionsCount, render: (_, n) => n.objections },
    { key: 'status', title: t.registry.status, render: (_, n) => noticeTag(t, n) },
  ];
}

/** 公示栏: registrations in public notice, for anyone, logged in or not. */
export function NoticesPage() {
  const t = useT();
  const lp = useListParams(['q', 'past'] as const);
  const q = useQuery({
    queryKey: ['registry', 'notices', lp.page, lp.pageSize, lp.filters],
    queryFn: () =>
      sdk.registry.notices({
        query: {
          page: lp.page,
          pageSize: lp.pageSize,
          q: lp.filters.q,
          active: lp.filters.past ? 'false' : 'true',
        },
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t.registry.noticesTitle}>
      <Alert type="info" showIcon title={t.registry.noticesIntro} style={{ marginBottom: 16 }} />
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={lp.filters.q}
          placeholder={t.registry.object}
          style={{ width: 260 }}
          onSearch={(v) => lp.setFilters({ ...lp.filters, q: v })}
        />
        <Space>
          <Switch
            checked={!!lp.filters.past}
            onChange={(on) => lp.setFilters({ ...lp.filters, past: on ? '1' : undefined })}
          />
          {t.registry.showPast}
        </Space>
      </Flex>
      <ListCard<RegistryNotice>
        id="registry-notices"
        title={t.registry.notices}
        columns={columns(t)}
        testId="registry-notices-table"
        error={q.error}
        onRefresh={() => void q.refetch()}
        refreshing={q.isFetching}
        table={{
          rowKey: 'applicationId',
          loading: q.isPending,
          dataSource: q.data?.items,
          pagination: usePagination(lp, q.data?.total),
          locale: { emptyText: <Typography.Text type="secondary">{t.registry.noNotices}</Typography.Text> },
        }}
      />
    </PageContainer>
  );
}

/** One notice, with the objection form for logged-in parties (reason, then evidence). */
export function NoticePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { token } = useAuth();
  const { pathname } = useLocation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [filed, setFiled] = useState(false);
  const q = useQuery({
    queryKey: ['registry', 'notice', id],
    queryFn: () => sdk.registry.notice({ params: { id } }),
  });
  const object = useMutation({
    mutationFn: async (v: { reason: string }) => {
      const o = await sdk.registry.object({ params: { id }, body: { reason: v.reason.trim() } });
      await uploadAll(picked, (p, on) => uploadObjectionFile(o.id, p.file, on), setProgress);
      return o;
    },
    onSuccess: () => {
      setFiled(true);
      void qc.invalidateQueries({ queryKey: registryKeys.all });
    },
    onError: (e) => {
      setProgress(null);
      showServerIssues(form, e);
    },
  });
  if (q.isPending || q.isError) return <QueryState q={q} />;
  const n = q.data;
  return (
    <PageContainer title={n.objectTitle} subTitle={noticeTag(t, n)}>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'type', label: t.registry.type, children: enumLabel(t.regType, n.type) },
            { key: 'cat', label: t.registry.category, children: enumLabel(t.regCategory, n.category) },
            { key: 'applicant', label: t.registry.applicant, children: n.applicantOrgName ?? '—' },
            { key: 'rights', label: t.registry.rights, children: <RightsTags rights={n.rights} /> },
            { key: 'scope', label: t.registry.scope, children: n.scope ?? '—', span: 2 },
            ...(n.certificateNo
              ? [{ key: 'cert', label: t.registry.certNo, children: n.certificateNo }]
              : []),
            ...(n.counterpartyOrgName
              ? [{ key: 'cp', label: t.registry.counterparty, children: n.counterpartyOrgName }]
              : []),
            { key: 'starts', label: t.registry.noticeStarts, children: formatTime(n.noticeStartsAt) },
            { key: 'ends', label: t.registry.noticeEnds, children: formatTime(n.noticeEndsAt) },
            { key: 'obj', label: t.registry.objectionsCount, children: n.objections },
          ]}
        />
      </Card>
      {n.open && (
        <Card title={t.registry.objectTitle}>
          {filed ? (
            <Result
              status="success"
              title={t.registry.objectionFiled}
              subTitle={t.registry.objectionFiledNext}
              data-testid="objection-filed"
              extra={
                <Link to="/registry/notices">
                  <Button>{t.registry.notices}</Button>
                </Link>
              }
            />
          ) : !token ? (
            <Link to={loginPath(pathname)} data-testid="objection-login">
              <Button type="primary">{t.registry.objectLogin}</Button>
            </Link>
          ) : (
            <>
              <MutationErrorAlert error={object.error} />
              <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
                <ReasonField
                  label={t.registry.objectionReason}
                  testId="objection-reason"
                  schema={RegistryObjectionBody.shape.reason}
                  rows={4}
                />
                <Form.Item label={t.registry.objectionEvidence}>
                  <EvidencePicker
                    value={picked}
                    onChange={setPicked}
                    kinds={['objection_evidence']}
                    testId="objection-evidence"
                  />
                </Form.Item>
                <UploadProgress p={progress} />
                <Button
                  type="primary"
                  danger
                  loading={object.isPending}
                  onClick={() => whenValid(form, (v) => object.mutate(v))}
                  data-testid="objection-submit"
                >
                  {t.registry.objectTitle}
                </Button>
              </Form>
            </>
          )}
        </Card>
      )}
    </PageContainer>
  );
}
