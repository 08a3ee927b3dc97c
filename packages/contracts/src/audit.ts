import { z } from 'zod';
import { Id, PageQuery, Timestamp } from './common.js';

export const AuditOutcome = z.enum(['success', 'failure', 'denied']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditEvent = z.object({
  seq: z.number().int(),
  id: Id('aud'),
  at: Timestamp,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: AuditOutcome,
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.strictObject({
  ...PageQuery,
  actorId: z.string().max(40).optional(),
  orgId: z.string().max(40).optional(),
  action: z.string().max(100).optional().describe('exact action, or a prefix ending in "." / "*"'),
  objectId: z.string().max(80).optional(),
  outcome: AuditOutcome.optional(),
  requestId: z.string().max(80).optional(),
  from: z.iso.datetime({ offset: true }).max(40).optional(),
  to: z.iso.datetime({ offset: true }).max(40).optional(),
  q: z.string().max(100).optional().describe('free text over action, actor name and object id'),
});

export const AuditVerifyReply = z.object({
  ok: z.boolean(),
  hashAlg: z.string(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerifyReply = z.infer<typeof AuditVerifyReply>;
