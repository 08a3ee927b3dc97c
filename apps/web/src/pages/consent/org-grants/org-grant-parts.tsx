import { GRADES, type Grade, type OrgGrant } from '@shuliu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { sdk } from '../../../api/sdk';
import { GradeTag } from '../../../components/CatalogTags';
import { StatusTag } from '../../../components/StatusTag';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import { useDebounced } from '../../../lib/use-debounced';

export type GrantStatus = 'active' | 'suspended' | 'revoked' | 'expired';

/** 生效中 / 已暂停 / 已撤销 / 已过期, in the portal's one colour per meaning. */
export function GrantStatusTag({ status }: { status: GrantStatus }) {
  const t = useT();
  return <StatusTag status={status} label={t.consentOrgs.grantStatus[status]} />;
}

/** Grades that may be authorized: core data never is (GB/T 43697-2024; the contracts exclude it). */
export const GRANTABLE_GRADES = GRADES.filter((g): g is Exclude<Grade, 'core'> => g !== 'core');

export function GradeSelect({
  value,
  onChange,
  testId,
}: {
  value?: Grade;
  onChange?: (g: Grade) => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder={t.common.pleaseSelect}
      data-testid={testId}
      options={GRANTABLE_GRADES.map((g) => ({ value: g, label: <GradeTag grade={g} />, title: g }))}
    />
  );
}

/**
 * Picks an active organization by name. The org directory (/api/orgs) is for operators and regulators only,
 * so this reads the list of parties one may name (/api/registry/parties), open to every member.
 */
export function PartySelect({
  value,
  onChange,
  exclude,
  testId,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  exclude?: string;
  testId?: string;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim(), 300);
  const list = useQuery({
    queryKey: ['registry', 'parties', 'any', q],
    queryFn: () => sdk.registry.parties({ query: { role: 'any', q: q || undefined, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (list.data?.items ?? [])
    .filter((o) => o.id !== exclude)
    .map((o) => ({ value: o.id, label: o.name }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear
      value={value}
      onChange={(v?: string, opt?: unknown) => {
        setChosen(v ? (opt as { value: string; label: string }) : null);
        onChange?.(v);
      }}
      placeholder={t.consentOrgs.partyPlaceholder}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={options}
      data-testid={testId}
    />
  );
}

/** Links to the authorized resources (with their grades), the first `max` of them; one deleted shows by its id. */
export function ResourceLinks({
  grant,
  max = grant.resourceIds.length,
  grades = false,
}: {
  grant: OrgGrant;
  max?: number;
  grades?: boolean;
}) {
  const t = useT();
  const byId = new Map(grant.resources.map((r) => [r.id, r]));
  const ids = grant.resourceIds;
  return (
    <Space orientation="vertical" size={2}>
      {ids.slice(0, max).map((id) => {
        const r = byId.get(id);
        if (!r)
          return (
            <Tooltip key={id} title={t.consentOrgs.unknownResource}>
              <Typography.Text type="secondary" code>
                {id}
              </Typography.Text>
            </Tooltip>
          );
        return (
          <Space key={id} size={4}>
            <Link to={`/catalog/resources/${id}`} data-testid={`grant-resource-${id}`}>
              {r.title}
            </Link>
            {grades && <GradeTag grade={r.grade} />}
          </Space>
        );
      })}
      {ids.length > max && (
        <Typography.Text type="secondary">{t.consentOrgs.org.more(ids.length)}</Typography.Text>
      )}
    </Space>
  );
}

/** A grade's label, for texts and CSV. */
export function useGradeLabel(): (g: Grade) => string {
  const t = useT();
  return (g) => enumLabel(t.grade, g);
}
