import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChildServer, freePort } from '../crash/child-server';
import { HttpSession } from '../crash/http-session';
import { adminQuery, withDatabase } from '../databases';
import { databaseKinds } from '../harness';

// `lantu serve` with LANTU_WORKERS=2 (server/lib/workers.ts): several processes serve one port on one PostgreSQL
// database, as instances behind a load balancer do. PostgreSQL only: the embedded database is one process's.

const PASSWORD = 'workers-test-password';
const WORKERS = 2;

/** The process ids of a process's children, from the kernel's own list. */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(databaseKinds().filter((kind) => kind === 'postgres'))('lantu serve with several workers (%s)', () => {
  let dir = '';
  let databaseName = '';
  let server: ChildServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lantu-workers-'));
    databaseName = `lantu_workers_${randomBytes(5).toString('hex')}`;
    await adminQuery(inject('postgresUrl'), `create database ${databaseName}`);
    server = new ChildServer(await freePort(), {
      DATABASE_URL: withDatabase(inject('postgresUrl'), databaseName),
      LANTU_DATA_DIR: path.join(dir, 'data'),
      LANTU_DEMO: '1',
      LANTU_DEMO_PASSWORD: PASSWORD,
      LANTU_LOG_LEVEL: 'info',
      LANTU_WORKERS: String(WORKERS),
    });
    await server.start();
    await server.printed(`with ${WORKERS} workers`);
  }, 300_000);

  afterAll(async () => {
    if (server?.running) await server.stop('SIGKILL');
    if (databaseName) await adminQuery(inject('postgresUrl'), `drop database if exists ${databaseName} with (force)`);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves one session from every worker, replaces a worker that dies, and stops cleanly on SIGTERM', async () => {
    const primary = server.pid as number;
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(WORKERS);

    // A session signed in through one worker is good on all of them: the connections go round the workers.
    const session = await HttpSession.signIn(() => server.url, 'office', PASSWORD);
    const created = await session.request('POST', '/api/v1/projects', { name: '多进程测试项目', leadUnitId: await leadUnit(session) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as { id: string }).id;
    const reads = await Promise.all(Array.from({ length: 20 }, () => session.request('GET', `/api/v1/projects/${id}`)));
    expect(reads.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(servedBy(server.log).sort()).toEqual([...workers].sort());

    // A worker killed outright: the other goes on serving, and a new one takes its place.
    const [killed] = workers as [number];
    process.kill(killed, 'SIGKILL');
    await until(
      'the killed worker',
      () => alive(killed),
      (isAlive) => !isAlive,
    );
    const during = await Promise.all(Array.from({ length: 10 }, () => session.request('GET', `/api/v1/projects/${id}`)));
    expect(during.map((r) => r.status)).toEqual(Array(10).fill(200));
    const replaced = await until(
      'the workers after one was killed',
      () => childrenOf(primary),
      (pids) => pids.length === WORKERS && !pids.includes(killed),
    );
    const [replacement] = replaced.filter((pid) => !workers.includes(pid)) as [number];
    await server.printed(`worker ${replacement} serving`);

    // SIGTERM to the primary drains every worker and ends the whole with 0.
    expect(await server.stop('SIGTERM'), server.log.slice(-3000)).toBe(0);
    for (const pid of replaced) expect(alive(pid), `worker ${pid} after the primary stopped`).toBe(false);
  }, 240_000);
});

/** The processes that logged a completed request (`lantu serve` logs one JSON line per request at level info). */
function servedBy(log: string): number[] {
  const pids = new Set<number>();
  for (const line of log.split('\n')) {
    if (!line.startsWith('{"level"') || !line.includes('"request completed"')) continue;
    const pid = (JSON.parse(line) as { pid?: number }).pid;
    if (pid) pids.add(pid);
  }
  return [...pids];
}

async function leadUnit(session: HttpSession): Promise<string> {
  const page = await session.read<{ items: { leadUnitId: string }[] }>('/api/v1/projects?pageSize=1');
  return page.items[0]?.leadUnitId ?? '';
}
