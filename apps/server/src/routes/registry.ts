import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';
import { disposition } from '../disposition.js';

const c = api.registry;

type Registry = AppDeps['services']['registry'];

/** 数据产权登记: applications and review, public notice and objections, settings, certificates. */
export function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  applicationRoutes(app, deps.services.registry);
  noticeRoutes(app, deps.services.registry);
  certificateRoutes(app, deps);
}

function applicationRoutes(app: FastifyInstance, r: Registry) {
  handle(app, c.list, ({ ctx, query }) => r.applications.list(ctx, query));
  handle(app, c.create, ({ ctx, body }) => r.applications.create(ctx, body));
  handle(app, c.get, ({ ctx, params }) => r.applications.get(ctx, params.id));
  handle(app, c.update, ({ ctx, params, body }) => r.applications.update(ctx, params.id, body));
  handle(app, c.submit, ({ ctx, params }) => r.applications.submit(ctx, params.id));
  handle(app, c.withdraw, ({ ctx, params }) => r.applications.withdraw(ctx, params.id));
  handle(app, c.upload, ({ ctx, params, query, body }) =>
    r.evidence.attach(ctx, params.id, { ...query, body: body as unknown as Readable }),
  );
  handle(app, c.accept, ({ ctx, params, body }) => r.review.accept(ctx, params.id, body));
  handle(app, c.assign, ({ ctx, params, body }) => r.review.assign(ctx, params.id, body));
  handle(app, c.reject, ({ ctx, params, body }) => r.review.reject(ctx, params.id, body.reason));
  handle(app, c.review, ({ ctx, params, body }) => r.review.review(ctx, params.id, body));
  handle(app, c.issue, ({ ctx, params }) => r.issuance.issue(ctx, params.id));
}

/** The public notice board, objections and evidence files, and the rule settings. */
function noticeRoutes(app: FastifyInstance, r: Registry) {
  handle(app, c.object, ({ ctx, params, body }) => r.objections.object(ctx, params.id, body.reason));
  handle(app, c.objections, ({ ctx, query }) => r.objections.list(ctx, query));
  handle(app, c.objectionUpload, ({ ctx, params, query, body }) =>
    r.evidence.attachToObjection(ctx, params.id, { ...query, body: body as unknown as Readable }),
  );
  handle(app, c.decideObjection, ({ ctx, params, body }) => r.objections.decide(ctx, params.id, body));
  handle(app, c.download, async ({ ctx, params, reply }) => {
    const f = await r.evidence.download(ctx, params.id);
    reply.header('content-type', 'application/octet-stream');
    reply.header('content-length', f.size);
    reply.header('content-disposition', disposition(f.name));
    return f.body;
  });
  handle(app, c.notices, ({ query }) => r.applications.notices(query));
  handle(app, c.notice, ({ params }) => r.applications.notice(params.id));
  handle(app, c.settings, () => r.settings.get());
  handle(app, c.updateSettings, ({ ctx, body }) => r.settings.update(ctx, body));
  handle(app, c.parties, ({ query }) => r.settings.parties(query));
}

/** Certificates: reading, lifecycle actions of the regulator and operator, public verification. */
function certificateRoutes(app: FastifyInstance, { services }: AppDeps) {
  const r = services.registry;
  handle(app, c.certificates, ({ ctx, query }) => r.certificates.list(ctx, query));
  handle(app, c.certificate, ({ ctx, params }) => r.certificates.get(ctx, params.id));
  handle(app, c.freeze, ({ ctx, params, body }) => r.certificates.freeze(ctx, params.id, body.reason));
  handle(app, c.unfreeze, ({ ctx, params, body }) => r.certificates.unfreeze(ctx, params.id, body.reason));
  handle(app, c.resolveDispute, ({ ctx, params, body }) =>
    r.certificates.resolveDispute(ctx, params.id, body),
  );
  handle(app, c.expire, async ({ ctx }) => ({ expired: await r.certificates.expireDue(ctx) }));
  handle(app, c.licenses, ({ ctx, query }) => r.certificates.licenses(ctx, query));
  handle(app, c.checkRight, ({ query }) => r.checkRight(query));
  handle(app, c.verify, ({ params }) => r.verify.verify(params.certNo));
  handle(app, c.verifyBundle, ({ ctx, body }) =>
    r.verify.verifyBundle(ctx, body.bundle, body.issuerPublicKey),
  );
}
