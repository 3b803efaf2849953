import http from 'node:http';

export type HttpResponse = { status: number; body: unknown; setCookies: string[] };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** How long one request may take before the client gives up (a server that hangs is a failure, not a crash). */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A request over a fresh connection (no keep-alive, so nothing stale survives a killed server). `sendBody` lets the
 * caller send the body in parts; the default sends it at once.
 */
export function httpRequest(
  baseUrl: string,
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  sendBody: (request: http.ClientRequest, payload: Buffer) => void = (request, payload) => request.end(payload),
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    // A Buffer is sent as it is (a multipart upload, its content type in `headers`); anything else as JSON.
    const payload = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const request = http.request(`${baseUrl}${path}`, {
      method,
      agent: false,
      timeout: REQUEST_TIMEOUT_MS,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(payload.length) }),
        ...headers,
      },
    });
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Not JSON: keep the text.
        }
        resolve({ status: response.statusCode ?? 0, body: parsed, setCookies: response.headers['set-cookie'] ?? [] });
      });
    });
    if (body === undefined) request.end();
    else sendBody(request, payload);
  });
}

/** A signed-in user of a server under test: the session cookie and the CSRF header on every write. */
export class HttpSession {
  private constructor(
    readonly baseUrl: () => string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  /** Signs in through the real endpoint, as the web page does. */
  static async signIn(baseUrl: () => string, username: string, password: string): Promise<HttpSession> {
    const response = await httpRequest(baseUrl(), 'POST', '/api/v1/auth/sign-in', { username, password });
    const cookie = response.setCookies.map((c) => c.split(';')[0] ?? '').find((c) => c.includes('lantu_session='));
    const csrfToken = (response.body as { csrfToken?: string }).csrfToken;
    if (response.status !== 200 || !cookie || !csrfToken) {
      throw new Error(`sign-in as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return new HttpSession(baseUrl, cookie, csrfToken);
  }

  headers(method: Method, extra: Record<string, string> = {}) {
    return { cookie: this.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken }), ...extra };
  }

  request(method: Method, path: string, body?: unknown, headers?: Record<string, string>) {
    return httpRequest(this.baseUrl(), method, path, body, this.headers(method, headers));
  }

  /** A GET that must answer 200; answers the body. */
  async read<T>(path: string): Promise<T> {
    const response = await this.request('GET', path);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as T;
  }
}
