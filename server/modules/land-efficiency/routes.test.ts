import { beforeAll, expect, it } from 'vitest';
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

type YearJson = {
  year: number;
  taxWanPerMu: number;
  outputWanPerMu: number;
  outputWanPerTce: number | null;
  landClass: string | null;
  version: number;
};
type TableJson = {
  regionName: string;
  thresholds: { version: number } | null;
  counts: Record<'A' | 'B' | 'C' | 'D', number>;
  items: { enterpriseId: string; landClass: string | null; taxWanPerMu: number }[];
  missing: { enterpriseId: string }[];
};

let serial = 0;
const newUscc = () =>
  composeUscc(
    '91',
    '370105',
    `ML${(4000 + serial++).toString()}${uniqueSuffix()
      .slice(-2)
      .toUpperCase()
      .replace(/[IOZSV]/g, '1')}`,
  );

// A year no other test writes, so this file's thresholds and figures are the only ones of it.
const YEAR = 2031;
const WAN = 10_000;
const thresholds = {
  A: { taxWanPerMu: 30, outputWanPerMu: 500 },
  B: { taxWanPerMu: 15, outputWanPerMu: 300 },
  C: { taxWanPerMu: 5, outputWanPerMu: 150 },
};

describeEachDatabase('亩均效益 API', (t) => {
  let office: Client;
  let leader: Client;
  let unit: Client;
  let otherDistrict: Client;
  const ids: Record<'maker' | 'second' | 'idle' | 'target' | 'software', string> = {
    maker: '',
    second: '',
    idle: '',
    target: '',
    software: '',
  };
  const put = (client: Client, url: string, body: unknown, headers?: Record<string, string>) => client.request('PUT', url, body, headers);
  const figures = (id: string, year = YEAR) => `/api/v1/enterprises/${id}/land-figures/${year}`;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    leader = await signInAs(t().app, 'leader');
    unit = await signInAs(t().app, 'unit');
    const add = async (extra: Record<string, unknown>) => {
      const response = await office.post('/api/v1/enterprises', {
        name: `天桥亩均测试企业${uniqueSuffix()}有限公司`,
        uscc: newUscc(),
        kind: 'local',
        industryCode: '34',
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    ids.maker = await add({});
    ids.second = await add({ industryCode: '44' });
    ids.idle = await add({ industryCode: 'C' });
    ids.target = await add({ kind: 'target' });
    ids.software = await add({ industryCode: '65' });
    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区工信局${uniqueSuffix()}` });
    const username = `land_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: foreignUnit.id, roleCode: 'project_office', password: TEST_PASSWORD },
    );
    otherDistrict = await signInAs(t().app, username);
  });

  it('answers 401 signed out, 403 to a unit without the register, and lets leaders read but not write', async () => {
    expect((await anonymous(t().app).get(`/api/v1/land-efficiency?year=${YEAR}`)).statusCode).toBe(401);
    expect((await anonymous(t().app).get(`/api/v1/enterprises/${ids.maker}/land-figures`)).statusCode).toBe(401);
    expect((await leader.get(`/api/v1/land-efficiency?year=${YEAR}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/v1/enterprises/${ids.maker}/land-figures`)).json().abilities).toEqual({ manage: false });
    expect((await put(leader, figures(ids.maker), { landMu: 10, taxYuan: 1, outputYuan: 1 })).statusCode).toBe(403);
    expect((await put(leader, `/api/v1/land-efficiency/thresholds/${YEAR}`, thresholds)).statusCode).toBe(403);
    // The street unit reads the register (enterprise.read) but does not keep it.
    expect((await put(unit, figures(ids.maker), { landMu: 10, taxYuan: 1, outputYuan: 1 })).statusCode).toBe(403);
  });

  it('enters a year (audited), answers its per-亩 figures, and classes it once the district sets thresholds', async () => {
    const saved = await put(office, figures(ids.maker), { landMu: 120, taxYuan: 1800 * WAN, outputYuan: 42_000 * WAN, energyTce: 3500 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      year: YEAR,
      landMu: 120,
      taxWanPerMu: 15,
      outputWanPerMu: 350,
      outputWanPerTce: 12,
      landClass: null,
      version: 1,
    });
    expect((await lastAuditEvent(t().database, 'enterprises.land_figures.create', ids.maker))?.after).toEqual({
      year: YEAR,
      landMu: 120,
      taxYuan: 18_000_000,
      outputYuan: 420_000_000,
      energyTce: 3500,
    });

    const set = await put(office, `/api/v1/land-efficiency/thresholds/${YEAR}`, thresholds);
    expect(set.statusCode, set.body).toBe(200);
    expect((await lastAuditEvent(t().database, 'land_efficiency.thresholds.create'))?.after).toMatchObject({ year: YEAR, A: thresholds.A });
    // Exactly at B's minimum tax (15 万元/亩) and above B's output: B.
    const years = (await leader.get(`/api/v1/enterprises/${ids.maker}/land-figures`)).json() as { items: YearJson[]; notApplicable: null };
    expect(years.notApplicable).toBeNull();
    expect(years.items).toEqual([expect.objectContaining({ year: YEAR, landClass: 'B' })]);

    // Corrected at the version read; the version is needed, and a stale one is refused.
    const noVersion = await put(office, figures(ids.maker), { landMu: 120, taxYuan: 3600 * WAN, outputYuan: 60_000 * WAN });
    expect(noVersion.statusCode).toBe(409);
    expect(errorOf(noVersion).details).toEqual([{ path: 'version', message: '该年度已填报，请刷新后在最新数据上修改' }]);
    const corrected = await put(office, figures(ids.maker), { landMu: 120, taxYuan: 3600 * WAN, outputYuan: 60_000 * WAN, version: 1 });
    expect(corrected.json()).toMatchObject({ landClass: 'A', taxWanPerMu: 30, outputWanPerTce: null, version: 2 });
    expect(await lastAuditEvent(t().database, 'enterprises.land_figures.update', ids.maker)).toMatchObject({
      before: { taxYuan: 18_000_000, outputYuan: 420_000_000, energyTce: 3500 },
      after: { taxYuan: 36_000_000, outputYuan: 600_000_000, energyTce: null },
    });
    expect((await put(office, figures(ids.maker), { landMu: 1, taxYuan: 0, outputYuan: 0, version: 1 })).statusCode).toBe(409);
  });

  it('lists the district year: classes, counts, a class filter, sorting and the enterprises without figures', async () => {
    await put(office, figures(ids.second), { landMu: 40, taxYuan: 100 * WAN, outputYuan: 2000 * WAN });
    const table = (await leader.get(`/api/v1/land-efficiency?year=${YEAR}`)).json() as TableJson;
    expect(table.regionName).toBe('天桥区');
    expect(table.thresholds).not.toBeNull();
    const classOf = (id: string) => table.items.find((i) => i.enterpriseId === id)?.landClass;
    expect(classOf(ids.maker)).toBe('A');
    // 2.5 万元/亩 tax: below C → D.
    expect(classOf(ids.second)).toBe('D');
    expect(table.counts).toMatchObject({ A: 1, D: 1 });
    const missing = table.missing.map((m) => m.enterpriseId);
    expect(missing).toContain(ids.idle);
    // Neither a target enterprise nor a software company is in the table, with or without figures.
    for (const id of [ids.target, ids.software]) {
      expect(missing).not.toContain(id);
      expect(table.items.map((i) => i.enterpriseId)).not.toContain(id);
    }
    const onlyD = (await leader.get(`/api/v1/land-efficiency?year=${YEAR}&landClass=D`)).json() as TableJson;
    expect(onlyD.items.map((i) => i.enterpriseId)).toEqual([ids.second]);
    expect(onlyD.counts).toEqual(table.counts);
    const ascending = (await leader.get(`/api/v1/land-efficiency?year=${YEAR}&sort=taxPerMu`)).json() as TableJson;
    expect(ascending.items.map((i) => i.enterpriseId)).toEqual([ids.second, ids.maker]);
    const bad = await leader.get(`/api/v1/land-efficiency?year=${YEAR}&sort=uscc`);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.path).toBe('query.sort');
  });

  it('refuses figures for a target or a non-industrial enterprise with a 422 naming the reason, and bad figures per field', async () => {
    const target = await put(office, figures(ids.target), { landMu: 10, taxYuan: 1, outputYuan: 1 });
    expect(target.statusCode).toBe(422);
    expect(errorOf(target)).toMatchObject({ code: 'enterprise_not_local', message: expect.stringContaining('不是本地企业') });
    // In the reader's language: the office switches to English for this one request.
    await office.patch('/api/v1/auth/preferences', { locale: 'en-US' });
    const software = await put(office, figures(ids.software), { landMu: 10, taxYuan: 1, outputYuan: 1 });
    await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    expect(software.statusCode).toBe(422);
    expect(errorOf(software)).toMatchObject({
      code: 'enterprise_not_industrial',
      message: expect.stringContaining('is not an industrial enterprise'),
    });
    expect((await office.get(`/api/v1/enterprises/${ids.software}/land-figures`)).json()).toMatchObject({
      items: [],
      notApplicable: 'not_industrial',
    });

    const zero = await put(office, figures(ids.idle), { landMu: 0, taxYuan: -1, outputYuan: 1.5, energyTce: 1.234 });
    expect(zero.statusCode).toBe(400);
    const details = Object.fromEntries((errorOf(zero).details ?? []).map((d) => [d.path, d.message]));
    expect(details).toMatchObject({ landMu: '用地面积应大于 0 亩', energyTce: '最多保留两位小数' });
    expect(Object.keys(details).sort()).toEqual(['energyTce', 'landMu', 'outputYuan', 'taxYuan']);
    expect((await put(office, figures(ids.idle, 1999), { landMu: 1, taxYuan: 0, outputYuan: 0 })).statusCode).toBe(400);
    expect((await office.get(`/api/v1/enterprises/${ids.idle}/land-figures`)).json().items).toEqual([]);
  });

  it('checks thresholds A ≥ B ≥ C, changes them at the version read, and classes again', async () => {
    const upsideDown = await put(office, `/api/v1/land-efficiency/thresholds/${YEAR + 1}`, {
      ...thresholds,
      C: { taxWanPerMu: 20, outputWanPerMu: 100 },
    });
    expect(upsideDown.statusCode).toBe(400);
    expect(errorOf(upsideDown).details).toEqual([{ path: 'B.taxWanPerMu', message: 'B 类标准不能低于 C 类' }]);
    const listed = (await leader.get('/api/v1/land-efficiency/thresholds')).json() as { items: { year: number; version: number }[] };
    const current = listed.items.find((i) => i.year === YEAR);
    expect(listed.items.map((i) => i.year)).not.toContain(YEAR + 1);
    // Raise A's tax above the maker's 30 万元/亩: it falls to B.
    const raised = await put(office, `/api/v1/land-efficiency/thresholds/${YEAR}`, {
      ...thresholds,
      A: { taxWanPerMu: 30.01, outputWanPerMu: 500 },
      version: current?.version,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(await lastAuditEvent(t().database, 'land_efficiency.thresholds.update')).toMatchObject({
      before: { A: { taxWanPerMu: 30 } },
      after: { A: { taxWanPerMu: 30.01 } },
    });
    const table = (await leader.get(`/api/v1/land-efficiency?year=${YEAR}`)).json() as TableJson;
    expect(table.items.find((i) => i.enterpriseId === ids.maker)?.landClass).toBe('B');
    expect((await put(office, `/api/v1/land-efficiency/thresholds/${YEAR}`, { ...thresholds, version: current?.version })).statusCode).toBe(
      409,
    );
  });

  it('keeps each district to itself and deletes a year (audited)', async () => {
    expect((await otherDistrict.get(`/api/v1/enterprises/${ids.maker}/land-figures`)).statusCode).toBe(404);
    expect((await put(otherDistrict, figures(ids.maker), { landMu: 1, taxYuan: 0, outputYuan: 0, version: 2 })).statusCode).toBe(404);
    expect((await otherDistrict.delete(figures(ids.maker))).statusCode).toBe(404);
    expect((await otherDistrict.get(`/api/v1/land-efficiency?year=${YEAR}&regionCode=370105`)).statusCode).toBe(404);
    const own = (await otherDistrict.get(`/api/v1/land-efficiency?year=${YEAR}`)).json() as TableJson;
    expect(own.items.map((i) => i.enterpriseId)).not.toContain(ids.maker);
    expect(own.thresholds).toBeNull();

    const removed = await office.delete(figures(ids.second));
    expect(removed.statusCode).toBe(200);
    expect((await lastAuditEvent(t().database, 'enterprises.land_figures.delete', ids.second))?.before).toMatchObject({
      year: YEAR,
      landMu: 40,
    });
    expect((await office.delete(figures(ids.second))).statusCode).toBe(404);
    const table = (await leader.get(`/api/v1/land-efficiency?year=${YEAR}`)).json() as TableJson;
    expect(table.missing.map((m) => m.enterpriseId)).toContain(ids.second);
  });
});
