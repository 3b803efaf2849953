import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';
import type { Locale } from '../../common/locale';
import type { ErrorDetail } from '../lib/errors';
import { isMessageKey, translate } from '../lib/messages';

type Issue = z.core.$ZodIssue;

/** A request part (body, query, params, headers) that failed its schema; translated later, in the user's language. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly issues: Issue[],
  ) {
    super('request validation failed');
  }
}

/** Like fastify-type-provider-zod's compiler, but keeps the raw issues so messages can be localised per request. */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  };

const zodLocales: Record<Locale, ReturnType<typeof z.locales.en>> = {
  'zh-CN': z.locales.zhCN(),
  'en-US': z.locales.en(),
};

const partPrefix = (part: string) => (part === 'body' ? '' : part === 'querystring' ? 'query' : part);
const joinPath = (prefix: string, path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');

/** Turns zod issues into `{ path, message }` pairs in the user's language; one pair per unknown field. */
export function describeIssues(error: RequestValidationError, locale: Locale): ErrorDetail[] {
  const prefix = partPrefix(error.part);
  return error.issues.flatMap((issue): ErrorDetail[] => {
    if (issue.code === 'unrecognized_keys') {
      const message = locale === 'zh-CN' ? '不允许的字段' : 'unknown field';
      return issue.keys.map((key) => ({ path: joinPath(prefix, [...issue.path, key]), message }));
    }
    const path = joinPath(prefix, issue.path) || '(root)';
    if (isMessageKey(issue.message)) return [{ path, message: translate(locale, issue.message) }];
    const rendered = zodLocales[locale].localeError(issue as never);
    const message = typeof rendered === 'string' ? rendered : (rendered?.message ?? issue.message);
    return [{ path, message }];
  });
}
