import { type Server, createServer } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseKinds } from '../test/harness';
import { registerErrorHandler } from './errors';

// A real pool of one connection, held by another client: the request's query waits past the pool's timeout.
describe.each(databaseKinds().filter((kind) => kind === 'postgres'))('when no database connection comes free (%s)', () => {
  const pool = new pg.Pool({ connectionString: inject('postgresUrl'), max: 1, connectionTimeoutMillis: 200 });
  const app = Fastify();
  app.decorateRequest('locale', 'zh-CN');
  registerErrorHandler(app, { webPage: false });
  app.get('/api/v1/probe', async () => (await pool.query('select 1 as one')).rows[0]);
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('answers 503 busy with Retry-After, in words, and the same request succeeds once a connection is free', async () => {
    const holder = await pool.connect();
    const busy = await app.inject({ method: 'GET', url: '/api/v1/probe' });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('2');
    expect(busy.json().error).toMatchObject({ code: 'busy', message: '系统繁忙，本次操作未执行，请 2 秒后重试' });
    holder.release();
    const free = await app.inject({ method: 'GET', url: '/api/v1/probe' });
    expect(free.statusCode).toBe(200);
    expect(free.json()).toEqual({ one: 1 });
  });
});

// Without PostgreSQL too (the fast tier): a server that accepts connections and never answers, so the new connection
// is not made in time — a database too busy to take one.
describe('when the database does not answer in time', () => {
  let silent: Server;
  let pool: pg.Pool;
  const app = Fastify();
  app.decorateRequest('locale', 'en-US');
  registerErrorHandler(app, { webPage: false });
  app.get('/api/v1/probe', async () => (await pool.query('select 1 as one')).rows[0]);

  beforeAll(async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    pool = new pg.Pool({ host: '127.0.0.1', port, user: 'lantu', max: 1, connectionTimeoutMillis: 200 });
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
    silent.close();
  });

  it('answers 503 busy with Retry-After, in the reader’s words', async () => {
    const busy = await app.inject({ method: 'GET', url: '/api/v1/probe' });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('2');
    expect(busy.json().error).toMatchObject({ code: 'busy' });
    expect(busy.json().error.message).not.toMatch(/timeout exceeded/);
  });
});
