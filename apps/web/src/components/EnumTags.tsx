import { Space, Tag } from 'antd';
import { useT } from '../i18n/I18nProvider';
import { enumLabel } from '../i18n/labels';

function Tags({
  values,
  labels,
  color,
}: {
  values: readonly string[];
  labels: Record<string, string>;
  color: string;
}) {
  if (values.length === 0) return <>—</>;
  return (
    <Space size={[0, 4]} wrap>
      {values.map((v) => (
        <Tag key={v} color={color}>
          {enumLabel(labels, v)}
        </Tag>
      ))}
    </Space>
  );
}

export function RoleTags({ roles }: { roles: readonly string[] }) {
  return <Tags values={roles} labels={useT().role} color="blue" />;
}

export function OrgTypeTags({ types }: { types: readonly string[] }) {
  return <Tags values={types} labels={useT().orgType} color="geekblue" />;
}

export function KindTags({ values, kind }: { values: readonly string[]; kind: 'merchant' | 'provider' }) {
  const t = useT();
  return (
    <Tags values={values} labels={kind === 'merchant' ? t.merchantKind : t.providerKind} color="purple" />
  );
}
