// Child process of the gateway benchmark: the full Shuliu app (demo seeded, logging off) with a delivered API
// order on each upstream given in argv, seeded straight into the tables (the deal's steps are not what is
// measured). Prints the gateway URL and key of each order and the database kind as JSON.
import { crypto, ulid } from '@shuliu/core';
import { startTestServer } from '@shuliu/server';
import { sql } from 'kysely';

const server = await startTestServer({
  listen: true,
  config: {
    rateLimitPerMinute: 1_000_000,
    rateLimitTokenPerMinute: 1_000_000,
    dbPoolSize: 20,
    gatewayAllowPrivateUpstreams: true,
    gatewayMaxRatePerSecond: 100_000,
  },
});
// the demo's quality checks run in the background after its uploads: measured only once they are done
await server.services.quality.reports.idle();
const { db } = server.services;
const seller = (
  await db.selectFrom('users').select('org_id').where('username', '=', 'merchant').executeTakeFirstOrThrow()
).org_id!;
const buyer = (
  await db.selectFrom('users').select('org_id').where('username', '=', 'quancheng').executeTakeFirstOrThrow()
).org_id!;
/** One delivered API order on `upstream`, with its key. */
async function seed(upstream: string) {
  const id = ulid().toLowerCase();
  const [product, negotiation, contractNo, order] = [`prd_${id}`, `neg_${id}`, `BENCH-${id}`, `ord_${id}`];
  const terms = {
    template: 'provision',
    deliveryMode: 'api',
    purpose: '风控',
    region: '370100',
    scope: 'benchmark',
    startsOn: '2000-01-01',
    endsOn: '2999-12-31',
    priceFen: 1,
    maxUses: 100_000_000,
    scenarioVersionId: null,
  };
  await sql`insert into market_products (id, org_id, title, summary, description, sector_code, region, delivery_modes,
      board_codes, price_model, price_kind, price_fen, declaration, declaration_hash, grade, status, created_by)
    values (${product}, ${seller}, '网关基准接口', 'benchmark', 'benchmark', 'commerce', '370100', '{api}', '{finance}',
      '{"kind":"per_call","unitFen":1}', 'per_call', 1, '{}', '', 'general_1', 'published', 'bench')`.execute(
    db,
  );
  await sql`insert into trade_negotiations (id, product_id, seller_org_id, buyer_org_id, state, terms, idempotency_key,
      request_hash, created_by)
    values (${negotiation}, ${product}, ${seller}, ${buyer}, 'finalized', ${JSON.stringify(terms)}, ${id}, '', 'bench')`.execute(
    db,
  );
  await sql`insert into trade_contracts (contract_no, negotiation_id, template, seller_org_id, buyer_org_id, state,
      document, canonical, contract_hash)
    values (${contractNo}, ${negotiation}, 'provision', ${seller}, ${buyer}, 'concluded', '{}', '{}', '')`.execute(
    db,
  );
  await sql`insert into trade_orders (id, contract_no, product_id, seller_org_id, buyer_org_id, delivery_mode, state,
      billing, unit_fen, quota, amount_fen, starts_on, ends_on, acceptance_days, pay_by, idempotency_key, request_hash,
      created_by)
    values (${order}, ${contractNo}, ${product}, ${seller}, ${buyer}, 'api', 'delivered', 'per_call', 1, 100000000,
      100000000, '2000-01-01', '2999-12-31', 5, now(), ${id}, '', 'bench')`.execute(db);
  const sealed = await server.services.crypto.keys.encrypt('bench-secret', `trade_api_upstreams:${product}`);
  await sql`insert into trade_api_upstreams (product_id, url, credential_header, credential_sealed, rate_per_second,
      timeout_ms, updated_by)
    values (${product}, ${upstream}, 'X-Seller-Secret', ${sealed}, 100000, 30000, 'bench')`.execute(db);
  await sql`insert into trade_api_meters (order_id, quota) values (${order}, 100000000)`.execute(db);
  const key = `sk_bench${id}`;
  await sql`insert into trade_api_keys (id, order_id, key_hash, prefix, created_by)
    values (${`apk_${id}`}, ${order}, ${crypto.sm3Hex(key)}, ${key.slice(0, 10)}, 'bench')`.execute(db);
  return { gateway: `${server.url}/gateway/${order}`, key };
}

const orders = [];
for (const upstream of process.argv.slice(2)) orders.push(await seed(upstream));
console.log(JSON.stringify({ orders, db: server.database.kind }));

process.on('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
