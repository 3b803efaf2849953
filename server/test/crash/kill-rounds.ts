import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChildServer } from './child-server';
import { RefusedWrite, type WriteStream } from './write-streams';

/** A small seeded random source (mulberry32), so a failing run can be repeated with LANTU_CRASH_SEED. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, between: (min: number, max: number) => Math.floor(min + next() * (max - min)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs every stream against the server until a random moment, then kills the server with SIGKILL. Answers what went
 * wrong while it was up: a write the server refused, or a connection that failed before the kill.
 */
export async function writeUntilKilled(server: ChildServer, streams: WriteStream[], killAfterMs: number): Promise<string[]> {
  const problems: string[] = [];
  let killing = false;
  const loops = streams.map(async (stream) => {
    while (!killing) {
      try {
        await stream.step();
      } catch (error) {
        if (error instanceof RefusedWrite || !killing) problems.push(`${stream.name}: ${(error as Error).message}`);
        return;
      }
    }
  });
  await sleep(killAfterMs);
  killing = true;
  await server.stop('SIGKILL');
  await Promise.all(loops);
  return problems;
}

/** Kills a starting server at a random moment of its start-up (migrations, reference data), before it serves. */
export async function killWhileStarting(server: ChildServer, killAfterMs: number) {
  server.spawn();
  await sleep(killAfterMs);
  await server.stop('SIGKILL');
}

/**
 * PostgreSQL's own record of how its data folder was left (pg_control's `state`): 1 = shut down cleanly, anything else
 * (6 = in production, 4 = in crash recovery) means the next start must recover it.
 */
export function pgControlState(pgliteDir: string): number {
  return readFileSync(path.join(pgliteDir, 'global', 'pg_control')).readUInt32LE(16);
}

/** pg_control's state of a data folder that was shut down cleanly (6, "in production", needs recovery). */
export const PG_SHUT_DOWN = 1;

/** Median and maximum of a list of durations, for the run's report. */
export function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}
