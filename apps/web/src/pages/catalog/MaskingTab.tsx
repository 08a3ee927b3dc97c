import { ExperimentOutlined, UndoOutlined } from '@ant-design/icons';
import {
  DeriveBody,
  keptIdentifierColumns,
  type CatalogFile,
  type ColumnProfile,
  type Resource,
} from '@shuliu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Spin,
  Table,
  Typography,
  type ButtonProps,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sdk } from '../../api/sdk';
import { GradeTag, PiiTag } from '../../components/CatalogTags';
import { describeError, MutationErrorAlert } from '../../components/QueryError';
import { ResultModal } from '../../components/ResultModal';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import { useDebounced } from '../../lib/use-debounced';
import { zodRule } from '../../lib/zod-form';
import { catalogKeys, useFiles } from './catalog-queries';
import {
  cleanRules,
  defaultRules,
  starterRule,
  STRATEGIES,
  type MaskRule,
  type MaskRules,
} from './mask-rules';
import { MaskPreviewTables } from './MaskPreviewTables';
import { MaskRuleOptions } from './MaskRuleEditor';

function RulesTable({
  file,
  rules,
  onChange,
}: {
  file: CatalogFile;
  rules: MaskRules;
  onChange: (c: string, r: MaskRule) => void;
}) {
  const t = useT();
  return (
    <Table<ColumnProfile>
      size="small"
      rowKey="name"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={file.profile!.columns}
      data-testid="mask-rules"
      onRow={(c) => ({ 'data-column': c.name, 'data-pii': c.pii?.kind ?? '' }) as object}
      columns={[
        {
          key: 'name',
          title: t.masking.column,
          render: (_, c) => <Typography.Text code>{c.name}</Typography.Text>,
        },
        { key: 'type', title: t.schema.type, dataIndex: 'type' },
        {
          key: 'pii',
          title: t.masking.detected,
          render: (_, c) => <PiiTag pii={c.pii} sensitive={c.sensitive} />,
        },
        {
          key: 'grade',
          title: t.masking.suggestedGrade,
          render: (_, c) => <GradeTag grade={c.suggestedGrade} />,
        },
        {
          key: 'strategy',
          title: t.masking.strategy,
          render: (_, c) => (
            <Select
              size="small"
              value={rules[c.name]?.strategy ?? 'keep'}
              onChange={(s: string) => onChange(c.name, starterRule(s, c))}
              options={STRATEGIES.map((s) => ({ value: s, label: enumLabel(t.maskStrategy, s) }))}
              style={{ width: 170 }}
              data-testid={`strategy-${c.name}`}
            />
          ),
        },
        {
          key: 'options',
          title: t.masking.options,
          render: (_, c) => (
            <MaskRuleOptions
              column={c.name}
              rule={rules[c.name] ?? { strategy: 'keep' }}
              onChange={(r) => onChange(c.name, r)}
            />
          ),
        },
      ]}
    />
  );
}

function Preview({ r, file, rules }: { r: Resource; file: CatalogFile; rules: MaskRules }) {
  const t = useT();
  const settled = useDebounced(rules, 400);
  const preview = useQuery({
    queryKey: ['catalog', 'mask-preview', r.id, file.id, settled],
    queryFn: () =>
      sdk.catalog.maskPreview({
        params: { id: r.id },
        body: { fileId: file.id, columns: cleanRules(settled), rows: 10 },
      }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
  const err = preview.error ? describeError(t, preview.error) : null;
  return (
    <Card
      title={t.masking.preview}
      style={{ marginTop: 16 }}
      extra={preview.isFetching && <Spin size="small" />}
      data-testid="mask-preview"
    >
      {err && (
        <Alert
          type="error"
          showIcon
          title={`${t.masking.previewFailed}: ${err.message}`}
          description={(preview.error as Error).message}
          style={{ marginBottom: 16 }}
          data-testid="preview-error"
        />
      )}
      {preview.data ? <MaskPreviewTables p={preview.data} /> : !err && <Spin />}
    </Card>
  );
}

function DeriveForm({ r, file, rules }: { r: Resource; file: CatalogFile; rules: MaskRules }) {
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ title: string }>();
  const derive = useMutation({
    mutationFn: (title: string) =>
      sdk.catalog.derive({
        params: { id: r.id },
        body: { title, fileId: file.id, columns: cleanRules(rules) },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: catalogKeys.all }),
  });
  const made = derive.data;
  const { modal } = App.useApp();
  // GB/T 37964 / PIPL Art. 23: a derivative that keeps an identifier in the clear stays raw personal information
  const kept = keptIdentifierColumns(file.profile!.columns, rules);
  const submit = (title: string) =>
    kept.length
      ? modal.confirm({
          title: t.masking.keepsTitle,
          content: t.masking.keepsIdentifiers(kept.join('、')),
          okText: t.masking.deriveAnyway,
          okButtonProps: { danger: true, 'data-testid': 'derive-keep-confirm' } as ButtonProps,
          onOk: () => derive.mutate(title),
        })
      : derive.mutate(title);
  return (
    <Card title={t.masking.derive} style={{ marginTop: 16 }}>
      <MutationErrorAlert error={derive.error} />
      {kept.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t.masking.keepsTitle}
          description={t.masking.keepsIdentifiers(kept.join('、'))}
          style={{ marginBottom: 16 }}
          data-testid="keeps-identifiers"
        />
      )}
      <Form
        form={form}
        layout="inline"
        initialValues={{ title: `${r.title}${t.masking.titleSuffix}`.slice(0, 120) }}
        onFinish={(v) => submit(v.title.trim())}
      >
        <Form.Item
          name="title"
          label={t.masking.deriveTitle}
          rules={[
            { required: true, whitespace: true, message: t.validation.required },
            zodRule(DeriveBody.shape.title, t),
          ]}
          style={{ flex: 1, minWidth: 320 }}
        >
          <Input maxLength={120} data-testid="derive-title" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<ExperimentOutlined />}
          loading={derive.isPending}
          data-testid="derive-button"
        >
          {t.masking.derive}
        </Button>
      </Form>
      <ResultModal
        open={!!made}
        title={t.masking.derivedTitle}
        subTitle={made && t.masking.derivedSub(made.title)}
        onClose={() => derive.reset()}
        testId="derive-result"
        extra={[
          <Button
            key="go"
            type="primary"
            onClick={() => made && void navigate(`/catalog/resources/${made.id}`)}
            data-testid="view-derivative"
          >
            {t.masking.viewDerivative}
          </Button>,
          <Button key="stay" onClick={() => derive.reset()}>
            {t.masking.stay}
          </Button>,
        ]}
      />
    </Card>
  );
}

function MaskingEditor({ r, file }: { r: Resource; file: CatalogFile }) {
  const t = useT();
  const [rules, setRules] = useState<MaskRules>(() => defaultRules(file.profile!));
  return (
    <>
      <Card
        title={t.masking.strategy}
        extra={
          <Button icon={<UndoOutlined />} onClick={() => setRules(defaultRules(file.profile!))}>
            {t.masking.reset}
          </Button>
        }
      >
        <RulesTable
          file={file}
          rules={rules}
          onChange={(c, rule) => setRules((prev) => ({ ...prev, [c]: rule }))}
        />
      </Card>
      <Preview r={r} file={file} rules={rules} />
      <DeriveForm r={r} file={file} rules={rules} />
    </>
  );
}

/** 脱敏: a strategy per column (prefilled from detection), a live before/after preview, and the derivative. */
export function MaskingTab({ r }: { r: Resource }) {
  const t = useT();
  const files = useFiles(r.id);
  const ready = (files.data?.items ?? []).filter(
    (f) => f.role === 'data' && f.status === 'ready' && f.profile,
  );
  const [picked, setPicked] = useState<string | null>(null);
  const file = ready.find((f) => f.id === picked) ?? ready[0];
  if (files.isPending) return <Spin />;
  if (!file)
    return (
      <Card>
        <Empty description={t.masking.needFile} />
      </Card>
    );
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t.masking.sourceFile}:</Typography.Text>
        <Select
          value={file.id}
          onChange={setPicked}
          options={ready.map((f) => ({ value: f.id, label: f.name }))}
          style={{ minWidth: 280 }}
        />
      </Flex>
      <MaskingEditor key={file.id} r={r} file={file} />
    </>
  );
}
