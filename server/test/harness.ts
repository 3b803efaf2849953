import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { buildApp } from '../app';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { auditEvents } from '../db/schema';
import type { App } from '../lib/http';
import { type DatabaseKind, TEST_PASSWORD, openTestDatabase } from './databases';

export { OTHER_REGION, TEST_PASSWORD } from './databases';

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: undefined,
  databasePoolSize: 5,
  dataDir: '/nonexistent',
  demo: false,
  demoPassword: undefined,
  logLevel: 'silent',
  sessionSecret: 'test-secret-that-is-long-enough-0123456789',
  trustProxy: false,
  secureCookies: false,
  regionCode: '370105',
  ...overrides,
});

/** The database kinds this run covers: PGlite always, PostgreSQL when LANTU_TEST_DATABASE_URL is set. */
export const databaseKinds = (): DatabaseKind[] => (inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite']);

export type TestContext = { app: App; database: Database; kind: DatabaseKind };

/** The real app on a private copy of the test database (demo district + a second district). */
export async function createTestApp(kind: DatabaseKind, config: Partial<Config> = {}): Promise<TestContext> {
  const database = await openTestDatabase(kind, {
    pgliteFile: inject('pgliteTemplate'),
    postgresUrl: inject('postgresUrl'),
    postgresTemplate: inject('postgresTemplate'),
  });
  const app = await buildApp({ config: testConfig(config), database });
  return { app, database, kind };
}

/**
 * Runs a suite once per database kind, each with its own app and database copy. `body` gets a getter,
 * because the app exists only once `beforeAll` has run.
 */
export function describeEachDatabase(name: string, body: (t: () => TestContext) => void, config: Partial<Config> = {}) {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let context: TestContext | undefined;
      beforeAll(async () => {
        context = await createTestApp(kind, config);
      }, 60_000);
      afterAll(async () => {
        await context?.app.close();
        await context?.database.close();
      });
      body(() => {
        if (!context) throw new Error('test app not ready');
        return context;
      });
    });
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** An HTTP client for the app under test: anonymous, or signed in with its session cookie and CSRF token. */
export class Client {
  constructor(
    private readonly app: App,
    readonly cookie: string | null = null,
    readonly csrfToken: string | null = null,
    readonly userId: string | null = null,
  ) {}

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

export const anonymous = (app: App) => new Client(app);

/** Signs in through the real endpoint and returns a client carrying the session. */
let clientMachine = 0;

export async function signInAs(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  // Each client signs in from its own address, as people at different desks do, so the sign-in rate limit
  // (tested on its own) does not throttle a test file that signs in many times.
  clientMachine += 1;
  const remoteAddress = `10.1.${Math.floor(clientMachine / 250) % 250}.${(clientMachine % 250) + 1}`;
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress, payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'lantu_session');
  const me = response.json() as { id: string; csrfToken: string };
  return new Client(app, `lantu_session=${cookie?.value}`, me.csrfToken, me.id);
}

/** The newest audit event with this action (optionally for one record). */
export async function lastAuditEvent(database: Database, action: string, recordId?: string) {
  const rows = await database.db
    .select()
    .from(auditEvents)
    .where(recordId ? eq(auditEvents.recordId, recordId) : eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.id))
    .limit(20);
  return rows.find((r) => r.action === action) ?? null;
}

/** Asserts the response is the documented error shape and returns its error body. */
export function errorOf(response: LightMyRequestResponse) {
  const body = response.json() as { error?: { code: string; message: string; details?: { path: string; message: string }[] } };
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error body: ${response.body}`);
  }
  return body.error;
}
