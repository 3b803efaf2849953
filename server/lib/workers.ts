import cluster, { type Worker } from 'node:cluster';
import { setTimeout as sleep } from 'node:timers/promises';

/** A worker that ends this many times within `CRASH_WINDOW_MS` is not started again: the instance stops instead. */
const CRASHES_ALLOWED = 5;
const CRASH_WINDOW_MS = 60_000;
/** Pause before a worker that ended unexpectedly is replaced. */
const RESTART_DELAY_MS = 1_000;
/** After SIGTERM, how long the workers get to drain and close before they are killed (their own deadline is 25 s). */
const STOP_DEADLINE_MS = 40_000;

type Log = { info: (message: string) => void; error: (message: string) => void };

/** True in a process `lantu serve` forked as one of several workers. */
export const isWorker = () => cluster.isWorker;

/**
 * `lantu serve` with LANTU_WORKERS above 1: this (primary) process forks `count` copies of itself that share the
 * listening port (Node's cluster hands connections out in turn), and serves nothing itself. Every worker is a whole
 * instance — its own connection pool, scheduler and audit sealer, which are safe side by side (jobs run once per
 * period across instances; one sealer at a time takes the chain's lock). A worker that ends unexpectedly is replaced;
 * one that keeps ending stops the whole. SIGTERM or SIGINT is passed to every worker, which drains and closes as a
 * single instance does; the primary exits when they have (0 when all ended cleanly). Resolves once every worker
 * listens.
 */
export function superviseWorkers(count: number, log: Log): Promise<void> {
  let stopping = false;
  const crashes: number[] = [];
  const fork = () => cluster.fork();

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) return;
    log.error(`worker ${worker.process.pid} ended (code ${code ?? '-'}, signal ${signal ?? '-'})`);
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && (crashes[0] ?? now) < now - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length >= CRASHES_ALLOWED) {
      log.error(`workers ended ${crashes.length} times within a minute: stopping`);
      void stopAll('SIGTERM').then(() => process.exit(1));
      return;
    }
    void sleep(RESTART_DELAY_MS).then(() => {
      if (!stopping) fork();
    });
  });

  const stopAll = async (signal: NodeJS.Signals) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    const exits = workers.map(
      (worker) => new Promise<boolean>((resolve) => worker.once('exit', (code: number | null) => resolve(code === 0))),
    );
    for (const worker of workers) worker.process.kill(signal);
    const clean = await Promise.race([Promise.all(exits), sleep(STOP_DEADLINE_MS, null)]);
    if (clean === null) {
      log.error('workers still running at the stop deadline: killing them');
      for (const worker of workers) worker.process.kill('SIGKILL');
      return false;
    }
    return clean.every(Boolean);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    log.info(`${signal}: stopping ${count} workers`);
    void stopAll(signal).then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let listening = 0;
  return new Promise((resolve) => {
    cluster.on('listening', (worker: Worker) => {
      log.info(`worker ${worker.process.pid} serving`);
      listening += 1;
      if (listening === count) resolve();
    });
    for (let i = 0; i < count; i += 1) fork();
  });
}
