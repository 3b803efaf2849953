import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type HttpResponse, httpRequest } from '../test/crash/http-session';
import { createTestApp, databaseKinds } from '../test/harness';
import { recordAudit } from './audit';
import { startAuditSealer, verifyAuditChain } from './audit-chain';
import type { Scheduler } from './scheduler';
import { shutDown } from './shutdown';

/** A scheduler stand-in that notes it was stopped. */
const fakeScheduler = () => {
  const scheduler: Scheduler & { stopped: boolean } = {
    stopped: false,
    tick: async () => [],
    start: () => {},
    stop: async () => {
      scheduler.stopped = true;
    },
  };
  return scheduler;
};

/** How a request ended: `answered 200`, or the connection error. */
const outcomeOf = (request: Promise<HttpResponse>) =>
  request.then(
    (response) => `answered ${response.status}`,
    (error: Error) => error.message,
  );

for (const kind of databaseKinds()) {
  describe(`shutDown [${kind}]`, () => {
    /** The real app with one extra route that answers when told to, listening on a free port. */
    async function serving() {
      const { app, database } = await createTestApp(kind);
      let release: () => void = () => {};
      let arrived: () => void = () => {};
      const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
      app.get('/api/v1/test-slow', { config: { access: 'public' } }, async () => {
        arrived();
        await new Promise<void>((resolve) => (release = resolve));
        await recordAudit(database.db, { ip: null, requestId: 'shutdown-test' }, { action: 'settings.update', after: { late: true } });
        return { done: true };
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      return { app, database, url, requestArrived, release: () => release() };
    }

    it('lets a request in flight finish, then stops the scheduler, seals its audit event and closes the database', async () => {
      const { app, database, url, requestArrived, release } = await serving();
      const scheduler = fakeScheduler();
      // The sealer's own rounds are an hour apart: only shutdown's last round can seal the request's event.
      const realSealer = startAuditSealer({ db: database.db, log: app.log, intervalMs: 3_600_000 });
      let chainAtStop: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
      const sealer = {
        stop: async () => {
          await realSealer.stop();
          chainAtStop = await verifyAuditChain(database.db);
        },
      };
      const slow = httpRequest(url, 'GET', '/api/v1/test-slow');
      await requestArrived;
      const stopping = shutDown({ app, scheduler, sealer, database, drainMs: 60_000 });
      // Nothing new is served once shutdown has begun: the connection is refused (or, had it slipped in, answered 503).
      const late = await outcomeOf(httpRequest(url, 'GET', '/healthz'));
      expect(late).toMatch(/ECONNREFUSED|answered 503/);
      release();
      expect(await slow).toMatchObject({ status: 200, body: { done: true } });
      await stopping;
      expect(scheduler.stopped).toBe(true);
      // The request's event, written after shutdown began, is in the chain before the database closed.
      expect(chainAtStop).toMatchObject({ unsealed: 0, broken: [] });
      await expect(database.ping()).rejects.toThrow();
    });

    it('cuts a request still running at the deadline, so a hung client cannot keep the instance alive', async () => {
      const { app, database, url, requestArrived, release } = await serving();
      const slow = outcomeOf(httpRequest(url, 'GET', '/api/v1/test-slow'));
      await requestArrived;
      await shutDown({ app, scheduler: fakeScheduler(), sealer: { stop: async () => {} }, database, drainMs: 100 });
      expect(await slow).toMatch(/socket hang up|ECONNRESET/);
      release();
      await expect(database.ping()).rejects.toThrow();
    });
  });
}
