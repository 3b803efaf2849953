import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { jobRuns } from '../../db/schema';
import { adminQuery, withDatabase } from '../databases';
import { databaseKinds } from '../harness';
import { ChildServer, freePort, runLantu } from './child-server';
import { countChecked, findHalfWrites } from './half-writes';
import { HttpSession, httpRequest } from './http-session';
import { killDuringImport } from './import-round';
import { PG_SHUT_DOWN, killWhileStarting, pgControlState, seededRandom, spread, writeUntilKilled } from './kill-rounds';
import { MARK, type WriteStream, annualPlanSaves, planSaves, poolMoves, projectCreates, projectEdits } from './write-streams';

/** Kill rounds per database: a modest number in CI, many more on demand (LANTU_CRASH_ROUNDS=200 npx vitest run …). */
const ROUNDS = Number(process.env.LANTU_CRASH_ROUNDS ?? 5);
const SEED = Number(process.env.LANTU_CRASH_SEED ?? randomBytes(4).readUInt32LE(0));
const PASSWORD = 'crash-harness-password';
/** One round in this many also kills the server while it starts up, before it serves. */
const STARTUP_KILL_EVERY = 4;
/** Rows of the spreadsheet imported (and killed during its commit) once per eight rounds, at least once. */
const IMPORT_ROWS = Number(process.env.LANTU_CRASH_IMPORT_ROWS ?? 10_000);
const IMPORT_ROUNDS = Math.max(1, Math.floor(ROUNDS / 8));

for (const kind of databaseKinds()) {
  describe(`crash safety: the real server killed at random moments [${kind}]`, () => {
    const random = seededRandom(SEED);
    let dir = '';
    let databaseName = '';
    let env: Record<string, string> = {};
    let server: ChildServer;
    let session: HttpSession;
    let streams: WriteStream[] = [];
    let leadUnitId = '';
    let leadUnitName = '';
    const pgliteDir = () => path.join(dir, 'data', 'pglite');
    const openDirect = () =>
      kind === 'pglite' ? openDatabase({ dataDir: path.join(dir, 'data') }) : openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 1 });

    beforeAll(async () => {
      console.log(`[crash ${kind}] seed ${SEED} (LANTU_CRASH_SEED=${SEED} repeats this run), ${ROUNDS} rounds`);
      dir = await mkdtemp(path.join(os.tmpdir(), 'lantu-crash-'));
      env = { LANTU_DATA_DIR: path.join(dir, 'data'), LANTU_DEMO: '1', LANTU_DEMO_PASSWORD: PASSWORD, LANTU_LOG_LEVEL: 'info' };
      if (kind === 'postgres') {
        databaseName = `lantu_crash_${randomBytes(5).toString('hex')}`;
        await adminQuery(inject('postgresUrl'), `create database ${databaseName}`);
        env.DATABASE_URL = withDatabase(inject('postgresUrl'), databaseName);
      }
      server = new ChildServer(await freePort(), env);
      // The first start creates the database and loads the demo district, as `npm start` does.
      await server.start();
      session = await HttpSession.signIn(() => server.url, 'office', PASSWORD);
      const implementing = await session.read<{ items: { id: string; leadUnitId: string; leadUnitName: string }[] }>(
        '/api/v1/projects?pool=implementing&pageSize=2',
      );
      leadUnitId = implementing.items[0]?.leadUnitId ?? '';
      leadUnitName = implementing.items[0]?.leadUnitName ?? '';
      const own = async (label: string) => {
        const response = await session.request('POST', '/api/v1/projects', { name: `${MARK}${label}`, leadUnitId });
        if (response.status !== 201) throw new Error(`cannot create ${label}: ${JSON.stringify(response.body)}`);
        return (response.body as { id: string }).id;
      };
      streams = [
        projectCreates(session, leadUnitId, '新建'),
        await projectEdits(session, await own('编辑甲'), '编辑甲'),
        await projectEdits(session, await own('编辑乙'), '编辑乙'),
        await poolMoves(session, await own('出入库甲'), '出入库甲'),
        await poolMoves(session, await own('出入库乙'), '出入库乙'),
        await planSaves(session, await own('计划甲'), '计划甲'),
        await planSaves(session, await own('计划乙'), '计划乙'),
        ...(await Promise.all(implementing.items.map((p, i) => annualPlanSaves(session, p.id, `年度计划${i + 1}`)))),
      ];
    }, 300_000);

    afterAll(async () => {
      if (server?.running) await server.stop('SIGKILL');
      if (databaseName) await adminQuery(inject('postgresUrl'), `drop database if exists ${databaseName} with (force)`);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it(
      `keeps every acknowledged write, and starts cleanly, through ${ROUNDS} SIGKILL rounds`,
      async () => {
        const problems: string[] = [];
        const restartMs: number[] = [];
        const controlStates: number[] = [];
        let startupKills = 0;
        for (let round = 1; round <= ROUNDS; round += 1) {
          const failed = await writeUntilKilled(server, streams, random.between(100, 2500));
          problems.push(...failed.map((p) => `round ${round}: ${p}`));
          if (round % STARTUP_KILL_EVERY === 0) {
            await killWhileStarting(server, random.between(200, 3000));
            startupKills += 1;
          }
          if (kind === 'pglite') controlStates.push(pgControlState(pgliteDir()));
          const started = Date.now();
          await server.start();
          restartMs.push(Date.now() - started);
          for (const stream of streams) {
            await stream.verify().catch((error: Error) => problems.push(`round ${round}: ${error.message}`));
          }
          expect(problems, server.log.slice(-4000)).toEqual([]);
        }
        const sum = (key: 'acknowledged' | 'inFlightLanded' | 'inFlightLost') => streams.reduce((total, s) => total + s.counts[key], 0);
        console.log(
          `[crash ${kind}] ${ROUNDS} SIGKILL rounds (${startupKills} more during start-up): ${sum('acknowledged')} acknowledged writes ` +
            `all present; in flight at the kill: ${sum('inFlightLanded')} landed whole, ${sum('inFlightLost')} not at all; ` +
            `restart to ready ${JSON.stringify(spread(restartMs))} ms` +
            (kind === 'pglite' ? `; pg_control after each kill: ${controlStates.join(',')}` : ''),
        );
        expect(sum('acknowledged')).toBeGreaterThan(ROUNDS);
        // No kill left the embedded database marked as cleanly shut down: every restart really had to recover it.
        if (kind === 'pglite') expect(controlStates.filter((s) => s === PG_SHUT_DOWN)).toEqual([]);
      },
      ROUNDS * 60_000,
    );

    it(
      `commits a ${IMPORT_ROWS}-row import whole or not at all when killed during the commit`,
      async () => {
        for (let round = 1; round <= IMPORT_ROUNDS; round += 1) {
          // A commit takes many times its validation (15–30× here): the first import is killed early in its commit,
          // later ones (LANTU_CRASH_ROUNDS ≥ 16) anywhere up to forty validations' time, so some commits finish first.
          const killAfter = (validateMs: number) => random.between(0, Math.round(validateMs * (round === 1 ? 1.5 : 40)));
          const seen = await killDuringImport(server, session, { rows: IMPORT_ROWS, tag: `第${round}批`, leadUnitName, killAfter });
          console.log(`[crash ${kind}] import of ${IMPORT_ROWS} rows killed during its commit: ${JSON.stringify(seen)}`);
          const whole = seen.status === 'committed' && seen.projects === IMPORT_ROWS;
          const absent = ['ready', 'failed'].includes(seen.status) && seen.projects === 0;
          expect(seen.acknowledged ? whole : whole || absent, JSON.stringify(seen)).toBe(true);
        }
      },
      IMPORT_ROUNDS * 600_000,
    );

    it('on SIGTERM finishes the write in flight, closes the database cleanly and exits 0; the next start needs no recovery', async () => {
      const created = await session.request('POST', '/api/v1/projects', { name: `${MARK}停机前`, leadUnitId });
      expect(created.status).toBe(201);
      const { id, version } = created.body as { id: string; version: number };
      const requestId = `graceful-shutdown-${randomBytes(4).toString('hex')}`;
      let exited: Promise<number | null> = Promise.resolve(null);
      // The edit's body arrives in two parts, with SIGTERM in between: the request is in flight when the signal lands.
      const edit = httpRequest(
        server.url,
        'PATCH',
        `/api/v1/projects/${id}`,
        { name: `${MARK}停机时保存`, version },
        session.headers('PATCH', { 'x-request-id': requestId }),
        (request, payload) => {
          request.write(payload.subarray(0, 10));
          void server
            .printed(requestId)
            .then(() => {
              exited = server.stop('SIGTERM');
              return server.printed('shutting down');
            })
            .then(() => request.end(payload.subarray(10)));
        },
      );
      const response = await edit;
      expect(response.status).toBe(200);
      expect(await exited).toBe(0);
      expect(server.log).toContain('shut down cleanly');
      // PGlite wrote its shutdown checkpoint: the data folder is marked as cleanly shut down.
      if (kind === 'pglite') expect(pgControlState(pgliteDir())).toBe(PG_SHUT_DOWN);
      await server.start();
      const stored = await session.read<{ name: string; version: number }>(`/api/v1/projects/${id}`);
      expect(stored).toMatchObject({ name: `${MARK}停机时保存`, version: version + 1 });
      expect(await server.stop('SIGTERM')).toBe(0);
    }, 180_000);

    it('leaves no write half-done: records agree with their audit events, and `lantu audit verify` finds the chain intact', async () => {
      const verify = await runLantu(['audit', 'verify'], env);
      expect(verify.output).toContain('The audit log is intact.');
      expect(verify.code).toBe(0);
      const database = await openDirect();
      try {
        expect(await findHalfWrites(database.db)).toEqual([]);
        // `lantu serve` ran its scheduler: an hourly session purge is recorded as finished (a kill may have cut
        // another short: that one is taken over after an hour).
        const runs = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'purge-expired-sessions'));
        expect(runs.some((r) => r.finishedAt instanceof Date)).toBe(true);
        console.log(`[crash ${kind}] checked ${JSON.stringify(await countChecked(database.db))}: nothing half-written`);
      } finally {
        await database.close();
      }
    }, 180_000);
  });
}
