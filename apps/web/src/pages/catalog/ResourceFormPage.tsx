import { CreateResourceBody, UpdateResourceBody, type Resource } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { sdk } from '../../api/sdk';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { compact, showServerIssues, showZodIssues } from '../../lib/zod-form';
import { catalogKeys, useResource } from './catalog-queries';
import { ResourceFormFields } from './ResourceFormFields';
import { QueryState } from '../../components/QueryState';

type Values = Record<string, unknown> & { keywords?: string[] };

const OPTIONAL = [
  'titleEn',
  'descriptionEn',
  'sourceMethod',
  'format',
  'spatialCoverage',
  'temporalFrom',
  'temporalTo',
  'openClass',
] as const;

function initialOf(r: Resource | undefined): Values {
  if (!r) return { keywords: [], sourceKind: 'collected', updateFrequency: 'monthly' };
  const v: Values = {
    title: r.title,
    description: r.description,
    sectorCode: r.sectorCode,
    subjectType: r.subjectType,
    sourceKind: r.sourceKind,
    updateFrequency: r.updateFrequency,
    keywords: r.keywords,
  };
  for (const k of OPTIONAL) v[k] = r[k] ?? undefined;
  return v;
}

/** A change sends every field, an emptied optional one as null (removing it); a creation omits empty ones. */
function changeBody(v: Values): Values {
  const body: Values = { ...compact(v), keywords: v.keywords ?? [] };
  for (const k of OPTIONAL) if (!body[k]) body[k] = null;
  if (body.subjectType !== 'public') body.openClass = null;
  return body;
}

/** 新建资源 / 编辑资源: the resource's description, validated with the API's contract beside each field. */
export function ResourceFormPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { id } = useParams();
  const editing = !!id;
  const existing = useResource(id);
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: Values) =>
      editing
        ? sdk.catalog.update({ params: { id }, body: body as never })
        : sdk.catalog.create({ body: body as never }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: catalogKeys.all });
      if (editing) {
        void message.success(t.resourceForm.saved);
        void navigate(`/catalog/resources/${r.id}?tab=versions`);
      } else void navigate(`/catalog/resources/${r.id}?created=1`);
    },
    onError: (e) => showServerIssues(form, e),
  });
  const submit = (v: Values) => {
    const body: Values = editing ? changeBody(v) : compact({ ...v, keywords: v.keywords ?? [] });
    if (!editing && body.subjectType !== 'public') delete body.openClass;
    const parsed = (editing ? UpdateResourceBody : CreateResourceBody).safeParse(body);
    if (!parsed.success) return void showZodIssues(form, parsed.error.issues, t);
    save.mutate(body);
  };
  const title = editing ? t.resourceForm.editTitle : t.resourceForm.createTitle;
  if (editing && (existing.isPending || existing.isError)) return <QueryState q={existing} title={title} />;
  return (
    <PageContainer title={editing ? `${title} · ${existing.data?.title}` : title}>
      <MutationErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialOf(existing.data)}
        onFinish={submit}
        onFinishFailed={() => void message.warning(t.validation.fixErrors)}
        scrollToFirstError
        data-testid="resource-form"
      >
        <ResourceFormFields editing={editing} />
        <Flex justify="end" gap={8}>
          <Button onClick={() => void navigate(-1)}>{t.common.cancel}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="resource-submit">
            {editing ? t.common.save : t.common.submit}
          </Button>
        </Flex>
      </Form>
    </PageContainer>
  );
}
