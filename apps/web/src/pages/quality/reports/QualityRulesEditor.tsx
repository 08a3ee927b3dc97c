import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { sdk } from '../../../api/sdk';
import { MutationErrorAlert, QueryErrorAlert } from '../../../components/QueryError';
import { useT } from '../../../i18n/I18nProvider';
import { qualityKeys, useQualityRules } from './quality-queries';

/** The text is a JSON array: the API checks each rule and names the place of the first error. */
function parseArray(text: string): unknown[] | null {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** 质量规则: the saved rules, or the ones suggested from the data, as JSON the owner edits and saves. */
export function QualityRulesEditor({ resourceId, canEdit }: { resourceId: string; canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQualityRules(resourceId);
  const [form] = Form.useForm<{ text: string }>();
  useEffect(() => {
    if (q.data) form.setFieldsValue({ text: JSON.stringify(q.data.rules, null, 2) });
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (rules: unknown[]) => sdk.quality.saveRules({ params: { id: resourceId }, body: { rules } }),
    onSuccess: () => {
      void message.success(t.quality.rulesSavedDone);
      void qc.invalidateQueries({ queryKey: qualityKeys.resource(resourceId) });
    },
  });
  if (q.isError) return <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <Card title={t.quality.rules} loading={q.isPending} data-testid="quality-rules">
      {r?.suggested && (
        <Alert
          type={r.fileId || r.rules.length ? 'info' : 'warning'}
          showIcon
          title={
            r.fileId
              ? t.quality.rulesSuggested
              : r.rules.length
                ? t.quality.rulesSuggestedInDomain
                : t.quality.noFileForRules
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {r && !r.suggested && r.version !== null && (
        <Typography.Paragraph type="secondary">
          {t.quality.rulesSaved(r.version, r.updatedBy ?? '')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t.quality.rulesHelp}</Typography.Paragraph>
      <MutationErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(parseArray(v.text)!)}>
        <Form.Item
          name="text"
          rules={[
            {
              validator: (_, v: string | undefined) =>
                parseArray(v ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t.quality.rulesJsonInvalid)),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 8, maxRows: 24 }}
            readOnly={!canEdit}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            data-testid="quality-rules-json"
          />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="quality-save-rules">
            {t.quality.saveRules}
          </Button>
        )}
      </Form>
    </Card>
  );
}
