import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, loadConfig } from '../config';
import { type FakeS3, startFakeS3 } from '../test/fake-s3';
import { ObjectStoreError, folderStore, objectStoreOf } from './object-store';
import { objectUrl, parseListing, s3Store } from './s3-store';
import { newStoredName } from './uploads';

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const text = async (found: { body: NodeJS.ReadableStream } | null) => {
  if (!found) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of found.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString();
};

describe('the S3 object store, against a local S3 server over HTTP that checks every signature', () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3({ pageSize: 2 });
  });
  afterAll(() => s3.close());

  it('puts bytes and files, reads them back streamed, tells their size, lists them page by page, and deletes them', async () => {
    const store = s3Store(s3.settings);
    const [a, b, c] = [newStoredName(), newStoredName(), newStoredName()];
    await store.put(a, { bytes: Buffer.from('第一张照片') });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lantu-s3-')), 'staged');
    writeFileSync(file, 'a document');
    await store.put(b, { file });
    await store.put(c, { bytes: Buffer.alloc(0) });
    s3.objects.set('attachments/notes.txt', { body: Buffer.from('a stranger'), modifiedAt: new Date() });
    s3.objects.set('elsewhere/x.upload', { body: Buffer.from('another prefix'), modifiedAt: new Date() });

    expect([...s3.objects.keys()]).toContain(`attachments/${a}`);
    expect(await text(await store.get(a))).toBe('第一张照片');
    expect((await store.get(a))?.size).toBe(Buffer.byteLength('第一张照片'));
    expect(await text(await store.get(b))).toBe('a document');
    expect(await store.head(c)).toEqual({ size: 0 });
    expect(await store.get(newStoredName())).toBeNull();
    expect(await store.head(newStoredName())).toBeNull();

    // Four objects under the prefix in pages of two: two pages, the stranger's file left out.
    const listed = await collect(store.list());
    expect(listed.map((o) => o.name).sort()).toEqual([a, b, c].sort());
    expect(s3.requests.filter((r) => r.method === 'GET' && r.path.includes('list-type=2'))).toHaveLength(2);

    await store.delete(a);
    await store.delete(a);
    expect(await store.get(a)).toBeNull();
    expect(s3.requests.every((r) => r.status !== 403)).toBe(true);
  });

  it('a wrong secret is refused by the store (403 SignatureDoesNotMatch), and the error names no secret', async () => {
    const wrong = s3Store({ ...s3.settings, secretAccessKey: new Secret('not-the-secret') });
    const error = await wrong.put(newStoredName(), { bytes: Buffer.from('x') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectStoreError);
    expect((error as Error).message).toMatch(/answered 403 \(SignatureDoesNotMatch\)/);
    expect((error as Error).message).not.toContain('not-the-secret');
    expect(s3.requests.at(-1)?.status).toBe(403);
  });

  it('a store that fails or cannot be reached is an ObjectStoreError on every operation', async () => {
    const store = s3Store(s3.settings);
    const name = newStoredName();
    s3.failNext(1, { status: 503 });
    await expect(store.put(name, { bytes: Buffer.from('x') })).rejects.toThrow(/answered 503 \(InternalError\)/);
    expect(s3.objects.has(`attachments/${name}`)).toBe(false);
    s3.failNext(1, { cut: true });
    await expect(store.get(name)).rejects.toBeInstanceOf(ObjectStoreError);
    s3.failNext(1, { status: 500 });
    await expect(store.delete(name)).rejects.toBeInstanceOf(ObjectStoreError);
    s3.failNext(1, { status: 500 });
    await expect(collect(store.list())).rejects.toBeInstanceOf(ObjectStoreError);
    const closed = s3Store({ ...s3.settings, endpoint: 'http://127.0.0.1:1' });
    await expect(closed.head(name)).rejects.toThrow(/no answer from 127\.0\.0\.1:1/);
  });
});

describe('S3 addresses and settings', () => {
  const base = { endpoint: 'https://oss.example.gov.cn', bucket: 'lantu', pathStyle: true };
  it('path-style puts the bucket in the path, virtual-hosted in the host name; an endpoint’s own path is kept', () => {
    expect(objectUrl(base, 'attachments/a.upload').href).toBe('https://oss.example.gov.cn/lantu/attachments/a.upload');
    expect(objectUrl({ ...base, pathStyle: false }, 'attachments/a.upload').href).toBe(
      'https://lantu.oss.example.gov.cn/attachments/a.upload',
    );
    expect(objectUrl({ ...base, endpoint: 'http://10.0.0.5:9000/s3' }, 'k').href).toBe('http://10.0.0.5:9000/s3/lantu/k');
  });

  it('reads a listing page with its continuation token and escaped keys', () => {
    const page = parseListing(
      '<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>t&amp;2</NextContinuationToken><Contents><Key>a&amp;b</Key><LastModified>2026-12-01T00:00:00.000Z</LastModified><Size>7</Size></Contents></ListBucketResult>',
    );
    expect(page).toEqual({ objects: [{ key: 'a&b', size: 7, modifiedAt: new Date('2026-12-01T00:00:00.000Z') }], next: 't&2' });
  });

  it('is configured by LANTU_S3_*: all four or none, and the secret never shows in logs or JSON', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-s3-config-'));
    const env = {
      LANTU_DATA_DIR: dataDir,
      LANTU_S3_ENDPOINT: 'https://minio.example.gov.cn:9000/',
      LANTU_S3_BUCKET: 'lantu-files',
      LANTU_S3_ACCESS_KEY_ID: 'LANTUKEY',
      LANTU_S3_SECRET_ACCESS_KEY: 'top-secret-value-123',
    };
    const config = loadConfig(env);
    expect(config.s3).toMatchObject({
      endpoint: 'https://minio.example.gov.cn:9000',
      region: 'us-east-1',
      bucket: 'lantu-files',
      pathStyle: true,
      prefix: 'attachments/',
    });
    expect(config.s3?.secretAccessKey.reveal()).toBe('top-secret-value-123');
    expect(JSON.stringify(config)).not.toContain('top-secret-value-123');
    expect(inspect(config, { depth: 10 })).not.toContain('top-secret-value-123');
    expect(`${config.s3?.secretAccessKey}`).toBe('[secret]');
    expect(objectStoreOf(config).kind).toBe('s3');
    expect(objectStoreOf(config).location).not.toContain('top-secret');

    expect(loadConfig({ ...env, LANTU_S3_PATH_STYLE: '0' }).s3?.pathStyle).toBe(false);
    expect(loadConfig({ LANTU_DATA_DIR: dataDir }).s3).toBeUndefined();
    expect(objectStoreOf(loadConfig({ LANTU_DATA_DIR: dataDir })).kind).toBe('folder');
    expect(() => loadConfig({ LANTU_DATA_DIR: dataDir, LANTU_S3_BUCKET: 'lantu-files' })).toThrow(
      /LANTU_S3_ENDPOINT: required with the other LANTU_S3_ settings/,
    );
    expect(() => loadConfig({ ...env, LANTU_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/LANTU_S3_BUCKET/);
    expect(() => loadConfig({ ...env, LANTU_S3_ENDPOINT: 'ftp://x' })).toThrow(/LANTU_S3_ENDPOINT/);
  });
});

describe('the folder object store', () => {
  it('moves a staged file in, writes bytes, reads, lists only stored names, deletes', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-folder-store-'));
    const store = folderStore(dataDir);
    const staged = path.join(dataDir, 'staged');
    writeFileSync(staged, 'photo');
    const [a, b] = [newStoredName(), newStoredName()];
    await store.put(a, { file: staged });
    await store.put(b, { bytes: Buffer.from('thumb') });
    expect(existsSync(staged)).toBe(false);
    writeFileSync(path.join(dataDir, 'attachments', 'notes.txt'), 'left alone');
    expect(await text(await store.get(a))).toBe('photo');
    expect((await collect(store.list())).map((o) => o.name).sort()).toEqual([a, b].sort());
    await store.delete(a);
    expect(await store.head(a)).toBeNull();
    expect(await store.head(b)).toEqual({ size: 5 });
  });
});
