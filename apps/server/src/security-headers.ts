import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '@shuliu/core';
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
function helmetHeaders(config: Pick<Config, 'tlsOnly'>): Record<string, string> {
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

export interface SecurityHeaders {
  /** The portal's pages and files (and the API docs, a page): Helmet's full set. */
  portal: Record<string, string>;
  /**
   * JSON API answers, which a browser never renders as a page (OWASP REST Security Cheat Sheet): a policy
   * that allows nothing and no framing, no sniffing, no referrer, same-origin reads, and HSTS over TLS.
   * The rest of Helmet's set speaks to pages; leaving it off is a quarter of a small answer's cost.
   */
  api: Record<string, string>;
}

export function securityHeaders(config: Pick<Config, 'tlsOnly'>): SecurityHeaders {
  const portal = helmetHeaders(config);
  const api: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  };
  const hsts = portal['strict-transport-security'];
  if (hsts) api['strict-transport-security'] = hsts;
  return { portal, api };
}

/**
 * Whether a request path is answered by the JSON API (the interactive API docs are a page) or the API gateway,
 * whose upstream answers must never run as pages of the platform's origin.
 */
export const isApiPath = (url: string) =>
  (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url.startsWith('/gateway/');
