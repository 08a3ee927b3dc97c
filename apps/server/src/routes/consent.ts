import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.consent;

export function consentRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { persons, scenarios, grants, orgGrants: e, operations: o } = services.consent;
  handle(app, c.signUp, ({ ctx, body }) => persons.signUp(ctx, body));
  handle(app, c.me, ({ ctx }) => persons.me(ctx));
  handle(app, c.confirmWard, ({ ctx, params }) => persons.confirmWard(ctx, params.id));
  handle(app, c.scenarios, ({ ctx, query }) => scenarios.list(ctx, query));
  handle(app, c.scenario, ({ ctx, params }) => scenarios.get(ctx, params.id));
  handle(app, c.register, ({ ctx, body }) => scenarios.register(ctx, body));
  handle(app, c.revise, ({ ctx, params, body }) => scenarios.revise(ctx, params.id, body));
  handle(app, c.review, ({ ctx, params, body }) => scenarios.review(ctx, params.id, body));
  handle(app, c.ask, ({ ctx, params, body }) => scenarios.ask(ctx, params.id, body.subjectId));
  handle(app, c.refuse, ({ ctx, params, body }) => scenarios.refuse(ctx, params.id, body?.onBehalfOf));
  handle(app, c.grants, ({ ctx, query }) => grants.list(ctx, query));
  handle(app, c.grant, ({ ctx, params }) => grants.get(ctx, params.id));
  handle(app, c.give, ({ ctx, body }) => grants.give(ctx, body));
  handle(app, c.revoke, ({ ctx, params }) => grants.revoke(ctx, params.id));
  handle(app, c.receipt, ({ ctx, params }) => grants.receipt(ctx, params.id));
  handle(app, c.uses, ({ ctx, query }) => grants.uses(ctx, query));
  handle(app, c.check, ({ ctx, body }) => grants.checkAudited(ctx, body));
  handle(app, c.orgGrants, ({ ctx, query }) => e.orgGrants(ctx, query));
  handle(app, c.orgGrant, ({ ctx, params }) => e.orgGrant(ctx, params.id));
  handle(app, c.createOrgGrant, ({ ctx, body }) => e.createOrgGrant(ctx, body));
  handle(app, c.revokeOrgGrant, ({ ctx, params, body }) => e.revokeOrgGrant(ctx, params.id, body.reason));
  handle(app, c.operationGrants, ({ ctx, query }) => o.operationGrants(ctx, query));
  handle(app, c.operationGrant, ({ ctx, params }) => o.operationGrant(ctx, params.id));
  handle(app, c.createOperationGrant, ({ ctx, body }) => o.createOperationGrant(ctx, body));
  handle(app, c.suspendOperationGrant, ({ ctx, params, body }) =>
    o.setOperationStatus(ctx, params.id, 'suspended', body.reason),
  );
  handle(app, c.reinstateOperationGrant, ({ ctx, params }) =>
    o.setOperationStatus(ctx, params.id, 'active', null),
  );
  handle(app, c.revokeOperationGrant, ({ ctx, params, body }) =>
    o.setOperationStatus(ctx, params.id, 'revoked', body.reason),
  );
  handle(app, c.evaluate, ({ ctx, params, body }) => o.evaluate(ctx, params.id, body));
  handle(app, c.operationResources, ({ ctx, params, query }) => o.coveredResources(ctx, params.id, query));
  handle(app, c.operationAccess, ({ ctx, query }) => o.access(ctx, query.resourceId));
  handle(app, c.authorizedOperators, async () => ({ items: await o.authorizedOperators() }));
  // queued consent.check log rows are written before the process ends
  app.addHook('onClose', () => grants.log.flush());
}
