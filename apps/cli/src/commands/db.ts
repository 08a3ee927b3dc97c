import type { Config, Database } from '@shuliu/core';

/** Opens the configured database (PGlite in ./data unless DATABASE_URL is set), runs `fn`, always closes. */
export async function withDatabase<T>(
  fn: (db: Database, config: Config) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const { loadConfig, migrate, openDatabase } = await import('@shuliu/core');
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (opts.migrate !== false) await migrate(database.db);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
