import { describe, expect, it } from 'vitest';
import { EMPTY_PAYLOAD_HASH, parseAuthorization, sha256Hex, signRequest, uriEncode } from './sigv4';

// Cases of AWS's published Signature Version 4 test suite (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html,
// region us-east-1, service "service", 2015-08-30T12:36:00Z) and of the S3 documentation's worked examples
// (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, 2013-05-24).
const suite = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const s3Keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const suiteAt = new Date(Date.UTC(2015, 7, 30, 12, 36, 0));
const s3At = new Date(Date.UTC(2013, 4, 24, 0, 0, 0));
const suiteScope = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request';
const s3Scope = 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';

const cases: { name: string; method: string; url: string; headers: Record<string, string>; want: string }[] = [
  {
    name: 'get-vanilla',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: {},
    want: `${suiteScope}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`,
  },
  {
    name: 'post-vanilla',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: {},
    want: `${suiteScope}, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b`,
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET',
    url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1',
    headers: {},
    want: `${suiteScope}, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500`,
  },
  {
    name: 'get-unreserved',
    method: 'GET',
    url: 'https://example.amazonaws.com/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    headers: {},
    want: `${suiteScope}, SignedHeaders=host;x-amz-date, Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f`,
  },
  {
    name: 'post-header-value-case',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': 'VALUE1' },
    want: `${suiteScope}, SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d`,
  },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': ' value1', 'My-Header2': '"a   b   c"' },
    want: `${suiteScope}, SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736`,
  },
];
const suiteCases = cases.map((c) => ({
  ...c,
  keys: suite,
  at: suiteAt,
  region: 'us-east-1',
  service: 'service',
  payloadHash: EMPTY_PAYLOAD_HASH,
}));

const putBody = 'Welcome to Amazon S3.';
const s3Cases: { name: string; method: string; url: string; headers: Record<string, string>; payloadHash: string; want: string }[] = [
  {
    name: 'S3 GET object (a range of bytes)',
    method: 'GET',
    url: 'https://examplebucket.s3.amazonaws.com/test.txt',
    headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH },
    payloadHash: EMPTY_PAYLOAD_HASH,
    want: `${s3Scope}, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41`,
  },
  {
    name: 'S3 PUT object (a name to encode, a signed body)',
    method: 'PUT',
    url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
    headers: {
      Date: 'Fri, 24 May 2013 00:00:00 GMT',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      'x-amz-content-sha256': sha256Hex(putBody),
    },
    payloadHash: sha256Hex(putBody),
    want: `${s3Scope}, SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd`,
  },
  {
    name: 'S3 GET bucket lifecycle (a query name without value)',
    method: 'GET',
    url: 'https://examplebucket.s3.amazonaws.com/?lifecycle',
    headers: { 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH },
    payloadHash: EMPTY_PAYLOAD_HASH,
    want: `${s3Scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543`,
  },
  {
    name: 'S3 list objects (query sorted)',
    method: 'GET',
    url: 'https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J',
    headers: { 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH },
    payloadHash: EMPTY_PAYLOAD_HASH,
    want: `${s3Scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7`,
  },
];
const s3Signed = s3Cases.map((c) => ({ ...c, keys: s3Keys, at: s3At, region: 'us-east-1', service: 's3' }));

describe('SigV4 signing', () => {
  it.each([...suiteCases, ...s3Signed])('matches AWS’s published signature: $name', (c) => {
    const headers = signRequest(c.keys, {
      method: c.method,
      url: new URL(c.url),
      headers: c.headers,
      payloadHash: c.payloadHash,
      region: c.region,
      service: c.service,
      now: c.at,
    });
    expect(headers.authorization).toBe(c.want);
    expect(headers['x-amz-date']).toBe(c.at === suiteAt ? '20150830T123600Z' : '20130524T000000Z');
    // The secret itself never travels.
    expect(JSON.stringify(headers)).not.toContain(c.keys.secretAccessKey);
  });

  it('encodes as SigV4 wants: unreserved kept, spaces and UTF-8 as %XX, slashes only in paths', () => {
    expect(uriEncode('a b/c~d+e$é', true)).toBe('a%20b/c~d%2Be%24%C3%A9');
    expect(uriEncode('a/b', false)).toBe('a%2Fb');
  });

  it('reads back the parts of an authorization header, and nothing else', () => {
    expect(parseAuthorization(s3Cases[0]?.want)).toMatchObject({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      day: '20130524',
      region: 'us-east-1',
      service: 's3',
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
    });
    expect(parseAuthorization('Basic dTpw')).toBeNull();
    expect(parseAuthorization(undefined)).toBeNull();
  });
});
