import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notifyUsers, type NewNotification } from '../notifications/index.js';
import { memberIds } from './identity.reads.js';

/**
 * Sends a message to the active users of an org who hold any of `roles` (every active user when none given).
 * Here rather than in notifications because who belongs to an org is identity's to answer.
 */
export async function notifyOrg(
  tx: Kysely<DB>,
  orgId: string,
  roles: string[],
  n: NewNotification,
): Promise<void> {
  await notifyUsers(tx, await memberIds(tx, orgId, roles), n);
}
