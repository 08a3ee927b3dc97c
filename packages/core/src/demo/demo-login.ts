import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { DEMO_PASSWORD } from './demo-data.js';

/** A demo user's request context, obtained through the real login (so sessions and audit look as in use). */
export async function loginAs(
  s: Services,
  username: string,
  requestId = 'demo-seed',
): Promise<RequestContext> {
  const base: RequestContext = {
    requestId,
    ip: '127.0.0.1',
    userAgent: 'shuliu-demo',
    principal: null,
    audited: false,
  };
  const { token } = await s.identity.auth.login({ ...base }, username, DEMO_PASSWORD);
  const found = await s.identity.auth.authenticate(token);
  return { ...base, principal: found!.principal };
}
