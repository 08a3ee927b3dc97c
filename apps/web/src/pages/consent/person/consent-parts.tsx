import { WarningOutlined } from '@ant-design/icons';
import { isSensitive, type ConsentGrant, type Person } from '@shuliu/contracts';
import { Grid, Space, Tag, Tooltip } from 'antd';
import { StatusTag } from '../../../components/StatusTag';
import { useT } from '../../../i18n/I18nProvider';
import { enumLabel } from '../../../i18n/labels';
import type { Messages } from '../../../i18n/zh-CN';

/** Phones (below antd's md, 768 px) get cards, full-width buttons and full-screen drawers. */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}

/** A drawer's width: a side panel on wider screens, the whole screen on a phone. */
export function useDrawerSize(): number | string {
  return useIsPhone() ? '100%' : 640;
}

/** One field of personal information: its label, its category, and a mark when it is sensitive. */
export function PiFieldTag({ label, category }: { label: string; category: string }) {
  const t = useT();
  const c = t.consentPerson;
  const sensitive = isSensitive(category);
  const tag = (
    <Tag
      color={sensitive ? 'red' : 'default'}
      icon={sensitive ? <WarningOutlined /> : undefined}
      data-sensitive={sensitive}
      style={{ marginInlineEnd: 0 }}
    >
      {label} · {enumLabel(c.category, category)}
      {sensitive && ` · ${c.sensitive}`}
    </Tag>
  );
  return sensitive ? <Tooltip title={c.sensitiveHint}>{tag}</Tooltip> : tag;
}

export function PiFieldTags({ fields }: { fields: ConsentGrant['fields'] }) {
  return (
    <Space size={[6, 6]} wrap>
      {fields.map((f) => (
        <PiFieldTag key={f.name} label={f.label} category={f.category} />
      ))}
    </Space>
  );
}

export function GrantStatusTag({ status }: { status: ConsentGrant['status'] }) {
  const t = useT();
  return <StatusTag status={status} label={enumLabel(t.consentPerson.grantStatus, status)} />;
}

/** Whose information a grant is about, as the caller sees it: themselves or a ward. */
export function subjectText(t: Messages, g: ConsentGrant, me: Person | undefined): string {
  const c = t.consentPerson.grant;
  if (!me || g.subjectId === me.userId) return c.self;
  return c.ward(g.subjectName ?? g.subjectId);
}

/** Who gave a grant: the caller, the caller's guardian, or the ward themselves. */
export function grantedByText(t: Messages, g: ConsentGrant, me: Person | undefined): string {
  const c = t.consentPerson.grant;
  if (me && g.grantedBy === me.userId) return g.subjectId === me.userId ? c.self : c.selfAsGuardian;
  if (me?.guardian && g.grantedBy === me.guardian.userId) return c.guardian(me.guardian.displayName);
  if (g.grantedBy === g.subjectId) return g.subjectName ?? g.subjectId;
  return g.grantedBy;
}
