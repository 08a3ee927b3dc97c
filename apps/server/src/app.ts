import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { AGENT_SCHEME, type Access } from '@shuliu/contracts';
import { ulid, type Config, type DbKind, type identity, type Services } from '@shuliu/core';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { newContext } from './context.js';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, sendError } from './errors.js';
import { auditRoutes } from './routes/audit.js';
import { catalogRoutes } from './routes/catalog.js';
import { consentRoutes } from './routes/consent.js';
import { authRoutes } from './routes/auth.js';
import { ledgerRoutes } from './routes/ledger.js';
import { marketRoutes } from './routes/market.js';
import { marketDemandRoutes } from './routes/market-demands.js';
import { tradeRoutes } from './routes/trade.js';
import { tradeGatewayRoutes } from './routes/trade-gateway.js';
import { GATEWAY_PREFIX, gatewayRoutes } from './gateway.js';
import { tradeSettlementRoutes } from './routes/trade-settlement.js';
import { computeRoutes } from './routes/compute.js';
import { assetRoutes } from './routes/assets.js';
import { dcmmRoutes } from './routes/dcmm.js';
import { qualityProgrammeRoutes } from './routes/quality-programmes.js';
import { qualityRoutes } from './routes/quality.js';
import { agentBodyCheck, agentsMayCall, authenticateAgent } from './agent-auth.js';
import { notificationRoutes } from './routes/notifications.js';
import { onboardingRoutes } from './routes/onboarding.js';
import { orgRoutes } from './routes/orgs.js';
import { orgKeyRoutes } from './routes/org-keys.js';
import { registryRoutes } from './routes/registry.js';
import { sharingRoutes } from './routes/sharing.js';
import { settingsRoutes } from './routes/settings.js';
import { systemRoutes } from './routes/system.js';
import { userRoutes } from './routes/users.js';
import { nulGuard } from './nul-guard.js';
import { publicWriteThrottle, THROTTLE_EXEMPT } from './throttle.js';
import { isApiPath, securityHeaders } from './security-headers.js';
import { auditUnfinished, hooksOf } from './route-hooks.js';
import { serializerCompiler } from './response-serializer.js';

export interface AppDeps {
  services: Services;
  config: Config;
  dbKind: DbKind;
  version: string;
  /** Directory of the built portal; when absent the portal answers with a page that says how to build it. */
  webDist?: string;
  logger?: FastifyServerOptions['logger'];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Routes whose writes may change a session, token, user or org. */
const IDENTITY_WRITES = /^\/api\/(auth|me|users|orgs|onboarding)(\/|$)/;
const SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.body.password',
  'req.body.newPassword',
  'req.body.currentPassword',
];

function signIn(req: FastifyRequest, found: identity.Authenticated | null) {
  if (found) {
    req.ctx.principal = found.principal;
    req.me = found.me;
  }
}

const AGENT_POLLS = /^\/api\/compute\/agent\/(jobs\/lease|heartbeat)$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel, redact: SECRET_PATHS },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : `req_${ulid()}`;
    },
    routerOptions: { ignoreTrailingSlash: true },
    // one access-log line per request (below) instead of Fastify's two
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.removeContentTypeParser('text/plain');
  // uploads stream straight to the blob store: the body is handed over unread, and only to upload routes
  app.addContentTypeParser('application/octet-stream', (req, payload, done) => {
    if (req.routeOptions.config?.upload) return done(null, payload);
    const e = Object.assign(new Error('this route takes JSON, not a file'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
    done(e, undefined);
  });
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('me', null);

  const security = securityHeaders(config);
  const { auth } = deps.services.identity;
  const { audit } = deps.services;
  // the one per-request hook every route runs: request id, security headers, context and principal — with
  // no promise on the common path (a cached principal, or no credential at all)
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    reply.headers(isApiPath(req.url) ? security.api : security.portal);
    req.ctx = newContext(req);
    const header = req.headers.authorization;
    if (header?.startsWith(`${AGENT_SCHEME} `) && !req.url.startsWith(GATEWAY_PREFIX)) {
      authenticateAgent(deps.services, req, header).then((p) => {
        req.ctx.principal = p;
        done();
      }, done);
      return;
    }
    // the API gateway takes an order's key, never a platform login: no principal is looked up for it
    if (!header?.startsWith('Bearer ') || req.url.startsWith(GATEWAY_PREFIX)) return done();
    const bearer = header.slice(7).trim();
    const cached = auth.authenticateCached(bearer);
    if (cached !== undefined) {
      signIn(req, cached);
      return done();
    }
    auth.authenticate(bearer).then((found) => {
      signIn(req, found);
      done();
    }, done);
  });
  app.addHook('onResponse', (req, reply, done) => {
    // an agent's polls and heartbeats come every few seconds: logged at debug unless they fail
    const poll = req.ctx?.principal?.kind === 'agent' && reply.statusCode < 400 && AGENT_POLLS.test(req.url);
    req.log[poll ? 'debug' : 'info'](
      {
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        user: req.ctx?.principal?.username,
      },
      'request',
    );
    done();
  });
  // Hooks only some routes need are attached to those routes as they are registered, so a read such as
  // GET /api/me pays for none of them.
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    const writes = methods.some((m) => m !== 'GET' && m !== 'HEAD');
    const schema = route.schema as { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
    const config = route.config as { access?: Access; audit?: string } | undefined;
    // after the access check and schema: input PostgreSQL could not store is a 400 naming the field
    if (schema?.body || schema?.querystring || schema?.params)
      route.preHandler = hooksOf(route.preHandler, nulGuard);
    // an agent's body is the one it signed (checked before validation applies defaults)
    if (agentsMayCall(config?.access)) route.preValidation = hooksOf(route.preValidation, agentBodyCheck);
    if (writes && config?.access?.kind === 'public' && !THROTTLE_EXEMPT.has(route.url))
      route.preValidation = hooksOf(route.preValidation, publicWriteThrottle(deps.config, deps.services));
    // a change to accounts made here is seen by this process's next request at once (others hear the
    // database): the handler has committed by the time its reply is sent
    if (writes && IDENTITY_WRITES.test(route.url))
      route.onSend = hooksOf(route.onSend, (_req, _reply, payload, done) => {
        auth.principals.clear();
        done(null, payload);
      });
    // Every state-changing route audits itself inside its transaction; this records what did not get that
    // far (validation errors, denials, conflicts) so that no attempt goes unrecorded.
    if (config?.audit) route.onSend = hooksOf(route.onSend, auditUnfinished(audit, config.audit));
  });

  if (config.corsOrigins.length) await app.register(cors, { origin: config.corsOrigins, credentials: false });
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      global: true,
      timeWindow: '1 minute',
      max: (req) => (req.ctx?.principal ? config.rateLimitTokenPerMinute : config.rateLimitPerMinute),
      keyGenerator: (req) => (req.ctx?.principal ? `p:${req.ctx.principal.credentialId}` : `ip:${req.ip}`),
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        message: `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`,
      }),
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shuliu (数流) API',
        version: deps.version,
        description:
          'Data-element circulation platform API. Errors always have the shape { error: { code, message, details, requestId } }.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'session token from /api/auth/login, or an API token',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (h) => h.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const routeDeps = deps;
  await app.register(async (api) => {
    for (const register of [
      systemRoutes,
      authRoutes,
      onboardingRoutes,
      orgRoutes,
      orgKeyRoutes,
      userRoutes,
      auditRoutes,
      notificationRoutes,
      ledgerRoutes,
      catalogRoutes,
      sharingRoutes,
      registryRoutes,
      consentRoutes,
      settingsRoutes,
      marketRoutes,
      marketDemandRoutes,
      tradeRoutes,
      tradeGatewayRoutes,
      tradeSettlementRoutes,
      computeRoutes,
      dcmmRoutes,
      qualityProgrammeRoutes,
      qualityRoutes,
      assetRoutes,
    ]) {
      register(api, routeDeps);
    }
  });

  await gatewayRoutes(app, routeDeps);
  await registerPortal(app, deps.webDist);
  return app;
}

async function registerPortal(app: FastifyInstance, webDist: string | undefined) {
  const indexPath = webDist ? join(webDist, 'index.html') : null;
  const built = indexPath !== null && existsSync(indexPath);
  if (built && webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    // API paths, non-GETs and missing files (an old asset after a rebuild) are real 404s, never the portal page
    if (
      path.startsWith('/api') ||
      path.startsWith(GATEWAY_PREFIX) ||
      req.method !== 'GET' ||
      /\.[a-z0-9]+$/i.test(path)
    ) {
      return sendError(req, reply, {
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        message: `no route ${req.method} ${path}`,
      });
    }
    if (!built || !existsSync(indexPath)) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>Shuliu</title><p>The web portal is not built. Run <code>npm run build</code>, then reload. The API is at <a href="/api/docs">/api/docs</a>.</p>',
        );
    }
    // read on each navigation so a rebuilt portal is served without a restart
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(readFileSync(indexPath, 'utf8'));
  });
}
