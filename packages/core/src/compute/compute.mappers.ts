import type { Agent, Dataset, Job } from '@shuliu/contracts';
import { iso } from '../shared/iso.js';
import type { AgentRow } from './agents.repository.js';
import type { DatasetRow } from './datasets.repository.js';
import type { JobRow } from './jobs.repository.js';

/** An agent is healthy while it was heard from within this long. */
const HEALTHY_MS = 120_000;

function healthOf(a: Pick<AgentRow, 'status' | 'last_seen_at'>, now: Date): Agent['health'] {
  if (a.status === 'revoked') return 'revoked';
  if (!a.last_seen_at) return 'never_seen';
  return now.getTime() - a.last_seen_at.getTime() <= HEALTHY_MS ? 'healthy' : 'silent';
}

export const toAgent = (a: AgentRow, now: Date): Agent => ({
  id: a.id,
  orgId: a.org_id,
  orgName: a.org_name,
  name: a.name,
  description: a.description,
  status: a.status,
  keyId: a.key_id,
  publicKey: a.public_key,
  enrolmentExpiresAt: iso(a.enrolment_expires_at),
  enrolledAt: iso(a.enrolled_at),
  lastSeenAt: iso(a.last_seen_at),
  health: healthOf(a, now),
  software: a.software,
  datasetCount: a.dataset_count,
  createdAt: a.created_at.toISOString(),
});

/** A dataset as `orgId` sees it: the budget left is the total's rest for its holder, its share's rest for others. */
export function toDataset(d: DatasetRow, viewerOrgId: string | null, consumerSpent: number): Dataset {
  const p = d.policy;
  const total = d.epsilon_total ?? 0;
  const left = Math.max(0, total - d.epsilon_spent);
  const share = p ? p.consumerShare * total - consumerSpent : 0;
  return {
    id: d.id,
    agentId: d.agent_id,
    agentName: d.agent_name ?? '',
    orgId: d.org_id,
    orgName: d.org_name,
    name: d.name,
    table: d.name,
    title: d.title,
    resourceId: d.resource_id,
    columns: d.columns,
    rows: Number(d.rows),
    status: d.status,
    policy: p,
    epsilonSpent: d.epsilon_spent,
    deltaSpent: d.delta_spent,
    epsilonRemaining: viewerOrgId === d.org_id ? left : Math.max(0, Math.min(left, share)),
    k: p?.k ?? null,
    reportedAt: d.reported_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
  };
}

/** A job; `result` says whether its released result (and receipt) may be shown to the viewer. */
export function toJob(j: JobRow, show: { result: boolean }): Job {
  const released = j.result_hash !== null && j.ledger_index !== null;
  const spent = j.epsilon_spent === null ? null : { epsilon: j.epsilon_spent, delta: j.delta_spent ?? 0 };
  return {
    id: j.id,
    datasetId: j.dataset_id,
    datasetTitle: j.dataset_title,
    table: j.dataset_name,
    ownerOrgId: j.owner_org_id,
    ownerOrgName: j.owner_org_name,
    consumerOrgId: j.consumer_org_id,
    consumerOrgName: j.consumer_org_name,
    submittedBy: j.submitted_by,
    kind: j.kind,
    sql: j.sql,
    template: j.template,
    anonymize: j.export_spec,
    psi: j.psi_spec,
    psiPhase: j.psi_phase,
    joint: j.joint_spec,
    // a part's exact local aggregate never leaves the platform: only its hash and signature are shown
    jointParts:
      j.joint_parts?.map((x) => ({
        datasetId: x.datasetId,
        agentId: x.agentId,
        keyId: x.keyId,
        publicKey: x.publicKey,
        localHash: x.localHash,
        signature: x.signature,
      })) ?? null,
    consentVersionId: j.consent_version_id,
    ledgerIndex: j.ledger_index === null ? null : Number(j.ledger_index),
    queryHash: j.query_hash,
    purpose: j.purpose,
    basis: j.basis,
    contractNo: j.contract_no,
    grantId: j.grant_id,
    epsilon: j.epsilon,
    delta: j.delta,
    status: j.status,
    reason: j.reason,
    rule: j.rule,
    attempts: j.attempts,
    result: show.result ? j.result : null,
    privacySpent: spent,
    receipt:
      released && spent && j.kind !== 'joint'
        ? {
            v: 1,
            jobId: j.id,
            datasetId: j.dataset_id,
            agentId: j.agent_id,
            queryHash: j.query_hash,
            resultHash: j.result_hash!,
            epsilon: spent.epsilon,
            delta: spent.delta,
            keyId: j.agent_key_id ?? '',
            publicKey: j.agent_public_key ?? '',
            signature: j.signature ?? '',
            ledgerIndex: Number(j.ledger_index),
          }
        : null,
    derivedResourceId: j.derived_resource_id,
    createdAt: j.created_at.toISOString(),
    startedAt: iso(j.started_at),
    finishedAt: iso(j.finished_at),
  };
}
