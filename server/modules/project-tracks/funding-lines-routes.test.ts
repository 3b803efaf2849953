import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { MAX_YUAN } from '../../../common/schemas/projects';
import { fundingLines } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { insertProject, unitIdByName } from '../../test/factories';

describeEachDatabase('funding lines API', (t) => {
  let office: Client;
  let unitStaff: Client;
  let viewer: Client;
  let otherAdmin: Client;
  let own: string;
  let othersProject: string;
  let inCharge: string;
  const url = (projectId: string, lineId?: string) => `/api/v1/projects/${projectId}/funding-lines${lineId ? `/${lineId}` : ''}`;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    const drc = await unitIdByName(t().database, '区发展和改革局');
    own = (await insertProject(t().database)).id;
    othersProject = (await insertProject(t().database, { leadUnitId: drc })).id;
    inCharge = (await insertProject(t().database, { leadUnitId: drc, leaderIds: [unitStaff.userId ?? ''] })).id;
  });

  it('answers 401 when signed out', async () => {
    expect((await anonymous(t().app).get(url(own))).statusCode).toBe(401);
    expect((await anonymous(t().app).post(url(own), { sourceCode: 'fiscal' })).statusCode).toBe(401);
  });

  it('answers 404 outside the actor’s scope and 403 without the right to edit', async () => {
    expect((await otherAdmin.get(url(own))).statusCode).toBe(404);
    expect((await unitStaff.get(url(othersProject))).statusCode).toBe(404);
    expect((await unitStaff.post(url(othersProject), { sourceCode: 'fiscal' })).statusCode).toBe(404);
    expect((await viewer.post(url(own), { sourceCode: 'fiscal' })).statusCode).toBe(403);
    expect((await unitStaff.post(url(inCharge), { sourceCode: 'fiscal' })).statusCode).toBe(403);
  });

  it('answers 400 naming the field: unknown source, fractions, negatives and amounts above the limit', async () => {
    const unknown = await unitStaff.post(url(own), { sourceCode: 'lottery' });
    expect(errorOf(unknown).details).toEqual([{ path: 'sourceCode', message: '资金来源不存在或已停用' }]);
    const amounts = await unitStaff.post(url(own), { sourceCode: 'fiscal', plannedYuan: 1.5, appliedYuan: -1, approvedYuan: MAX_YUAN + 1 });
    expect(amounts.statusCode).toBe(400);
    expect(errorOf(amounts).details).toEqual([
      { path: 'plannedYuan', message: '金额必须是整数（单位：元）' },
      { path: 'appliedYuan', message: '金额不能为负数' },
      { path: 'approvedYuan', message: '金额过大（不能超过 10 万亿元）' },
    ]);
    expect(await t().database.db.select().from(fundingLines).where(eq(fundingLines.projectId, own))).toHaveLength(0);
  });

  it('creates lines whose amounts need not shrink from applied to received, and lists them with totals', async () => {
    const bond = await unitStaff.post(url(own), {
      sourceCode: 'special_bond',
      plannedYuan: 300_000_000,
      appliedYuan: 200_000_000,
      approvedYuan: 250_000_000,
      receivedYuan: 260_000_000,
    });
    expect(bond.statusCode).toBe(201);
    expect(bond.json()).toMatchObject({ sourceName: '地方政府专项债', receivedYuan: 260_000_000, version: 1 });
    const [row] = await t().database.db.select().from(fundingLines).where(eq(fundingLines.id, bond.json().id));
    expect(row).toMatchObject({ projectId: own, sourceCode: 'special_bond', approvedYuan: 250_000_000 });
    const event = await lastAuditEvent(t().database, 'funding_lines.create', bond.json().id);
    expect(event).toMatchObject({ recordType: 'funding_line', actorName: 'unit' });
    expect(event?.after).toMatchObject({ sourceCode: 'special_bond', plannedYuan: 300_000_000 });

    await unitStaff.post(url(own), { sourceCode: 'fiscal', plannedYuan: MAX_YUAN, receivedYuan: 1 });
    const list = (await office.get(url(own))).json();
    expect(list.items.map((i: { sourceCode: string }) => i.sourceCode)).toEqual(['fiscal', 'special_bond']);
    expect(list.totals).toEqual({
      plannedYuan: MAX_YUAN + 300_000_000,
      appliedYuan: 200_000_000,
      approvedYuan: 250_000_000,
      receivedYuan: 260_000_001,
    });
    expect(list.abilities).toEqual({ create: true, update: true, delete: true });
  });

  it('refuses a second line of the same source with 409', async () => {
    const again = await unitStaff.post(url(own), { sourceCode: 'fiscal' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).details?.[0]?.path).toBe('sourceCode');
  });

  it('updates with the current version, answers 409 to a stale one, and audits only what changed', async () => {
    const created = (await unitStaff.post(url(own), { sourceCode: 'bank_loan', plannedYuan: 1000 })).json();
    const ok = await unitStaff.patch(url(own, created.id), { receivedYuan: 400, note: '首笔放款', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ plannedYuan: 1000, receivedYuan: 400, note: '首笔放款', version: 2 });
    const stale = await unitStaff.patch(url(own, created.id), { receivedYuan: 500, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const event = await lastAuditEvent(t().database, 'funding_lines.update', created.id);
    expect(event?.before).toEqual({ receivedYuan: 0, note: null });
    expect(event?.after).toEqual({ receivedYuan: 400, note: '首笔放款' });
    const negative = await unitStaff.patch(url(own, created.id), { receivedYuan: -5, version: 2 });
    expect(errorOf(negative).details?.[0]?.path).toBe('receivedYuan');
  });

  it('deletes a line, audited; out of scope it is not found', async () => {
    const created = (await unitStaff.post(url(own), { sourceCode: 'social_capital' })).json();
    expect((await otherAdmin.delete(url(own, created.id))).statusCode).toBe(404);
    expect((await viewer.delete(url(own, created.id))).statusCode).toBe(403);
    expect((await unitStaff.delete(url(own, created.id))).statusCode).toBe(200);
    expect(await t().database.db.select().from(fundingLines).where(eq(fundingLines.id, created.id))).toHaveLength(0);
    expect((await lastAuditEvent(t().database, 'funding_lines.delete', created.id))?.before).toMatchObject({
      sourceCode: 'social_capital',
    });
  });
});
