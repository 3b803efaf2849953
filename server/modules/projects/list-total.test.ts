import { beforeAll, expect, it } from 'vitest';
import { projectListQuery } from '../../../common/schemas/projects';
import type { Actor } from '../../lib/actor';
import { describeEachDatabase, signInAs } from '../../test/harness';
import { loadActor } from '../auth/actor-repository';
import { listProjects } from './list-repository';
import { userIdOf } from '../../test/factories';

describeEachDatabase('project list total', (t) => {
  let office: Actor;
  let demoProjects: number;

  beforeAll(async () => {
    const actor = await loadActor(t().database.db, await userIdOf(t().database, 'office'), 'session');
    if (!actor) throw new Error('no office actor');
    office = actor;
    const response = await (await signInAs(t().app, 'office')).get('/api/v1/projects?pageSize=1');
    demoProjects = (response.json() as { total: number }).total;
  });

  it('counts exactly up to the cap, and past it answers the cap with totalCapped', async () => {
    // The demo district's 133 projects (and whatever else the file's database holds) against caps around them.
    expect(demoProjects).toBeGreaterThanOrEqual(133);
    const query = projectListQuery.parse({ pageSize: '20' });
    const exact = await listProjects(t().database.db, office, query, demoProjects);
    expect(exact).toMatchObject({ total: demoProjects, totalCapped: false });
    const capped = await listProjects(t().database.db, office, query, demoProjects - 1);
    expect(capped).toMatchObject({ total: demoProjects - 1, totalCapped: true });
    // The page itself is the same whichever the cap.
    expect(capped.rows.map((r) => r.id)).toEqual(exact.rows.map((r) => r.id));
    expect(exact.rows).toHaveLength(20);
  });

  it('keeps the filters in the count', async () => {
    const query = projectListQuery.parse({ pool: 'implementing', pageSize: '200' });
    const { rows, total, totalCapped } = await listProjects(t().database.db, office, query);
    expect(totalCapped).toBe(false);
    expect(total).toBe(rows.length);
    expect(rows.every((r) => r.pool === 'implementing')).toBe(true);
  });
});
