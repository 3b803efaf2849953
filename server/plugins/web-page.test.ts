import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebPage } from './web-page';

const SCRIPT = `console.log(${JSON.stringify('蓝图'.repeat(800))});`;

describe('the built web page', () => {
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'lantu-web-page-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>蓝图</title>');
    await writeFile(path.join(root, 'assets', 'index-Ab12Cd.js'), SCRIPT);
    await writeFile(path.join(root, 'assets', 'index-Ab12Cd.js.br'), brotliCompressSync(SCRIPT));
    await writeFile(path.join(root, 'assets', 'index-Ab12Cd.js.gz'), gzipSync(SCRIPT));
    app = Fastify();
    await registerWebPage(app, root);
  });
  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it('sends a hashed asset pre-compressed to a browser that accepts brotli, cached for a year as immutable', async () => {
    const response = await app.inject({ url: '/assets/index-Ab12Cd.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the same asset as it is to a client that accepts no encoding', async () => {
    const response = await app.inject({ url: '/assets/index-Ab12Cd.js' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(SCRIPT);
  });

  it('has the page itself revalidated on every load, so a new release reaches people at their next visit', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<title>蓝图</title>');
  });
});
