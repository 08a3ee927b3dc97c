import {
  sql,
  type CompiledQuery,
  type Compilable,
  type InferResult,
  type Kysely,
  type SelectQueryBuilder,
} from 'kysely';
import { markPrepared } from '../db/prepared.js';

/** A PostgreSQL unique violation (23505), optionally of one named constraint: the loser of a race to insert. */
export const isUniqueViolation = (e: unknown, constraint?: string) => {
  const x = e as { code?: string; constraint?: string } | null | undefined;
  return x?.code === '23505' && (!constraint || x.constraint === constraint);
};

/** A PostgreSQL check violation (23514) of one named constraint. */
export const isCheckViolation = (e: unknown, constraint: string) => {
  const x = e as { code?: string; constraint?: string } | null | undefined;
  return x?.code === '23514' && x.constraint === constraint;
};

/**
 * The column holding an id, for a correlated subquery in another domain's read helper (identity.reads.ts):
 * quoted as an identifier, and qualified by its table or alias, since an unqualified name could bind to a
 * column of the subquery's own table instead.
 */
export function qualifiedRef(ref: string) {
  if (!ref.includes('.')) throw new Error(`qualify the column holding the id with its table: ${ref}`);
  return sql.ref(ref);
}

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A query compiled once per database and then run with fresh parameters: for the hottest paths (every
 * authenticated request), where building the query each time costs more than running it.
 * `build` must place its parameters in the order they are later given.
 */
export function preparedQuery<DB, Q extends Compilable<unknown>>(build: (db: Kysely<DB>) => Q) {
  const cache = new WeakMap<Kysely<DB>, CompiledQuery>();
  return async (db: Kysely<DB>, ...parameters: unknown[]): Promise<InferResult<Q>> => {
    let compiled = cache.get(db);
    if (!compiled) {
      compiled = build(db).compile();
      markPrepared(compiled.sql);
      cache.set(db, compiled);
    }
    const res = await db.executeQuery<InferResult<Q>[number]>({ ...compiled, parameters });
    return res.rows as InferResult<Q>;
  };
}

/**
 * One page of an ordered query and the total it pages through: the rows at LIMIT/OFFSET and, beside them, the
 * same query counted (its selection and order dropped).
 */
export async function pageOf<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  page: number,
  size: number,
): Promise<{ rows: O[]; total: number }> {
  const counted = q
    .clearSelect()
    .clearOrderBy()
    .select(sql<string>`count(*)`.as('n')) as unknown as SelectQueryBuilder<DB, TB, { n: string }>;
  const [rows, total] = await Promise.all([
    q
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
    counted.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
