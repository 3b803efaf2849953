import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotifyError } from './errors';
import { type OutgoingRequest, sendOutgoing } from './outgoing-request';
import { checkOutgoingUrl, type OutgoingPolicy, type Resolve } from './outgoing-target';
import { type FakeHttpServer, json, startFakeHttpServer } from './test-servers';

// The fakes listen on 127.0.0.1, which is reached only because the tests name it.
const local: OutgoingPolicy = { allowedHosts: ['127.0.0.1'] };

async function failure(request: OutgoingRequest, policy: OutgoingPolicy = local): Promise<NotifyError> {
  const error = await sendOutgoing(request, policy).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NotifyError)) throw new Error(`expected a NotifyError, got ${String(error)}`);
  return error;
}

let target: FakeHttpServer;
let redirecting: FakeHttpServer;
let silent: FakeHttpServer;
let big: FakeHttpServer;

beforeAll(async () => {
  target = await startFakeHttpServer((_, res) => json(res, 200, { errcode: 0, errmsg: 'ok' }));
  redirecting = await startFakeHttpServer((request, res) => {
    res.writeHead(request.path === '/permanent' ? 308 : 302, { location: `${target.url}/internal-admin` });
    res.end();
  });
  silent = await startFakeHttpServer(() => {
    // never answers
  });
  big = await startFakeHttpServer((request, res) => {
    const body = 'x'.repeat(100_000);
    if (request.path === '/declared') res.writeHead(200, { 'content-length': body.length });
    else res.writeHead(200, { 'transfer-encoding': 'chunked' });
    res.end(body);
  });
});

afterAll(async () => {
  await Promise.all([target, redirecting, silent, big].map((server) => server.close()));
});

describe('sendOutgoing', () => {
  it('sends to an allowlisted local receiver and returns its answer', async () => {
    const response = await sendOutgoing(
      { url: `${target.url}/hook?x=1`, body: '{"a":1}', headers: { 'content-type': 'application/json' } },
      local,
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ errcode: 0, errmsg: 'ok' });
    const seen = target.seen.at(-1);
    expect(seen).toMatchObject({ method: 'POST', path: '/hook?x=1', body: '{"a":1}' });
    expect(seen?.headers['content-length']).toBe('7');
  });

  it('does not reach the same receiver without the allowlist', async () => {
    const before = target.seen.length;
    const error = await failure({ url: `${target.url}/hook` }, {});
    expect(error.messageKey).toBe('notify.url_not_allowed.loopback');
    expect(target.seen.length).toBe(before);
  });

  it('does not follow a redirect to 127.0.0.1', async () => {
    const before = target.seen.length;
    for (const path of ['/temporary', '/permanent']) {
      const error = await failure({ url: `${redirecting.url}${path}` });
      expect(error.code).toBe('notify.redirect_refused');
      expect(error.params.status).toBe(path === '/permanent' ? 308 : 302);
    }
    expect(target.seen.length).toBe(before);
    expect(redirecting.seen.length).toBe(2);
  });

  it('connects to the address it checked, however the name resolves afterwards (DNS rebinding)', async () => {
    const answers = ['127.0.0.1', '10.66.66.66'];
    let lookups = 0;
    const rebinding: Resolve = async () => [{ address: answers[Math.min(lookups++, 1)] ?? '', family: 4 }];
    const before = target.seen.length;
    const response = await sendOutgoing(
      { url: `http://hooks.intranet.test:${target.port}/pinned`, method: 'GET' },
      { allowedHosts: ['hooks.intranet.test'], resolve: rebinding },
    );
    expect(response.status).toBe(200);
    expect(lookups).toBe(1);
    expect(target.seen.length).toBe(before + 1);
    expect(target.seen.at(-1)?.headers.host).toBe(`hooks.intranet.test:${target.port}`);
  });

  it('checks again before every request: a name that now resolves inside is refused', async () => {
    let lookups = 0;
    const flipping: Resolve = async () => [{ address: lookups++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    // the first check passes (it would go out to the internet, so only check it); the next request is refused
    await expect(checkOutgoingUrl('https://hooks.example.test/', { resolve: flipping })).resolves.toMatchObject({
      hostname: 'hooks.example.test',
    });
    const error = await failure({ url: 'https://hooks.example.test/' }, { resolve: flipping });
    expect(error.messageKey).toBe('notify.url_not_allowed.loopback');
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    const error = await failure({ url: `${silent.url}/slow`, timeoutMs: 300 });
    expect(error.code).toBe('notify.timeout');
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a DNS answer that never comes', async () => {
    const hanging: Resolve = () => new Promise(() => {});
    const error = await failure({ url: 'https://slow-dns.example.test/', timeoutMs: 200 }, { resolve: hanging });
    expect(error.code).toBe('notify.timeout');
  });

  it('stops reading an answer over the size cap, declared or not', async () => {
    for (const path of ['/declared', '/chunked']) {
      const error = await failure({ url: `${big.url}${path}`, maxResponseBytes: 1024 });
      expect(error.code).toBe('notify.response_too_large');
      expect(error.params.limit).toBe(1024);
    }
  });

  it('reports a refused connection as worth retrying', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const address = free.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const error = await failure({ url: `http://127.0.0.1:${port}/` });
    expect(error.code).toBe('notify.connection_failed');
    expect(error.params.reason).toBe('ECONNREFUSED');
    expect(error.retryable).toBe(true);
  });

  it.skipIf(!hasOpenssl())(
    'over https, verifies the certificate against the host name while connecting to the pinned address',
    async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'lantu-notify-tls-'));
      const [key, cert] = [path.join(folder, 'key.pem'), path.join(folder, 'cert.pem')];
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-days',
          '2',
          '-keyout',
          key,
          '-out',
          cert,
          '-subj',
          '/CN=hooks.intranet.test',
          '-addext',
          'subjectAltName=DNS:hooks.intranet.test',
        ],
        { stdio: 'ignore' },
      );
      const pem = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
      rmSync(folder, { recursive: true, force: true });
      const server = createHttpsServer(pem, (req, res) => res.end(`${(req.socket as { servername?: string }).servername}`));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const policy: OutgoingPolicy = {
        allowedHosts: ['hooks.intranet.test', 'other.intranet.test'],
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      };
      try {
        const response = await sendOutgoing({ url: `https://hooks.intranet.test:${port}/`, method: 'GET', ca: pem.cert }, policy);
        expect(response.body).toBe('hooks.intranet.test');
        const wrongName = await failure({ url: `https://other.intranet.test:${port}/`, method: 'GET', ca: pem.cert }, policy);
        expect(wrongName.params.reason).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
        expect(wrongName.retryable).toBe(false);
        const untrusted = await failure({ url: `https://hooks.intranet.test:${port}/`, method: 'GET' }, policy);
        expect(untrusted.params.reason).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  );
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
