import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayInChina } from '../../../common/domain/dates';
import {
  publicOpportunityListQuery,
  publicOpportunityPage,
  publicOpportunityParam,
  publicOpportunitySchema,
} from '../../../common/schemas/opportunities';
import { errorSchema } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import type { App, Deps } from '../../lib/http';
import { type PublicAnswer, type publicAnswerCache, stillFresh } from './public-cache';
import { presentPublicOpportunity } from './presenter';
import { publicOpportunities, publicOpportunity } from './repository';

const tags = ['public'];
/** Browsers and proxies may keep an answer a minute; the server's own copy lives ten seconds. */
const CACHE_CONTROL = 'public, max-age=60';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function send(request: FastifyRequest, reply: FastifyReply, answer: PublicAnswer) {
  if (!answer) throw notFound();
  reply.header('etag', answer.etag).header('cache-control', CACHE_CONTROL);
  if (stillFresh(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}

/**
 * The city opportunity list for anyone, signed out (城市机会清单): published, unexpired items only, public fields
 * only, each item named by its random public id. An unpublished, expired, withdrawn or unknown item is the same 404.
 * Limited per client address (429 with Retry-After), cacheable (ETag, Cache-Control public).
 */
export function publicOpportunityRoutes(app: App, { db, config }: Deps, cache: ReturnType<typeof publicAnswerCache>) {
  const access = 'public' as const;
  const rateLimit = { max: config.publicRateLimit, timeWindow: '1 minute' };
  const errors = { 404: errorSchema, 429: errorSchema };

  app.get(
    '/api/v1/public/opportunities',
    {
      schema: {
        tags,
        summary: 'The published, unexpired opportunities, newest first (no sign-in; rate-limited per address; ETag)',
        security: [],
        querystring: publicOpportunityListQuery,
        response: { 200: publicOpportunityPage, 400: errorSchema, ...errors },
      },
      config: { access, rateLimit },
    },
    async (request, reply) => {
      const today = todayInChina();
      const { kind, page, pageSize } = request.query;
      const answer = await cache.get(`list|${today}|${kind ?? ''}|${page}|${pageSize}`, async () => {
        const { rows, total } = await publicOpportunities(db, today, request.query);
        return { items: rows.map(presentPublicOpportunity), total, page, pageSize };
      });
      return send(request, reply, answer);
    },
  );

  app.get(
    '/api/v1/public/opportunities/:publicId',
    {
      schema: {
        tags,
        summary: 'One published, unexpired opportunity by its public id; anything else is the same 404',
        security: [],
        params: publicOpportunityParam,
        response: { 200: publicOpportunitySchema, ...errors },
      },
      config: { access, rateLimit },
    },
    async (request, reply) => {
      const today = todayInChina();
      const publicId = request.params.publicId.toLowerCase();
      if (!UUID.test(publicId)) throw notFound();
      const answer = await cache.get(`item|${today}|${publicId}`, async () => {
        const row = await publicOpportunity(db, today, publicId);
        return row ? presentPublicOpportunity(row) : null;
      });
      return send(request, reply, answer);
    },
  );
}
