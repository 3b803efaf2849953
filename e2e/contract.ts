import { test as base, expect } from '@playwright/test';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Every browser test checks the API against its own contract: each `/api/v1` response the pages receive is validated
 * against the response schema that `/api/openapi.json` documents for that operation and status (an undocumented
 * status is a violation too), and no response may be a 5xx. Specs import `test` and `expect` from here.
 */
type Operation = { pattern: RegExp; method: string; responses: Record<string, { content?: Record<string, { schema?: object }> }> };
type OpenApi = { paths: Record<string, Record<string, { responses: Operation['responses'] }>> };

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
let operations: Operation[] | undefined;
const validators = new Map<string, ValidateFunction>();

async function loadOperations(baseURL: string): Promise<Operation[]> {
  if (operations) return operations;
  const document = (await (await fetch(`${baseURL}/api/openapi.json`)).json()) as OpenApi;
  operations = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      // `/api/v1/projects/{id}` → ^/api/v1/projects/[^/]+$; literal segments win over parameters (sorted below).
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      method: method.toUpperCase(),
      responses: operation.responses,
    })),
  );
  operations.sort((a, b) => (a.pattern.source.match(/\[\^\/\]\+/g)?.length ?? 0) - (b.pattern.source.match(/\[\^\/\]\+/g)?.length ?? 0));
  return operations;
}

function validatorFor(key: string, schema: object) {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

export const test = base.extend<{ contract: string[] }>({
  contract: [
    async ({ page, baseURL }, use) => {
      const known = await loadOperations(baseURL ?? '');
      const violations: string[] = [];
      const checks: Promise<void>[] = [];
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (!url.pathname.startsWith('/api/v1/')) return;
        const method = response.request().method();
        const status = response.status();
        const where = `${method} ${url.pathname} → ${status}`;
        if (status >= 500) violations.push(`${where}: server error`);
        const operation = known.find((o) => o.method === method && o.pattern.test(url.pathname));
        if (!operation) return void violations.push(`${where}: not in the OpenAPI document`);
        const documented = operation.responses[String(status)];
        if (!documented) return void violations.push(`${where}: status not documented`);
        const schema = documented.content?.['application/json']?.schema;
        const type = response.headers()['content-type'] ?? '';
        if (!schema || !type.includes('application/json')) return;
        checks.push(
          response
            .json()
            .then((body: unknown) => {
              const validate = validatorFor(`${method} ${operation.pattern.source} ${status}`, schema);
              if (!validate(body)) violations.push(`${where}: ${ajv.errorsText(validate.errors)}`);
            })
            .catch(() => {}), // a body the page navigated away from cannot be read; nothing to check
        );
      });
      await use(violations);
      await Promise.all(checks);
      expect(violations, 'API responses that break the OpenAPI contract').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
