import type { Executor } from './compute.support.js';

/*
 * How other domains read the compute tables: the one way they may (lint rule shuliu/domain-tables).
 */

/** A catalog resource's data as held in a domain: the active dataset linked to it and its active agent. */
export interface HeldDataset {
  datasetId: string;
  agentId: string;
  name: string;
}

/**
 * The dataset an active agent holds for this resource, or null (the resource's data is not held in a domain).
 * Several datasets linked to one resource: the one reported most recently.
 */
export async function heldDatasetOf(db: Executor, resourceId: string): Promise<HeldDataset | null> {
  const r = await db
    .selectFrom('compute_datasets as d')
    .innerJoin('compute_agents as a', 'a.id', 'd.agent_id')
    .select(['d.id', 'd.agent_id', 'd.name'])
    .where('d.resource_id', '=', resourceId)
    .where('d.status', '=', 'active')
    .where('a.status', '=', 'active')
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id')
    .limit(1)
    .executeTakeFirst();
  return r ? { datasetId: r.id, agentId: r.agent_id, name: r.name } : null;
}

/** The dataset, when it is still active and held by this agent (a run is leased only then). */
export async function activeDatasetOfAgent(
  db: Executor,
  datasetId: string,
  agentId: string,
): Promise<{ name: string } | null> {
  const r = await db
    .selectFrom('compute_datasets')
    .select('name')
    .where('id', '=', datasetId)
    .where('agent_id', '=', agentId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return r ?? null;
}

/** The enrolled key an agent's signatures verify under (null: the agent is not active). */
export async function agentVerifyKey(
  db: Executor,
  agentId: string,
): Promise<{ publicKey: string; keyId: string | null } | null> {
  const r = await db
    .selectFrom('compute_agents')
    .select(['public_key', 'key_id', 'status'])
    .where('id', '=', agentId)
    .executeTakeFirst();
  return r?.public_key && r.status === 'active' ? { publicKey: r.public_key, keyId: r.key_id } : null;
}
