import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors';
import type { MessageKey } from '../lib/messages';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Finds the first string (value or key) PostgreSQL cannot store faithfully: NUL, or a lone surrogate. */
export function findUnstorableString(value: unknown, path: string[] = [], depth = 0): { path: string; key: MessageKey } | null {
  if (depth > 64) return null;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: path.join('.') || '(root)', key: 'error.nul_character' };
    if (LONE_SURROGATE.test(value)) return { path: path.join('.') || '(root)', key: 'error.lone_surrogate' };
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnstorableString(k, [...path, k], depth + 1) ?? findUnstorableString(v, [...path, k], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Rejects, before any route sees it, input containing characters no column can hold — for every route at once. */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const found = findUnstorableString(value, part ? [part] : []);
      if (found) {
        throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, [{ path: found.path, messageKey: found.key }]);
      }
    }
  });
}
