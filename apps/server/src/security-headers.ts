import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '@shuliu/core';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** The portal's content security policy: its own scripts only, inline styles (Ant Design), no framing. */
function helmetOptions(config: Pick<Config, 'tlsOnly'>): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.tlsOnly ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // over plain HTTP these would only break the site (or pin a browser to HTTPS that is not there)
    strictTransportSecurity: config.tlsOnly ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/**
 * The security headers Helmet would set, computed once: they depend on configuration only, so running
 * Helmet on every request (as its Fastify plugin does, parsing the policy each time) is wasted work.
 */
export function securityHeaders(config: Pick<Config, 'tlsOnly'>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  let failed: unknown;
  helmet(helmetOptions(config))({} as IncomingMessage, res, (err?: unknown) => (failed = err));
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return headers;
}

/** Sets the security headers on every response; a route may still replace one (the API docs set their own CSP). */
export function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'tlsOnly'>) {
  const headers = securityHeaders(config);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
