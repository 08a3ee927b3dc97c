import { hash as digest, randomFillSync } from 'node:crypto';
import type { Cell } from '../tabular/index.js';
import { KeyInvalid, KeyRequired } from './protect.errors.js';
import {
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdCard,
  maskIp,
  maskMobile,
  maskName,
  maskPartial,
  maskPlate,
} from './protect.mask-formats.js';
import type { ColumnRule } from './protect.schema.js';
import { generalizer } from './protect.generalize.js';

/** Transforms one cell; null stays null unless the strategy says otherwise. */
export type Masker = (v: Cell) => Cell;

type Rule<S extends ColumnRule['strategy']> = Extract<ColumnRule, { strategy: S }>;

const text = (v: string | number | boolean) => (typeof v === 'string' ? v : String(v));

/** GB/T 37964-2019 §6.2 (屏蔽): the format masks of RULES.md, chosen per column. */
function formatMasker(rule: Rule<'mask'>): Masker {
  const ch = rule.maskChar ?? '*';
  const f: (s: string) => string = {
    name: (s: string) => maskName(s, ch),
    mobile: (s: string) => maskMobile(s, ch),
    idCard: (s: string) => maskIdCard(s, rule.keep, ch),
    bankCard: (s: string) => maskBankCard(s, ch),
    address: (s: string) => maskAddress(s, ch),
    email: (s: string) => maskEmail(s, ch),
    plate: (s: string) => maskPlate(s, ch),
    ip: (s: string) => maskIp(s, ch),
    partial: (s: string) => maskPartial(s, rule.keepFirst ?? 1, rule.keepLast ?? 1, ch),
  }[rule.format];
  return (v) => (v === null ? null : f(text(v)));
}

/** RFC 2104 HMAC over SM3 (GB/T 15852.2 MAC algorithm 2), with the padded keys prepared once per column. */
export function hmacSm3Hex(key: Uint8Array): (value: string) => string {
  const block = Buffer.alloc(64);
  Buffer.from(key.length > 64 ? digest('sm3', key, 'buffer') : key).copy(block);
  const ipad = Buffer.from(block.map((b) => b ^ 0x36));
  const opad = Buffer.from(block.map((b) => b ^ 0x5c));
  return (value) => {
    const inner = digest('sm3', Buffer.concat([ipad, Buffer.from(value)]), 'buffer');
    return digest('sm3', Buffer.concat([opad, inner]), 'hex');
  };
}

/** GB/T 37964-2019 §6.4 (假名化): keyed HMAC-SM3, so the same value maps to the same pseudonym under one key. */
function pseudonymizer(rule: Rule<'pseudonymize'>, key: Uint8Array | undefined): Masker {
  if (!key) throw KeyRequired();
  if (key.length < 16) throw KeyInvalid();
  const mac = hmacSm3Hex(key);
  const len = rule.length ?? 16;
  const prefix = rule.prefix ?? '';
  return (v) => (v === null ? null : prefix + mac(text(v)).slice(0, len));
}

/** GB/T 37964-2019 §6.3 (哈希): an unkeyed SM3 digest, optionally salted (guessable inputs stay guessable). */
function hasher(rule: Rule<'hash'>): Masker {
  const salt = rule.salt ?? '';
  const len = rule.length ?? 64;
  return (v) => (v === null ? null : digest('sm3', salt + text(v), 'hex').slice(0, len));
}

/** GB/T 37964-2019 §6.1 (抑制): the value is removed (or replaced by a constant). */
const suppressor = (rule: Rule<'suppress'>): Masker => {
  const r = rule.replacement ?? null;
  return () => r;
};

const asNumber = (v: Cell): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
const decimalsOf = (x: number) => (Number.isInteger(x) ? 0 : (String(x).split('.')[1]?.length ?? 0));

/** GB/T 37964-2019 §6.5 (取整/分桶): rounds to a step, or names the bucket a value falls in; non-numbers are suppressed. */
function rounder(rule: Rule<'round'>): Masker {
  if (rule.step !== undefined) {
    const step = rule.step;
    const places = decimalsOf(step);
    return (v) => {
      const n = asNumber(v);
      return Number.isFinite(n) ? Number((Math.round(n / step) * step).toFixed(places)) : null;
    };
  }
  const b = rule.buckets!;
  return (v) => {
    const n = asNumber(v);
    if (!Number.isFinite(n)) return null;
    if (n < b[0]!) return `<${b[0]}`;
    for (let i = 1; i < b.length; i++) if (n < b[i]!) return `${b[i - 1]}-${b[i]}`;
    return `>=${b[b.length - 1]}`;
  };
}

/** Uniform doubles in (0, 1) from the operating system's CSPRNG, drawn in blocks. */
function secureRandom(): () => number {
  const pool = new Uint32Array(4096);
  let i = pool.length;
  return () => {
    if (i === pool.length) {
      randomFillSync(pool);
      i = 0;
    }
    return (pool[i++]! + 0.5) / 4294967296;
  };
}

/** GB/T 37964-2019 §6.6 (添加噪声): Laplace (default) or uniform noise of the given scale; non-numbers are suppressed. */
function noiser(rule: Rule<'noise'>, random = secureRandom()): Masker {
  const b = rule.scale;
  const draw =
    rule.distribution === 'uniform'
      ? () => (random() * 2 - 1) * b
      : () => {
          const u = random() - 0.5;
          return -b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
        };
  const places = rule.decimals;
  return (v) => {
    const n = asNumber(v);
    if (!Number.isFinite(n)) return null;
    const x = n + draw();
    return places === undefined ? x : Number(x.toFixed(places));
  };
}

/** The cell transformation for one column's rule; `keep` gives null (nothing to do). */
export function maskerFor(rule: ColumnRule, key?: Uint8Array): Masker | null {
  switch (rule.strategy) {
    case 'keep':
      return null;
    case 'mask':
      return formatMasker(rule);
    case 'pseudonymize':
      return pseudonymizer(rule, key);
    case 'hash':
      return hasher(rule);
    case 'generalize':
      return generalizer(rule);
    case 'suppress':
      return suppressor(rule);
    case 'round':
      return rounder(rule);
    case 'noise':
      return noiser(rule);
  }
}
