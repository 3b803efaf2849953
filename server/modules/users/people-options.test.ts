import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { PersonOption } from '../../../common/schemas/organisation';
import { units } from '../../db/schema';
import { unitIdByName } from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

const URL = '/api/v1/people-options';

describeEachDatabase('people options (the pickers that name a colleague)', (t) => {
  let investment: Client;
  let beiyuan = '';

  beforeAll(async () => {
    investment = await signInAs(t().app, 'invest');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  it('offers the active people of a unit of the district, names only, to whoever keeps leads without reading users', async () => {
    expect((await investment.get('/api/v1/users')).statusCode).toBe(403);
    const response = await investment.get(`${URL}?unitId=${beiyuan}`);
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: PersonOption[] };
    expect(items.map((i) => i.name)).toContain('张伟（北园街道）');
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'name']);
  });

  it('answers 400 on query.unitId for a unit of another district or none at all, alike', async () => {
    const [other] = await t().database.db.select({ id: units.id }).from(units).where(eq(units.regionCode, OTHER_REGION.code)).limit(1);
    const elsewhere = await investment.get(`${URL}?unitId=${other?.id}`);
    const nowhere = await investment.get(`${URL}?unitId=00000000-0000-4000-8000-000000000000`);
    for (const response of [elsewhere, nowhere]) {
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).details).toEqual([{ path: 'query.unitId', message: '所选单位不存在或不在本区县' }]);
    }
    expect((await investment.get(URL)).statusCode).toBe(400);
  });

  it('offers a unit clerk who records visits his unit’s people, and answers 401 signed out', async () => {
    const clerk = await signInAs(t().app, 'unit');
    expect((await clerk.get('/api/v1/users')).statusCode).toBe(403);
    const own = await clerk.get(`${URL}?unitId=${beiyuan}`);
    expect((own.json() as { items: PersonOption[] }).items.map((i) => i.name)).toContain('张伟（北园街道）');
    const signedOut = await anonymous(t().app).get(`${URL}?unitId=${beiyuan}`);
    expect(signedOut.statusCode).toBe(401);
  });
});
