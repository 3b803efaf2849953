import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lantu-config-'));

describe('configuration', () => {
  it('has the documented defaults: port 3000 on 127.0.0.1, embedded database with the demo', () => {
    const config = loadConfig({ LANTU_DATA_DIR: tmp() });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      demo: true,
      logLevel: 'info',
      secureCookies: false,
    });
  });

  it('turns the demo off by default on PostgreSQL', () => {
    expect(loadConfig({ LANTU_DATA_DIR: tmp(), DATABASE_URL: 'postgres://x@localhost/db' }).demo).toBe(false);
  });

  it('stops with a message naming the variable', () => {
    expect(() => loadConfig({ LANTU_DATA_DIR: tmp(), PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ LANTU_DATA_DIR: tmp(), PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LANTU_DATA_DIR: tmp(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LANTU_DATA_DIR: tmp(), LANTU_DEMO_PASSWORD: 'short' })).toThrow(/LANTU_DEMO_PASSWORD/);
  });

  it('runs several workers on PostgreSQL only', () => {
    expect(loadConfig({ LANTU_DATA_DIR: tmp() }).workers).toBe(1);
    expect(loadConfig({ LANTU_DATA_DIR: tmp(), DATABASE_URL: 'postgres://x@localhost/db', LANTU_WORKERS: '4' }).workers).toBe(4);
    expect(() => loadConfig({ LANTU_DATA_DIR: tmp(), LANTU_WORKERS: '2' })).toThrow(/LANTU_WORKERS: above 1 needs PostgreSQL/);
    expect(() => loadConfig({ LANTU_DATA_DIR: tmp(), DATABASE_URL: 'postgres://x@localhost/db', LANTU_WORKERS: '0' })).toThrow(
      /LANTU_WORKERS/,
    );
  });

  it('knows a transaction pooler in front of PostgreSQL, and nothing else', () => {
    expect(loadConfig({ LANTU_DATA_DIR: tmp() }).databasePooler).toBe('none');
    expect(loadConfig({ LANTU_DATA_DIR: tmp(), DATABASE_POOLER: 'transaction' }).databasePooler).toBe('transaction');
    expect(() => loadConfig({ LANTU_DATA_DIR: tmp(), DATABASE_POOLER: 'session' })).toThrow(/DATABASE_POOLER: must be none or transaction/);
  });

  it('generates the session secret once, readable only by its owner, and keeps it', () => {
    const dir = tmp();
    const first = loadConfig({ LANTU_DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(loadConfig({ LANTU_DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
  });

  it('reads an optional JSON file, with the environment taking precedence', () => {
    const dir = tmp();
    const file = path.join(dir, 'lantu.json');
    writeFileSync(file, JSON.stringify({ PORT: 4000, HOST: '0.0.0.0' }));
    const config = loadConfig({ LANTU_DATA_DIR: dir, LANTU_CONFIG: file, HOST: '127.0.0.2' });
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.2');
  });
});
