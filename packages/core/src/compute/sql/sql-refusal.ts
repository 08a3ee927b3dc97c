// The reasons a compute job's SQL is refused (issue 18, "Compute-to-data"). Each key is a rule the requester
// sees by name; the value is the short English reason printed after it.

export const REFUSAL_RULES = {
  /** Issue 18: the SQL text is longer, or nested deeper, than the analyzer reads. */
  too_long: 'the query is too long or too deeply nested',
  /** Issue 18: DuckDB's parser cannot read the text; its own message follows. */
  malformed: 'the query does not parse',
  /** Issue 18: one SELECT statement only. */
  one_select: 'exactly one SELECT statement is allowed',
  /** Issue 18: no ATTACH, COPY, INSTALL/LOAD, PRAGMA, SET, CREATE, EXPLAIN, PIVOT, SUMMARIZE, DESCRIBE, SHOW. */
  statement_kind: 'only a plain SELECT is allowed',
  /** Issue 18: no sampling (USING SAMPLE, TABLESAMPLE): a sample can single a row out. */
  sampling: 'sampling is not allowed',
  /** Issue 18: no table functions (read_csv, range, …) in FROM. */
  table_function: 'table functions are not allowed',
  /** Issue 18: no system catalogs, settings or duckdb_*() functions. */
  system_catalog: 'system catalogs and settings are not readable',
  /** Issue 18: only the allow-listed functions; UDFs and macros are refused. */
  function_not_allowed: 'the function is not allowed',
  /** Issue 18: no file paths or URLs in place of a table. */
  file_or_url: 'files and URLs are not readable',
  /** Issue 18: a table outside the owner's catalog. */
  unknown_table: 'the table is not in the catalog',
  /** Issue 18: a column outside the owner's catalog. */
  unknown_column: 'the column is not in the catalog',
  /** Issue 18: a column name that more than one joined table has must be qualified. */
  ambiguous_column: 'the column name is ambiguous',
  /** Issue 18: joins only INNER JOIN … ON a.k = b.k, on keys the owner declared. */
  join_not_declared: 'joins are allowed only on declared keys',
  /** Issue 18: aggregates only; a non-aggregate output must be a GROUP BY column. */
  row_level_output: 'the query would return row-level values',
  /** Issue 18: aggregates that return an individual's value (list, min, max, mode, …) count as row-level. */
  individual_aggregate: "the aggregate returns an individual's value",
  /** Issue 18: DISTINCT aggregates cannot be bounded per privacy unit. */
  distinct_aggregate: 'DISTINCT aggregates are not allowed',
  /** Issue 18: sum, avg, var and stddev need a numeric column. */
  column_type: 'the aggregate needs a numeric column',
  /** Issue 18: the release policy decides which groups are shown, so HAVING is refused. */
  having: 'HAVING is not allowed; the release policy decides which groups are shown',
  /** Issue 18: GROUP BY lists plain columns (no ROLLUP, CUBE, GROUPING SETS, ALL or positions). */
  group_by: 'GROUP BY must list plain columns',
  /** Issue 18: ORDER BY names output columns only. */
  order_by: 'ORDER BY must name output columns',
  /** Issue 18: LIMIT is one non-negative integer constant, without OFFSET or percent. */
  limit: 'LIMIT must be a non-negative integer constant',
  /** Issue 18: no subqueries or CTEs. */
  subquery: 'subqueries and CTEs are not allowed',
  /** Issue 18: no window functions. */
  window_function: 'window functions are not allowed',
  /** Issue 18: no UNION, INTERSECT or EXCEPT. */
  set_operation: 'set operations are not allowed',
  /** Issue 18: anything else outside the allow-list (parameters, lambdas, stars, collations, …). */
  unsupported: 'the construct is outside the allowed subset',
  /** Issue 18: every aggregated numeric column needs declared bounds before it is clamped. */
  bounds_missing: 'the aggregated column has no declared bounds',
  /** Issue 18 (anonymized export): k at least the release policy's minimum group size. */
  k_below_policy: "k is below the release policy's minimum group size",
  /** Issue 18 (anonymized export): the privacy unit names the person or entity itself; it never leaves. */
  privacy_unit_exported: 'the privacy unit column cannot be exported',
  /** Issue 18 (anonymized export): a kept column holds personal identifiers in the clear. */
  identifier_kept: 'a kept column holds personal identifiers',
  /** Issue 18 (anonymized export): a hierarchy that cannot generalize its column. */
  hierarchy_invalid: 'the generalization hierarchy is not valid',
  /** Issue 18 (anonymized export): l-diversity and t-closeness look at a sensitive column. */
  sensitive_missing: 'l-diversity and t-closeness need a sensitive column',
  /** Issue 18 (anonymized export): the product of the hierarchies' heights is more than is searched. */
  lattice_too_large: 'the generalization lattice is too large',
  /** Issue 18 (anonymized export): no transformation meets the criteria within the suppression limit. */
  unsatisfiable: 'no transformation meets the criteria within the suppression limit',
  /** Issue 18 (authorization): the contract or grant a queued job relied on ended before it ran. */
  basis_lapsed: 'the contract or grant the job relied on no longer holds',
  /** Issue 18 (PSI): the identifier column must be one of the join keys its holder declared. */
  psi_not_join_key: 'the column is not a declared join key of the dataset',
  /** Issue 18 (PSI): the consumer's side is its own dataset, held by an agent of its own. */
  psi_not_own: "the other side of the intersection must be the consumer's own dataset",
  /** Issue 18 (PSI): a side with fewer distinct identifiers than k would single persons out. */
  psi_set_too_small: 'a side holds fewer distinct identifiers than the minimum group size',
  /** Issue 18 (PSI): a side holds more distinct identifiers than one job intersects. */
  psi_set_too_large: 'a side holds more identifiers than one intersection takes',
  /** Issue 18 (PSI): more matches than a result holds are revealed by size only. */
  psi_too_many_ids: 'more identifiers match than one result lists',
  /** Issue 18 (joint statistics): each dataset once, every one naming the columns the statistic reads. */
  joint_mismatch: "the joint statistic's datasets do not all hold its columns",
  /** Issue 18 (joint statistics): a dataset of another holder whose results that holder reviews first. */
  joint_manual_release:
    "a dataset of another holder needs its reviewer's release, which a joint statistic cannot wait for",
  /** Issue 18 (joint statistics): a dataset's local aggregate has more groups than are read back. */
  joint_too_many_groups: 'the grouping column has more distinct values than a local aggregate reads',
  /** Issue 18 (authorization): on another org's personal data, no person has live consent to the scenario. */
  no_consent: 'no person has live consent to the scenario version',
} as const;

export type RefusalRule = keyof typeof REFUSAL_RULES;

/** A compute query refused by the allow-list; `rule` names the rule, the message names the construct. */
export class QueryRefused extends Error {
  readonly rule: RefusalRule;
  constructor(rule: RefusalRule, detail?: string) {
    super(`${rule}: ${detail ?? REFUSAL_RULES[rule]}`);
    this.name = 'QueryRefused';
    this.rule = rule;
  }
}

/** Throws the refusal; typed `never` so the walkers read as straight-line checks. */
export function refuse(rule: RefusalRule, detail?: string): never {
  throw new QueryRefused(rule, detail);
}
