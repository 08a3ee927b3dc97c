import { UploadOutlined } from '@ant-design/icons';
import type { FileRole } from '@shuliu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Progress, Select, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { uploadCatalogFile, type UploadHandle } from '../../api/upload';
import { useErrorText } from '../../components/QueryError';
import { useT } from '../../i18n/I18nProvider';
import { catalogKeys } from './catalog-queries';

interface InFlight {
  name: string;
  sent: number;
}

/** Picks a file and streams it to the server with a progress bar; profiling then shows in the file list. */
export function FileUpload({ resourceId }: { resourceId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const [role, setRole] = useState<FileRole>('data');
  const [inFlight, setInFlight] = useState<InFlight | null>(null);
  const handle = useRef<UploadHandle | null>(null);

  const start = (file: File) => {
    setInFlight({ name: file.name, sent: 0 });
    const h = uploadCatalogFile(resourceId, file, role, (sent) => setInFlight({ name: file.name, sent }));
    handle.current = h;
    h.done
      .then(() => void message.success(t.files.uploaded))
      .catch((e: unknown) => {
        const aborted = (e as { code?: string }).code === 'ABORTED';
        void (aborted ? message.info(t.files.cancelled) : message.error(errText(e)));
      })
      .finally(() => {
        handle.current = null;
        setInFlight(null);
        void qc.invalidateQueries({ queryKey: catalogKeys.files(resourceId) });
      });
  };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex gap={8} align="center" wrap>
        <Select<FileRole>
          value={role}
          onChange={setRole}
          style={{ width: 140 }}
          options={(['data', 'evidence'] as const).map((v) => ({ value: v, label: t.fileRole[v] }))}
          aria-label={t.files.role}
        />
        <Upload
          showUploadList={false}
          disabled={!!inFlight}
          beforeUpload={(file) => {
            start(file);
            return false;
          }}
          data-testid="file-upload"
        >
          <Button type="primary" icon={<UploadOutlined />} disabled={!!inFlight} data-testid="upload-button">
            {t.files.upload}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t.files.hint}</Typography.Text>
      </Flex>
      {inFlight && (
        <Flex gap={12} align="center" data-testid="upload-progress">
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>
            {t.files.uploading(inFlight.name)}
          </Typography.Text>
          <Progress
            percent={Math.round(inFlight.sent * 100)}
            status="active"
            style={{ flex: 1, margin: 0 }}
          />
          <Button size="small" onClick={() => handle.current?.abort()}>
            {t.files.cancel}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
