import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { annualPlans, importJobs, milestones, projects } from '../../db/schema';
import { unitIdByName } from '../factories';
import { type Client, describeEachDatabase, signInAs } from '../harness';
import { findHalfWrites } from './half-writes';
import { CRASH_YEAR, MARK } from './write-streams';

// The crash harness trusts these checks to see a torn write: each is shown here to find one, written by hand.
describeEachDatabase('crash harness: the half-written-record checks', (t) => {
  let office: Client;
  let leadUnitId: string;
  const project = async (name: string) => {
    const response = await office.post('/api/v1/projects', { name: `${MARK}${name}`, leadUnitId });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; version: number };
  };
  const problems = () => findHalfWrites(t().database.db);

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    leadUnitId = await unitIdByName(t().database, '区住房和城乡建设局');
  });

  it('find nothing after whole writes through the API', async () => {
    const p = await project('完整');
    await office.patch(`/api/v1/projects/${p.id}`, { name: `${MARK}完整改名`, version: 1 });
    await office.post(`/api/v1/projects/${p.id}/move`, { to: 'withdrawn', reason: '测试', version: 2 });
    const plan = [{ id: crypto.randomUUID(), name: '开工', kind: 'start', durationDays: 1, predecessorIds: [] }];
    expect((await office.request('PUT', `/api/v1/projects/${p.id}/plan`, { version: 3, milestones: plan })).statusCode).toBe(200);
    expect(await problems()).toEqual([]);
  });

  it('find a project stored without its creation event, and a version bumped without an audited change', async () => {
    const [orphan] = await t()
      .database.db.insert(projects)
      .values({ name: `${MARK}无审计`, leadUnitId, regionCode: '370105' })
      .returning({ id: projects.id });
    const bumped = await project('版本');
    await t()
      .database.db.update(projects)
      .set({ version: sql`${projects.version} + 1` })
      .where(eq(projects.id, bumped.id));
    const found = await problems();
    expect(found.some((p) => p.startsWith('a project without exactly one creation event') && p.includes('无审计'))).toBe(true);
    expect(found.some((p) => p.startsWith('a project whose version does not count') && p.includes('版本'))).toBe(true);
    await t()
      .database.db.delete(projects)
      .where(eq(projects.id, orphan?.id ?? ''));
    await t().database.db.update(projects).set({ version: 1 }).where(eq(projects.id, bumped.id));
  });

  it('find a plan that differs from its audited one, annual plans that do not add up or skip a number, an unaudited import, a broken name', async () => {
    const p = await project('计划');
    await t().database.db.insert(milestones).values({ projectId: p.id, name: '未审计节点', kind: 'other', durationDays: 3 });
    await t()
      .database.db.insert(annualPlans)
      .values({ projectId: p.id, year: CRASH_YEAR, versionNo: 2, plannedYuan: 100, monthlyYuan: Array(12).fill(1) });
    await t()
      .database.db.insert(importJobs)
      .values({
        regionCode: '370105',
        kind: 'projects',
        status: 'committed',
        fileName: 'x.xlsx',
        storedName: `${crypto.randomUUID()}.upload`,
        sizeBytes: 1,
      });
    await t()
      .database.db.insert(projects)
      .values({ name: `${MARK}导\uFFFD入`, leadUnitId, regionCode: '370105' });
    const found = (await problems()).map((line) => line.split(':')[0]);
    expect(found).toEqual(
      expect.arrayContaining([
        'a plan that is not the one its last audit event recorded',
        'an annual plan version without exactly one creation event, or whose version does not count its changes',
        'an annual plan whose months do not add up',
        'annual plan versions not numbered 1, 2, 3 …',
        'an import committed without its commit event, or a commit event of an import not committed',
        'a project name holding a character no client sent (U+FFFD, a broken multi-byte character)',
      ]),
    );
  });
});
