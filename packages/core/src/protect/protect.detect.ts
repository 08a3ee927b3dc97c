import { detach } from '../tabular/index.js';
import { nameHints } from './protect.hints.js';
import {
  isAddress,
  isBankCard,
  isChineseName,
  isEmail,
  isHealthValue,
  isIdCardNumber,
  isIpAddress,
  isMobile,
  isPlate,
  isUscc,
  looksMasked,
} from './protect.rules.js';
import { DEFAULT_DETECTION_SETTINGS, type DetectionSettings } from './protect.settings.js';
import { PII_KINDS, type PiiDetection, type PiiKind } from './protect.types.js';

/** The value check of each kind; biometric data (templates, images) is recognised by its column name only. */
const VALUE_CHECKS: Record<PiiKind, ((v: string) => boolean) | undefined> = {
  idCard: isIdCardNumber,
  uscc: isUscc,
  bankCard: isBankCard,
  mobile: isMobile,
  email: isEmail,
  ip: isIpAddress,
  plate: isPlate,
  name: isChineseName,
  address: isAddress,
  health: isHealthValue,
  biometric: undefined,
};

/** Kinds whose column name alone is enough evidence: their values are free text or binary templates. */
const NAME_ENOUGH = new Set<PiiKind>(['biometric', 'health']);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The share of sampled values that are the kind in the clear: a value masked in place does not count. */
function share(samples: readonly string[], check: ((v: string) => boolean) | undefined): number {
  if (!check || samples.length === 0) return 0;
  let hits = 0;
  for (const s of samples) {
    const v = s.trim();
    if (check(v) && !looksMasked(v)) hits++;
  }
  return hits / samples.length;
}

/** The confidence that a column holds one kind, or 0 when the evidence is below the thresholds. */
function kindScore(kind: PiiKind, hinted: boolean, ratio: number, s: DetectionSettings): number {
  const bonus = hinted ? s.nameHintBonus : 0;
  if (hinted && NAME_ENOUGH.has(kind)) return Math.max(s.strength[kind], s.strength[kind] * ratio) + bonus;
  if (ratio < (hinted ? s.hintedMatchRatio : s.minMatchRatio)) return 0;
  return s.strength[kind] * ratio + bonus;
}

/**
 * GB/T 35273-2020 Annex A/B, PIPL Art. 28: which kind of personal information a column holds, from its name
 * and sampled values. Numbers of the right shape whose check digits fail are not identifiers, nor are values
 * masked in place (GB/T 37964-2019 §6.2), so a column is detected only while it holds the kind in the clear.
 */
export function detectColumn(
  name: string,
  samples: readonly string[],
  settings: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
): PiiDetection | null {
  let best: PiiDetection | null = null;
  for (const kind of PII_KINDS) {
    const hinted = nameHints(name, settings.nameHints[kind]);
    const score = kindScore(kind, hinted, share(samples, VALUE_CHECKS[kind]), settings);
    if (score >= settings.minConfidence && (!best || score > best.confidence))
      best = { kind, confidence: round2(Math.min(score, 0.99)) };
  }
  return best;
}

/** Bounded sample of a column's non-null values: the first `head`, then a uniform reservoir of the rest (Algorithm L). */
export class ColumnSampler {
  readonly head: string[] = [];
  readonly reservoir: string[] = [];
  private seen = 0;
  private next = 0;
  private w = 1;

  constructor(
    private readonly headSize: number,
    private readonly reservoirSize: number,
    private readonly random: () => number = Math.random,
  ) {}

  add(v: string): void {
    if (this.head.length < this.headSize) return void this.head.push(detach(v));
    const k = this.reservoirSize;
    if (k === 0) return;
    this.seen++;
    if (this.reservoir.length < k) {
      this.reservoir.push(detach(v));
      if (this.reservoir.length === k) this.skip();
    } else if (this.seen === this.next) {
      this.reservoir[Math.floor(this.random() * k)] = detach(v);
      this.skip();
    }
  }

  get values(): string[] {
    return this.reservoir.length ? this.head.concat(this.reservoir) : this.head;
  }

  /** Li 1994, Algorithm L: jump straight to the next item that enters the reservoir. */
  private skip() {
    this.w *= Math.exp(Math.log(this.random()) / this.reservoirSize);
    this.next = this.seen + Math.floor(Math.log(this.random()) / Math.log(1 - this.w)) + 1;
  }
}
