import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function ledgerRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.ledger.checkpoint, ({ query }) => s.ledger.checkpoint(query.treeSize));
  handle(app, api.ledger.entries, ({ query: { page, pageSize, type } }) =>
    s.ledger.entries(page, pageSize, type),
  );
  handle(app, api.ledger.entry, ({ params }) => s.ledger.entry(params.index));
  handle(app, api.ledger.inclusion, ({ query }) => s.ledger.inclusionProof(query.index, query.treeSize));
  handle(app, api.ledger.consistency, ({ query }) => s.ledger.consistencyProof(query.from, query.to));
  handle(app, api.ledger.keys, async () => ({ items: await s.ledger.listKeys() }));
  handle(app, api.ledger.rotateKey, ({ ctx }) => s.ledger.rotateSigningKey(ctx));
  handle(app, api.ledger.anchor, ({ ctx }) => s.ledger.anchorAuditChain(ctx, { force: true }));

  // Before the first request: a missing master key stops the start (not the first signature), the platform
  // key and a checkpoint exist (the periodic jobs are started with the server: packages/core/src/jobs.ts).
  app.addHook('onReady', async () => {
    s.crypto.keys.assertMasterKey();
    await s.ledger.ensureCheckpoint();
  });
}
