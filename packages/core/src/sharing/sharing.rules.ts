import type { AdminLevel, Grade, SharingStatus, SubjectType } from '@shuliu/contracts';
import { adminLevelOf, divisionOf, isWithin } from '../catalog/index.js';

export type SharingAction = 'approve' | 'reject' | 'deliver' | 'withdraw';

const MOVES: Record<SharingAction, { from: SharingStatus; to: SharingStatus }> = {
  approve: { from: 'pending', to: 'approved' },
  reject: { from: 'pending', to: 'rejected' },
  deliver: { from: 'approved', to: 'delivered' },
  withdraw: { from: 'pending', to: 'withdrawn' },
};

/**
 * 政务共享 flow: the provider answers a pending request (同意/驳回), delivers what it approved; the requester may
 * withdraw only while nobody has answered. Returns the next status, or null when the move is not allowed.
 */
export function nextSharingStatus(status: SharingStatus, action: SharingAction): SharingStatus | null {
  const m = MOVES[action];
  return status === m.from ? m.to : null;
}

/**
 * 政务共享 is between government departments: a department asks another (never itself) for a resource that
 * is published in the catalog. Returns why a request is refused, or null.
 */
export function sharingRefusal(
  resource: { owner_org_id: string; status: string },
  requesterOrgId: string,
  provider: { status: string; types: string[] } | undefined,
): string | null {
  if (resource.owner_org_id === requesterOrgId) return 'a department does not request its own resource';
  if (resource.status !== 'published')
    return `only a published resource can be requested; this one is ${resource.status}`;
  if (!provider || provider.status !== 'active' || !provider.types.includes('authority'))
    return 'government sharing is between government departments; the holder is not one';
  return null;
}

/** Which side of a request may take an action: the provider answers and delivers, the requester withdraws. */
export const actingSide = (action: SharingAction): 'provider' | 'requester' =>
  action === 'withdraw' ? 'requester' : 'provider';

/** A request or a return flow is overdue while it is still open after its due date (computed, never stored). */
export const isOverdue = (status: string, dueAt: Date, now: Date) =>
  status === 'pending' && dueAt.getTime() < now.getTime();

/**
 * 应返尽返 SLA compliance: of the obligations that have come to a result (delivered, or still open past due),
 * the share delivered on time. Null while nothing has come due, so a fresh board does not read as 0 %.
 */
export function complianceRate(onTime: number, delivered: number, overdue: number): number | null {
  const settled = delivered + overdue;
  return settled === 0 ? null : Math.round((onTime / settled) * 10000) / 10000;
}

/**
 * 省级数据回流: only a provincial department returns data, only to a city or county authority lying within its
 * province (GB/T 2260 division from the USCC). Returns why a return is refused, or null.
 */
export function returnFlowRefusal(
  fromUscc: string,
  toUscc: string,
): { code: 'not_provincial' | 'target_level' | 'outside'; message: string } | null {
  if (adminLevelOf(fromUscc) !== 'province')
    return {
      code: 'not_provincial',
      message: 'only a provincial department owes a return flow (省级数据回流)',
    };
  if (adminLevelOf(toUscc) === 'province')
    return { code: 'target_level', message: 'data is returned to a city or county, not to a province' };
  if (!isWithin(toUscc, fromUscc))
    return { code: 'outside', message: 'the receiving department lies outside the province' };
  return null;
}

/**
 * 资源调查 region of an org: its USCC division (GB/T 2260) folded to the province (`xx0000`) for provincial
 * bodies, else to the city (`xxxx00`), so counties count under their city.
 */
export function surveyRegionOf(uscc: string): {
  code: string;
  level: Extract<AdminLevel, 'province' | 'city'>;
} {
  const d = divisionOf(uscc);
  return adminLevelOf(uscc) === 'province'
    ? { code: `${d.slice(0, 2)}0000`, level: 'province' }
    : { code: `${d.slice(0, 4)}00`, level: 'city' };
}

/** The region's name from an org's free-text region (`山东省·济南市·历下区`), cut to the region's level. */
export function regionLabel(region: string | null, level: 'province' | 'city'): string | null {
  const parts = (region ?? '').split(/[·・\s/]+/).filter(Boolean);
  if (!parts.length) return null;
  return level === 'province' ? parts[0]! : parts.slice(0, 2).join('·');
}

/** GB/T 43697-2024 grade names, as the survey labels them. */
export const GRADE_LABELS: Record<Grade, string> = {
  core: '核心数据',
  important: '重要数据',
  general_4: '一般数据（4级）',
  general_3: '一般数据（3级）',
  general_2: '一般数据（2级）',
  general_1: '一般数据（1级）',
};

/** GB/T 43697-2024 Annex A subject classes. */
export const SUBJECT_LABELS: Record<SubjectType, string> = {
  public: '公共数据',
  organization: '组织数据',
  personal: '个人信息',
};
