import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpRequest } from './http-session';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const LANTU = path.join(ROOT, 'bin', 'lantu.js');
/** The output kept for a failure message: the tail, enough to show why a start failed. */
const KEPT_OUTPUT = 64 * 1024;

/** A free TCP port on the loopback address, for one child server. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs `lantu <args>` to the end with the environment given; answers its exit code and output. */
export async function runLantu(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [LANTU, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

/**
 * The real server (`node bin/lantu.js serve`) as a child process on its own port and database, started, killed and
 * restarted by the crash tests. Its output is watched line by line, so a test can wait for what the server logs.
 */
export class ChildServer {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  private output = '';
  private watchers: { pattern: string; resolve: () => void }[] = [];

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get running() {
    return this.child !== null;
  }

  /** The process id of the running server (its primary, with LANTU_WORKERS above 1). */
  get pid() {
    return this.child?.pid;
  }

  /** The tail of everything the server printed, for failure messages. */
  get log() {
    return this.output;
  }

  /** Starts the server; does not wait for it to be ready. */
  spawn() {
    if (this.child) throw new Error('the server is already running');
    const child = spawn(process.execPath, [LANTU, 'serve'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
    });
    const take = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-KEPT_OUTPUT);
      this.watchers = this.watchers.filter((w) => {
        if (!this.output.includes(w.pattern)) return true;
        w.resolve();
        return false;
      });
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.child = null;
        resolve(code);
      }),
    );
  }

  /** Starts the server and waits until `/readyz` answers 200; fails with the server's output if it does not. */
  async start(timeoutMs = 120_000) {
    this.spawn();
    await this.waitReady(timeoutMs);
  }

  async waitReady(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`the server exited while starting:\n${this.output}`);
      const status = await httpRequest(this.url, 'GET', '/readyz')
        .then((r) => r.status)
        .catch(() => 0);
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server was not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Resolves once the server has printed `text` (from now on or already). */
  printed(text: string): Promise<void> {
    if (this.output.includes(text)) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ pattern: text, resolve }));
  }

  /** Sends a signal and waits for the process to end; answers its exit code (null when a signal ended it). */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    const exited = this.exited;
    this.child?.kill(signal);
    return exited;
  }
}
