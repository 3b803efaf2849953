import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 (the header form), as S3 and every S3-compatible store (MinIO, Ceph RGW, OSS, COS, OBS)
// accept it: a canonical request (method, encoded path, sorted query, signed headers, payload hash) hashed into a string
// to sign, signed with a key derived from the secret, the date, the region and the service. Checked against AWS's
// published test suite in sigv4.test.ts. Paths are encoded once and never normalised (S3's rules).

export const EMPTY_PAYLOAD_HASH = createHash('sha256').update('').digest('hex');
const ALGORITHM = 'AWS4-HMAC-SHA256';

type SigningKeys = { accessKeyId: string; secretAccessKey: string };

type SignInput = {
  method: string;
  url: URL;
  /** Headers to sign besides host and x-amz-date (names in any case). */
  headers?: Record<string, string>;
  /** The hex SHA-256 of the body (or `UNSIGNED-PAYLOAD`). */
  payloadHash: string;
  region: string;
  service: string;
  now: Date;
};

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, every other byte %XX; `/` kept only in paths. */
export function uriEncode(value: string, keepSlash: boolean): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(char) || (keepSlash && char === '/')) out += char;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The `20150830T123600Z` form of a moment. */
const amzDate = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The query as SigV4 signs it: each name and value encoded, sorted by name then value (`?acl` is `acl=`). */
function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([name, value]) => [uriEncode(name, false), uriEncode(value, false)] as const);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** The canonical path: the URL's path decoded, then each byte encoded once (S3 does not normalise `..` or `//`). */
const canonicalPath = (url: URL) => uriEncode(decodeURIComponent(url.pathname || '/'), true);

/** Header names lower-cased and sorted, values trimmed with inner runs of spaces made one. */
function canonicalHeaders(headers: Record<string, string>): { canonical: string; signed: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    canonical: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signed: entries.map(([name]) => name).join(';'),
  };
}

/** The signature of a canonical request (hex), with the key derived from the secret for the date, region and service. */
export function signatureOf(secretAccessKey: string, stamp: string, scope: { region: string; service: string }, canonicalRequest: string) {
  const day = stamp.slice(0, 8);
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [ALGORITHM, stamp, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secretAccessKey}`, day);
  for (const part of [scope.region, scope.service, 'aws4_request']) key = hmac(key, part);
  return { signature: createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex'), credentialScope };
}

/** The canonical request of a method, URL, headers (every one signed) and payload hash. */
export function canonicalRequest(method: string, url: URL, headers: Record<string, string>, payloadHash: string) {
  const { canonical, signed } = canonicalHeaders(headers);
  return { text: [method.toUpperCase(), canonicalPath(url), canonicalQuery(url), canonical, signed, payloadHash].join('\n'), signed };
}

/**
 * Signs a request: answers the headers to send (`authorization`, `x-amz-date` and the given ones; `host` is signed but
 * left to the HTTP client, which sends the URL's host).
 */
export function signRequest(keys: SigningKeys, input: SignInput): Record<string, string> {
  const stamp = amzDate(input.now);
  const given = Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const toSign: Record<string, string> = { ...given, host: input.url.host, 'x-amz-date': stamp };
  const request = canonicalRequest(input.method, input.url, toSign, input.payloadHash);
  const { signature, credentialScope } = signatureOf(keys.secretAccessKey, stamp, input, request.text);
  return {
    ...given,
    'x-amz-date': stamp,
    authorization: `${ALGORITHM} Credential=${keys.accessKeyId}/${credentialScope}, SignedHeaders=${request.signed}, Signature=${signature}`,
  };
}

/** The parts of an `Authorization: AWS4-HMAC-SHA256 …` header, or null when it is not one (for a store checking it). */
export function parseAuthorization(header: string | undefined) {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      header ?? '',
    );
  if (!match) return null;
  const [, accessKeyId, day, region, service, signedHeaders, signature] = match as unknown as string[];
  return { accessKeyId, day, region, service, signedHeaders: signedHeaders?.split(';') ?? [], signature } as {
    accessKeyId: string;
    day: string;
    region: string;
    service: string;
    signedHeaders: string[];
    signature: string;
  };
}
