import type {
  RegistryEvidenceKind,
  Grade,
  Processing,
  RegistrationCategory,
  RegistrationStatus,
  RegistrationType,
  RegistryDeclaration,
  SourceKind,
} from '@shuliu/contracts';
import { endOfShanghaiDay } from './registry.calendar.js';

export type RegistrationAction =
  'submit' | 'withdraw' | 'accept' | 'assign' | 'reject' | 'review' | 'object' | 'decide_objection' | 'issue';

export type MoveRefusal = 'illegal' | 'notice_running' | 'notice_over' | 'objections_open';
export type Move =
  { ok: true; to: RegistrationStatus } | { ok: false; refusal: MoveRefusal; message: string };

export interface MoveFacts {
  /** The review passed (review), or the objection was upheld (decide_objection). */
  positive?: boolean;
  /** The type goes through 公示 (settings.noticeTypes). */
  needsNotice?: boolean;
  noticeOver?: boolean;
  /** Open objections left besides the one being decided. */
  otherOpenObjections?: number;
}

const FROM: Record<RegistrationAction, RegistrationStatus[]> = {
  submit: ['draft'],
  withdraw: ['draft', 'submitted', 'under_review'],
  accept: ['submitted'],
  assign: ['submitted', 'under_review'],
  reject: ['submitted', 'under_review'],
  review: ['under_review'],
  object: ['publicizing', 'objected'],
  decide_objection: ['objected'],
  issue: ['approved', 'publicizing'],
};

const ok = (to: RegistrationStatus): Move => ({ ok: true, to });
const no = (refusal: MoveRefusal, message: string): Move => ({ ok: false, refusal, message });

/**
 * RULES.md (Rights registration, steps): 申请 → 受理 → 审查 (形式 + 实质) → 公示 → 异议处理 → 存证 → 凭证核发.
 * An objection upheld rejects the application; dismissed, the notice continues. Issuance waits for the end of
 * the notice and for every objection to be decided. Returns the next status, or why the move is refused.
 */
export function nextRegistrationStatus(
  from: RegistrationStatus,
  action: RegistrationAction,
  f: MoveFacts = {},
): Move {
  if (!FROM[action].includes(from)) return no('illegal', `a ${from} application cannot take “${action}”`);
  switch (action) {
    case 'submit':
      return ok('submitted');
    case 'withdraw':
      return ok('withdrawn');
    case 'accept':
      return ok('under_review');
    case 'assign':
      return ok(from);
    case 'reject':
      return ok('rejected');
    case 'review':
      return ok(!f.positive ? 'rejected' : f.needsNotice ? 'publicizing' : 'approved');
    case 'object':
      return f.noticeOver ? no('notice_over', 'the public notice is over') : ok('objected');
    case 'decide_objection':
      if (f.positive) return ok('rejected');
      return ok((f.otherOpenObjections ?? 0) > 0 ? 'objected' : 'publicizing');
    case 'issue':
      if (from === 'publicizing' && !f.noticeOver)
        return no('notice_running', 'the public notice (公示) has not ended yet');
      return ok('issued');
  }
}

/** The deadline of the step an application waits at, if that step has one. */
export function currentDue(a: {
  status: string;
  accept_due_at: Date | null;
  review_due_at: Date | null;
  notice_ends_at: Date | null;
  objection_due_at?: Date | null;
}): Date | null {
  switch (a.status) {
    case 'submitted':
      return a.accept_due_at;
    case 'under_review':
      return a.review_due_at;
    case 'publicizing':
      return a.notice_ends_at;
    case 'objected':
      return a.objection_due_at ?? null;
    default:
      return null;
  }
}

/** A duty is overdue when the platform (not the calendar) still owes the step after its deadline. */
export const isOverdue = (status: string, due: Date | null, now: Date) =>
  !!due && ['submitted', 'under_review', 'objected'].includes(status) && due.getTime() < now.getTime();

/** RULES.md / GB/T 43697-2024 §6.2: core data (核心数据) is never registered. */
export const coreDataRefusal = (grade: Grade): string | null =>
  grade === 'core' ? 'core data (核心数据) is never registered' : null;

/**
 * RULES.md (Refuse: data without source authorization): 自行采集 data says how it was collected; 授权 data
 * brings the authorization, 购买 data the purchase contract (or an authorization), as evidence of the
 * application or of the catalogued resource.
 */
export function sourceRefusal(
  kind: SourceKind,
  description: string | null,
  evidence: readonly string[],
  resourceEvidence: number,
): string | null {
  if (kind === 'collected')
    return description ? null : 'say how the data was collected (自行采集 needs a collection method)';
  const accepted = kind === 'authorized' ? ['authorization'] : ['purchase_contract', 'authorization'];
  if (resourceEvidence > 0 || evidence.some((k) => accepted.includes(k))) return null;
  return kind === 'authorized'
    ? 'authorized data (授权) needs the source authorization as evidence'
    : 'purchased data (购买) needs the purchase contract as evidence';
}

/** RULES.md (Refuse: data under an ownership dispute): an object under objection or frozen is not registered. */
export function objectStateRefusal(s: {
  disputed: boolean;
  frozen: boolean;
}): { code: 'disputed' | 'frozen'; message: string } | null {
  if (s.frozen) return { code: 'frozen', message: 'a certificate on this data is frozen' };
  if (s.disputed) return { code: 'disputed', message: 'this data is under an ownership dispute (异议)' };
  return null;
}

/** RULES.md (Refuse: single records or unprocessed raw data, for data-IP registration). */
export function dataIpRefusal(
  category: RegistrationCategory,
  processing: Processing,
  rows: number | null,
): { code: 'raw' | 'single_record'; message: string } | null {
  if (category !== 'data_ip') return null;
  if (processing === 'raw')
    return { code: 'raw', message: 'unprocessed raw data is not registered as data intellectual property' };
  if (rows === null || rows <= 1)
    return {
      code: 'single_record',
      message: 'data intellectual property is a processed collection: a single record is not registered',
    };
  return null;
}

/** 声明承诺制: what each registration's applicant declares. */
export function missingDeclarations(
  type: RegistrationType,
  given: readonly RegistryDeclaration[],
): RegistryDeclaration[] {
  const needed: RegistryDeclaration[] =
    type === 'objection'
      ? ['truthful', 'acceptReview']
      : ['truthful', 'lawfulSource', 'noInfringement', 'acceptReview'];
  return needed.filter((d) => !given.includes(d));
}

/** Registration practice: a registration of a transaction brings its instrument (合同、协议、证据). */
const INSTRUMENT: Partial<Record<RegistrationType, RegistryEvidenceKind>> = {
  transfer: 'transfer_contract',
  license: 'license_agreement',
  pledge: 'pledge_contract',
  objection: 'objection_evidence',
};
export function missingInstrument(
  type: RegistrationType,
  evidence: readonly string[],
): RegistryEvidenceKind | null {
  const needed = INSTRUMENT[type];
  return needed && !evidence.includes(needed) ? needed : null;
}

/** RULES.md: certificate validity = min(announcement + N years, end of the source authorization/agreement). */
export function certificateValidUntil(
  announcedAt: Date,
  years: number,
  sourceValidUntil: string | null,
): Date {
  const byYears = new Date(announcedAt);
  byYears.setUTCFullYear(byYears.getUTCFullYear() + years);
  if (!sourceValidUntil) return byYears;
  const bySource = endOfShanghaiDay(sourceValidUntil);
  return bySource < byYears ? bySource : byYears;
}

/** 续展: N more years from the current end (or from now, once expired), still capped by the source's end. */
export function renewedValidUntil(current: Date, now: Date, years: number, sourceValidUntil: string | null) {
  return certificateValidUntil(current > now ? current : now, years, sourceValidUntil);
}

/** 数据二十条 (质押融资): a pledgee is a financial institution, listed by the operator or named as one. */
export function isFinancialOrg(
  org: { id: string; name: string },
  s: { financialOrgIds: readonly string[]; financialNamePattern: string },
): boolean {
  if (s.financialOrgIds.includes(org.id)) return true;
  if (!s.financialNamePattern) return false;
  try {
    return new RegExp(s.financialNamePattern).test(org.name);
  } catch {
    return false;
  }
}

/** A certificate number: prefix, year, a six-digit (or longer) sequence, e.g. SD-DR-2026-000123. */
export const certNoOf = (prefix: string, year: number, seq: number) =>
  `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
