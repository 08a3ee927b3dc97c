import type { Role } from '@shuliu/contracts';
import { Unauthenticated } from './errors.js';

/** Who is calling: a logged-in user through a session, or a machine through a scoped API token. */
export interface Principal {
  kind: 'session' | 'api_token' | 'agent';
  credentialId: string;
  userId: string;
  username: string;
  displayName: string;
  orgId: string | null;
  /** Effective roles: for API tokens, the token's scopes intersected with the user's current roles. */
  roles: Role[];
  readOnly: boolean;
  expiresAt: Date | null;
  /** After an administrator's reset: only choosing a new password (and reading oneself, logging out) is allowed. */
  mustChangePassword?: boolean;
}

/** What every service call knows about the request it serves; audit events are built from it. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  principal: Principal | null;
  /** Set once a service has written the audit event of this request. */
  audited: boolean;
}

export const systemContext = (requestId: string | null = null): RequestContext => ({
  requestId,
  ip: null,
  userAgent: 'shuliu-cli',
  principal: null,
  audited: false,
});

export const hasRole = (ctx: RequestContext, ...roles: Role[]) =>
  !!ctx.principal && ctx.principal.roles.some((r) => roles.includes(r));

/** The caller, or a 401 when the request carries no valid credential. */
export function requirePrincipal(ctx: RequestContext): Principal {
  if (!ctx.principal) throw Unauthenticated();
  return ctx.principal;
}
