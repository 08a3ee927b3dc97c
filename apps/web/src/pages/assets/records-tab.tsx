import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Form, Space, Table, type FormInstance, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { MutationErrorAlert } from '../../components/QueryError';
import { showServerIssues } from '../../lib/zod-form';

/** The inline form a records tab shows to who may add a record: its fields, its button, the mutation it runs. */
export interface AddRecord<V> {
  form: FormInstance<V>;
  mutation: UseMutationResult<unknown, Error, V>;
  label: string;
  fields: ReactNode;
}

/**
 * An asset's records (costs, impairments, 出资入股): for who may add one, an inline form above the table, its
 * server-side refusals shown on its fields; then the records.
 */
export function RecordsTab<R extends { id: string }, V extends object>(p: {
  add: AddRecord<V> | null;
  rows: R[];
  columns: TableProps<R>['columns'];
  empty: string;
  summary?: TableProps<R>['summary'];
}) {
  const add = p.add;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {add && (
        <>
          <MutationErrorAlert error={add.mutation.error} />
          <Form
            form={add.form}
            layout="inline"
            onFinish={(v) => add.mutation.mutate(v, { onError: (e) => showServerIssues(add.form, e) })}
          >
            {add.fields}
            <Button htmlType="submit" loading={add.mutation.isPending}>
              {add.label}
            </Button>
          </Form>
        </>
      )}
      <Table<R>
        rowKey="id"
        size="small"
        dataSource={p.rows}
        pagination={false}
        locale={{ emptyText: p.empty }}
        columns={p.columns}
        summary={p.summary}
      />
    </Space>
  );
}
