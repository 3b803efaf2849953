import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase, signInAs } from '../test/harness';
import { appendAuditEvents, sealAuditChain, verifyAuditChain } from './audit-chain';

/** One event as the `lantu` command would write it. */
const lone = {
  actorId: null,
  actorName: 'lantu',
  actorUnitId: null,
  regionCode: '370105',
  ip: null,
  requestId: 'move-test',
  action: 'projects.create',
  recordType: 'project',
  recordId: 'move',
  before: null,
  after: { name: '挪动' },
};

describeEachDatabase('the audit log hash chain', (t) => {
  it('seals a batch of events (an import’s) into the chain in order, across statements, as one lone event would be', async () => {
    const { db } = t().database;
    const event = (i: number) => ({
      actorId: null,
      actorName: 'lantu',
      actorUnitId: null,
      regionCode: '370105',
      ip: null,
      requestId: 'batch-test',
      action: 'projects.create',
      recordType: 'project',
      recordId: `batch-${i}`,
      before: null,
      after: { name: `批量${i}`, note: i % 2 ? null : '含"引号"与\\反斜杠' },
    });
    // 1,201 events: three statements of the batch, the chain carried from one to the next.
    await appendAuditEvents(
      db,
      Array.from({ length: 1201 }, (_, i) => event(i)),
    );
    await appendAuditEvents(db, [event(1201)]);
    const rows = (await db.execute(sql`select record_id from audit_events where request_id = 'batch-test' order by id`)) as unknown as {
      rows: { record_id: string }[];
    };
    expect(rows.rows.map((r) => r.record_id)).toEqual(Array.from({ length: 1202 }, (_, i) => `batch-${i}`));
    // Written, not yet sealed: the verifier says so and checks only the chain.
    const before = await verifyAuditChain(db);
    expect(before.unsealed).toBeGreaterThanOrEqual(1202);
    expect(await sealAuditChain(db)).toBe(before.unsealed);
    const after = await verifyAuditChain(db);
    expect(after).toMatchObject({ unsealed: 0, broken: [], events: before.events + before.unsealed });
    // Three statements of the sealer: the chain carried from one to the next, in the order the events were written.
    const places = (await db.execute(
      sql`select record_id from audit_events where request_id = 'batch-test' order by chain_seq`,
    )) as unknown as { rows: { record_id: string }[] };
    expect(places.rows.map((r) => r.record_id)).toEqual(rows.rows.map((r) => r.record_id));
    // Nothing left to seal: a second round seals nothing and changes nothing.
    expect(await sealAuditChain(db)).toBe(0);
    expect((await verifyAuditChain(db)).head).toBe(after.head);
  });

  it('verifies a log written by the application, and names every event changed or removed afterwards', async () => {
    const admin = await signInAs(t().app, 'admin');
    for (const name of ['链测试一', '链测试二', '链测试三']) {
      expect((await admin.post('/api/v1/units', { name, kind: 'other', regionCode: '370105' })).statusCode).toBe(201);
    }
    const { db } = t().database;
    await sealAuditChain(db);
    const intact = await verifyAuditChain(db);
    expect(intact.broken).toEqual([]);
    expect(intact.events).toBeGreaterThan(5);

    const ids = (await db.execute(sql`select id from audit_events where action = 'units.create' order by id desc limit 3`)) as unknown as {
      rows: { id: number }[];
    };
    const [third, second, first] = ids.rows.map((r) => Number(r.id));
    await db.execute(sql`delete from audit_events where id = ${first}`);
    await db.execute(sql`update audit_events set after = '{"name":"改过的"}'::jsonb where id = ${third}`);
    const tampered = await verifyAuditChain(db);
    // The event after a removed one no longer links to its predecessor; an edited event no longer matches its hash.
    expect(tampered.broken).toEqual([
      { id: second, reason: 'link_broken' },
      { id: third, reason: 'content_changed' },
    ]);
  });

  it('names a place in the chain taken by an event removed and another moved into it', async () => {
    const { db } = t().database;
    await appendAuditEvents(
      db,
      [1, 2, 3].map((i) => ({ ...lone, recordId: `move-${i}` })),
    );
    await sealAuditChain(db);
    const rows = (await db.execute(
      sql`select id, chain_seq from audit_events where request_id = 'move-test' order by chain_seq`,
    )) as unknown as { rows: { id: number; chain_seq: number }[] };
    const [first, second, third] = rows.rows.map((r) => ({ id: Number(r.id), seq: Number(r.chain_seq) }));
    if (!first || !second || !third) throw new Error('three events expected');
    // What the test above broke stays broken; these three are the newest events in the chain.
    const earlier = (await verifyAuditChain(db)).broken;
    // Someone removes the middle event and renumbers the last into its place, hoping to hide the gap.
    await db.execute(sql`delete from audit_events where id = ${second.id}`);
    await db.execute(sql`update audit_events set chain_seq = ${second.seq} where id = ${third.id}`);
    expect((await verifyAuditChain(db)).broken).toEqual([...earlier, { id: third.id, reason: 'link_broken' }]);
  });
});
