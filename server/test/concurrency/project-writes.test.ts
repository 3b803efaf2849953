import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, milestones, poolMoves, projects } from '../../db/schema';
import { buildProject } from '../factories';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../harness';

/** How many people press "save" on the same record at the same moment. */
const WRITERS = 8;

const statuses = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode).sort();
const winnerOf = (responses: LightMyRequestResponse[], status = 200) => {
  const index = responses.findIndex((r) => r.statusCode === status);
  return { index, response: responses[index] as LightMyRequestResponse };
};

describeEachDatabase('concurrent writes to one project', (t) => {
  let writers: Client[];

  const eventsOf = (recordId: string, action: string) =>
    t()
      .database.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, recordId), eq(auditEvents.action, action)));
  const rowOf = async (id: string) => (await t().database.db.select().from(projects).where(eq(projects.id, id)))[0];
  const expectLosersStale = (responses: LightMyRequestResponse[], winner: number) => {
    for (const [i, response] of responses.entries()) {
      if (i === winner) continue;
      expect(response.statusCode).toBe(409);
      expect(errorOf(response).code).toBe('version_conflict');
    }
  };

  beforeAll(async () => {
    // Each writer is a separate person at a separate desk: one session each.
    writers = [];
    for (let i = 0; i < WRITERS; i += 1) writers.push(await signInAs(t().app, 'office'));
  });

  it('lets exactly one of many same-version edits through; the others get 409 and the record is the winner’s', async () => {
    const project = await buildProject(writers[0] as Client, t().database);
    const responses = await Promise.all(
      writers.map((w, i) =>
        w.patch(`/api/v1/projects/${project.id}`, { name: `并发改名${i}`, ownerName: `业主${i}`, version: 1 }, { 'if-match': '"1"' }),
      ),
    );
    expect(statuses(responses)).toEqual([200, ...Array(WRITERS - 1).fill(409)]);
    const { index, response } = winnerOf(responses);
    expectLosersStale(responses, index);
    expect(response.json()).toMatchObject({ name: `并发改名${index}`, ownerName: `业主${index}`, version: 2 });
    expect(await rowOf(project.id)).toMatchObject({ name: `并发改名${index}`, ownerName: `业主${index}`, version: 2 });
    const updates = await eventsOf(project.id, 'projects.update');
    expect(updates.map((e) => e.after)).toEqual([{ name: `并发改名${index}`, ownerName: `业主${index}` }]);
  });

  it('lets exactly one of many same-version pool moves through, with one move record and one audit event', async () => {
    const project = await buildProject(writers[0] as Client, t().database);
    const responses = await Promise.all(
      writers.map((w, i) =>
        w.post(
          `/api/v1/projects/${project.id}/move`,
          { to: 'withdrawn', reason: `撤销理由${i}`, version: 1 },
          { 'accept-language': 'zh-CN' },
        ),
      ),
    );
    expect(statuses(responses)).toEqual([200, ...Array(WRITERS - 1).fill(409)]);
    const { index } = winnerOf(responses);
    for (const [i, response] of responses.entries()) {
      if (i === index) continue;
      // Every loser hears that someone changed the project meanwhile, and nothing of his is written.
      expect(errorOf(response).code).toBe('version_conflict');
    }
    expect(await rowOf(project.id)).toMatchObject({ pool: 'withdrawn', withdrawnReason: `撤销理由${index}`, version: 2 });
    const moves = await t().database.db.select().from(poolMoves).where(eq(poolMoves.projectId, project.id));
    expect(moves.map((m) => [m.fromPool, m.toPool, m.reason])).toEqual([['planning', 'withdrawn', `撤销理由${index}`]]);
    expect(await eventsOf(project.id, 'projects.move')).toHaveLength(1);
  });

  it('lets exactly one of an edit, a move and plan saves made from the same version through', async () => {
    const project = await buildProject(writers[0] as Client, t().database);
    const planOf = (i: number) => ({
      version: 1,
      milestones: [{ id: crypto.randomUUID(), name: `并发节点${i}`, kind: 'other', durationDays: 10 + i, predecessorIds: [] }],
    });
    const responses = await Promise.all([
      (writers[0] as Client).patch(`/api/v1/projects/${project.id}`, { name: '并发编辑', version: 1 }),
      (writers[1] as Client).post(`/api/v1/projects/${project.id}/move`, { to: 'withdrawn', reason: '并发撤销', version: 1 }),
      ...writers.slice(2).map((w, i) => w.request('PUT', `/api/v1/projects/${project.id}/plan`, planOf(i))),
    ]);
    expect(statuses(responses)).toEqual([200, ...Array(WRITERS - 1).fill(409)]);
    const { index } = winnerOf(responses);
    expectLosersStale(responses, index);
    const row = await rowOf(project.id);
    expect(row?.version).toBe(2);
    const plan = await t().database.db.select().from(milestones).where(eq(milestones.projectId, project.id));
    expect(row?.name === '并发编辑').toBe(index === 0);
    expect(row?.pool === 'withdrawn').toBe(index === 1);
    expect(plan.map((m) => m.name)).toEqual(index >= 2 ? [`并发节点${index - 2}`] : []);
  });

  it('gives one of many creates with the same 项目代码 the project and the others the duplicate-code error, never a 500', async () => {
    const code = `2024-370105-47-03-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
    const leadUnitId = (await buildProject(writers[0] as Client, t().database)).leadUnitId;
    const responses = await Promise.all(
      writers.map((w, i) => w.post('/api/v1/projects', { name: `同代码项目${i}`, code, leadUnitId }, { 'accept-language': 'zh-CN' })),
    );
    expect(statuses(responses)).toEqual([201, ...Array(WRITERS - 1).fill(409)]);
    const { index } = winnerOf(responses, 201);
    for (const [i, response] of responses.entries()) {
      if (i === index) continue;
      expect(errorOf(response)).toMatchObject({ code: 'conflict', details: [{ path: 'code', message: '本区县已有项目使用该项目代码' }] });
    }
    const stored = await t().database.db.select().from(projects).where(eq(projects.code, code));
    expect(stored.map((p) => p.name)).toEqual([`同代码项目${index}`]);
    const created = await eventsOf(stored[0]?.id ?? '', 'projects.create');
    expect(created).toHaveLength(1);
  });
});
