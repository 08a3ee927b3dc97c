import { AuditOutcome } from '@shuliu/contracts';
import { DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { FilterForm } from '../../components/FilterForm';
import { useT } from '../../i18n/I18nProvider';
import { dayjs, pickerToIso } from '../../lib/time';

export const AUDIT_KEYS = [
  'q',
  'action',
  'outcome',
  'actorId',
  'orgId',
  'objectId',
  'requestId',
  'from',
  'to',
] as const;
export type AuditFilterKey = (typeof AUDIT_KEYS)[number];
type Filters = Partial<Record<AuditFilterKey, string>>;
type FormValues = Omit<Filters, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

function toForm(f: Filters): FormValues {
  const { from, to, ...rest } = f;
  return { ...rest, range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined };
}

function fromForm(v: FormValues): Filters {
  const { range, ...rest } = v;
  return {
    ...rest,
    from: range?.[0] ? pickerToIso(range[0]) : undefined,
    to: range?.[1] ? pickerToIso(range[1]) : undefined,
  };
}

/** Every filter the audit API offers; times are picked in Shanghai time and sent with their offset. */
export function AuditFilters({ filters, onSearch }: { filters: Filters; onSearch: (f: Filters) => void }) {
  const t = useT();
  const values = useMemo(() => toForm(filters), [filters]);
  return (
    <FilterForm<FormValues>
      values={values}
      onSearch={(v) => onSearch(fromForm(v))}
      fields={[
        {
          name: 'q',
          label: t.audit.q,
          node: <Input allowClear placeholder={t.audit.qPlaceholder} data-testid="audit-filter-q" />,
        },
        {
          name: 'action',
          label: t.audit.action,
          node: <Input allowClear placeholder="identity.application." data-testid="audit-filter-action" />,
        },
        {
          name: 'range',
          label: t.audit.timeRange,
          node: <DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ width: '100%' }} />,
        },
        {
          name: 'outcome',
          label: t.audit.outcome,
          node: (
            <Select
              allowClear
              placeholder={t.common.all}
              options={AuditOutcome.options.map((o) => ({ value: o, label: t.status[o] }))}
            />
          ),
        },
        { name: 'actorId', label: t.audit.actorId, node: <Input allowClear placeholder="usr_…" /> },
        { name: 'orgId', label: t.audit.orgId, node: <Input allowClear placeholder="org_…" /> },
        { name: 'objectId', label: t.audit.objectId, node: <Input allowClear /> },
        { name: 'requestId', label: t.audit.requestId, node: <Input allowClear /> },
      ]}
    />
  );
}
