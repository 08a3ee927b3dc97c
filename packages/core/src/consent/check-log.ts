import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ConsentChecksTable } from './consent.tables.js';

type Row = Insertable<ConsentChecksTable>;

// PostgreSQL text cannot hold U+0000; a field name carrying one would otherwise fail its whole batch for ever
const storable = (row: Row): Row =>
  row.fields.some((f) => f.includes('\0'))
    ? { ...row, fields: row.fields.map((f) => f.replaceAll('\0', '\uFFFD')) }
    : row;

/**
 * The log of consent.check decisions. A check inside the caller's transaction logs in it (the data access and
 * its check commit together); a standalone check queues its row, written in one multi-row insert every
 * `intervalMs` or `maxRows` and on close — so a check costs one read, not a write and a WAL flush. A process
 * killed with -9 can lose at most one interval of log rows, never a grant or a revocation.
 */
export class CheckLog {
  private pending: Row[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Failed writes so far, and the last reason: what a health check or an operator reads. */
  failures = 0;
  lastError: unknown = null;
  /** Rows given up because the database stayed away while more than `maxPending` waited: the oldest go. */
  dropped = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly intervalMs = 100,
    private readonly maxRows = 1000,
    private readonly maxPending = 100_000,
  ) {}

  /** Rows queued and not yet committed. */
  get waiting(): number {
    return this.pending.length;
  }

  async write(row: Row, tx?: Kysely<DB>): Promise<void> {
    if (tx) {
      await tx.insertInto('consent_checks').values(storable(row)).execute();
      return;
    }
    this.pending.push(storable(row));
    this.bound();
    if (this.pending.length >= this.maxRows) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes every queued row; resolves when they are committed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.pending;
    this.pending = [];
    if (rows.length)
      this.flushing = this.flushing.then(() =>
        this.db
          .insertInto('consent_checks')
          .values(rows)
          .execute()
          .then(
            () => undefined,
            (e: unknown) => {
              // the database refused (or was away): keep the rows for the next flush rather than drop them,
              // and keep the chain settled so later flushes still write and nothing rejects unhandled
              this.pending.unshift(...rows);
              this.bound();
              this.failures += 1;
              this.lastError = e;
              if (!this.timer) {
                this.timer = setTimeout(() => void this.flush(), this.intervalMs * 10);
                this.timer.unref();
              }
            },
          ),
      );
    return this.flushing;
  }

  // a database away for long must not take the process's memory with it
  private bound() {
    const over = this.pending.length - this.maxPending;
    if (over > 0) {
      this.pending.splice(0, over);
      this.dropped += over;
    }
  }
}
