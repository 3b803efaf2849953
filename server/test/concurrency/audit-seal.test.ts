import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { type AuditRow, appendAuditEvents, sealAuditChain, verifyAuditChain } from '../../lib/audit-chain';
import { type TestContext, createTestApp, databaseKinds, describeEachDatabase, signInAs } from '../harness';

// Audited writes no longer wait for one another (server/lib/audit-chain.ts): each event is written unchained and
// sealed into the chain moments later. These tests hold the chain whole whatever order writes commit in.

const event = (recordId: string): AuditRow => ({
  actorId: null,
  actorName: 'lantu',
  actorUnitId: null,
  regionCode: '370105',
  ip: null,
  requestId: 'seal-order-test',
  action: 'projects.create',
  recordType: 'project',
  recordId,
  before: null,
  after: { name: recordId },
});

describeEachDatabase('the audit chain under concurrent writes', (t) => {
  it('seals every event of many writes at once exactly once, in one unbroken chain', async () => {
    const admin = await signInAs(t().app, 'admin');
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => admin.post('/api/v1/units', { name: `并发审计单位${i}`, kind: 'other', regionCode: '370105' })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(24).fill(201));
    await sealAuditChain(t().database.db);
    const report = await verifyAuditChain(t().database.db);
    expect(report).toMatchObject({ unsealed: 0, broken: [] });
    const [created] = rowsOf<{ events: number | string; places: number | string }>(
      await t().database.db.execute(sql`select count(*) as events, count(distinct chain_seq) as places
        from audit_events where action = 'units.create' and after->>'name' like '并发审计单位%'`),
    );
    expect(Number(created?.events)).toBe(24);
    expect(Number(created?.places)).toBe(24);
  });
});

// Two transactions at once need two connections: PostgreSQL only (PGlite runs one statement at a time).
describe.each(databaseKinds().filter((kind) => kind === 'postgres'))('the audit chain when writes commit out of order (%s)', (kind) => {
  let context: TestContext | undefined;
  beforeAll(async () => {
    context = await createTestApp(kind);
  }, 60_000);
  afterAll(async () => {
    await context?.app.close();
    await context?.database.close();
  });

  it('gives an event committed after a later one its place after it, and the chain verifies', async () => {
    const db = (context as TestContext).database.db;
    let release: () => void = () => {};
    let written: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const wasWritten = new Promise<void>((resolve) => (written = resolve));
    // The slow write takes its id first and commits last.
    const slow = db.transaction(async (tx) => {
      await appendAuditEvents(tx, [event('seal-slow')]);
      written();
      await held;
    });
    await wasWritten;
    await appendAuditEvents(db, [event('seal-fast')]);
    await sealAuditChain(db);
    release();
    await slow;
    await sealAuditChain(db);
    const rows = rowsOf<{ record_id: string; id: number | string; chain_seq: number | string }>(
      await db.execute(sql`select record_id, id, chain_seq from audit_events where request_id = 'seal-order-test' order by id`),
    );
    const [first, second] = rows;
    expect(rows.map((r) => r.record_id)).toEqual(['seal-slow', 'seal-fast']);
    expect(Number(first?.chain_seq)).toBeGreaterThan(Number(second?.chain_seq));
    expect(await verifyAuditChain(db)).toMatchObject({ unsealed: 0, broken: [] });
  });
});
