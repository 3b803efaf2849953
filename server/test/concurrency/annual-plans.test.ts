import { and, asc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { annualPlans, auditEvents } from '../../db/schema';
import { insertProject } from '../factories';
import { type Client, describeEachDatabase, signInAs } from '../harness';

const WRITERS = 8;
const YEAR = 2026;

type Basis = { id: string; version: number } | null;

/** Writer i plans 120万 + i × 1.2万 for the year, spread evenly over the months, so every write is told apart. */
const planOf = (i: number, basedOn: Basis, reason?: string) => ({
  year: YEAR,
  plannedYuan: 1_200_000 + i * 12_000,
  monthlyYuan: Array(12).fill(100_000 + i * 1_000),
  basedOn: basedOn && { id: basedOn.id, version: basedOn.version },
  ...(reason ? { reason } : {}),
});

const statuses = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode).sort();
const succeeded = (responses: LightMyRequestResponse[]) => responses.filter((r) => r.statusCode < 300);

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

  /** The one save that got through is the one stored, created once and audited once; the stale ones left no trace. */
  const expectOnlyWinner = async (version: typeof annualPlans.$inferSelect, winner: LightMyRequestResponse) => {
    expect(winner.json()).toMatchObject({ id: version.id, plannedYuan: version.plannedYuan, version: 1 });
    const events = await eventsOf(version.id);
    expect(events.map((e) => e.action)).toEqual(['annual_plans.create']);
    expect(events[0]?.after).toMatchObject({ plannedYuan: version.plannedYuan, monthlyYuan: version.monthlyYuan });
    expect(version.version).toBe(1);
  };

  beforeAll(async () => {
    writers = [];
    for (let i = 0; i < WRITERS; i += 1) writers.push(await signInAs(t().app, 'office'));
  });

  it('creates version 1 once when many save the first plan at once; the others, based on none, are stale', async () => {
    const project = await insertProject(t().database);
    const responses = await Promise.all(writers.map((w, i) => w.post(url(project.id), planOf(i, null))));
    expect(statuses(responses)).toEqual([201, ...Array(WRITERS - 1).fill(409)]);
    for (const refused of responses.filter((r) => r.statusCode === 409)) expect(refused.json().error.code).toBe('version_conflict');
    const versions = await versionsOf(project.id);
    expect(versions).toHaveLength(1);
    expectExact(versions);
    await expectOnlyWinner(versions[0] as typeof annualPlans.$inferSelect, succeeded(responses)[0] as LightMyRequestResponse);
  });

  it('opens one adjustment after a freeze however many adjust the baseline at once, and never changes the baseline', async () => {
    const project = await insertProject(t().database);
    const base = (await (writers[0] as Client).post(url(project.id), planOf(0, null))).json();
    const frozen = (await (writers[0] as Client).post(url(project.id, `/${base.id}/freeze`), { version: base.version })).json();
    const adjustments = writers.map((w, i) => w.post(url(project.id), planOf(i + 1, frozen, `年中调整${i}`)));
    // Freezing the baseline again at the same time, as read, changes nothing and answers it unchanged.
    const refreezes = writers.slice(0, 2).map((w) => w.post(url(project.id, `/${base.id}/freeze`), { version: frozen.version }));
    const [adjusted, refrozen] = await Promise.all([Promise.all(adjustments), Promise.all(refreezes)]);
    expect(statuses(adjusted)).toEqual([201, ...Array(WRITERS - 1).fill(409)]);
    for (const response of refrozen) expect(response.json()).toEqual(frozen);
    const versions = await versionsOf(project.id);
    expect(versions).toHaveLength(2);
    expectExact(versions);
    const [baseline, adjustment] = versions as [typeof annualPlans.$inferSelect, typeof annualPlans.$inferSelect];
    expect(baseline).toMatchObject({ plannedYuan: planOf(0, null).plannedYuan, version: frozen.version });
    expect(baseline.frozenAt?.toISOString()).toBe(frozen.frozenAt);
    expect((await eventsOf(baseline.id)).map((e) => e.action)).toEqual(['annual_plans.create', 'annual_plans.freeze']);
    expect(adjustment.frozenAt).toBeNull();
    await expectOnlyWinner(adjustment, succeeded(adjusted)[0] as LightMyRequestResponse);
  });

  it('lets exactly one write through per round when saves and a freeze of what they all read race', async () => {
    const project = await insertProject(t().database);
    const first = (await (writers[0] as Client).post(url(project.id), planOf(0, null))).json();
    const rounds = 4;
    for (let round = 0; round < rounds; round += 1) {
      const { current } = (await (writers[0] as Client).get(url(project.id, `?year=${YEAR}`))).json();
      const draft = current.frozen ? null : current;
      const responses = await Promise.all([
        ...writers.map((w, i) => w.post(url(project.id), planOf(round * WRITERS + i + 1, current, `第${round}轮调整${i}`))),
        ...(draft ? [(writers[0] as Client).post(url(project.id, `/${draft.id}/freeze`), { version: draft.version })] : []),
      ]);
      // Whoever wrote first changed the version everyone else read: they are all stale.
      expect(succeeded(responses), `round ${round}`).toHaveLength(1);
      expect(responses.filter((r) => r.statusCode === 409)).toHaveLength(responses.length - 1);
    }
    const versions = await versionsOf(project.id);
    expect(versions[0]?.id).toBe(first.id);
    expectExact(versions);
    let writes = 0;
    for (const version of versions) {
      const events = await eventsOf(version.id);
      writes += events.length;
      // A version's number of changes is its version, each one audited once.
      expect(version.version).toBe(events.length);
      const freeze = events.find((e) => e.action === 'annual_plans.freeze');
      if (!version.frozenAt) {
        expect(freeze).toBeUndefined();
        continue;
      }
      // A frozen version holds exactly what it held when it was frozen, and nothing was written to it after.
      expect(freeze?.after).toMatchObject({ plannedYuan: version.plannedYuan, monthlyYuan: version.monthlyYuan });
      expect(events.at(-1)?.action).toBe('annual_plans.freeze');
    }
    // The first save and one write per round: nothing refused left a trace.
    expect(writes).toBe(1 + rounds);
    // Only the newest version may still be a draft.
    expect(versions.slice(0, -1).every((v) => v.frozenAt)).toBe(true);
  });
});
