/** The column types a compute catalog declares; the sandbox maps them to DuckDB types. */
export type GuardColumnType = 'integer' | 'number' | 'text' | 'date' | 'boolean';

export interface GuardColumn {
  name: string;
  type: GuardColumnType;
}

export interface GuardTable {
  name: string;
  columns: GuardColumn[];
  /** Columns the owner allows joins on; a table without them joins nothing. */
  joinKeys?: string[];
}

/** What a requester may query: the owner's tables, their columns and declared join keys. */
export interface GuardCatalog {
  tables: GuardTable[];
}

/** A catalog column, spelled as the catalog spells it. */
export interface PlanColumn {
  table: string;
  column: string;
}

export type AggregateFn = 'count' | 'sum' | 'avg' | 'var' | 'stddev';

export interface PlanAggregate {
  /** The output name: the query's alias, else one derived from the function and column. */
  alias: string;
  fn: AggregateFn;
  /** null for count(*). */
  column: string | null;
  table: string | null;
  /** Which variance the query asked for (var_pop, stddev_pop: 'pop'); null for the other functions. */
  variance: 'samp' | 'pop' | null;
}

export interface PlanGroup extends PlanColumn {
  /** The output name when the column is selected; null when it only groups. */
  alias: string | null;
}

/** One table joined to the ones before it, on declared keys. */
export interface PlanJoin {
  table: string;
  on: { left: PlanColumn; right: PlanColumn }[];
}

export interface PlanOrder {
  /** An output name (group alias or aggregate alias). */
  output: string;
  direction: 'asc' | 'desc';
}

/** The analyzed query: everything a rewrite needs, with every name taken from the catalog. */
export interface AnalysisPlan {
  /** Every table read; tables[0] is the FROM table, the rest come from `joins` in order. */
  tables: string[];
  joins: PlanJoin[];
  groupBy: PlanGroup[];
  aggregates: PlanAggregate[];
  /** The output names in SELECT order. */
  select: string[];
  /** The WHERE clause re-rendered from the parse tree over quoted catalog identifiers. */
  where: string | null;
  orderBy: PlanOrder[];
  limit: number | null;
  /** The catalog entries of the tables read, so a rewrite needs nothing else. */
  schema: GuardTable[];
}
