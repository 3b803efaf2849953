import { brotliDecompressSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { anonymous, createTestApp, describeEachDatabase, errorOf, signInAs } from './test/harness';

describeEachDatabase('the application', (t) => {
  it('answers liveness and readiness', async () => {
    expect((await anonymous(t().app).get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await anonymous(t().app).get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3.1 document listing every API route, and browsable docs', async () => {
    const doc = (await anonymous(t().app).get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(t().app.apiRoutes.length).toBeGreaterThan(20);
    for (const route of t().app.apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const docs = await anonymous(t().app).get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const response = await anonymous(t().app).get('/healthz');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('rejects NUL and lone surrogates anywhere in the input, naming the field', async () => {
    const admin = await signInAs(t().app, 'admin');
    const nul = await admin.post('/api/v1/units', { name: 'a\u0000b', kind: 'other', regionCode: '370105' });
    expect(nul.statusCode).toBe(400);
    expect(errorOf(nul).details).toEqual([{ path: 'name', message: '不能包含空字符（\\u0000）' }]);
    const query = await admin.get('/api/v1/units?q=%00');
    expect(errorOf(query).details?.[0]?.path).toBe('query.q');
    const surrogate = await admin.request('POST', '/api/v1/units', '{"name":"\\ud800x","kind":"other","regionCode":"370105"}', {
      'content-type': 'application/json',
    });
    expect(errorOf(surrogate).details?.[0]?.path).toBe('name');
  });

  it('refuses to register an API route that does not declare who may call it', async () => {
    const broken = await createTestApp(t().kind);
    expect(() => broken.app.get('/api/v1/undeclared', async () => ({}))).toThrow(/does not declare config.access/);
    await broken.app.close();
    await broken.database.close();
  });

  it('answers malformed JSON and unknown routes in the one error shape', async () => {
    const admin = await signInAs(t().app, 'admin');
    const bad = await admin.request('POST', '/api/v1/units', '{"name":', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('bad_request');
    const missing = await anonymous(t().app).get('/api/v1/nothing-here', { 'accept-language': 'en-US,en;q=0.9' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toBe('No such API endpoint');
  });

  it('hides the cause of a 500 and gives the request id instead', async () => {
    // A database failure: close a throwaway app's connection under it.
    const broken = await createTestApp(t().kind);
    const client = await signInAs(broken.app, 'admin');
    await broken.database.close();
    const failed = await client.get('/api/v1/units');
    expect(failed.statusCode).toBe(500);
    const error = errorOf(failed);
    expect(error.code).toBe('internal');
    expect(failed.body).not.toMatch(/select|units|stack|at /i);
    expect(error.message).toContain(failed.headers['x-request-id'] as string);
    await broken.app.close();
  });

  it('compresses a large list for a client that accepts it, but never the session answer that carries the CSRF token', async () => {
    const office = await signInAs(t().app, 'office');
    const list = await office.get('/api/v1/projects?pageSize=50', { 'accept-encoding': 'br, gzip' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-encoding']).toBe('br');
    const plain = brotliDecompressSync(list.rawPayload).toString();
    expect(JSON.parse(plain).items).toHaveLength(50);
    expect(list.rawPayload.length).toBeLessThan(plain.length / 4);

    const me = await office.get('/api/v1/auth/me', { 'accept-encoding': 'br, gzip' });
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json().csrfToken).toBe(office.csrfToken);
    const uncompressed = await office.get('/api/v1/projects?pageSize=50');
    expect(uncompressed.headers['content-encoding']).toBeUndefined();
    expect(uncompressed.json().items).toHaveLength(50);
  });
});
