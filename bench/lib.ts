/** What every benchmark needs: a real `lantu serve` child process, a signed-in session, percentiles, memory. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const PASSWORD = 'bench-demo-password-2024';

/** Resident memory of a process in MB, read from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts `lantu serve` and waits for /readyz; `ms` is the time to ready. */
export async function startServer(
  env: Record<string, string>,
  port: number,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/lantu.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LANTU_LOG_LEVEL: 'warn', LANTU_DEMO_PASSWORD: PASSWORD, ...env },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return { child, ms: Math.round(performance.now() - started) };
    } catch {}
    if (child.exitCode !== null) throw new Error('server exited during start-up');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Calls `call` n times one after another; answers a result row: label, p50, p95 — and, given the server's `pid`, the
 * CPU it spent per request, which holds better than the times when other work shares the cores.
 */
export async function measure(label: string, n: number, call: () => Promise<Response>, pid?: number) {
  const times: number[] = [];
  const cpuBefore = pid ? cpuMs(pid) : 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await call();
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${label}: ${r.status}`);
    times.push(performance.now() - t);
  }
  const row = [label, `${percentile(times, 50).toFixed(1)} ms`, `${percentile(times, 95).toFixed(1)} ms`];
  return pid ? [...row, `server CPU ${((cpuMs(pid) - cpuBefore) / n).toFixed(1)} ms/req`] : row;
}

/**
 * Signs a demo user in over HTTP; answers the headers later calls need (session cookie, CSRF token for writes).
 * The project office (`office`) is the library's everyday user and has no second factor to pass.
 */
export async function signIn(base: string, username = 'office') {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken?: string };
  return { cookie, 'x-csrf-token': body.csrfToken ?? '' };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export type LoadResult = {
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  /** CPU the server process (`pid`, when given) spent per request, ms. */
  cpuPerRequest?: number;
};

/**
 * Loads `url` with autocannon (in this process) for `seconds` with `connections` connections; every response's time
 * is kept, so p95 is exact (autocannon's own summary has p90 and p97.5 only). A non-2xx answer counts as an error.
 */
export async function load(
  url: string,
  { connections = 10, seconds = 10, headers = {} as Record<string, string>, pid = 0 } = {},
): Promise<LoadResult> {
  const { default: autocannon } = await import('autocannon');
  const times: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, headers });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const result = await instance;
  const cpu = pid ? cpuMs(pid) - cpuBefore : 0;
  return {
    reqPerSec: Math.round(result.requests.total / seconds),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    errors: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
    ...(pid && result.requests.total ? { cpuPerRequest: round(cpu / result.requests.total) } : {}),
  };
}

const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used, in ms; 0 when it is gone or unreadable. */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Times requests made by hand (writes, sequences): each answer's time is kept; a non-2xx answer or a failed request
 * counts as an error, and the first few are kept to say what went wrong.
 */
export class Recorder {
  times: number[] = [];
  errors = 0;
  samples: string[] = [];
  private started = performance.now();
  private cpuBefore: number;

  constructor(private readonly pid = 0) {
    this.cpuBefore = pid ? cpuMs(pid) : 0;
  }

  /** Sends one request; answers its status and parsed JSON body (null when not JSON or failed). */
  async call(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    const t = performance.now();
    try {
      const response = await fetch(url, init);
      const text = await response.text();
      this.times.push(performance.now() - t);
      if (!response.ok) {
        this.errors++;
        if (this.samples.length < 3) this.samples.push(`${response.status} ${text.slice(0, 300)}`);
      }
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: response.status, body };
    } catch (error) {
      this.errors++;
      if (this.samples.length < 3) this.samples.push(String(error));
      return { status: 0, body: null };
    }
  }

  result(): LoadResult & { seconds: number; samples?: string[] } {
    const seconds = (performance.now() - this.started) / 1000;
    const requests = this.times.length;
    const cpu = this.pid ? cpuMs(this.pid) - this.cpuBefore : 0;
    return {
      reqPerSec: Math.round(requests / Math.max(seconds, 0.001)),
      p50: round(percentile(this.times, 50)),
      p95: round(percentile(this.times, 95)),
      p99: round(percentile(this.times, 99)),
      errors: this.errors,
      requests,
      seconds: round(seconds),
      ...(this.pid && requests ? { cpuPerRequest: round(cpu / requests) } : {}),
      ...(this.samples.length ? { samples: this.samples } : {}),
    };
  }
}

/** Runs `tasks` with at most `concurrency` at a time; stops taking new ones once `until` (ms since epoch) has passed. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
  until = Number.POSITIVE_INFINITY,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length && Date.now() < until) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
