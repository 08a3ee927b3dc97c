import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { demo, loadConfig, type Config, type Database } from '@shuliu/core';
import { createTestDatabase } from '@shuliu/core/testing';
import type { Resource } from '@shuliu/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { startServer, type RunningServer } from './start.js';

export interface TestReply<T> {
  status: number;
  /** The JSON answer, or the raw text for anything else (file downloads). */
  body: T;
  raw: LightMyRequestResponse;
}

export interface TestServer extends RunningServer {
  /** Logs a demo user in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** An in-process request, as the demo user `as` (logged in once and remembered) or anonymously. */
  call<T = unknown>(method: string, url: string, as?: string, payload?: unknown): Promise<TestReply<T>>;
  /** A draft catalog resource of `as`'s org: an organization's data in finance, updated monthly, and `over`. */
  resource(as: string, title: string, over?: Record<string, unknown>): Promise<Resource>;
  /** Uploads a data file to a resource as `as` (202 once accepted; profiling runs in the background). */
  upload(
    resourceId: string,
    name: string,
    body: Buffer | string,
    as: string,
  ): Promise<LightMyRequestResponse>;
}

/**
 * A server on a fresh test database (PGlite, or a schema of its own on DATABASE_URL's PostgreSQL)
 * seeded with the demo platform. `listen` serves on a random loopback port for browser and load tests.
 */
export async function startTestServer(
  opts: { listen?: boolean; config?: Partial<Config>; demo?: boolean } = {},
): Promise<TestServer> {
  const database: Database = await createTestDatabase({ poolSize: opts.config?.dbPoolSize });
  // uploaded files of a test server live in a directory of their own, removed with it
  const blobDir = opts.config?.blobDir ?? (await mkdtemp(join(tmpdir(), 'shuliu-test-blobs-')));
  // tests log in and sign up far more often than a person: the limits are proven by tests that set them back
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      loginRateLimitPerMinute: 0,
      publicWriteRateLimitPerMinute: 0,
      ...opts.config,
      blobDir,
    },
  );
  const server = await startServer({
    config,
    database,
    demo: opts.demo ?? true,
    demoRegistry: false,
    listen: opts.listen ?? false,
    logger: false,
  });
  const tokens = new Map<string, string>();
  const login = async (username: string, password = demo.DEMO_PASSWORD) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
    return (res.json() as { token: string }).token;
  };
  const call = async <T>(method: string, url: string, as?: string, payload?: unknown) => {
    if (as && !tokens.has(as)) tokens.set(as, await login(as));
    const res = await server.app.inject({
      method: method as 'GET',
      url,
      ...(payload !== undefined && { payload: payload as object }),
      headers: as ? { authorization: `Bearer ${tokens.get(as)}` } : {},
    });
    const json = res.headers['content-type']?.toString().includes('json');
    return { status: res.statusCode, body: (json ? res.json() : res.body) as T, raw: res };
  };
  return {
    ...server,
    close: async () => {
      await server.close();
      await database.close();
      if (!opts.config?.blobDir) await rm(blobDir, { recursive: true, force: true });
    },
    call,
    login,
    resource: async (as, title, over = {}) => {
      const r = await call<Resource>('POST', '/api/catalog/resources', as, {
        title,
        description: `${title}：测试用的资源描述，按月更新。`,
        sectorCode: 'finance',
        subjectType: 'organization',
        sourceKind: 'collected',
        sourceMethod: '业务系统采集',
        updateFrequency: 'monthly',
        ...over,
      });
      if (r.status !== 201)
        throw new Error(`resource ${title} as ${as}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    upload: async (resourceId, name, body, as) => {
      if (!tokens.has(as)) tokens.set(as, await login(as));
      return server.app.inject({
        method: 'POST',
        url: `/api/catalog/resources/${resourceId}/files?name=${encodeURIComponent(name)}`,
        payload: body,
        headers: { authorization: `Bearer ${tokens.get(as)}`, 'content-type': 'application/octet-stream' },
      });
    },
  };
}

const BIN = join(import.meta.dirname, '../../cli/bin/shuliu.mjs');

/**
 * `shuliu serve` as a process of its own on the database at `url`, for tests of several processes on one
 * PostgreSQL. Processes that share a database share the master key their sealed keys need.
 */
export async function spawnServer(
  url: string,
  o: { demo?: boolean; masterKey?: string } = {},
): Promise<{ child: ChildProcess; base: string }> {
  const args = ['serve', '--port', '0', '--host', '127.0.0.1', ...(o.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      SHULIU_LOG_LEVEL: 'warn',
      SHULIU_MASTER_KEY: o.masterKey ?? '9e'.repeat(32),
    },
  });
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = /serving on (http:\/\/\S+)/.exec(l);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return { child, base };
}

/** Two `shuliu serve` processes on one fresh PostgreSQL database, the first of them seeding the demo. */
export async function twoServers() {
  const database = await createTestDatabase();
  const a = await spawnServer(database.url!, { demo: true });
  const b = await spawnServer(database.url!).catch((e: unknown) => {
    a.child.kill('SIGTERM');
    throw e;
  });
  return {
    a,
    b,
    url: database.url!,
    close: async () => {
      for (const p of [a, b]) p.child.kill('SIGTERM');
      await database.close();
    },
  };
}
