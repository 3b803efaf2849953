import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../common/schemas/shared';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import { AppError } from './errors';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules are given: the database and the configuration. */
export type Deps = { db: Db; database: Database; config: Config };

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;

/** The error answers of a write a business rule can refuse (a gate, a frozen baseline): the usual ones and 422. */
export const ruleErrorResponses = { ...errorResponses, 422: errorSchema } as const;

/**
 * Optimistic concurrency: an `If-Match` header, when sent, must agree with the body's `version`
 * (a quoted or bare number, as an ETag would be).
 */
export function assertIfMatch(header: string | string[] | undefined, version: number) {
  if (header === undefined) return;
  const value = (Array.isArray(header) ? header[0] : header)?.replace(/^W\//, '').replace(/"/g, '').trim();
  if (value !== String(version)) {
    throw new AppError(409, 'version_conflict', 'error.if_match', {}, [{ path: 'version', messageKey: 'error.if_match' }]);
  }
}
