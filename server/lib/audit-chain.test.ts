import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase, signInAs } from '../test/harness';
import { verifyAuditChain } from './audit-chain';

describeEachDatabase('the audit log hash chain', (t) => {
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
