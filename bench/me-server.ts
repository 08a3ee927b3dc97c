// Child process of the `GET /api/me` benchmark: the full Shuliu app (demo seeded, logging off) and a bare
// Fastify hello-world, both in this one process, on loopback ports. Prints their URLs and a token as JSON.
import Fastify from 'fastify';
import { startTestServer } from '@shuliu/server';

const server = await startTestServer({
  listen: true,
  config: { rateLimitPerMinute: 1_000_000, rateLimitTokenPerMinute: 1_000_000, dbPoolSize: 20 },
});
const bare = Fastify({ logger: false });
bare.get('/hello', async () => ({ hello: 'world' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const token = await server.login('operator');
const port = (bare.server.address() as { port: number }).port;
console.log(
  JSON.stringify({
    me: `${server.url}/api/me`,
    bare: `http://127.0.0.1:${port}/hello`,
    token,
    db: server.database.kind,
  }),
);

process.on('SIGTERM', async () => {
  await bare.close();
  await server.close();
  process.exit(0);
});
