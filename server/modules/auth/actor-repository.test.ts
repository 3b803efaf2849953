import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { projectListQuery } from '../../../common/schemas/projects';
import { rowsOf } from '../../db/migrate';
import { insertProject, insertUnit, insertUser } from '../../test/factories';
import { OTHER_REGION, describeEachDatabase } from '../../test/harness';
import { listProjects } from '../projects/list-repository';
import { JURISDICTION_LISTED_UP_TO, loadActor } from './actor-repository';

// The actor carries his jurisdiction as plain region codes (lib/scope.ts compares record columns with them), read with
// the path index as a range: it must be exactly the regions whose path starts with his region's, at every level.
describeEachDatabase('the actor resolved for the scope', (t) => {
  const regionsUnder = async (code: string) => {
    const result = await t().database.db.execute(
      sql`select code from regions where path like (select r.path from regions r where r.code = ${code}) || '%' order by code`,
    );
    return rowsOf<{ code: string }>(result).map((r) => r.code);
  };
  const actorIn = async (regionCode: string, roleCode: 'project_office' | 'unit_staff' = 'project_office') => {
    const unit = await insertUnit(t().database, { regionCode });
    const user = await insertUser(t().database, { unitId: unit.id, roleCode });
    const actor = await loadActor(t().database.db, user.id, 'session');
    if (!actor) throw new Error('no actor');
    return { unit, user, actor };
  };

  let streetCode = '';
  beforeAll(async () => {
    streetCode = (await regionsUnder('370105')).find((code) => code !== '370105') ?? '';
    expect(streetCode).toMatch(/^370105\d{3}$/);
  });

  it('holds exactly the regions at and below his own, for a city, a district and a street', async () => {
    for (const code of ['370100', '370105', streetCode]) {
      const { actor } = await actorIn(code);
      expect([...(actor.jurisdictionRegionCodes ?? [])].sort()).toEqual(await regionsUnder(code));
    }
  });

  it('lists no jurisdiction too large to carry (a province): the scope reads it through the region path', async () => {
    expect((await regionsUnder('370000')).length).toBeGreaterThan(JURISDICTION_LISTED_UP_TO);
    expect((await actorIn('370000')).actor.jurisdictionRegionCodes).toBeNull();
  });

  it('knows whether he leads a project, as he is loaded', async () => {
    const { unit, user, actor } = await actorIn('370105', 'unit_staff');
    expect(actor.leadsProjects).toBe(false);
    await insertProject(t().database, { regionCode: '370105', leadUnitId: unit.id, leaderIds: [user.id] });
    expect((await loadActor(t().database.db, user.id, 'session'))?.leadsProjects).toBe(true);
  });

  it('shows a city office, whose jurisdiction is listed, its districts and nothing of another city', async () => {
    const { actor } = await actorIn('370100');
    expect(actor.jurisdictionRegionCodes).not.toBeNull();
    const here = await insertUnit(t().database, { regionCode: '370105' });
    const qingdao = await insertUnit(t().database, { regionCode: '370202' });
    const name = `市级范围${Date.now()}`;
    const inCity = await insertProject(t().database, { name: `${name}甲`, regionCode: '370105', leadUnitId: here.id });
    await insertProject(t().database, { name: `${name}乙`, regionCode: '370202', leadUnitId: qingdao.id });
    const { rows, total } = await listProjects(t().database.db, actor, projectListQuery.parse({ q: name, pageSize: '50' }));
    expect(rows.map((r) => r.id)).toEqual([inCity.id]);
    expect(total).toBe(1);
  });

  it('shows a province office every district of the province and none of another province', async () => {
    const { actor } = await actorIn('370000');
    const here = await insertUnit(t().database, { regionCode: '370105' });
    const there = await insertUnit(t().database, { regionCode: OTHER_REGION.code });
    const beijingUnit = await insertUnit(t().database, { regionCode: '110101' });
    const name = `省级范围${Date.now()}`;
    const inDistrict = await insertProject(t().database, { name: `${name}甲`, regionCode: '370105', leadUnitId: here.id });
    const inOther = await insertProject(t().database, { name: `${name}乙`, regionCode: OTHER_REGION.code, leadUnitId: there.id });
    const elsewhere = await insertProject(t().database, { name: `${name}丙`, regionCode: '110101', leadUnitId: beijingUnit.id });
    const { rows, total } = await listProjects(t().database.db, actor, projectListQuery.parse({ q: name, pageSize: '50' }));
    expect(rows.map((r) => r.id).sort()).toEqual([inDistrict.id, inOther.id].sort());
    expect(total).toBe(2);
    expect(rows.some((r) => r.id === elsewhere.id)).toBe(false);
  });
});
