import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Secret, type S3Settings } from '../config';
import { canonicalRequest, parseAuthorization, sha256Hex, signatureOf } from '../lib/sigv4';

// A small S3-compatible server for tests, on 127.0.0.1 over real HTTP: it checks every request's Signature V4 against
// the secret it was given (403 SignatureDoesNotMatch otherwise), checks a signed body's SHA-256, keeps objects in
// memory (path-style addresses, one bucket), answers PUT, GET, HEAD, DELETE and ListObjectsV2 (in pages of
// `pageSize`), and can be told to fail the next calls.

export type FakeS3 = {
  settings: S3Settings;
  /** The objects held, by key. */
  objects: Map<string, { body: Buffer; modifiedAt: Date }>;
  /** Every request it answered: method, path and status. */
  requests: { method: string; path: string; status: number }[];
  /**
   * The next `count` requests (of a method, or any; after letting `after` of them through) answer `status` with an
   * InternalError, or have their connection cut.
   */
  failNext: (count: number, how?: { status?: number; method?: string; cut?: boolean; after?: number }) => void;
  close: () => Promise<void>;
};

const ACCESS_KEY_ID = 'LANTUTESTKEY';
const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the fake store; `secret` is the one it accepts signatures of, `pageSize` the objects per listing page. */
export async function startFakeS3(options: { bucket?: string; secret?: string; pageSize?: number; prefix?: string } = {}): Promise<FakeS3> {
  const bucket = options.bucket ?? 'lantu-test';
  const secret = options.secret ?? 'fake-s3-secret-0123456789abcdef';
  const pageSize = options.pageSize ?? 1000;
  const objects = new Map<string, { body: Buffer; modifiedAt: Date }>();
  const requests: FakeS3['requests'] = [];
  const failures: { status: number; method?: string; cut: boolean; after: number }[] = [];

  function verify(request: IncomingMessage, url: URL, body: Buffer): string | null {
    const auth = parseAuthorization(request.headers.authorization);
    if (!auth || auth.accessKeyId !== ACCESS_KEY_ID) return 'InvalidAccessKeyId';
    if (auth.service !== 's3' || !auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('x-amz-date')) return 'AccessDenied';
    const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) return 'XAmzContentSHA256Mismatch';
    const stamp = String(request.headers['x-amz-date'] ?? '');
    if (stamp.slice(0, 8) !== auth.day) return 'AuthorizationHeaderMalformed';
    const signed = Object.fromEntries(auth.signedHeaders.map((name) => [name, String(request.headers[name] ?? '')]));
    const canonical = canonicalRequest(request.method ?? 'GET', url, signed, payloadHash);
    const { signature } = signatureOf(secret, stamp, auth, canonical.text);
    return signature === auth.signature ? null : 'SignatureDoesNotMatch';
  }

  function list(url: URL, response: ServerResponse) {
    const prefix = url.searchParams.get('prefix') ?? '';
    const start = Number(url.searchParams.get('continuation-token') ?? 0);
    const keys = [...objects.keys()].filter((key) => key.startsWith(prefix)).sort();
    const page = keys.slice(start, start + pageSize);
    const truncated = start + pageSize < keys.length;
    const contents = page
      .map((key) => {
        const object = objects.get(key);
        return `<Contents><Key>${escapeXml(key)}</Key><LastModified>${object?.modifiedAt.toISOString()}</LastModified><Size>${object?.body.length}</Size></Contents>`;
      })
      .join('');
    response.writeHead(200, { 'content-type': 'application/xml' });
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextContinuationToken>${start + pageSize}</NextContinuationToken>` : ''}${contents}</ListBucketResult>`,
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    const answer = (status: number, code?: string) => {
      response.writeHead(status, code ? { 'content-type': 'application/xml' } : {});
      response.end(code && method !== 'HEAD' ? xmlError(code) : undefined);
    };
    const failure = failures.find((f) => !f.method || f.method === method);
    if (failure && failure.after > 0) failure.after -= 1;
    else if (failure) {
      failures.splice(failures.indexOf(failure), 1);
      if (failure.cut) return request.socket.destroy();
      return answer(failure.status, 'InternalError');
    }
    const problem = verify(request, url, body);
    if (problem) return answer(403, problem);
    const [, bucketName, ...rest] = url.pathname.split('/');
    if (bucketName !== bucket) return answer(404, 'NoSuchBucket');
    const key = decodeURIComponent(rest.join('/'));
    if (!key) return method === 'GET' && url.searchParams.get('list-type') === '2' ? list(url, response) : answer(400, 'InvalidRequest');
    const object = objects.get(key);
    switch (method) {
      case 'PUT':
        objects.set(key, { body, modifiedAt: new Date() });
        return answer(200);
      case 'GET':
      case 'HEAD':
        if (!object) return answer(404, 'NoSuchKey');
        response.writeHead(200, { 'content-length': String(object.body.length), 'content-type': 'application/octet-stream' });
        return response.end(method === 'GET' ? object.body : undefined);
      case 'DELETE':
        objects.delete(key);
        return answer(204);
      default:
        return answer(405, 'MethodNotAllowed');
    }
  }

  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    response.on('finish', () => requests.push({ method, path, status: response.statusCode }));
    handle(request, response).catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'cn-north-1',
      bucket,
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: new Secret(secret),
      pathStyle: true,
      prefix: options.prefix ?? 'attachments/',
    },
    objects,
    requests,
    failNext: (count, how = {}) => {
      for (let i = 0; i < count; i += 1)
        failures.push({ status: how.status ?? 500, method: how.method, cut: how.cut ?? false, after: how.after ?? 0 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
