import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const c = await db.connect();
await c.run(`CREATE TABLE visits AS SELECT 'P' || (i % 2000000) AS patient_id, (i % 90)::BIGINT AS age, ['a','b','c','d','e'][(i % 5) + 1] AS dept, ((i * 37) % 1000)::DOUBLE AS cost FROM range(10000000) t(i)`);
async function t(name: string, sql: string) {
  await c.run(sql);
  const s = performance.now(); await c.run(sql); console.log(name, (performance.now() - s).toFixed(0), 'ms');
}
await t('raw', 'SELECT dept, count(*), avg(cost) FROM visits GROUP BY dept');
await t('distinct', 'SELECT dept, count(*), count(DISTINCT patient_id), sum(cost) FROM visits GROUP BY dept');
await t('per-unit counts', 'SELECT patient_id, count(*) FROM visits GROUP BY patient_id');
await t('two-level', 'SELECT dept, sum(n), count(*), sum(s) FROM (SELECT dept, patient_id, count(*) n, sum(cost) s FROM visits GROUP BY dept, patient_id) GROUP BY dept');
await t('window', 'SELECT dept, count(*), count(DISTINCT patient_id), sum(cost) FROM (SELECT dept, patient_id, cost, row_number() OVER (PARTITION BY patient_id ORDER BY random()) rn FROM visits) WHERE rn <= 5 GROUP BY dept');
await t('window-noorder', 'SELECT dept, count(*), count(DISTINCT patient_id), sum(cost) FROM (SELECT dept, patient_id, cost, row_number() OVER (PARTITION BY patient_id) rn FROM visits) WHERE rn <= 5 GROUP BY dept');
await t('two-level-window', 'SELECT dept, sum(n), count(*), sum(s) FROM (SELECT dept, patient_id, count(*) n, sum(cost) s FROM (SELECT dept, patient_id, cost, row_number() OVER (PARTITION BY patient_id) rn FROM visits) WHERE rn <= 5 GROUP BY dept, patient_id) GROUP BY dept');
await t('split', `WITH c AS (SELECT patient_id, count(*) AS n FROM visits GROUP BY patient_id),
 b AS (
  SELECT v.dept, v.patient_id, v.cost FROM visits v SEMI JOIN (SELECT patient_id FROM c WHERE n <= 5) s ON v.patient_id = s.patient_id
  UNION ALL
  SELECT dept, patient_id, cost FROM (SELECT v.dept, v.patient_id, v.cost, row_number() OVER (PARTITION BY v.patient_id ORDER BY random()) rn FROM visits v SEMI JOIN (SELECT patient_id FROM c WHERE n > 5) s ON v.patient_id = s.patient_id) WHERE rn <= 5)
 SELECT dept, count(*), count(DISTINCT patient_id), sum(cost) FROM b GROUP BY dept`);
