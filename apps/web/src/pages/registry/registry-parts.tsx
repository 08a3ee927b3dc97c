import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  PlusOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type {
  RegistryDeclaration,
  RegistryEvent,
  RegistryEvidenceKind,
  RegistryFile,
  Registration,
} from '@shuliu/contracts';
import { App, Button, Checkbox, Flex, Form, Progress, Select, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadRegistryFile } from '../../api/download';
import { uploadRaw, type UploadHandle } from '../../api/upload';
import { useErrorText } from '../../components/QueryError';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import { formatTime } from '../../lib/time';

/** Query keys of the registry: everything under ['registry'] is refreshed after a registry action. */
export const registryKeys = {
  all: ['registry'] as const,
  application: (id: string) => ['registry', 'application', id] as const,
  certificate: (id: string) => ['registry', 'certificate', id] as const,
};

export const DECLARATIONS: RegistryDeclaration[] = [
  'truthful',
  'lawfulSource',
  'noInfringement',
  'acceptReview',
];
/** The declarations an objection registration's applicant signs (RULES.md 声明承诺制). */
export const OBJECTION_DECLARATIONS: RegistryDeclaration[] = ['truthful', 'acceptReview'];

export function RegStatusTag({ status }: { status: string }) {
  const t = useT();
  return <StatusTag status={status} label={enumLabel(t.regStatus, status)} />;
}

export function CertStatusTag({ status }: { status: string }) {
  const t = useT();
  return <StatusTag status={status} label={enumLabel(t.certStatus, status)} />;
}

export function ObjStatusTag({ status }: { status: string }) {
  const t = useT();
  return <StatusTag status={status} label={enumLabel(t.objStatus, status)} />;
}

export function RightsTags({ rights }: { rights: readonly string[] }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      {rights.map((r) => (
        <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
          {enumLabel(t.dataRight, r)}
        </Tag>
      ))}
    </Flex>
  );
}

/** The deadline of the current step, red and tagged when it has passed. */
export function DueCell({ app }: { app: Pick<Registration, 'dueAt' | 'overdue'> }) {
  const t = useT();
  if (!app.dueAt) return <>—</>;
  return (
    <Flex gap={4} align="center" wrap data-overdue={app.overdue}>
      <Typography.Text type={app.overdue ? 'danger' : undefined}>
        {formatTime(app.dueAt, 'YYYY-MM-DD')}
      </Typography.Text>
      {app.overdue && <StatusTag status="overdue" label={t.registry.overdue} />}
    </Flex>
  );
}

function eventLook(action: string) {
  if (/reject|refuse|upheld|cancel|frozen|withdraw/.test(action))
    return { color: 'red', icon: <CloseCircleOutlined /> };
  if (/objection|disput/.test(action)) return { color: 'orange', icon: <WarningOutlined /> };
  if (/issue|approve|dismissed|accept|unfrozen|released|renewed/.test(action))
    return { color: 'green', icon: <CheckCircleOutlined /> };
  return { color: 'blue', icon: <ClockCircleOutlined /> };
}

export const eventLabel = (t: Messages, action: string) =>
  t.regEvent[action] ?? t.regStatus[action] ?? t.action[action] ?? action;

/** Who did what when and why (STYLE.md: workflows show a Timeline of history). */
export function RegTimeline({
  events,
  testId = 'registry-timeline',
}: {
  events: RegistryEvent[];
  testId?: string;
}) {
  const t = useT();
  if (events.length === 0) return <Typography.Text type="secondary">{t.common.noData}</Typography.Text>;
  return (
    <Timeline
      data-testid={testId}
      items={events.map((e, i) => ({
        key: i,
        ...eventLook(e.action),
        content: (
          <div data-action={e.action}>
            <Typography.Text strong>{eventLabel(t, e.action)}</Typography.Text>
            {(e.actorName || e.orgName) && (
              <Typography.Text type="secondary">
                {' '}
                · {[e.actorName, e.orgName].filter(Boolean).join(' / ')}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(e.at)}
                {e.ledgerIndex !== null && ` · ${t.registry.ledgerIndex} #${e.ledgerIndex}`}
                {e.version !== null && ` · ${t.registry.version} ${e.version}`}
              </Typography.Text>
            </div>
            {e.reason && (
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.reason}</Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** An application's or objection's documents, each downloadable, with its SM3. */
export function DocumentList({ files }: { files: readonly RegistryFile[] }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  if (files.length === 0) return <Typography.Text type="secondary">{t.common.none}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid="registry-files">
      {files.map((f) => (
        <Flex key={f.id} gap={8} align="center" wrap>
          <PaperClipOutlined />
          <Tag>{enumLabel(t.evidenceKind, f.kind)}</Tag>
          <Typography.Text>{f.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(f.sizeBytes / 1024).toFixed(1)} KB · SM3 {f.sm3.slice(0, 16)}… · {formatTime(f.createdAt)}
          </Typography.Text>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadRegistryFile(f.id, f.name).catch((e: unknown) => void message.error(errText(e)))
            }
          >
            {t.registry.download}
          </Button>
        </Flex>
      ))}
    </Flex>
  );
}

export interface PickedFile {
  uid: string;
  kind: RegistryEvidenceKind;
  file: File;
}

/** Files chosen in the browser, each with its kind, uploaded later (after the draft exists). */
export function EvidencePicker({
  value,
  onChange,
  kinds,
  testId = 'evidence',
}: {
  value: PickedFile[];
  onChange: (v: PickedFile[]) => void;
  kinds: readonly RegistryEvidenceKind[];
  testId?: string;
}) {
  const t = useT();
  const [kind, setKind] = useState<RegistryEvidenceKind>(kinds[0]!);
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        {kinds.length > 1 && (
          <Select<RegistryEvidenceKind>
            value={kind}
            onChange={setKind}
            style={{ width: 200 }}
            aria-label={t.registry.evidenceKindLabel}
            data-testid={`${testId}-kind`}
            options={kinds.map((k) => ({ value: k, label: enumLabel(t.evidenceKind, k) }))}
          />
        )}
        <Upload
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            onChange([...value, { uid: `${file.name}-${Date.now()}-${Math.random()}`, kind, file }]);
            return false;
          }}
          data-testid={`${testId}-upload`}
        >
          <Button icon={<PlusOutlined />}>{t.registry.addFile}</Button>
        </Upload>
      </Flex>
      {value.map((p) => (
        <Flex key={p.uid} gap={8} align="center" data-testid={`${testId}-picked`}>
          <PaperClipOutlined />
          <Tag>{enumLabel(t.evidenceKind, p.kind)}</Tag>
          <Typography.Text>{p.file.name}</Typography.Text>
          <Typography.Text type="secondary">{(p.file.size / 1024).toFixed(1)} KB</Typography.Text>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t.common.cancel}
            onClick={() => onChange(value.filter((v) => v.uid !== p.uid))}
          />
        </Flex>
      ))}
    </Flex>
  );
}

export function uploadRegistryFile(
  appId: string,
  file: File,
  kind: RegistryEvidenceKind,
  onProgress: (sent: number) => void,
): UploadHandle<RegistryFile> {
  const q = new URLSearchParams({ kind, name: file.name });
  return uploadRaw<RegistryFile>(
    `/api/registry/applications/${encodeURIComponent(appId)}/files?${q.toString()}`,
    file,
    onProgress,
  );
}

export function uploadObjectionFile(
  objectionId: string,
  file: File,
  onProgress: (sent: number) => void,
): UploadHandle<RegistryFile> {
  const q = new URLSearchParams({ name: file.name });
  return uploadRaw<RegistryFile>(
    `/api/registry/objections/${encodeURIComponent(objectionId)}/files?${q.toString()}`,
    file,
    onProgress,
  );
}

export interface Progressing {
  name: string;
  sent: number;
}

/** The file being sent now and how far. */
export function UploadProgress({ p }: { p: Progressing | null }) {
  const t = useT();
  if (!p) return null;
  return (
    <Flex gap={12} align="center" data-testid="upload-progress">
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t.registry.uploading(p.name)}</Typography.Text>
      <Progress percent={Math.round(p.sent * 100)} status="active" style={{ flex: 1, margin: 0 }} />
    </Flex>
  );
}

/** Uploads the picked files one after the other, reporting each one's progress. */
export async function uploadAll(
  picked: readonly PickedFile[],
  send: (p: PickedFile, onProgress: (sent: number) => void) => UploadHandle<RegistryFile>,
  onProgress: (p: Progressing | null) => void,
): Promise<void> {
  for (const p of picked) {
    onProgress({ name: p.file.name, sent: 0 });
    await send(p, (sent) => onProgress({ name: p.file.name, sent })).done;
  }
  onProgress(null);
}

/** 声明承诺: each declaration a checkbox with its full text; all must be ticked. */
export function DeclarationChecks({
  name = 'declarations',
  items = DECLARATIONS,
}: {
  name?: string;
  items?: readonly RegistryDeclaration[];
}) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={t.registry.declarations}
      rules={[
        {
          validator: async (_r, v: string[] | undefined) => {
            if (!v || items.some((d) => !v.includes(d))) throw new Error(t.registry.declareAll);
          },
        },
      ]}
    >
      <Checkbox.Group style={{ width: '100%' }}>
        <Flex vertical gap={10}>
          {items.map((d) => (
            <Checkbox key={d} value={d} data-testid={`declare-${d}`}>
              <Typography.Text strong>{t.regDeclaration[d]?.title ?? d}</Typography.Text>
              <Typography.Text type="secondary"> — {t.regDeclaration[d]?.text}</Typography.Text>
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Form.Item>
  );
}
