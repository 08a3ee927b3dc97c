import { randomBytes } from 'node:crypto';
import {
  AGENT_CLOCK_SKEW_MS,
  agentSigningString,
  type Agent,
  type CreatedAgent,
  type ParsedAgentAuthorization,
} from '@shuliu/contracts';
import type { z } from 'zod';
import type { AgentQuery, CreateAgentBody, EnrolBody } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { parsePublicKey, sm2Verify, sm3Hex } from '../crypto/index.js';
import { hasRole, requirePrincipal, type Principal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import { agentsRepository as repo, type AgentRow } from './agents.repository.js';
import {
  AgentExists,
  AgentKeyTaken,
  AgentRevoked,
  AgentSignatureInvalid,
  AgentSignatureRequired,
  EnrolmentInvalid,
} from './compute.errors.js';
import { toAgent } from './compute.mappers.js';
import type { ComputeDeps } from './compute.support.js';

type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

/** An enrolment code is good for a day, and for one enrolment. */
const ENROLMENT_MS = 24 * 3600_000;
/** How often an agent's last-seen time is written (every request would be a write per poll). */
const SEEN_EVERY_MS = 30_000;

/** A one-time enrolment code: 256 random bits; only its SM3 is kept. */
const newCode = () => `enr_${randomBytes(32).toString('base64url')}`;

/** What a verified agent request carries besides its Authorization header. */
export interface AgentRequest extends ParsedAgentAuthorization {
  method: string;
  path: string;
  contentSm3: string;
}

/**
 * 域内计算节点的机器身份: an org administrator registers an agent and hands it a one-time code; the agent enrols
 * the SM2 public key it made (the private key never leaves it). Every later call is signed with that key and
 * verified here — the time within minutes, the nonce taken once — and acts as the agent, in its org.
 */
export class AgentsService {
  constructor(private readonly deps: ComputeDeps) {}

  async create(ctx: RequestContext, b: z.output<typeof CreateAgentBody>): Promise<CreatedAgent> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('an agent belongs to an organization');
    const id = newId('agt');
    const code = newCode();
    await this.deps.db.transaction().execute(async (tx) => {
      const made = await repo.insert(tx, {
        id,
        org_id: p.orgId!,
        name: b.name,
        description: b.description ?? null,
        enrolment_hash: sm3Hex(code),
        enrolment_expires_at: new Date(this.deps.now().getTime() + ENROLMENT_MS),
        created_by: p.userId,
      });
      if (!made)
        throw AgentExists(`the organization already has an agent named ${b.name}`, { field: 'name' });
      await recordAudit(tx, ctx, {
        action: 'compute.agent.create',
        objectType: 'compute_agent',
        objectId: id,
        details: { name: b.name },
      });
    });
    return { ...(await this.get(ctx, id)), enrolmentCode: code };
  }

  /** A new code for a replaced machine: the old key is dropped at once, the agent pending until it enrols. */
  async reenrol(ctx: RequestContext, id: string): Promise<CreatedAgent> {
    const code = newCode();
    await this.deps.db.transaction().execute(async (tx) => {
      const a = await this.ownLocked(ctx, tx, id);
      if (a.status === 'revoked') throw AgentRevoked(`agent ${a.name} is revoked: register a new one`);
      await repo.update(tx, id, {
        status: 'pending',
        enrolment_hash: sm3Hex(code),
        enrolment_expires_at: new Date(this.deps.now().getTime() + ENROLMENT_MS),
        public_key: null,
        key_id: null,
        updated_at: this.deps.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'compute.agent.reenrol',
        objectType: 'compute_agent',
        objectId: id,
        details: { previousKeyId: a.key_id },
      });
    });
    return { ...(await this.get(ctx, id)), enrolmentCode: code };
  }

  async revoke(ctx: RequestContext, id: string): Promise<Agent> {
    await this.deps.db.transaction().execute(async (tx) => {
      const a = hasRole(ctx, 'operator') ? await repo.lock(tx, id) : await this.ownLocked(ctx, tx, id);
      if (!a) throw NotFound('agent', id);
      if (a.status === 'revoked') return;
      const at = this.deps.now();
      await repo.update(tx, id, { status: 'revoked', enrolment_hash: null, updated_at: at });
      await this.onRevoked(tx, id, at);
      await recordAudit(tx, ctx, {
        action: 'compute.agent.revoke',
        objectType: 'compute_agent',
        objectId: id,
        orgId: a.org_id,
        details: { name: a.name, keyId: a.key_id },
      });
    });
    return this.get(ctx, id);
  }

  /** Set by the factory: what else stops with an agent (its datasets are withdrawn). */
  onRevoked: (tx: ComputeDeps['db'], agentId: string, at: Date) => Promise<void> = async () => {};

  /** The agent enrols its public key with the one-time code; the code is its only credential here. */
  async enrol(ctx: RequestContext, b: z.output<typeof EnrolBody>): Promise<Agent> {
    const publicKey = b.publicKey.toLowerCase();
    try {
      parsePublicKey(publicKey);
    } catch {
      throw EnrolmentInvalid('the public key is not a point on the SM2 curve', { field: 'publicKey' });
    }
    const keyId = sm3Hex(Buffer.from(publicKey, 'hex'));
    const at = this.deps.now();
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        const a = await repo.lock(tx, b.agentId);
        const good =
          a?.status === 'pending' &&
          a.enrolment_hash === sm3Hex(b.code) &&
          a.enrolment_expires_at !== null &&
          a.enrolment_expires_at > at;
        if (!a || !good) throw EnrolmentInvalid();
        if (await repo.keyHolder(tx, keyId)) throw AgentKeyTaken();
        await repo.update(tx, a.id, {
          status: 'active',
          public_key: publicKey,
          key_id: keyId,
          enrolment_hash: null,
          enrolment_expires_at: null,
          enrolled_at: at,
          last_seen_at: at,
          software: b.software ?? null,
          updated_at: at,
        });
        await recordAudit(tx, ctx, {
          action: 'compute.agent.enrol',
          objectType: 'compute_agent',
          objectId: a.id,
          orgId: a.org_id,
          details: { keyId, software: b.software ?? null },
        });
      });
    } catch (e) {
      if (isUniqueViolation(e, 'compute_agents_key_id_key')) throw AgentKeyTaken();
      throw e;
    }
    return toAgent((await repo.find(this.deps.db, b.agentId))!, at);
  }

  /**
   * Verifies an agent's signed request: the agent active, its time within the allowed skew, the SM2 signature
   * over the signing string good under the enrolled key, the nonce new. Then the request acts as the agent.
   */
  async authenticate(r: AgentRequest): Promise<Principal> {
    const now = this.deps.now();
    const a = await repo.identity(this.deps.db, r.agentId);
    const skew = Math.abs(Date.parse(r.timestamp) - now.getTime());
    if (!a || a.status !== 'active' || !a.public_key || skew > AGENT_CLOCK_SKEW_MS)
      throw AgentSignatureInvalid();
    const message = agentSigningString(r);
    if (!sm2Verify(parsePublicKey(a.public_key), message, r.signature, a.id)) throw AgentSignatureInvalid();
    if (!(await repo.takeNonce(this.deps.db, a.id, r.nonce)))
      throw AgentSignatureInvalid('the nonce was used before: a request is taken once');
    if (!a.last_seen_at || now.getTime() - a.last_seen_at.getTime() > SEEN_EVERY_MS)
      await repo.seen(this.deps.db, a.id, now);
    return {
      kind: 'agent',
      credentialId: a.key_id!,
      userId: a.id,
      username: a.name,
      displayName: a.name,
      orgId: a.org_id,
      roles: ['agent'],
      readOnly: false,
      expiresAt: null,
    };
  }

  /** Forgets nonces older than any request time still accepted. */
  sweepNonces() {
    return repo.sweepNonces(this.deps.db, new Date(this.deps.now().getTime() - 2 * AGENT_CLOCK_SKEW_MS));
  }

  async heartbeat(ctx: RequestContext) {
    const p = requireAgent(ctx);
    await repo.seen(this.deps.db, p.userId, this.deps.now());
    return { agentId: p.userId, now: this.deps.now().toISOString() };
  }

  async list(ctx: RequestContext, q: z.output<typeof AgentQuery>): Promise<Paged<Agent>> {
    const p = requirePrincipal(ctx);
    const overseer = hasRole(ctx, 'operator', 'regulator');
    if (!overseer && q.org && q.org !== p.orgId)
      throw Forbidden('an org administrator sees their own agents');
    const orgId = overseer ? q.org : (p.orgId ?? '-');
    const { rows, total } = await repo.page(this.deps.db, { orgId, status: q.status }, q.page, q.pageSize);
    const now = this.deps.now();
    return { items: rows.map((r) => toAgent(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<Agent> {
    const a = await repo.find(this.deps.db, id);
    if (!a || !this.sees(ctx, a)) throw NotFound('agent', id);
    return toAgent(a, this.deps.now());
  }

  private sees(ctx: RequestContext, a: Pick<AgentRow, 'org_id'>) {
    return hasRole(ctx, 'operator', 'regulator') || ctx.principal?.orgId === a.org_id;
  }

  private async ownLocked(ctx: RequestContext, tx: ComputeDeps['db'], id: string) {
    const a = await repo.lock(tx, id);
    if (!a || ctx.principal?.orgId !== a.org_id) throw NotFound('agent', id);
    return a;
  }
}

/** The agent's own calls are signed with its key; a login or API token of an `agent` user is not taken here. */
export function requireAgent(ctx: RequestContext): Principal {
  const p = requirePrincipal(ctx);
  if (p.kind !== 'agent') throw AgentSignatureRequired();
  return p;
}
