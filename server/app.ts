import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { localeFromAcceptLanguage } from '../common/locale';
import { AppError } from './lib/errors';
import { translate } from './lib/messages';
import type { App, Deps } from './lib/http';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { customFieldRoutes } from './modules/custom-fields/routes';
import { dashboardRoutes } from './modules/dashboard';
import { briefRoutes } from './modules/briefs/routes';
import { briefingRoutes } from './modules/briefings/routes';
import { dictionaryRoutes } from './modules/dictionaries/routes';
import { exportRoutes } from './modules/exports/routes';
import { healthRoutes } from './modules/health/routes';
import { importRoutes } from './modules/imports/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { planRoutes } from './modules/project-tracks/routes';
import { projectRoutes } from './modules/projects/routes';
import { regionRoutes } from './modules/regions/routes';
import { reportingRoutes } from './modules/reports/routes';
import { mapRoutes } from './modules/map/routes';
import { tileSourcePolicy } from './modules/map/tile-source';
import { matterRoutes } from './modules/matters/routes';
import { attachmentRoutes } from './modules/attachments';
import { commitmentRoutes } from './modules/targets/commitment-routes';
import { indicatorRoutes } from './modules/targets/routes';
import { enterpriseRoutes } from './modules/enterprises/routes';
import { opportunityRoutes } from './modules/opportunities/routes';
import { leadRoutes } from './modules/leads/routes';
import { visitRoutes } from './modules/visits/routes';
import { policyRoutes } from './modules/policies/routes';
import { landEfficiencyRoutes } from './modules/land-efficiency/routes';
import { chainRoutes } from './modules/chains/routes';
import { carrierRoutes } from './modules/carriers/routes';
import { targetTextRoutes } from './modules/targets/text-routes';
import { assessmentRoutes } from './modules/assessment/routes';
import { scoringRoutes } from './modules/assessment/score-routes';
import { roleRoutes } from './modules/roles/routes';
import { warningRoutes } from './modules/warnings/routes';
import { settingsRoutes } from './modules/settings/routes';
import { unitRoutes } from './modules/units/routes';
import { userRoutes } from './modules/users/routes';
import { registerAuth, requireDeclaredAccess } from './plugins/auth';
import { registerCompression } from './plugins/compression';
import { registerErrorHandler } from './plugins/errors';
import { registerInputGuard } from './plugins/input-guard';
import { serializerCompiler } from './plugins/serialization';
import { validatorCompiler } from './plugins/validation';
import { registerWebPage } from './plugins/web-page';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');

export type BuildAppOptions = { config: Config; database: Database; logger?: FastifyServerOptions['logger'] };

/** Builds the whole HTTP application (API, docs, web page) without listening, so tests can `inject` into it. */
export async function buildApp({ config, database, logger = false }: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && /^[\w-]{8,64}$/.test(sent) ? sent : randomUUID();
    },
    requestIdHeader: false,
    // Errors the router raises before any route runs (a malformed URL, an over-long parameter) in our shape too.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const locale = localeFromAcceptLanguage(request.headers['accept-language']);
      const body = { error: { code: 'bad_request', message: translate(locale, 'error.bad_request'), requestId: request.id } };
      return (reply as FastifyReply).code(status).send(body);
    },
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const webPage = existsSync(path.join(WEB_DIST, 'index.html'));
  registerErrorHandler(app, { webPage });
  requireDeclaredAccess(app);
  // The intranet tile server of the one map may serve images: its origin joins img-src (read before helmet's hook).
  const tileSource = tileSourcePolicy(database.db);
  app.addHook('onRequest', async () => tileSource.refresh());
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', () => tileSource.source()],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  await registerCompression(app);
  // Spreadsheet uploads (imports): one file per request; the size limit is set, and answered, by the import route.
  await app.register(multipart, { limits: { files: 1, fields: 5, parts: 10 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', 'error.rate_limited', { seconds: Math.ceil(context.ttl / 1000) }, [], {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lantu 蓝图 API',
        version: '1',
        description: 'Key investment projects, attraction and targets for district governments.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lantu_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, database.db, config);
  registerInputGuard(app);

  const deps: Deps = { db: database.db, database, config };
  for (const routes of [
    healthRoutes,
    authRoutes,
    regionRoutes,
    unitRoutes,
    userRoutes,
    roleRoutes,
    dictionaryRoutes,
    auditRoutes,
    settingsRoutes,
    projectRoutes,
    planRoutes,
    importRoutes,
    exportRoutes,
    briefRoutes,
    briefingRoutes,
    customFieldRoutes,
    reportingRoutes,
    matterRoutes,
    attachmentRoutes,
    indicatorRoutes,
    commitmentRoutes,
    enterpriseRoutes,
    landEfficiencyRoutes,
    opportunityRoutes,
    leadRoutes,
    visitRoutes,
    policyRoutes,
    chainRoutes,
    carrierRoutes,
    targetTextRoutes,
    assessmentRoutes,
    scoringRoutes,
    notificationRoutes,
    warningRoutes,
    mapRoutes,
    dashboardRoutes,
  ]) {
    routes(app, deps);
  }
  // The built web page, when there is one; client-side routes fall back to index.html in the not-found handler.
  if (webPage) await registerWebPage(app, WEB_DIST);
  return app;
}
