import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { composeUscc } from '../../../common/domain/uscc';
import { createAccount } from '../../db/accounts';
import { insertUnit, uniqueSuffix } from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  anonymous,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
} from '../../test/harness';

type PolicyJson = { id: string; version: number; inForce: boolean; deliveries: { told: number; applied: number; granted: number } };
type FitJson = { enterpriseId: string; name: string; matched: string[]; delivery: string | null };
type DeliveryJson = {
  id: string;
  state: string;
  version: number;
  enterpriseId: string;
  appliedAt: string | null;
  abilities: { update: boolean };
};

let serial = 0;
/** A fresh valid USCC registered in a region (the district's own by default). */
const newUscc = (region = '370105') =>
  composeUscc(
    '91',
    region,
    `MP${(3000 + serial++).toString()}${uniqueSuffix()
      .slice(-2)
      .toUpperCase()
      .replace(/[IOZSV]/g, '1')}`,
  );

describeEachDatabase('policies API', (t) => {
  let office: Client;
  let leader: Client;
  let unit: Client;
  let otherDistrict: Client;
  const today = todayInChina();
  // A tag only this file's enterprises carry, so the fitting list is this file's alone.
  let marker: string;
  const enterprises: Record<'fits' | 'target' | 'untagged' | 'bigger', string> = { fits: '', target: '', untagged: '', bigger: '' };

  const body = (extra: Record<string, unknown> = {}) => ({
    title: `天桥区支持专精特新企业发展的若干措施${uniqueSuffix()}`,
    body: '对新认定的省级专精特新中小企业给予一次性奖励 20 万元。',
    issuer: '天桥区工业和信息化局',
    validFrom: addDays(today, -30),
    validTo: addDays(today, 335),
    conditions: { tags: [marker], sizes: ['small', 'medium'], industryCodes: ['C'], localOnly: true },
    ...extra,
  });

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    leader = await signInAs(t().app, 'leader');
    unit = await signInAs(t().app, 'unit');
    // The test dictionary has these tags; the marker is the rarest of them, and each run makes fresh enterprises.
    marker = 'little_giant';
    const add = async (extra: Record<string, unknown>) => {
      const response = await office.post('/api/v1/enterprises', {
        name: `天桥政策测试企业${uniqueSuffix()}有限公司`,
        uscc: newUscc(),
        kind: 'local',
        tags: [marker],
        industryCode: '34',
        size: 'small',
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    enterprises.fits = await add({});
    enterprises.target = await add({ kind: 'target' });
    enterprises.untagged = await add({ tags: ['hnte'] });
    enterprises.bigger = await add({ size: 'large' });
    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区服务中心${uniqueSuffix()}` });
    const username = `policy_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: foreignUnit.id, roleCode: 'project_office', password: TEST_PASSWORD },
    );
    otherDistrict = await signInAs(t().app, username);
  });

  async function draft(extra: Record<string, unknown> = {}) {
    const response = await office.post('/api/v1/policies', body(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as PolicyJson;
  }

  it('answers 401 signed out, 403 to a unit, and lets leaders read but not draft', async () => {
    expect((await anonymous(t().app).get('/api/v1/policies')).statusCode).toBe(401);
    expect((await unit.get('/api/v1/policies')).statusCode).toBe(403);
    expect((await leader.get('/api/v1/policies')).statusCode).toBe(200);
    expect((await leader.post('/api/v1/policies', body())).statusCode).toBe(403);
  });

  it('drafts a policy (audited) and lists the enterprises it fits, with the conditions each meets', async () => {
    const policy = await draft();
    expect(policy).toMatchObject({ inForce: true, deliveries: { told: 0, applied: 0, granted: 0 } });
    expect((await lastAuditEvent(t().database, 'policies.create', policy.id))?.after).toMatchObject({ issuer: '天桥区工业和信息化局' });
    const fits = (await leader.get(`/api/v1/policies/${policy.id}/fits`)).json() as { items: FitJson[] };
    const ids = fits.items.map((f) => f.enterpriseId);
    expect(ids).toContain(enterprises.fits);
    for (const excluded of [enterprises.target, enterprises.untagged, enterprises.bigger]) expect(ids).not.toContain(excluded);
    expect(fits.items.find((f) => f.enterpriseId === enterprises.fits)).toMatchObject({
      matched: ['local', 'tags', 'industry', 'size'],
      delivery: null,
    });
  });

  it('matches the headquarters region by any ancestor picked by name (a province, a city), not a sibling or another province', async () => {
    // A target enterprise headquartered in 深圳市南山区; the other conditions are this file's marker only.
    const created = await office.post('/api/v1/enterprises', {
      name: `深圳南山政策测试企业${uniqueSuffix()}有限公司`,
      uscc: newUscc('440305'),
      kind: 'target',
      tags: [marker],
      hqRegionCode: '440305',
    });
    expect(created.statusCode, created.body).toBe(201);
    const shenzhen = created.json().id as string;
    const fitsFor = async (regionCodes: string[]) => {
      const policy = await draft({ conditions: { tags: [marker], regionCodes, localOnly: false } });
      const fits = (await office.get(`/api/v1/policies/${policy.id}/fits`)).json() as { items: FitJson[] };
      return fits.items.find((f) => f.enterpriseId === shenzhen);
    };
    // 广东省, 深圳市, the district itself: each takes it in, and says the region condition is met.
    for (const codes of [['440000'], ['440300'], ['440305'], ['370000', '440000']]) {
      expect((await fitsFor(codes))?.matched, codes.join()).toEqual(['tags', 'region']);
    }
    // 山东省 (the district's own province), 广州市 (a sibling city), 福田区 (a sibling district): not.
    for (const codes of [['370000'], ['440100'], ['440304']]) expect(await fitsFor(codes), codes.join()).toBeUndefined();
    // The policy names the regions as picked; an enterprise without a known headquarters fits none of them.
    const policy = await draft({ conditions: { tags: [marker], regionCodes: ['440000'], localOnly: false } });
    const ids = ((await office.get(`/api/v1/policies/${policy.id}/fits`)).json() as { items: FitJson[] }).items.map((f) => f.enterpriseId);
    expect(ids).toEqual([shenzhen]);
  });

  it('pushes to fitting enterprises once, refuses one it does not fit, and follows the delivery forward only', async () => {
    const policy = await draft();
    const refused = await office.post(`/api/v1/policies/${policy.id}/push`, { enterpriseIds: [enterprises.fits, enterprises.bigger] });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details).toEqual([{ path: 'enterpriseIds.1', message: expect.stringContaining('不符合这项政策的条件') }]);
    expect((await office.get(`/api/v1/policies/${policy.id}`)).json().deliveries.told).toBe(0);

    const pushed = await office.post(`/api/v1/policies/${policy.id}/push`, { enterpriseIds: [enterprises.fits] });
    expect(pushed.json()).toEqual({ pushed: 1, skipped: 0 });
    expect((await lastAuditEvent(t().database, 'policies.push', policy.id))?.after).toEqual({ enterpriseIds: [enterprises.fits] });
    expect((await office.post(`/api/v1/policies/${policy.id}/push`, { enterpriseIds: [enterprises.fits] })).json()).toEqual({
      pushed: 0,
      skipped: 1,
    });

    const [delivery] = (await office.get(`/api/v1/policy-deliveries?policyId=${policy.id}`)).json().items as DeliveryJson[];
    expect(delivery).toMatchObject({ state: 'told', enterpriseId: enterprises.fits, abilities: { update: true } });
    const applied = await office.patch(`/api/v1/policy-deliveries/${delivery?.id}`, {
      state: 'applied',
      note: '已提交申报材料',
      version: delivery?.version,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().appliedAt).not.toBeNull();
    expect((await lastAuditEvent(t().database, 'policy_deliveries.update', delivery?.id))?.after).toMatchObject({ state: 'applied' });
    const back = await office.patch(`/api/v1/policy-deliveries/${delivery?.id}`, { state: 'told', version: applied.json().version });
    expect(back.statusCode).toBe(409);
    expect(errorOf(back).message).toContain('只能向前推进');
    const granted = await office.patch(`/api/v1/policy-deliveries/${delivery?.id}`, { state: 'granted', version: applied.json().version });
    expect(granted.json()).toMatchObject({ state: 'granted', abilities: { update: false } });
    expect((await leader.patch(`/api/v1/policy-deliveries/${delivery?.id}`, { state: 'granted', version: 1 })).statusCode).toBe(403);

    // The enterprise's page lists what it received; the fitting list shows where each delivery stands.
    const received = (await leader.get(`/api/v1/policy-deliveries?enterpriseId=${enterprises.fits}`)).json().items as {
      policyId: string;
    }[];
    expect(received.map((r) => r.policyId)).toContain(policy.id);
    const fit = ((await office.get(`/api/v1/policies/${policy.id}/fits`)).json().items as FitJson[]).find(
      (f) => f.enterpriseId === enterprises.fits,
    );
    expect(fit?.delivery).toBe('granted');
    expect((await office.get(`/api/v1/policies/${policy.id}`)).json().deliveries).toEqual({ told: 1, applied: 1, granted: 1 });
  });

  it('names bad conditions and validity, refuses to push a policy not in force, and writes nothing', async () => {
    const bad = await office.post(
      '/api/v1/policies',
      body({ conditions: { tags: ['nosuch'], industryCodes: ['ZZ'], regionCodes: ['999999'] } }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      errorOf(bad)
        .details?.map((d) => d.path)
        .sort(),
    ).toEqual(['conditions.industryCodes.0', 'conditions.regionCodes.0', 'conditions.tags.0']);
    const backwards = await office.post('/api/v1/policies', body({ validFrom: today, validTo: addDays(today, -1) }));
    expect(errorOf(backwards).details).toEqual([{ path: 'validTo', message: '有效期截止日不能早于开始日' }]);
    const expired = await draft({ validFrom: addDays(today, -400), validTo: addDays(today, -35) });
    expect(expired.inForce).toBe(false);
    const push = await office.post(`/api/v1/policies/${expired.id}/push`, { enterpriseIds: [enterprises.fits] });
    expect(push.statusCode).toBe(409);
    expect((await office.get(`/api/v1/policies/${expired.id}`)).json().deliveries.told).toBe(0);
    expect((await office.get('/api/v1/policy-deliveries')).statusCode).toBe(400);
  });

  it('edits at the version read, and keeps each district’s policies to itself', async () => {
    const policy = await draft();
    const edited = await office.patch(`/api/v1/policies/${policy.id}`, { issuer: '天桥区人民政府办公室', version: policy.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await lastAuditEvent(t().database, 'policies.update', policy.id))?.after).toEqual({ issuer: '天桥区人民政府办公室' });
    expect((await office.patch(`/api/v1/policies/${policy.id}`, { issuer: 'x', version: policy.version })).statusCode).toBe(409);
    expect((await otherDistrict.get(`/api/v1/policies/${policy.id}`)).statusCode).toBe(404);
    expect((await otherDistrict.get(`/api/v1/policies/${policy.id}/fits`)).statusCode).toBe(404);
    expect((await otherDistrict.post(`/api/v1/policies/${policy.id}/push`, { enterpriseIds: [enterprises.fits] })).statusCode).toBe(404);
  });
});
