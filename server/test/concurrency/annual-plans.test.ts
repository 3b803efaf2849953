import { and, asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { annualPlans, auditEvents } from '../../db/schema';
import { buildProject } from '../../modules/plans/test-factory';
import { type Client, describeEachDatabase, signInAs } from '../harness';

const WRITERS = 8;
const YEAR = 2026;

/** Writer i plans 120万 + i × 1.2万 for the year, spread evenly over the months, so every write is told apart. */
const planOf = (i: number, reason?: string) => ({
  year: YEAR,
  plannedYuan: 1_200_000 + i * 12_000,
  monthlyYuan: Array(12).fill(100_000 + i * 1_000),
  ...(reason ? { reason } : {}),
});

const statuses = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode).sort();

describeEachDatabase('concurrent annual plan saves', (t) => {
  let writers: Client[];
  const url = (projectId: string, rest = '') => `/api/v1/projects/${projectId}/annual-plans${rest}`;
  const versionsOf = (projectId: string) =>
    t()
      .database.db.select()
      .from(annualPlans)
      .where(and(eq(annualPlans.projectId, projectId), eq(annualPlans.year, YEAR)))
      .orderBy(asc(annualPlans.versionNo));
  const eventsOf = (planId: string) =>
    t().database.db.select().from(auditEvents).where(eq(auditEvents.recordId, planId)).orderBy(asc(auditEvents.id));

  /** Every version's months add up to its total, version numbers run 1, 2, 3 … without a gap or a repeat. */
  const expectExact = (versions: (typeof annualPlans.$inferSelect)[]) => {
    expect(versions.map((v) => v.versionNo)).toEqual(versions.map((_, i) => i + 1));
    for (const v of versions) expect(v.monthlyYuan.reduce((sum, m) => sum + m, 0)).toBe(v.plannedYuan);
  };

  /** The stored amount is the one the last audited write set, and each write left exactly one event. */
  const expectLastWriteWins = async (version: typeof annualPlans.$inferSelect, writes: number) => {
    const events = await eventsOf(version.id);
    const saves = events.filter((e) => e.action !== 'annual_plans.freeze');
    expect(saves).toHaveLength(writes);
    expect(saves.map((e) => e.action)).toEqual(['annual_plans.create', ...Array(writes - 1).fill('annual_plans.update')]);
    expect(saves.at(-1)?.after).toMatchObject({ plannedYuan: version.plannedYuan });
    expect(version.version).toBe(writes + events.length - saves.length);
  };

  beforeAll(async () => {
    writers = [];
    for (let i = 0; i < WRITERS; i += 1) writers.push(await signInAs(t().app, 'office'));
  });

  it('creates version 1 once when many save the first plan at once; the others edit it, the last write stands', async () => {
    const project = await buildProject(t().database);
    const responses = await Promise.all(writers.map((w, i) => w.post(url(project.id), planOf(i))));
    expect(statuses(responses)).toEqual([...Array(WRITERS - 1).fill(200), 201]);
    const versions = await versionsOf(project.id);
    expect(versions).toHaveLength(1);
    expectExact(versions);
    await expectLastWriteWins(versions[0] as typeof annualPlans.$inferSelect, WRITERS);
  });

  it('opens one adjustment after a freeze however many adjust at once, and never changes the frozen baseline', async () => {
    const project = await buildProject(t().database);
    const base = (await (writers[0] as Client).post(url(project.id), planOf(0))).json();
    const frozen = (await (writers[0] as Client).post(url(project.id, `/${base.id}/freeze`))).json();
    const responses = await Promise.all([
      ...writers.map((w, i) => w.post(url(project.id), planOf(i + 1, `年中调整${i}`))),
      // Freezing the baseline again at the same time changes nothing.
      ...writers.slice(0, 2).map((w) => w.post(url(project.id, `/${base.id}/freeze`))),
    ]);
    expect(statuses(responses)).toEqual([...Array(WRITERS + 1).fill(200), 201].sort());
    const versions = await versionsOf(project.id);
    expect(versions).toHaveLength(2);
    expectExact(versions);
    const [baseline, adjustment] = versions as [typeof annualPlans.$inferSelect, typeof annualPlans.$inferSelect];
    expect(baseline).toMatchObject({ plannedYuan: planOf(0).plannedYuan, version: frozen.version });
    expect(baseline.frozenAt?.toISOString()).toBe(frozen.frozenAt);
    expect(adjustment.frozenAt).toBeNull();
    await expectLastWriteWins(adjustment, WRITERS);
  });

  it('keeps numbering exact and frozen versions untouched when saves and freezes of the draft race', async () => {
    const project = await buildProject(t().database);
    const first = (await (writers[0] as Client).post(url(project.id), planOf(0))).json();
    for (let round = 0; round < 3; round += 1) {
      const list = (await (writers[0] as Client).get(url(project.id, `?year=${YEAR}`))).json();
      const draft = list.current.frozen ? null : list.current;
      const responses = await Promise.all([
        ...writers.map((w, i) => w.post(url(project.id), planOf(round * WRITERS + i, `第${round}轮调整${i}`))),
        ...(draft ? [(writers[0] as Client).post(url(project.id, `/${draft.id}/freeze`))] : []),
      ]);
      for (const response of responses) expect([200, 201]).toContain(response.statusCode);
    }
    const versions = await versionsOf(project.id);
    expect(versions[0]?.id).toBe(first.id);
    expectExact(versions);
    for (const version of versions) {
      const events = await eventsOf(version.id);
      const freeze = events.find((e) => e.action === 'annual_plans.freeze');
      if (!version.frozenAt) {
        expect(freeze).toBeUndefined();
        continue;
      }
      // A frozen version holds exactly what it held when it was frozen, and nothing was written to it after.
      expect(freeze?.after).toMatchObject({ plannedYuan: version.plannedYuan, monthlyYuan: version.monthlyYuan });
      expect(events.at(-1)?.action).toBe('annual_plans.freeze');
    }
    // Only the newest version may still be a draft.
    expect(versions.slice(0, -1).every((v) => v.frozenAt)).toBe(true);
  });
});
