import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase, signInAs } from '../test/harness';
import { appendAuditEvents, verifyAuditChain } from './audit-chain';

describeEachDatabase('the audit log hash chain', (t) => {
  it('chains a batch of events (an import’s) in order, across statements, as one lone event would be', async () => {
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
    expect((await verifyAuditChain(db)).broken).toEqual([]);
  });

  it('verifies a log written by the application, and names every event changed or removed afterwards', async () => {
    const admin = await signInAs(t().app, 'admin');
    for (const name of ['链测试一', '链测试二', '链测试三']) {
      expect((await admin.post('/api/v1/units', { name, kind: 'other', regionCode: '370105' })).statusCode).toBe(201);
    }
    const { db } = t().database;
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
});
