import { LockOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import type { Grade, OpenClass, PiiMatch } from '@shuliu/contracts';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { enumLabel } from '../i18n/labels';

/**
 * GB/T 43697-2024 grades on one colour scale, most sensitive red to publishable green; charts use the same
 * colours (STYLE.md: one colour per meaning, defined once).
 */
export const GRADE_LOOK: Record<Grade, { tag: string; hex: string }> = {
  core: { tag: 'red', hex: '#cf1322' },
  important: { tag: 'volcano', hex: '#fa541c' },
  general_4: { tag: 'orange', hex: '#fa8c16' },
  general_3: { tag: 'gold', hex: '#d4b106' },
  general_2: { tag: 'lime', hex: '#7cb305' },
  general_1: { tag: 'green', hex: '#389e0d' },
};

export function GradeTag({ grade, testId }: { grade: Grade; testId?: string }) {
  const t = useT();
  return (
    <Tag color={GRADE_LOOK[grade]?.tag ?? 'default'} data-grade={grade} data-testid={testId}>
      {enumLabel(t.grade, grade)}
    </Tag>
  );
}

const OPEN_LOOK: Record<OpenClass, { color: string; icon: ReactNode }> = {
  unconditional: { color: 'cyan', icon: <UnlockOutlined /> },
  conditional: { color: 'geekblue', icon: <SafetyOutlined /> },
  closed: { color: 'default', icon: <LockOutlined /> },
};

/** 无条件开放 / 有条件开放 / 不予开放; nothing for resources without an open class (non-public data). */
export function OpenClassTag({ value }: { value: OpenClass | null }) {
  const t = useT();
  if (!value) return null;
  const look = OPEN_LOOK[value];
  return (
    <Tag color={look.color} icon={look.icon} data-open-class={value}>
      {enumLabel(t.openClass, value)}
    </Tag>
  );
}

/** A detected kind of personal information with the detector's confidence. */
export function PiiTag({ pii, sensitive }: { pii: PiiMatch | null; sensitive?: boolean }) {
  const t = useT();
  if (!pii) return <>—</>;
  const tag = (
    <Tag color={sensitive ? 'magenta' : 'purple'} data-pii={pii.kind}>
      {enumLabel(t.piiKind, pii.kind)} · {Math.round(pii.confidence * 100)}%
    </Tag>
  );
  return sensitive ? <Tooltip title={t.files.sensitive}>{tag}</Tooltip> : tag;
}

export function ProcessingTag({ value }: { value: string }) {
  const t = useT();
  if (value === 'raw') return null;
  return <Tag color="purple">{enumLabel(t.processing, value)}</Tag>;
}
