import type { HqdApplication, HqdScore, QualityScore } from '@shuliu/contracts';
import { iso } from '../shared/iso.js';
import type { HqdRow } from './designations.repository.js';

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
export const num = (v: string | number | null) => (v === null ? null : Number(v));

/** An application row as the API shows it, with the resource's latest platform quality score. */
export function toApplication(r: HqdRow, quality: Map<string, QualityScore>): HqdApplication {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    resourceId: r.resource_id,
    resourceTitle: r.resource_title,
    level: r.level,
    year: r.year,
    qualityReportRef: r.quality_report_ref,
    latestQuality: quality.get(r.resource_id) ?? null,
    updateRecord: r.update_record,
    useCases: r.use_cases,
    status: r.status,
    reviewerOrgId: r.reviewer_org_id,
    reviewerOrgName: r.reviewer_org_name,
    scores: r.scores ? parsed<HqdScore[]>(r.scores) : [],
    weightedScore: num(r.weighted_score),
    reviewOpinion: r.review_opinion,
    decisionNote: r.decision_note,
    createdAt: iso(r.created_at)!,
    assignedAt: iso(r.assigned_at),
    reviewedAt: iso(r.reviewed_at),
    decidedAt: iso(r.decided_at),
  };
}
