import type { z } from 'zod';
import type { Role } from './identity.js';

/** Who may call a route. Every route declares one; the server enforces it and the OpenAPI document shows it. */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] }
  /** A compute agent's own call, signed with its enrolled SM2 key (no login or API token is taken). */
  | { kind: 'agent' };

export const publicAccess: Access = { kind: 'public' };
export const authenticated: Access = { kind: 'authenticated' };
export const agentSigned: Access = { kind: 'agent' };
export const roles = (...r: Role[]): Access => ({ kind: 'roles', roles: r });

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify path syntax, e.g. `/api/orgs/:id`. */
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Success status (200 unless given). */
  status?: 200 | 201 | 202 | 204;
  /** The audit action a state-changing route records, e.g. `identity.org.approve`. */
  audit?: string;
  /** The body is a raw byte stream (`application/octet-stream`), handed to the handler unread. */
  upload?: true;
  /** The success response is a file (bytes with its own content type), not JSON. */
  download?: true;
}

export function defineRoute<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodType,
>(def: RouteContract<P, Q, B, R>): RouteContract<P, Q, B, R> {
  if (def.method !== 'GET' && !def.audit)
    throw new Error(`route ${def.method} ${def.path} must name its audit action`);
  return def;
}

export type Params<C> =
  C extends RouteContract<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.input<P> : never;
export type Query<C> = C extends RouteContract<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.input<Q> : never;
export type Body<C> = C extends RouteContract<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.input<B> : never;
export type Reply<C> =
  C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;
