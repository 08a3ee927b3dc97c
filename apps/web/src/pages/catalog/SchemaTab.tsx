import { VerticalAlignTopOutlined } from '@ant-design/icons';
import type { Resource, ResourceColumn } from '@shuliu/contracts';
import { Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { GradeTag, PiiTag } from '../../components/CatalogTags';
import { useT } from '../../i18n/I18nProvider';
import { GradeModal } from './GradeModal';

/** 字段与分级: each field with its detected personal information, computed grade and grade in force. */
export function SchemaTab({ r, canGrade }: { r: Resource; canGrade: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const head = (
    <Space size={8} wrap>
      <Typography.Text>{t.schema.datasetGrade}:</Typography.Text>
      <GradeTag grade={r.grade} />
      <Typography.Text type="secondary">
        {t.schema.computedGrade}: {t.grade[r.computedGrade]}
      </Typography.Text>
    </Space>
  );
  return (
    <Card
      title={head}
      extra={
        canGrade && (
          <Button icon={<VerticalAlignTopOutlined />} onClick={() => setOpen(true)} data-testid="raise-grade">
            {t.schema.raise}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t.schema.help}</Typography.Paragraph>
      <Table<ResourceColumn>
        size="small"
        rowKey="name"
        dataSource={r.schema}
        pagination={r.schema.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: <Empty description={t.schema.empty} /> }}
        data-testid="schema-table"
        columns={[
          {
            key: 'name',
            title: t.schema.column,
            render: (_, c) => <Typography.Text code>{c.name}</Typography.Text>,
          },
          { key: 'type', title: t.schema.type, dataIndex: 'type' },
          { key: 'pii', title: t.schema.pii, render: (_, c) => <PiiTag pii={c.pii} /> },
          {
            key: 'computed',
            title: t.schema.computedGrade,
            render: (_, c) => <GradeTag grade={c.computedGrade} />,
          },
          {
            key: 'grade',
            title: t.schema.grade,
            render: (_, c) => (
              <Flex gap={4} align="center">
                <GradeTag grade={c.grade} />
                {c.grade !== c.computedGrade && <Tag color="blue">{t.schema.raised}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
      <GradeModal r={r} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
