import type { AdminLevel, ReturnFlow, SharingRequest, SharingStatus } from '@shuliu/contracts';
import type { ReturnFlowRow, SharingRow } from './sharing.repository.js';
import { isOverdue } from './sharing.rules.js';
import { iso } from '../shared/iso.js';

export const toSharingRequest = (r: SharingRow, now: Date): SharingRequest => ({
  id: r.id,
  resourceId: r.resource_id,
  resourceTitle: r.resource_title,
  providerOrgId: r.provider_org_id,
  providerOrgName: r.provider_org_name,
  providerLevel: r.provider_level as AdminLevel,
  requesterOrgId: r.requester_org_id,
  requesterOrgName: r.requester_org_name,
  requesterLevel: r.requester_level as AdminLevel,
  purpose: r.purpose,
  status: r.status as SharingStatus,
  reason: r.reason,
  note: r.note,
  dueAt: iso(r.due_at)!,
  overdue: isOverdue(r.status, new Date(r.due_at), now),
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  deliveredAt: iso(r.delivered_at),
  withdrawnAt: iso(r.withdrawn_at),
  createdBy: r.created_by,
  createdAt: iso(r.created_at)!,
});

export const toReturnFlow = (r: ReturnFlowRow, now: Date): ReturnFlow => ({
  id: r.id,
  resourceId: r.resource_id,
  resourceTitle: r.resource_title,
  fromOrgId: r.from_org_id,
  fromOrgName: r.from_org_name,
  toOrgId: r.to_org_id,
  toOrgName: r.to_org_name,
  toLevel: r.to_level as ReturnFlow['toLevel'],
  status: r.status,
  dueAt: iso(r.due_at)!,
  deliveredAt: iso(r.delivered_at),
  overdue: isOverdue(r.status, new Date(r.due_at), now),
  late: r.delivered_at !== null && new Date(r.delivered_at).getTime() > new Date(r.due_at).getTime(),
  note: r.note,
  createdBy: r.created_by,
  createdAt: iso(r.created_at)!,
});
