import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ConsentChecksTable } from './consent.tables.js';

type Row = Insertable<ConsentChecksTable>;
interface Waiter {
  row: Row;
  done: () => void;
  fail: (e: unknown) => void;
}

// PostgreSQL text cannot hold U+0000; a field name carrying one would otherwise fail its whole batch for ever
const storable = (row: Row): Row =>
  row.fields.some((f) => f.includes('\0'))
    ? { ...row, fields: row.fields.map((f) => f.replaceAll('\0', '\uFFFD')) }
    : row;

/**
 * The log of consent.check decisions (PIPL Art. 45: who used a person's data is the person's to read). A
 * check is answered only once its row is committed. Inside the caller's transaction the row commits with the
 * data access it guards; a standalone check joins a group commit: rows that arrive while a write is in flight
 * wait for the next one, so concurrent checks share one multi-row INSERT and one commit instead of paying a
 * WAL flush each, and nothing answered can be lost to a crash. A write the database refuses fails the checks
 * in it — an unrecorded decision is never handed out.
 */
export class CheckLog {
  private queue: Waiter[] = [];
  private inFlight = 0;
  private drained: (() => void)[] = [];
  /** Failed writes so far, and the last reason: what a health check or an operator reads. */
  failures = 0;
  lastError: unknown = null;

  constructor(
    private readonly db: Kysely<DB>,
    /** Rows in one INSERT at most. */
    private readonly maxRows = 1000,
    /** Writes in flight at once. One is fastest measured: while it commits, the next group gathers and grows. */
    private readonly maxInFlight = 1,
  ) {}

  /** Rows waiting for a write to start. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves once the row is committed; rejects (with the database's error) if it could not be. */
  write(row: Row, tx?: Kysely<DB>): Promise<void> {
    if (tx)
      return tx
        .insertInto('consent_checks')
        .values(storable(row))
        .execute()
        .then(() => undefined);
    return new Promise<void>((done, fail) => {
      this.queue.push({ row: storable(row), done, fail });
      this.pump();
    });
  }

  /** Resolves when every row handed in so far has been written (or refused). */
  flush(): Promise<void> {
    if (!this.queue.length && !this.inFlight) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private pump() {
    while (this.queue.length && this.inFlight < this.maxInFlight) {
      const group = this.queue.splice(0, this.maxRows);
      this.inFlight += 1;
      void this.commit(group).finally(() => {
        this.inFlight -= 1;
        this.pump();
        if (!this.queue.length && !this.inFlight) for (const resolve of this.drained.splice(0)) resolve();
      });
    }
  }

  private async commit(group: Waiter[]) {
    try {
      await this.db
        .insertInto('consent_checks')
        .values(group.map((w) => w.row))
        .execute();
    } catch (e) {
      this.failures += 1;
      this.lastError = e;
      for (const w of group) w.fail(e);
      return;
    }
    for (const w of group) w.done();
  }
}
