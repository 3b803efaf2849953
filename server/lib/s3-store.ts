import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { S3Settings } from '../config';
import type { ObjectStore, StoredObject } from './object-store';
import { ObjectStoreError, isObjectName } from './object-store';
import { EMPTY_PAYLOAD_HASH, sha256Hex, signRequest, uriEncode } from './sigv4';

// An S3-compatible bucket spoken to with plain fetch and Signature V4 (sigv4.ts): PUT, GET (streamed), HEAD, DELETE
// of one object and ListObjectsV2. Every body is signed by its SHA-256 (files are at most 10 MB, held in memory while
// sent). The secret is read only here, to sign; errors name the method, the key and the store's answer, never a secret.

/** How long a request may wait for the store's answer (its headers) before it counts as unreachable. */
const ANSWER_TIMEOUT_MS = 30_000;

/** The address of a key (or of the bucket, for `key` ''): path-style `endpoint/bucket/key` or `bucket.endpoint/key`. */
export function objectUrl(settings: Pick<S3Settings, 'endpoint' | 'bucket' | 'pathStyle'>, key: string): URL {
  const url = new URL(settings.endpoint);
  const base = url.pathname.replace(/\/+$/, '');
  if (settings.pathStyle) {
    url.pathname = `${base}/${settings.bucket}${key ? `/${uriEncode(key, true)}` : ''}`;
  } else {
    url.hostname = `${settings.bucket}.${url.hostname}`;
    url.pathname = `${base}/${uriEncode(key, true)}`;
  }
  return url;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');
const tag = (xml: string, name: string) => {
  const found = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
  return found === undefined ? undefined : unescapeXml(found);
};

/** The objects of one ListObjectsV2 page, and the token of the next page when there is one. */
export function parseListing(xml: string): { objects: { key: string; size: number; modifiedAt: Date }[]; next: string | null } {
  const objects = [...xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)].map(([, entry = '']) => ({
    key: tag(entry, 'Key') ?? '',
    size: Number(tag(entry, 'Size') ?? 0),
    modifiedAt: new Date(tag(entry, 'LastModified') ?? 0),
  }));
  const truncated = tag(xml, 'IsTruncated') === 'true';
  return { objects, next: truncated ? (tag(xml, 'NextContinuationToken') ?? null) : null };
}

/** An S3-compatible bucket as the attachments' object store. */
export function s3Store(settings: S3Settings): ObjectStore {
  const keyOf = (name: string) => `${settings.prefix}${name}`;

  async function send(method: string, url: URL, body?: Buffer): Promise<Response> {
    const payloadHash = body ? sha256Hex(body) : EMPTY_PAYLOAD_HASH;
    const headers = signRequest(
      { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey.reveal() },
      {
        method,
        url,
        headers: { 'x-amz-content-sha256': payloadHash, ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
        payloadHash,
        region: settings.region,
        service: 's3',
        now: new Date(),
      },
    );
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ANSWER_TIMEOUT_MS);
    try {
      return await fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined, signal: controller.signal });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new ObjectStoreError(`S3 ${method} ${url.pathname}: no answer from ${url.host} (${cause})`);
    } finally {
      // Only the wait for the answer is limited: a large download keeps streaming.
      clearTimeout(timer);
    }
  }

  /** A refusal or failure of the store, with its code (`SignatureDoesNotMatch`, `NoSuchBucket` …) when it sent one. */
  async function failure(method: string, url: URL, response: Response) {
    const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
    const code = tag(text, 'Code');
    return new ObjectStoreError(`S3 ${method} ${url.pathname} answered ${response.status}${code ? ` (${code})` : ''}`);
  }

  return {
    kind: 's3',
    location: `s3://${settings.bucket}/${settings.prefix} at ${settings.endpoint}`,
    async put(name, source) {
      const url = objectUrl(settings, keyOf(name));
      const body = 'bytes' in source ? source.bytes : await readFile(source.file);
      const response = await send('PUT', url, body);
      if (!response.ok) throw await failure('PUT', url, response);
      await response.body?.cancel();
    },
    async get(name) {
      const url = objectUrl(settings, keyOf(name));
      const response = await send('GET', url);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) throw await failure('GET', url, response);
      const size = Number(response.headers.get('content-length') ?? Number.NaN);
      return { body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), size };
    },
    async head(name) {
      const url = objectUrl(settings, keyOf(name));
      const response = await send('HEAD', url);
      if (response.status === 404) return null;
      if (!response.ok) throw await failure('HEAD', url, response);
      return { size: Number(response.headers.get('content-length') ?? 0) };
    },
    async delete(name) {
      const url = objectUrl(settings, keyOf(name));
      const response = await send('DELETE', url);
      // Gone already is fine (S3 answers 204 either way; some stores 404).
      if (!response.ok && response.status !== 404) throw await failure('DELETE', url, response);
      await response.body?.cancel();
    },
    async *list(): AsyncIterable<StoredObject> {
      let token: string | null = null;
      do {
        const url = objectUrl(settings, '');
        url.searchParams.set('list-type', '2');
        url.searchParams.set('prefix', settings.prefix);
        if (token) url.searchParams.set('continuation-token', token);
        const response = await send('GET', url);
        if (!response.ok) throw await failure('GET', url, response);
        const page = parseListing(await response.text());
        for (const object of page.objects) {
          const name = object.key.slice(settings.prefix.length);
          // Only the objects Lantu wrote (a folder below the prefix or a stranger's file is left alone).
          if (object.key.startsWith(settings.prefix) && isObjectName(name))
            yield { name, size: object.size, modifiedAt: object.modifiedAt };
        }
        token = page.next;
      } while (token);
    },
  };
}
