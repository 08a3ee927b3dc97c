import { rmSync, writeFileSync } from 'node:fs';
import { migrate, openDatabase } from '@shuliu/core';
import { PGLITE_TEMPLATE, testDbKind } from '@shuliu/core/testing';

/** Prepares one migrated PGlite data directory that every test file starts from (initdb takes seconds). */
export default async function setup() {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory' });
    await migrate(database.db);
    const dump = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  console.log(
    `integration tests run on ${testDbKind() === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`,
  );
  return () => rmSync(PGLITE_TEMPLATE, { force: true });
}
