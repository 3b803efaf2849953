import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../common/errors';
import { isConnectionWaitTimeout } from '../db/client';
import { AppError } from '../lib/errors';
import { type MessageKey, translate } from '../lib/messages';
import { RequestValidationError, describeIssues } from './validation';

/** How long a busy answer asks the client to wait before trying again. */
const BUSY_RETRY_SECONDS = 2;

type Body = { error: { code: ErrorCode; message: string; requestId?: string; details?: { path: string; message: string }[] } };

/**
 * The one error shape: `{ error: { code, message, requestId, details: [{ path, message }] } }`, localised.
 * With `webPage`, unknown non-API GETs of a page path answer the web page's index.html (client-side routes).
 */
export function registerErrorHandler(app: FastifyInstance, options: { webPage: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = request.locale;
    const send = (status: number, body: Body['error']) =>
      reply.status(status).send({ error: { ...body, requestId: request.id } } satisfies Body);

    if (error instanceof RequestValidationError) {
      return send(400, {
        code: 'validation_failed',
        message: translate(locale, 'error.validation_failed'),
        details: describeIssues(error, locale),
      });
    }
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      return send(error.status, {
        code: error.code,
        message: translate(locale, error.messageKey, error.params),
        details: error.details.map((d) => ({ path: d.path, message: translate(locale, d.messageKey, d.params) })),
      });
    }
    if (isConnectionWaitTimeout(error)) {
      // Every database connection stayed busy past the pool's wait: nothing was written; the client may try again.
      request.log.warn({ err: error }, 'no database connection became free in time');
      reply.header('retry-after', String(BUSY_RETRY_SECONDS));
      return send(503, { code: 'busy', message: translate(locale, 'error.busy', { seconds: BUSY_RETRY_SECONDS }) });
    }
    const known = frameworkError(error, request.routeOptions.bodyLimit);
    if (known) return send(known.status, { code: known.code, message: translate(locale, known.key, known.params) });

    request.log.error({ err: error }, 'unhandled error');
    return send(500, { code: 'internal', message: translate(locale, 'error.internal', { requestId: request.id }) });
  });

  app.setNotFoundHandler((request, reply) => {
    const pagePath = request.method === 'GET' && !request.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '');
    if (options.webPage && pagePath) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({
      error: { code: 'route_not_found', message: translate(request.locale, 'error.route_not_found'), requestId: request.id },
    });
  });
}

/** Fastify's own 4xx errors (bad JSON, too large, wrong content type, rate limit) in our shape. */
function frameworkError(
  error: FastifyError,
  bodyLimit: number | undefined,
): { status: number; code: ErrorCode; key: MessageKey; params?: Record<string, number> } | null {
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return { status, code: 'rate_limited', key: 'error.rate_limited', params: { seconds: Number((error as { ttl?: number }).ttl ?? 60) } };
  }
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // A route with its own limit (a boundary file) says what the limit is.
    if (bodyLimit && bodyLimit > 1024 * 1024) {
      return {
        status: 413,
        code: 'payload_too_large',
        key: 'error.payload_too_large_limit',
        params: { megabytes: Math.round(bodyLimit / 1024 / 1024) },
      };
    }
    return { status: 413, code: 'payload_too_large', key: 'error.payload_too_large' };
  }
  if (status >= 400 && status < 500) return { status, code: 'bad_request', key: 'error.bad_request' };
  return null;
}
