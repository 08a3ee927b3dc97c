import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

export function onboardingRoutes(app: FastifyInstance, { services: s }: AppDeps) {
  handle(app, api.onboarding.submit, ({ ctx, body }) => s.identity.onboarding.submit(ctx, body));
  handle(app, api.onboarding.mine, ({ ctx }) => s.identity.onboarding.mine(ctx));
  handle(app, api.onboarding.resubmit, ({ ctx, body }) => s.identity.onboarding.resubmit(ctx, body));
  handle(app, api.onboarding.list, ({ query: { page, pageSize, ...f } }) =>
    s.identity.onboarding.list(f, page, pageSize),
  );
  handle(app, api.onboarding.get, ({ params }) => s.identity.onboarding.get(params.id));
  handle(app, api.onboarding.approve, ({ ctx, params, body }) =>
    s.identity.onboarding.approve(ctx, params.id, body.reason),
  );
  handle(app, api.onboarding.reject, ({ ctx, params, body }) =>
    s.identity.onboarding.reject(ctx, params.id, body.reason),
  );
}
