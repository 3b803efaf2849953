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
export async function startServer(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/lantu.js'), 'serve'], {
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

/** Calls `call` n times one after another; answers a result row: label, p50, p95. */
export async function measure(label: string, n: number, call: () => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await call();
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${label}: ${r.status}`);
    times.push(performance.now() - t);
  }
  return [label, `${percentile(times, 50).toFixed(1)} ms`, `${percentile(times, 95).toFixed(1)} ms`];
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
