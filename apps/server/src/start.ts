import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createServices,
  demo,
  identity,
  loadConfig,
  migrate,
  openDatabase,
  platformJobs,
  startJobs,
  type Config,
  type Database,
  type Services,
} from '@shuliu/core';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app.js';

const here = dirname(fileURLToPath(import.meta.url));
export const VERSION: string = (
  JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')) as { version: string }
).version;
export const DEFAULT_WEB_DIST = join(here, '../../web/dist');

export interface StartOptions {
  config?: Config;
  /** Use a throw-away in-memory PGlite (tests, e2e) instead of ./data or DATABASE_URL. */
  memory?: boolean;
  /** An already opened database (tests isolate themselves in a schema). */
  database?: Database;
  /** Seed the demo on an empty database. */
  demo?: boolean;
  /** With the demo: also the registrations and consent grants (test servers leave them out and make their own). */
  demoRegistry?: boolean;
  listen?: boolean;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  database: Database;
  services: Services;
  close(): Promise<void>;
}

/** Opens the database, migrates, optionally seeds the demo, and serves the API and the portal. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const config = opts.config ?? loadConfig();
  const database =
    opts.database ??
    (await openDatabase(
      opts.memory
        ? { dataDir: 'memory' }
        : { url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize },
    ));
  try {
    await migrate(database.db);
    if (opts.demo ?? config.demo)
      await demo.seedDemo(database.db, config, { registry: opts.demoRegistry ?? true });
    const services = createServices(database.db, config);
    // profiling that a stopped process left unfinished starts again here
    await services.catalog.files.resumePending();
    // and quality runs left in line
    await services.quality.reports.resumePending();
    const app = await buildApp({
      services,
      config,
      dbKind: database.kind,
      version: VERSION,
      webDist: config.webDist ?? DEFAULT_WEB_DIST,
      logger: opts.logger,
    });
    let url = '';
    if (opts.listen !== false) {
      await app.listen({ port: config.port, host: config.host });
      const addr = app.server.address();
      url =
        typeof addr === 'object' && addr
          ? `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`
          : '';
    } else {
      await app.ready();
    }
    // authenticated reads come from memory while the database's change announcements are followed
    const unfollow = await identity.followPrincipalChanges(database, services.identity.auth.principals);
    // the periodic jobs (anchoring, expiry, snapshots), each run by one process at a time
    const stopJobs = startJobs(database.db, database.kind, platformJobs(services, config), (job, err) =>
      app.log.error({ err, job: job.name }, 'a background job failed'),
    );
    let closed = false;
    return {
      app,
      url,
      database,
      services,
      close: async () => {
        if (closed) return;
        closed = true;
        stopJobs();
        await unfollow();
        await app.close();
        // background jobs finish their current file before the database goes away
        await services.catalog.masking.idle();
        await services.catalog.files.idle();
        // and the quality runs their files started (a run cut short is failed by the next start's sweep)
        await services.quality.reports.idle();
        if (!opts.database) await database.close();
      },
    };
  } catch (e) {
    if (!opts.database) await database.close();
    throw e;
  }
}
