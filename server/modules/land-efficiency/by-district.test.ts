import { beforeAll, expect, it } from 'vitest';
import { composeUscc } from '../../../common/domain/uscc';
import { createAccount } from '../../db/accounts';
import { enterpriseLandFigures, enterprises, landEfficiencyThresholds } from '../../db/schema';
import { insertUnit, uniqueSuffix } from '../../test/factories';
import { type Client, TEST_PASSWORD, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

type Row = {
  regionCode: string;
  regionName: string;
  thresholds: { A: { taxWanPerMu: number } } | null;
  counts: Record<'A' | 'B' | 'C' | 'D', number>;
  withFigures: number;
  missing: number;
  landMu: number;
  taxYuan: number;
  outputYuan: number;
  taxWanPerMu: number | null;
  outputWanPerMu: number | null;
};
type Answer = {
  regionCode: string;
  regionName: string;
  regionLevel: string;
  items: Row[];
  total: Omit<Row, 'regionCode' | 'regionName' | 'thresholds'>;
};

/*
 * A hand-built 烟台市 whose districts hold nothing else in the test database, in a year no other test writes:
 *   芝罘区 (thresholds A 30/500, B 15/300, C 5/150 万元/亩): 100 亩 3000万 tax 60000万 output → A; 50.5 亩 800万
 *     16000万 → B (15.84, 316.83); 20 亩 40万 1000万 → D; one without figures; a software company (not industrial).
 *   福山区 (lower thresholds A 10/200, B 6/100, C 2/50): 10.25 亩 123万 2100万 → A (12, 204.88); 30 亩 180万 3000万 → B;
 *     4.75 亩 10万 300万 → C (2.11, 63.16).
 *   莱山区: one enterprise, no figures, no thresholds.
 */
const YEAR = 2035;
const WAN = 10_000;
const CITY = '370600';
const ZHIFU = '370602';
const FUSHAN = '370611';
const LAISHAN = '370613';
let serial = 0;

describeEachDatabase('亩均效益 by district: a city sees its districts side by side', (t) => {
  let cityReader: Client;
  let zhifuReader: Client;
  let jinanCity: Client;

  const account = async (regionCode: string, name: string) => {
    const unit = await insertUnit(t().database, { regionCode, name: `${name}${uniqueSuffix()}`, kind: 'office' });
    const username = `bd_${uniqueSuffix()}`.slice(0, 32);
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: name, unitId: unit.id, roleCode: 'project_office', password: TEST_PASSWORD },
    );
    return signInAs(t().app, username);
  };

  const enterprise = async (regionCode: string, figures?: [number, number, number], industryCode = '34') => {
    const name = `区县对比企业${uniqueSuffix()}`;
    const body = `BD${String(Math.floor(Math.random() * 10_000) * 100 + serial++).padStart(6, '0')}`;
    const [row] = await t()
      .database.db.insert(enterprises)
      .values({
        regionCode,
        name,
        namePinyin: 'qxdbqy',
        nameKey: name,
        kind: 'local',
        industryCode,
        uscc: composeUscc('91', regionCode, body),
      })
      .returning({ id: enterprises.id });
    if (!row) throw new Error('enterprise not written');
    if (figures) {
      const [landMu, taxWan, outputWan] = figures;
      await t()
        .database.db.insert(enterpriseLandFigures)
        .values({ enterpriseId: row.id, year: YEAR, landMu, taxYuan: taxWan * WAN, outputYuan: outputWan * WAN });
    }
    return row.id;
  };
  const thresholds = (regionCode: string, m: number[]) =>
    t()
      .database.db.insert(landEfficiencyThresholds)
      .values({
        regionCode,
        year: YEAR,
        aTaxWanPerMu: m[0] ?? 0,
        aOutputWanPerMu: m[1] ?? 0,
        bTaxWanPerMu: m[2] ?? 0,
        bOutputWanPerMu: m[3] ?? 0,
        cTaxWanPerMu: m[4] ?? 0,
        cOutputWanPerMu: m[5] ?? 0,
      });

  beforeAll(async () => {
    cityReader = await account(CITY, '烟台市重点项目服务中心');
    zhifuReader = await account(ZHIFU, '芝罘区工信局');
    jinanCity = await signInAs(t().app, 'city');
    await thresholds(ZHIFU, [30, 500, 15, 300, 5, 150]);
    await thresholds(FUSHAN, [10, 200, 6, 100, 2, 50]);
    await enterprise(ZHIFU, [100, 3000, 60_000]);
    await enterprise(ZHIFU, [50.5, 800, 16_000]);
    await enterprise(ZHIFU, [20, 40, 1000]);
    await enterprise(ZHIFU);
    await enterprise(ZHIFU, [10, 1000, 1000], '65');
    await enterprise(FUSHAN, [10.25, 123, 2100]);
    await enterprise(FUSHAN, [30, 180, 3000]);
    await enterprise(FUSHAN, [4.75, 10, 300]);
    await enterprise(LAISHAN);
  });

  const byDistrict = async (client: Client, query = '') => {
    const response = await client.get(`/api/v1/land-efficiency/by-district?year=${YEAR}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Answer;
  };
  const perMu = (yuan: number, mu: number) => Math.round(yuan / mu / 100) / 100;

  it('counts each district by its own thresholds, as the district page counts them', async () => {
    const answer = await byDistrict(cityReader);
    expect(answer).toMatchObject({ regionCode: CITY, regionName: '烟台市', regionLevel: 'city' });
    // The city's districts that work in Lantu are rows, in code order — 莱山区 with only an enterprise too; 牟平区,
    // with nothing in Lantu, is not a row of nothing.
    const codes = answer.items.map((r) => r.regionCode);
    expect(codes).toEqual(expect.arrayContaining([ZHIFU, FUSHAN, LAISHAN]));
    expect(codes).toEqual([...codes].sort());
    expect(codes.every((c) => c.startsWith('3706'))).toBe(true);
    expect(codes).not.toContain('370612');
    const row = (code: string) => answer.items.find((r) => r.regionCode === code) as Row;
    expect(row(ZHIFU)).toMatchObject({ regionName: '芝罘区', counts: { A: 1, B: 1, C: 0, D: 1 }, withFigures: 3, missing: 1 });
    expect(row(FUSHAN)).toMatchObject({ regionName: '福山区', counts: { A: 1, B: 1, C: 1, D: 0 }, withFigures: 3, missing: 0 });
    // Each district's thresholds are shown: the classes are by them.
    expect(row(ZHIFU).thresholds?.A.taxWanPerMu).toBe(30);
    expect(row(FUSHAN).thresholds?.A.taxWanPerMu).toBe(10);
    for (const code of [ZHIFU, FUSHAN]) {
      const page = await cityReader.get(`/api/v1/land-efficiency?year=${YEAR}&regionCode=${code}`);
      expect(page.statusCode, page.body).toBe(200);
      expect(row(code).counts).toEqual(page.json().counts);
      expect(row(code).missing).toBe(page.json().missing.length);
    }
  });

  it('gives per-亩 figures as sums over sums, a district with no figures as none, and the city total', async () => {
    const answer = await byDistrict(cityReader);
    const row = (code: string) => answer.items.find((r) => r.regionCode === code) as Row;
    expect(row(ZHIFU)).toMatchObject({ landMu: 170.5, taxYuan: 3840 * WAN, outputYuan: 77_000 * WAN });
    // Σ tax ÷ Σ land = 22.52 万元/亩, not the average of 30, 15.84 and 2 (15.95).
    expect(row(ZHIFU).taxWanPerMu).toBe(perMu(3840 * WAN, 170.5));
    expect(row(ZHIFU).taxWanPerMu).toBe(22.52);
    expect(row(ZHIFU).outputWanPerMu).toBe(perMu(77_000 * WAN, 170.5));
    expect(row(FUSHAN)).toMatchObject({ landMu: 45, taxWanPerMu: perMu(313 * WAN, 45), outputWanPerMu: perMu(5400 * WAN, 45) });
    expect(row(LAISHAN)).toMatchObject({
      thresholds: null,
      counts: { A: 0, B: 0, C: 0, D: 0 },
      withFigures: 0,
      missing: 1,
      landMu: 0,
      taxWanPerMu: null,
      outputWanPerMu: null,
    });
    expect(answer.total).toMatchObject({
      counts: { A: 2, B: 2, C: 1, D: 1 },
      withFigures: 6,
      missing: 2,
      landMu: 215.5,
      taxYuan: 4153 * WAN,
      outputYuan: 82_400 * WAN,
      taxWanPerMu: perMu(4153 * WAN, 215.5),
      outputWanPerMu: perMu(82_400 * WAN, 215.5),
    });
    // Narrowed to one district of the city.
    const fushan = await byDistrict(cityReader, `&regionCode=${FUSHAN}`);
    expect(fushan.items.map((r) => r.regionCode)).toEqual([FUSHAN]);
    expect(fushan.total.counts).toEqual({ A: 1, B: 1, C: 1, D: 0 });
  });

  it("keeps a district reader to his own district, and another city's reader out", async () => {
    const own = await byDistrict(zhifuReader);
    expect(own).toMatchObject({ regionCode: ZHIFU, regionLevel: 'district' });
    expect(own.items.map((r) => r.regionCode)).toEqual([ZHIFU]);
    expect(own.total.counts).toEqual({ A: 1, B: 1, C: 0, D: 1 });
    for (const other of [FUSHAN, CITY]) {
      expect((await zhifuReader.get(`/api/v1/land-efficiency/by-district?year=${YEAR}&regionCode=${other}`)).statusCode).toBe(404);
    }
    // 济南市's reader: 烟台 is not his, and his own comparison has none of 烟台's districts.
    expect((await jinanCity.get(`/api/v1/land-efficiency/by-district?year=${YEAR}&regionCode=${CITY}`)).statusCode).toBe(404);
    const jinan = await byDistrict(jinanCity);
    expect(jinan.regionName).toBe('济南市');
    expect(jinan.items.some((r) => r.regionCode.startsWith('3706'))).toBe(false);
    expect(jinan.items.some((r) => r.regionName === '天桥区')).toBe(true);
  });

  it('answers 401 signed out and names a bad year', async () => {
    expect((await anonymous(t().app).get(`/api/v1/land-efficiency/by-district?year=${YEAR}`)).statusCode).toBe(401);
    const bad = await cityReader.get('/api/v1/land-efficiency/by-district?year=1999');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]).toMatchObject({ path: 'query.year', message: '年度应为 2000–2100 之间的整数' });
  });
});
