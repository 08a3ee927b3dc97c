import { PlusOutlined } from '@ant-design/icons';
import { SectorBody, type Sector } from '@shuliu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { sdk } from '../../api/sdk';
import { ListCard } from '../../components/ListCard';
import { PageContainer } from '../../components/PageContainer';
import { MutationErrorAlert, useErrorText } from '../../components/QueryError';
import { SectorSelect, sectorTree, useSectors, type SectorNode } from '../../components/SectorSelect';
import { useT } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/zh-CN';
import { showServerIssues, whenValid, zodRule } from '../../lib/zod-form';

interface Row extends Sector {
  children?: Row[];
}
type Editing = { sector?: Sector; parentCode?: string | null } | null;
interface Values {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn?: string;
  sort?: number;
}

const toRows = (nodes: SectorNode[]): Row[] =>
  nodes.map((n) => ({ ...n.sector, ...(n.children.length ? { children: toRows(n.children) } : {}) }));

function SectorModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = editing?.sector;
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        parentCode: v.parentCode ?? null,
        name: v.name.trim(),
        nameEn: v.nameEn?.trim() || null,
        sort: v.sort ?? 0,
      };
      return existing
        ? sdk.catalog.updateSector({ params: { code: existing.code }, body })
        : sdk.catalog.createSector({ body: { ...body, code: v.code.trim() } });
    },
    onSuccess: () => {
      void message.success(existing ? t.sectors.updated : t.sectors.created);
      void qc.invalidateQueries({ queryKey: ['catalog', 'sectors'] });
      onClose();
    },
    onError: (e) => showServerIssues(form, e),
  });
  const s = SectorBody.shape;
  const required = { required: true, whitespace: true, message: t.validation.required };
  return (
    <Modal
      open={!!editing}
      title={existing ? `${t.sectors.edit} · ${existing.name}` : t.sectors.create}
      okText={t.common.save}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => whenValid(form, (v) => save.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o || save.reset()}
    >
      <MutationErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          existing
            ? { ...existing, nameEn: existing.nameEn ?? undefined }
            : { parentCode: editing?.parentCode ?? null, sort: 0 }
        }
      >
        <Form.Item
          name="code"
          label={t.sectors.code}
          extra={t.sectors.codeHelp}
          rules={[required, zodRule(s.code, t, t.sectors.codeHelp)]}
        >
          <Input disabled={!!existing} maxLength={60} />
        </Form.Item>
        <Form.Item name="parentCode" label={t.sectors.parent}>
          <SectorSelect placeholder={t.sectors.root} exclude={existing?.code} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t.sectors.name} rules={[required, zodRule(s.name, t)]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t.sectors.nameEn} rules={[zodRule(s.nameEn, t)]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sort" label={t.sectors.sort}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function columns(t: Messages, edit: (e: Editing) => void, remove: (s: Sector) => void): ColumnsType<Row> {
  return [
    {
      key: 'name',
      title: t.sectors.name,
      render: (_, s) => <Typography.Text strong>{s.name}</Typography.Text>,
    },
    { key: 'nameEn', title: t.sectors.nameEn, render: (_, s) => s.nameEn ?? '—' },
    {
      key: 'code',
      title: t.sectors.code,
      render: (_, s) => <Typography.Text code>{s.code}</Typography.Text>,
    },
    { key: 'resources', title: t.sectors.resources, align: 'right', dataIndex: 'resourceCount' },
    { key: 'sort', title: t.sectors.sort, align: 'right', dataIndex: 'sort' },
    {
      key: 'actions',
      title: t.common.actions,
      render: (_, s) => {
        const inUse = s.resourceCount > 0 || !!s.children?.length;
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => edit({ sector: s })}>
              {t.common.edit}
            </Button>
            <Button type="link" size="small" onClick={() => edit({ parentCode: s.code })}>
              {t.sectors.addChild}
            </Button>
            <Tooltip title={inUse ? t.sectors.inUse : undefined}>
              <Popconfirm title={t.sectors.removeConfirm} onConfirm={() => remove(s)} disabled={inUse}>
                <Button type="link" size="small" danger disabled={inUse}>
                  {t.sectors.remove}
                </Button>
              </Popconfirm>
            </Tooltip>
          </Space>
        );
      },
    },
  ];
}

/** 行业分类: the sector tree of the catalog, kept by the operator. */
export function SectorsPage() {
  const t = useT();
  const { message } = App.useApp();
  const errText = useErrorText();
  const qc = useQueryClient();
  const sectors = useSectors();
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useMutation({
    mutationFn: (s: Sector) => sdk.catalog.deleteSector({ params: { code: s.code } }),
    onSuccess: () => {
      void message.success(t.sectors.removed);
      void qc.invalidateQueries({ queryKey: ['catalog', 'sectors'] });
    },
    onError: (e) => void message.error(errText(e)),
  });
  const rows = toRows(sectorTree(sectors.data?.items ?? []));
  return (
    <PageContainer title={t.sectors.title}>
      <ListCard<Row>
        // Mounted afresh once loaded, so that the tree opens fully expanded.
        key={sectors.data ? 'loaded' : 'loading'}
        id="sectors"
        title={t.sectors.title}
        actions={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="create-sector"
          >
            {t.sectors.create}
          </Button>
        }
        columns={columns(t, setEditing, (s) => remove.mutate(s))}
        error={sectors.error}
        onRefresh={() => void sectors.refetch()}
        refreshing={sectors.isFetching}
        csv={{
          filename: 'sectors.csv',
          columns: [
            { header: t.sectors.code, value: (s) => s.code },
            { header: t.sectors.parent, value: (s) => s.parentCode },
            { header: t.sectors.name, value: (s) => s.name },
            { header: t.sectors.nameEn, value: (s) => s.nameEn },
            { header: t.sectors.resources, value: (s) => s.resourceCount },
          ],
        }}
        table={{
          rowKey: 'code',
          dataSource: rows,
          loading: sectors.isFetching,
          pagination: false,
          expandable: { defaultExpandAllRows: true },
        }}
      />
      <SectorModal editing={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
