import { Input, InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { enumLabel } from '../../i18n/labels';
import type { Messages } from '../../i18n/zh-CN';
import { GENERALIZE_METHODS, ID_CARD_KEEPS, MASK_FORMATS, type MaskRule } from './mask-rules';

type Opt = { value: string; label: string };
const hint = (label: string) => <span style={{ color: '#999' }}>{label}</span>;

/** Small inputs bound to one key of a rule. */
function fieldsOf(rule: MaskRule, onChange: (r: MaskRule) => void, column: string) {
  const set = (k: string, v: unknown) => onChange({ ...rule, [k]: v ?? undefined });
  return {
    set,
    num: (k: string, label: string, min = 0, max?: number) => (
      <InputNumber
        key={k}
        size="small"
        prefix={hint(label)}
        value={typeof rule[k] === 'number' ? (rule[k] as number) : null}
        onChange={(v) => set(k, v)}
        min={min}
        max={max}
        style={{ width: 150 }}
        data-testid={`rule-${column}-${k}`}
      />
    ),
    text: (k: string, label: string, maxLength = 32) => (
      <Input
        key={k}
        size="small"
        prefix={hint(label)}
        value={typeof rule[k] === 'string' ? (rule[k] as string) : ''}
        onChange={(e) => set(k, e.target.value)}
        maxLength={maxLength}
        style={{ width: 150 }}
      />
    ),
    select: (k: string, options: Opt[], width = 130, onPick?: (v: string) => void) => (
      <Select
        key={k}
        size="small"
        value={rule[k] as string | undefined}
        onChange={(v: string) => (onPick ? onPick(v) : set(k, v))}
        options={options}
        style={{ width }}
        data-testid={`rule-${column}-${k}`}
      />
    ),
  };
}

type Fields = ReturnType<typeof fieldsOf>;

function maskParts(rule: MaskRule, f: Fields, t: Messages): ReactNode[] {
  const m = t.masking;
  const parts = [
    f.select(
      'format',
      MASK_FORMATS.map((v) => ({ value: v, label: enumLabel(t.maskFormat, v) })),
    ),
  ];
  if (rule.format === 'idCard')
    parts.push(
      f.select(
        'keep',
        ID_CARD_KEEPS.map((k) => ({ value: k, label: `${m.keep} ${k}` })),
        110,
      ),
    );
  if (rule.format === 'partial')
    parts.push(f.num('keepFirst', m.keepFirst, 0, 64), f.num('keepLast', m.keepLast, 0, 64));
  parts.push(f.text('maskChar', m.maskChar, 1));
  return parts;
}

function generalizeParts(
  rule: MaskRule,
  f: Fields,
  t: Messages,
  onChange: (r: MaskRule) => void,
): ReactNode[] {
  const m = t.masking;
  const label: Record<string, string> = { band: m.band, date: m.date, prefix: m.prefixMethod };
  // Each method has its own options: switching starts the rule afresh.
  const fresh: Record<string, MaskRule> = {
    band: { strategy: 'generalize', method: 'band', width: 10 },
    date: { strategy: 'generalize', method: 'date', to: 'year' },
    prefix: { strategy: 'generalize', method: 'prefix', keep: 3 },
  };
  const method = f.select(
    'method',
    GENERALIZE_METHODS.map((g) => ({ value: g, label: label[g]! })),
    120,
    (v) => onChange(fresh[v]!),
  );
  if (rule.method === 'band') return [method, f.num('width', m.width)];
  if (rule.method === 'date')
    return [
      method,
      f.select(
        'to',
        [
          { value: 'year', label: m.year },
          { value: 'month', label: m.month },
        ],
        100,
      ),
    ];
  return [method, f.num('keep', m.keep, 0, 64), f.text('fill', m.fill, 1)];
}

function roundParts(
  rule: MaskRule,
  t: Messages,
  onChange: (r: MaskRule) => void,
  column: string,
): ReactNode[] {
  const m = t.masking;
  // Exactly one of step and buckets: giving one drops the other.
  const buckets = Array.isArray(rule.buckets) ? (rule.buckets as number[]).join(',') : '';
  return [
    <InputNumber
      key="step"
      size="small"
      prefix={hint(m.step)}
      value={typeof rule.step === 'number' ? rule.step : null}
      min={0}
      onChange={(v) => onChange(v === null ? { ...rule, step: undefined } : { strategy: 'round', step: v })}
      style={{ width: 150 }}
      data-testid={`rule-${column}-step`}
    />,
    <Input
      key={`buckets-${buckets}`}
      size="small"
      prefix={hint(m.buckets)}
      defaultValue={buckets}
      onBlur={(e) => {
        const nums = e.target.value
          .split(/[,，\s]+/)
          .filter(Boolean)
          .map(Number)
          .filter(Number.isFinite);
        if (nums.length) onChange({ strategy: 'round', buckets: nums });
      }}
      style={{ width: 260 }}
    />,
  ];
}

/** The option inputs of one column's strategy (formats, kept characters, lengths, widths, steps…). */
export function MaskRuleOptions({
  rule,
  onChange,
  column,
}: {
  rule: MaskRule;
  onChange: (rule: MaskRule) => void;
  column: string;
}) {
  const t = useT();
  const m = t.masking;
  const f = fieldsOf(rule, onChange, column);
  const parts: Record<string, () => ReactNode[]> = {
    mask: () => maskParts(rule, f, t),
    pseudonymize: () => [f.num('length', m.length, 8, 64), f.text('prefix', m.prefix)],
    hash: () => [f.num('length', m.length, 8, 64), f.text('salt', m.salt, 256)],
    generalize: () => generalizeParts(rule, f, t, onChange),
    suppress: () => [f.text('replacement', m.replacement)],
    round: () => roundParts(rule, t, onChange, column),
    noise: () => [
      f.num('scale', m.scale),
      f.select('distribution', [
        { value: 'laplace', label: m.laplace },
        { value: 'uniform', label: m.uniform },
      ]),
      f.num('decimals', m.decimals, 0, 10),
    ],
  };
  const shown = parts[rule.strategy]?.() ?? [];
  return shown.length ? (
    <Space size={4} wrap>
      {shown}
    </Space>
  ) : (
    <>—</>
  );
}
