import type { Config } from '@shuliu/core';
import type { FastifyInstance } from 'fastify';

/**
 * The URL absolute identifiers (DCAT `@id`s) are built on: `SHULIU_PUBLIC_URL`, else the address the server
 * listens on. Never the request's `Host` header, which any caller sets to anything.
 */
export function publicUrl(app: FastifyInstance, config: Config): () => string {
  return () => {
    if (config.publicUrl) return config.publicUrl;
    const addr = app.server.address();
    const at = typeof addr === 'object' && addr ? addr : { address: config.host, port: config.port };
    const host = at.address.includes(':') ? `[${at.address}]` : at.address;
    return `http://${host}:${at.port}`;
  };
}
