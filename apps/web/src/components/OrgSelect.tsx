import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { sdk } from '../api/sdk';
import { useT } from '../i18n/I18nProvider';

interface Props {
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
}

/** Picks an organization by searching its name or credit code on the server (operators and regulators). */
export function OrgSelect({ value, onChange, placeholder, allowClear = true }: Props) {
  const t = useT();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(h);
  }, [input]);
  const list = useQuery({
    queryKey: ['orgs', 'list', { q, pageSize: 20 }],
    queryFn: () => sdk.orgs.list({ query: { q: q || undefined, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  // Keep the chosen org's name visible even when it is not among the search results.
  const chosen = useQuery({
    queryKey: ['orgs', 'detail', value],
    queryFn: () => sdk.orgs.get({ params: { id: value! } }),
    enabled: !!value && !list.data?.items.some((o) => o.id === value),
  });
  const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear={allowClear}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      placeholder={placeholder ?? t.common.pleaseSelect}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={options}
    />
  );
}
