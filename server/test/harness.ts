import { desc, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { buildApp } from '../app';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { auditEvents, users } from '../db/schema';
import type { App } from '../lib/http';
import { decryptTotpSecret, timeStep, totpCode } from '../lib/totp';
import { type DatabaseKind, TEST_PASSWORD, TEST_SESSION_SECRET, openTestDatabase } from './databases';

export { OTHER_REGION, TEST_PASSWORD, TEST_SESSION_SECRET } from './databases';

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: undefined,
  databasePoolSize: 5,
  workers: 1,
  databasePooler: 'none',
  dataDir: '/nonexistent',
  demo: false,
  demoPassword: undefined,
  logLevel: 'silent',
  sessionSecret: TEST_SESSION_SECRET,
  trustProxy: false,
  secureCookies: false,
  regionCode: '370105',
  publicRateLimit: 120,
  ...overrides,
});

/**
 * The database kinds this run covers: PGlite always, PostgreSQL when LANTU_TEST_DATABASE_URL is set.
 * LANTU_TEST_DATABASES (`pglite`, `postgres` or both, comma-separated) narrows them, as the Node 22 run does.
 */
export function databaseKinds(): DatabaseKind[] {
  const available: DatabaseKind[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
  const wanted = (process.env.LANTU_TEST_DATABASES ?? '').split(',').map((kind) => kind.trim());
  return wanted.some(Boolean) ? available.filter((kind) => wanted.includes(kind)) : available;
}

export type TestContext = { app: App; database: Database; kind: DatabaseKind };

/** Each test app's database, so signInAs can read a user's second-factor secret as the user's phone holds it. */
const databasesOfApps = new WeakMap<App, Database>();

/** The real app on a private copy of the test database (demo district + a second district). */
export async function createTestApp(kind: DatabaseKind, config: Partial<Config> = {}): Promise<TestContext> {
  const database = await openTestDatabase(kind, {
    pgliteFile: inject('pgliteTemplate'),
    postgresUrl: inject('postgresUrl'),
    postgresTemplate: inject('postgresTemplate'),
  });
  // LANTU_TEST_LOG=error (or another pino level) shows the server's log, to see what is behind a 500.
  const level = process.env.LANTU_TEST_LOG;
  const app = await buildApp({ config: testConfig(config), database, logger: level ? { level } : false });
  databasesOfApps.set(app, database);
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
    /** The address the client signed in from; its requests keep coming from there, as a person's do. */
    readonly remoteAddress?: string,
  ) {}

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
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

let clientMachine = 0;

/**
 * Signs in through the real endpoints and returns a client carrying the session. A user with a second factor
 * passes the second step with the current code of the stored secret, as the user's authenticator app would.
 */
export async function signInAs(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  // Each client signs in from its own address, as people at different desks do, so the sign-in rate limit
  // (tested on its own) does not throttle a test file that signs in many times.
  clientMachine += 1;
  const remoteAddress = `10.1.${Math.floor(clientMachine / 250) % 250}.${(clientMachine % 250) + 1}`;
  let response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress, payload: { username, password } });
  const first = response.statusCode === 200 ? (response.json() as { status?: string; challenge?: string }) : {};
  if (first.status === 'totp_required' && first.challenge) {
    const code = await currentTotpCode(app, username);
    response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/totp',
      remoteAddress,
      payload: { challenge: first.challenge, code },
    });
  }
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'lantu_session');
  const me = response.json() as { id: string; csrfToken: string };
  return new Client(app, `lantu_session=${cookie?.value}`, me.csrfToken, me.id, remoteAddress);
}

/**
 * The code the user's authenticator app shows now. Tests sign in as one user many times within one 30-second
 * step, and a step is accepted only once (the replay guard, tested in server/modules/auth/totp.test.ts), so
 * when the current step was already used the guard is cleared first, as waiting for the next step would do.
 */
export async function currentTotpCode(app: App, username: string): Promise<string> {
  const database = databasesOfApps.get(app);
  if (!database) throw new Error('signInAs with a second factor needs an app made by createTestApp');
  const [user] = await database.db
    .select({ id: users.id, secret: users.totpSecret, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (!user?.secret) throw new Error(`${username} has no second factor`);
  if (user.lastStep !== null && user.lastStep >= timeStep()) {
    await database.db.update(users).set({ totpLastStep: null }).where(eq(users.id, user.id));
  }
  return totpCode(decryptTotpSecret(TEST_SESSION_SECRET, user.id, user.secret));
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
