import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../db/client';
import type { App } from './http';
import type { Scheduler } from './scheduler';

/** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
export const DRAIN_DEADLINE_MS = 20_000;
/** After cutting connections, how long handlers still running get to end their transactions. */
const AFTER_CUT_MS = 5_000;

/** What runs beside the requests until shutdown and finishes its work when stopped (the audit chain's sealer). */
export type Background = { stop: () => Promise<void> };

/**
 * Stops a serving instance in order: stop accepting connections and let requests in flight finish (cut after
 * `drainMs`), let a scheduled job in progress finish, seal the audit events the last requests wrote, then close the
 * database cleanly — PGlite writes its data folder's shutdown checkpoint, so the next start needs no recovery.
 */
export async function shutDown({
  app,
  scheduler,
  sealer,
  database,
  drainMs = DRAIN_DEADLINE_MS,
}: {
  app: App;
  scheduler: Scheduler;
  sealer: Background;
  database: Database;
  drainMs?: number;
}) {
  const jobsStopped = scheduler.stop();
  const closed = app.close();
  const drained = await Promise.race([closed.then(() => true), sleep(drainMs, false, { ref: false })]);
  if (!drained) {
    app.log.warn({ drainMs }, 'requests still running at the shutdown deadline: closing their connections');
    app.server.closeAllConnections();
    await Promise.race([closed, sleep(AFTER_CUT_MS, undefined, { ref: false })]);
  }
  await jobsStopped;
  await sealer.stop();
  await database.close();
}

/** SIGTERM and SIGINT shut the instance down once; the process exits 0 when that went cleanly, 1 when it failed. */
export function shutDownOnSignals(log: App['log'], stop: () => Promise<void>) {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: draining requests');
    stop().then(
      () => {
        log.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
