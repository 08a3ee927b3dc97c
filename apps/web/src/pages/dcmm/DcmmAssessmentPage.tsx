import type { DcmmAnswerValue, DcmmArea } from '@shuliu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Descriptions, Popconfirm, Tabs } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { DcmmAreaForm } from './DcmmAreaForm';
import { DCMM_AREAS, DcmmResultView, statementsOf, useLevelName } from './dcmm-parts';

/**
 * One DCMM self-assessment: the questionnaire by capability area (answered and saved area by area while it
 * is a draft), its result as the answers stand, and submission, after which it shows what was submitted.
 */
export function DcmmAssessmentPage() {
  const { id = '' } = useParams();
  const x = useT().dcmm;
  const levelName = useLevelName();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [area, setArea] = useState<DcmmArea>('strategy');
  const q = useQuery({
    queryKey: ['dcmm', 'assessment', id],
    queryFn: () => sdk.dcmm.get({ params: { id } }),
  });
  const refresh = (data: Awaited<ReturnType<typeof sdk.dcmm.get>>) => {
    qc.setQueryData(['dcmm', 'assessment', id], data);
    void qc.invalidateQueries({ queryKey: ['dcmm', 'list'] });
  };
  const save = useMutation({
    mutationFn: (answers: { statementId: string; answer: DcmmAnswerValue; note: string | null }[]) =>
      sdk.dcmm.answer({ params: { id }, body: { answers } }),
    onSuccess: (d) => {
      refresh(d);
      void message.success(x.saved);
    },
  });
  const submit = useMutation({
    mutationFn: () => sdk.dcmm.submit({ params: { id } }),
    onSuccess: (d) => {
      refresh(d);
      void message.success(x.submitted);
    },
  });
  if (q.isPending || q.isError) return <QueryState q={q} title={x.menu} />;
  const a = q.data;
  const draft = a.status === 'draft';
  const answered = new Set(a.answers.map((s) => s.statementId));
  const left = (ar: DcmmArea) => statementsOf(ar).filter((s) => !answered.has(s.id)).length;
  return (
    <PageContainer
      title={a.title}
      subTitle={x.menu}
      extra={
        draft && (
          <Popconfirm title={x.submitConfirm} onConfirm={() => submit.mutate()}>
            <Button type="primary" loading={submit.isPending} data-testid="dcmm-submit">
              {x.submit}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={x.org}>{a.orgName}</Descriptions.Item>
          <Descriptions.Item label={x.statusTitle}>
            <StatusTag status={a.status} label={x.status[a.status]} />
          </Descriptions.Item>
          <Descriptions.Item label={x.questionnaire}>
            {x.answered(a.result.answered, a.result.total)}
          </Descriptions.Item>
          <Descriptions.Item label={x.score}>{a.result.score.toFixed(2)}</Descriptions.Item>
          <Descriptions.Item label={x.overall}>{levelName(a.result.level)}</Descriptions.Item>
          <Descriptions.Item label={draft ? x.updatedAt : x.submittedAt}>
            {formatTime(draft ? a.updatedAt : a.submittedAt)}
          </Descriptions.Item>
        </Descriptions>
        <Alert
          type={draft ? 'info' : 'success'}
          showIcon
          message={draft ? x.draftHint : x.readOnly}
          style={{ marginTop: 12 }}
        />
      </Card>
      <MutationErrorAlert error={save.error ?? submit.error} />
      <Card title={x.result} style={{ marginBottom: 16 }}>
        <DcmmResultView result={a.result} id={a.id} />
      </Card>
      <Card title={x.questionnaire}>
        <Tabs
          activeKey={area}
          onChange={(k) => setArea(k as DcmmArea)}
          items={DCMM_AREAS.map((ar) => ({
            key: ar,
            label: (
              <Badge count={draft ? left(ar) : 0} size="small" offset={[8, 0]}>
                {x.areas[ar]}
              </Badge>
            ),
            children: (
              <DcmmAreaForm
                area={ar}
                answers={a.answers}
                readOnly={!draft}
                saving={save.isPending}
                onSave={(answers) => save.mutate(answers)}
              />
            ),
          }))}
        />
      </Card>
    </PageContainer>
  );
}
