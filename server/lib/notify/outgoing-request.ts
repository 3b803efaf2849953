import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { NotifyError } from './errors';
import { checkOutgoingUrl, type OutgoingPolicy, pinnedLookup } from './outgoing-target';

export type OutgoingRequest = {
  url: string;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, DNS included; 10 s by default. */
  timeoutMs?: number;
  /** Longest answer read; 64 KiB by default (robots answer a few dozen bytes). */
  maxResponseBytes?: number;
  /** Certificate authorities (PEM) trusted for https besides the system's: an intranet gateway's. Never a way around verification. */
  ca?: string;
};

export type OutgoingResponse = { status: number; headers: IncomingHttpHeaders; body: string };

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/** Whether a network error can pass by itself (a refused or reset connection) rather than need a fix (a bad certificate). */
const isTlsError = (code: string) => /CERT|TLS|SSL|ALTNAME/i.test(code);

/**
 * Sends one HTTP request to a checked URL: the URL is checked (scheme, credentials, every resolved address) right
 * before, the connection goes only to the checked addresses, a redirect is refused rather than followed, and the
 * exchange is cut off after the timeout or the size cap. Any other status is returned for the channel to judge.
 */
export async function sendOutgoing(request: OutgoingRequest, policy: OutgoingPolicy = {}): Promise<OutgoingResponse> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const deadline = Date.now() + timeoutMs;
  let host = '';
  try {
    host = new URL(request.url).hostname;
  } catch {
    // checkOutgoingUrl reports it
  }
  const timedOut = () => new NotifyError('notify.timeout', 'notify.timeout', { host, seconds: Math.ceil(timeoutMs / 1000) }, true);

  let timer: NodeJS.Timeout | undefined;
  const target = await Promise.race([
    checkOutgoingUrl(request.url, policy),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut()), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  host = target.hostname;

  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  const headers: Record<string, string | number> = { ...request.headers };
  if (body) headers['content-length'] = body.length;

  return new Promise<OutgoingResponse>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadlineTimer);
      outcome();
    };
    const transport = target.url.protocol === 'https:' ? https : http;
    const req = transport.request(
      {
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.port,
        path: `${target.url.pathname}${target.url.search}`,
        method: request.method ?? 'POST',
        headers,
        // a fresh connection every time: a pooled socket could lead to an address checked for an earlier request
        agent: false,
        lookup: pinnedLookup(target.addresses),
        // https: the certificate is verified against the URL's host name, not the pinned address
        ...(request.ca ? { ca: [...tls.rootCertificates, request.ca] } : {}),
        rejectUnauthorized: true,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          req.destroy();
          settle(() => reject(new NotifyError('notify.redirect_refused', 'notify.redirect_refused', { host, status })));
          return;
        }
        const declared = Number(res.headers['content-length']);
        const tooLarge = () => new NotifyError('notify.response_too_large', 'notify.response_too_large', { host, limit: maxBytes });
        if (Number.isFinite(declared) && declared > maxBytes) {
          req.destroy();
          settle(() => reject(tooLarge()));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy();
            settle(() => reject(tooLarge()));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => settle(() => resolve({ status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', (error) => settle(() => reject(connectionFailed(host, error))));
      },
    );
    const deadlineTimer = setTimeout(
      () => {
        req.destroy();
        settle(() => reject(timedOut()));
      },
      Math.max(deadline - Date.now(), 1),
    );
    req.on('error', (error) => settle(() => reject(connectionFailed(host, error))));
    req.end(body);
  });
}

function connectionFailed(host: string, error: Error): NotifyError {
  const code = String((error as { code?: unknown }).code ?? error.message).slice(0, 80);
  return new NotifyError('notify.connection_failed', 'notify.connection_failed', { host, reason: code }, !isTlsError(code), {
    cause: error,
  });
}
