import { beforeAll, expect, it } from 'vitest';
import type { LeaderOption } from '../../../common/schemas/projects';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

const URL = '/api/v1/project-leader-options';

describeEachDatabase('project leader options', (t) => {
  let unitStaff: Client;
  let investment: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    unitStaff = await signInAs(t().app, 'unit');
    investment = await signInAs(t().app, 'invest');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  it('offers the district’s leaders to users who edit projects without reading the user list', async () => {
    for (const client of [unitStaff, investment]) {
      expect((await client.get('/api/v1/users')).statusCode).toBe(403);
      const response = await client.get(URL);
      expect(response.statusCode).toBe(200);
      const { items } = response.json() as { items: LeaderOption[] };
      // The demo district has its 区长-level leader and five more, all in the district government.
      expect(items).toHaveLength(6);
      expect(items.map((i) => i.name)).toContain('刘志强（副区长）');
      expect(Object.keys(items[0] ?? {}).sort()).toEqual(['id', 'name', 'unitName']);
    }
  });

  it('never offers another district’s leaders, and answers 401 signed out', async () => {
    expect((await otherAdmin.get(URL)).json()).toEqual({ items: [] });
    const signedOut = await anonymous(t().app).get(URL);
    expect(signedOut.statusCode).toBe(401);
    expect(errorOf(signedOut).code).toBe('unauthenticated');
  });
});
