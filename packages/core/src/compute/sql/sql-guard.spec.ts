import { describe, expect, it } from 'vitest';
import { QueryRefused, type RefusalRule, analyzeQuery } from './sql-guard.js';
import { catalog } from './sql-guard.fixtures.js';

async function refusal(sql: string): Promise<QueryRefused> {
  try {
    await analyzeQuery(sql, catalog);
  } catch (e) {
    if (e instanceof QueryRefused) return e;
    throw e;
  }
  throw new Error(`not refused: ${sql}`);
}

// Each escape class of issue 18, with the rule that must refuse it and a word the message must name.
const ESCAPES: Record<string, [sql: string, rule: RefusalRule, names: string][]> = {
  'file and URL reads': [
    ["select count(*) from read_csv('/etc/passwd')", 'table_function', 'read_csv'],
    ["select count(*) from read_text('/etc/passwd')", 'table_function', 'read_text'],
    ["select count(*) from '/etc/passwd'", 'file_or_url', '/etc/passwd'],
    ["select count(*) from 'data.csv'", 'file_or_url', 'data.csv'],
    ["select count(*) from 'https://example.com/x.parquet'", 'file_or_url', 'https://'],
    ["copy people to '/tmp/people.csv'", 'statement_kind', 'COPY'],
  ],
  network: [
    ["select count(*) from read_parquet('s3://bucket/x.parquet')", 'table_function', 'read_parquet'],
    ["select count(*) from 'http://10.0.0.1/x.csv'", 'file_or_url', 'http://'],
    ["attach 'https://example.com/db.duckdb' as remote", 'statement_kind', 'ATTACH'],
  ],
  extensions: [
    ['install httpfs', 'statement_kind', 'INSTALL'],
    ['load httpfs', 'statement_kind', 'LOAD'],
    ['force install shellfs from community', 'statement_kind', 'FORCE'],
    ['select count(*) from duckdb_extensions()', 'system_catalog', 'duckdb_extensions'],
  ],
  'catalog and settings probing': [
    ['select count(*) from duckdb_tables()', 'system_catalog', 'duckdb_tables'],
    ['select count(*) from duckdb_settings()', 'system_catalog', 'duckdb_settings'],
    ['select count(*) from information_schema.columns', 'system_catalog', 'information_schema'],
    ['select count(*) from pg_catalog.pg_class', 'system_catalog', 'pg_class'],
    ['select count(*) from sqlite_master', 'system_catalog', 'sqlite_master'],
    ["select current_setting('threads'), count(*) from people", 'system_catalog', 'current_setting'],
    [
      "select count(*) from people where current_setting('threads') = '1'",
      'system_catalog',
      'current_setting',
    ],
    ["select current_setting('threads')", 'system_catalog', 'current_setting'],
    ['select version(), count(*) from people', 'system_catalog', 'version'],
    ['pragma database_list', 'statement_kind', 'PRAGMA'],
    ['set enable_external_access = true', 'statement_kind', 'SET'],
    ['reset threads', 'statement_kind', 'RESET'],
    ['call duckdb_settings()', 'statement_kind', 'CALL'],
    ['show tables', 'statement_kind', 'SHOW'],
    ['describe people', 'statement_kind', 'DESCRIBE'],
    ['summarize people', 'statement_kind', 'SUMMARIZE'],
  ],
  macros: [
    ['create macro leak(x) as x', 'statement_kind', 'CREATE'],
    ['create or replace temp macro t(x) as table select 1', 'statement_kind', 'CREATE'],
    ['select leak(age), count(*) from people group by age', 'function_not_allowed', 'leak'],
    ['select count(*) from people where leak(age) = 1', 'function_not_allowed', 'leak'],
    ['select count(*) from people where main.abs(age) = 1', 'function_not_allowed', 'abs'],
  ],
  'row-level leaks': [
    ['select * from people', 'row_level_output', '*'],
    ["select columns('a.*') from people", 'row_level_output', 'COLUMNS'],
    ['select age from people', 'row_level_output', 'people.age'],
    ['select age, count(*) from people', 'row_level_output', 'people.age'],
    ['select sex from people group by sex', 'row_level_output', 'no aggregate'],
    ['select age + 1, count(*) from people group by age', 'row_level_output', 'select item 1'],
    ['select list(age) from people', 'individual_aggregate', 'list'],
    ["select string_agg(sex, ',') from people", 'individual_aggregate', 'string_agg'],
    ['select first(age) from people', 'individual_aggregate', 'first'],
    ['select any_value(age) from people', 'individual_aggregate', 'any_value'],
    ['select arg_max(id, age) from people', 'individual_aggregate', 'arg_max'],
    ['select mode(age) from people', 'individual_aggregate', 'mode'],
    ['select min(age) from people', 'individual_aggregate', 'min'],
    ['select max(age) from people', 'individual_aggregate', 'max'],
    ['select median(age) from people', 'individual_aggregate', 'median'],
    ['select quantile_cont(age, 0.5) from people', 'individual_aggregate', 'quantile_cont'],
    ['select max(age) + 0 from people', 'individual_aggregate', 'max'],
    ['select sum(age) / count(*) from people', 'unsupported', 'over aggregates'],
    ['select count(distinct id) from people', 'distinct_aggregate', 'count'],
    ['select sum(age) over () from people', 'window_function', 'sum'],
    ['select count(*) from people qualify row_number() over () = 1', 'window_function', 'QUALIFY'],
    ['select sex, count(*) from people group by sex having count(*) = 1', 'having', 'HAVING'],
    ['select count(*) from people using sample 10%', 'sampling', 'SAMPLE'],
    ['select count(*) from people tablesample 5', 'sampling', 'people'],
    ['select sum(sex) from people', 'column_type', 'sex'],
    ['select sum(age) filter (where sex = 1) from people', 'unsupported', 'FILTER'],
    ['select sum(age * 2) from people', 'unsupported', 'one column'],
  ],
  'query shape': [
    ['select count(*) from (select * from people)', 'subquery', 'FROM'],
    ['select count(*) from people where id in (select person_id from income)', 'subquery', 'IN'],
    ['select count(*) from people where exists (select 1)', 'subquery', 'WHERE'],
    ['with p as (select * from people) select count(*) from p', 'subquery', 'CTE'],
    ['select count(*) from people union select count(*) from income', 'set_operation', 'UNION'],
    ['select count(*) from people except select count(*) from income', 'set_operation', 'EXCEPT'],
    ['select sex, count(*) from people group by rollup (sex)', 'group_by', 'ROLLUP'],
    ['select sex, count(*) from people group by all', 'group_by', 'ALL'],
    ['select sex, count(*) from people group by 1', 'group_by', 'positions'],
    ['select count(*) from people order by age', 'order_by', 'output'],
    ['select count(*) as n from people order by n nulls first', 'order_by', 'NULLS'],
    ['select count(*) from people limit 10 offset 5', 'limit', 'OFFSET'],
    ['select count(*) from people limit 10%', 'limit', 'PERCENT'],
    ['select count(*) from people limit 1 + 1', 'limit', 'constant'],
    ['select count(*) from people limit 1000000', 'limit', '100000'],
    ['select distinct sex, count(*) from people group by sex', 'unsupported', 'DISTINCT'],
    ['select count(*) from people where age = $1', 'unsupported', 'parameter'],
    ['select count(*) from people where sex like sex', 'unsupported', 'constant pattern'],
    ["select count(*) from people where sex in ('F', sex)", 'unsupported', 'constants'],
    ["select count(*) from people where sex glob 'F*'", 'function_not_allowed', '~~~'],
    ['select count(*) from people at (version => 1)', 'unsupported', 'AT'],
    ['select 1', 'unsupported', 'without FROM'],
  ],
  'tables, columns and joins': [
    ['select count(*) from secrets', 'unknown_table', 'secrets'],
    ['select count(*) from main.people', 'unknown_table', 'main.people'],
    ['select sum(salary) from people', 'unknown_column', 'salary'],
    ['select count(x.age) from people p', 'unknown_table', 'x'],
    ['select sum(year) from people p join income i on p.id = i.person_id', 'ambiguous_column', 'year'],
    ['select count(*) from people p join income i on p.age = i.person_id', 'join_not_declared', 'people.age'],
    [
      'select count(*) from people p join visits v on p.id = v.person_id',
      'join_not_declared',
      'visits.person_id',
    ],
    ['select count(*) from people p join income i on p.id < i.person_id', 'join_not_declared', 'equalities'],
    ['select count(*) from people, income', 'join_not_declared', 'cross join'],
    ['select count(*) from people natural join income', 'join_not_declared', 'NATURAL'],
    ['select count(*) from people p left join income i on p.id = i.person_id', 'join_not_declared', 'LEFT'],
    ['select count(*) from people join income using (id)', 'join_not_declared', 'USING'],
    ['select count(*) from people a join people b on a.id = b.id', 'join_not_declared', 'itself'],
    [
      "select count(*) from people p join read_csv('/etc/passwd') r on p.id = r.id",
      'table_function',
      'read_csv',
    ],
  ],
  'malformed SQL': [
    ['selec count(*) from people', 'malformed', 'syntax error'],
    ['select count(* from people', 'malformed', 'syntax error'],
    ["select 'unterminated from people", 'malformed', 'unterminated'],
    ['', 'malformed', 'empty'],
    ['select count(*) from people; select count(*) from income', 'one_select', '2 statements'],
    ['select count(*) from people; drop table people', 'one_select', '2 statements'],
    ['explain select count(*) from people', 'statement_kind', 'EXPLAIN'],
    ['pivot people on sex using count(*)', 'statement_kind', 'PIVOT'],
    ['insert into people (id) values (1)', 'statement_kind', 'INSERT'],
    ['/* hi */ drop table people', 'statement_kind', 'DROP'],
    [`select count(*) from people where ${'age = 1 or '.repeat(800)} age = 2`, 'too_long', '8000'],
    [`select count(*) from people where age = ${'(1 + '.repeat(60)}1${')'.repeat(60)}`, 'too_long', 'deeper'],
  ],
};

describe('analyzeQuery refuses every escape class by its rule', () => {
  for (const [kind, cases] of Object.entries(ESCAPES)) {
    it.each(cases)(`${kind}: %s → %s`, async (sql, rule, names) => {
      const e = await refusal(sql);
      expect(e.rule).toBe(rule);
      expect(e.message.startsWith(`${rule}: `)).toBe(true);
      expect(e.message).toContain(names);
    });
  }
});

describe('analyzeQuery plans the allowed shape', () => {
  it('groups, counts, averages, filters, orders and limits', async () => {
    const plan = await analyzeQuery(
      `SELECT sex, count(*) AS n, avg(age) FROM people
       WHERE age BETWEEN 18 AND 65 AND sex LIKE 'F%' GROUP BY sex ORDER BY n DESC LIMIT 10`,
      catalog,
    );
    expect(plan).toEqual({
      tables: ['people'],
      joins: [],
      groupBy: [{ table: 'people', column: 'sex', alias: 'sex' }],
      aggregates: [
        { alias: 'n', fn: 'count', column: null, table: null, variance: null },
        { alias: 'avg_age', fn: 'avg', column: 'age', table: 'people', variance: null },
      ],
      select: ['sex', 'n', 'avg_age'],
      where: `(("people"."age" BETWEEN 18 AND 65) AND ("people"."sex" LIKE 'F%'))`,
      orderBy: [{ output: 'n', direction: 'desc' }],
      limit: 10,
      schema: [catalog.tables[0]],
    });
  });

  it('joins on declared keys and names catalog spellings whatever the query wrote', async () => {
    const plan = await analyzeQuery(
      'select P.SEX as s, sum(I.Salary) as total from People P join INCOME I on P.id = I.person_id group by P.Sex',
      catalog,
    );
    expect(plan.tables).toEqual(['people', 'income']);
    expect(plan.joins).toEqual([
      {
        table: 'income',
        on: [{ left: { table: 'people', column: 'id' }, right: { table: 'income', column: 'person_id' } }],
      },
    ]);
    expect(plan.groupBy).toEqual([{ table: 'people', column: 'sex', alias: 's' }]);
    expect(plan.aggregates).toEqual([
      { alias: 'total', fn: 'sum', column: 'salary', table: 'income', variance: null },
    ]);
  });

  it('maps the variance family, count(column) and count(1)', async () => {
    const plan = await analyzeQuery(
      'select var_pop(age), variance(age), stddev(age), stddev_pop(age), count(sex), count(1) as rows from people',
      catalog,
    );
    expect(plan.aggregates.map((a) => [a.alias, a.fn, a.column, a.variance])).toEqual([
      ['var_age', 'var', 'age', 'pop'],
      ['var_age_2', 'var', 'age', 'samp'],
      ['stddev_age', 'stddev', 'age', 'samp'],
      ['stddev_age_2', 'stddev', 'age', 'pop'],
      ['count_sex', 'count', 'sex', null],
      ['rows', 'count', null, null],
    ]);
  });

  it('re-renders WHERE from the tree: constants re-quoted, operators and identifiers its own', async () => {
    const plan = await analyzeQuery(
      `select count(*) from people where (sex = 'O''Brien' or sex ilike '%x%') and not smoker
       and "AGE" % 2 = 0 and -age < 1.5 and born >= date '2000-01-01' and sex is not null and age not in (1, 2)
       and case when age > 1 then true else false end and cast(age as varchar) = '3' and abs(year) > 0`,
      catalog,
    );
    expect(plan.where).toBe(
      `((("people"."sex" = 'O''Brien') OR ("people"."sex" ILIKE '%x%')) AND (NOT "people"."smoker")` +
        ` AND (("people"."age" % 2) = 0) AND ((- "people"."age") < 1.5)` +
        ` AND ("people"."born" >= CAST('2000-01-01' AS DATE)) AND ("people"."sex" IS NOT NULL)` +
        ` AND ("people"."age" NOT IN (1, 2)) AND (CASE WHEN ("people"."age" > 1) THEN CAST('t' AS BOOLEAN)` +
        ` ELSE CAST('f' AS BOOLEAN) END) AND (CAST("people"."age" AS VARCHAR) = '3') AND (abs("people"."year") > 0))`,
    );
  });

  it('names repeated outputs apart', async () => {
    const plan = await analyzeQuery('select count(*), count(*) from people', catalog);
    expect(plan.select).toEqual(['count', 'count_2']);
  });

  it('orders by an output position and groups by a column it does not select', async () => {
    const plan = await analyzeQuery('select count(*) as n from people group by sex order by 1', catalog);
    expect(plan.orderBy).toEqual([{ output: 'n', direction: 'asc' }]);
    expect(plan.groupBy).toEqual([{ table: 'people', column: 'sex', alias: null }]);
  });
});
