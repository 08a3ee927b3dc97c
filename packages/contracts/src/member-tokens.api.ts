import { z } from 'zod';
import { Id, IdParams, Ok } from './common.js';
import { ApiToken } from './identity.js';
import { defineRoute, roles } from './route.js';

/** An org_admin (or the platform operator) reviews and revokes an org member's API tokens. */
export const memberTokenRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/users/:id/tokens',
    summary: 'An org member’s API tokens',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    params: IdParams('usr'),
    response: z.object({ items: z.array(ApiToken) }),
  }),
  revoke: defineRoute({
    method: 'DELETE',
    path: '/api/users/:id/tokens/:tokenId',
    summary: 'Revoke an org member’s API token (they are notified)',
    tags: ['users'],
    access: roles('operator', 'org_admin'),
    params: z.strictObject({ id: Id('usr'), tokenId: Id('tok') }),
    response: Ok,
    audit: 'identity.token.revoke_member',
  }),
};
