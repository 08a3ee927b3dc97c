import type { ApiToken } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyUsers } from '../notifications/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { credentialsRepository as credentials } from './credentials.repository.js';
import { toApiToken } from './identity.mappers.js';

type Executor = Kysely<DB>;

export async function listTokensOf(db: Executor, userId: string): Promise<ApiToken[]> {
  return (await credentials.tokensOf(db, userId)).map(toApiToken);
}

export async function revokeTokenOf(
  tx: Executor,
  ctx: RequestContext,
  user: { id: string; org_id: string | null },
  tokenId: string,
): Promise<void> {
  const p = requirePrincipal(ctx);
  const name = await credentials.revokeTokenOf(tx, user.id, tokenId);
  if (name === undefined) throw NotFound('API token', tokenId);
  await notifyUsers(tx, [user.id], {
    kind: 'identity.token_revoked',
    title: 'API 令牌已被管理员吊销',
    body: `管理员 ${p.username} 吊销了您的 API 令牌「${name}」。`,
    params: { by: p.username, tokenId, name },
  });
  await recordAudit(tx, ctx, {
    action: 'identity.token.revoke_member',
    objectType: 'api_token',
    objectId: tokenId,
    orgId: user.org_id,
    details: { userId: user.id },
  });
}
