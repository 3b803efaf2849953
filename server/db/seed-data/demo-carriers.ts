import { and, eq, inArray } from 'drizzle-orm';
import { addDays } from '../../../common/domain/dates';
import type { CarrierUse, ChainPlacementRole, ChainSegment, ParcelStatus } from '../../../common/enums';
import type { SiteOutline } from '../../../common/schemas/projects';
import type { Executor } from '../client';
import { buildings, chainNodes, chainPlacements, enterprises, industryChains, landParcels, leads, parks } from '../schema';

// The demo district's industry-chain maps (产业链图谱) and carriers (载体). Invented, but shaped on 天桥区's published
// layout: its two leading chains 新型功能材料 and 智能制造装备 plus 医疗器械, parks of the 新型智造 and 高科创新
// clusters, and land parcels in every status, some of them 标准地 with standards like those Jinan publishes for
// industrial land (投资强度 300–450 万元/亩, 亩均税收 25–40 万元). Nodes without a local enterprise are the gaps.

type DemoNode = { segment: ChainSegment; name: string; enterprises?: [name: string, role: ChainPlacementRole][] };
type DemoChain = { code: string; name: string; description: string; nodes: DemoNode[] };

export const DEMO_CHAINS: DemoChain[] = [
  {
    code: 'new_materials',
    name: '新型功能材料产业链',
    description: '天桥区主导产业之一：以膜材料、光电功能材料和新能源电池材料为中游核心，向航空航天和新能源汽车延伸。',
    nodes: [
      { segment: 'upstream', name: '基础化工原料', enterprises: [['济南药山新能源电气有限公司', 'local']] },
      { segment: 'upstream', name: '稀土及金属原料' },
      { segment: 'midstream', name: '高性能膜材料', enterprises: [['济南大桥新材料股份有限公司', 'local']] },
      { segment: 'midstream', name: '光电功能材料', enterprises: [['济南宝华光电科技有限公司', 'local']] },
      { segment: 'midstream', name: '新能源电池材料', enterprises: [['东海动力电池科技有限公司', 'target']] },
      { segment: 'downstream', name: '航空航天应用', enterprises: [['西岭航空材料有限公司', 'target']] },
      { segment: 'downstream', name: '新能源汽车零部件', enterprises: [['济南无影山汽车零部件有限公司', 'local']] },
    ],
  },
  {
    code: 'smart_equip',
    name: '智能制造装备产业链',
    description: '天桥区主导产业之一：精密传动、工业软件到数控机床与成套装备，补齐伺服控制和工业机器人环节。',
    nodes: [
      { segment: 'upstream', name: '精密传动部件', enterprises: [['济南泺口精密传动股份有限公司', 'local']] },
      { segment: 'upstream', name: '伺服电机与控制器', enterprises: [['Nordwerk Antriebstechnik GmbH', 'target']] },
      { segment: 'upstream', name: '工业软件', enterprises: [['济南天桥数智科技有限公司', 'local']] },
      { segment: 'midstream', name: '数控机床', enterprises: [['济南北园智能装备有限公司', 'local']] },
      { segment: 'midstream', name: '工业机器人', enterprises: [['南粤智造机器人有限公司', 'target']] },
      { segment: 'midstream', name: '智能成套装备', enterprises: [['华岳重工集团有限公司', 'target']] },
      { segment: 'downstream', name: '系统集成服务', enterprises: [['济南堤口路互联网科技有限公司', 'local']] },
      { segment: 'downstream', name: '智能工厂运维' },
    ],
  },
  {
    code: 'med_devices',
    name: '医疗器械产业链',
    description: '依托医疗器械产业园，发展体外诊断和医用材料，招引医学影像和康复器械整机企业。',
    nodes: [
      { segment: 'upstream', name: '医用高分子材料', enterprises: [['济南大桥新材料股份有限公司', 'local']] },
      { segment: 'upstream', name: '电子元器件' },
      { segment: 'midstream', name: '医学影像设备', enterprises: [['齐鲁康泰医疗器械股份有限公司', 'target']] },
      { segment: 'midstream', name: '体外诊断试剂', enterprises: [['山东黄河湾生物医药有限公司', 'local']] },
      { segment: 'midstream', name: '康复器械' },
      { segment: 'downstream', name: '医疗器械流通', enterprises: [['济南工业北路物流有限公司', 'local']] },
      { segment: 'downstream', name: '第三方检验检测' },
    ],
  },
];

/** A small rectangle around a point (lon, lat), half-widths in degrees: a parcel's or park's outline. */
const box = (lon: number, lat: number, dLon: number, dLat: number): SiteOutline => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon - dLon, lat - dLat],
      [lon + dLon, lat - dLat],
      [lon + dLon, lat + dLat],
      [lon - dLon, lat + dLat],
      [lon - dLon, lat - dLat],
    ].map(([x, y]) => [Math.round((x ?? 0) * 1e6) / 1e6, Math.round((y ?? 0) * 1e6) / 1e6] as [number, number]),
  ],
});

type DemoBuilding = { name: string; use: CarrierUse; floors: number; total: number; vacant: number; rent: number | null };
type DemoPark = {
  name: string;
  clusterCode: string;
  areaMu: number;
  industries: string[];
  centre: [number, number];
  description: string;
  buildings: DemoBuilding[];
};

export const DEMO_PARKS: DemoPark[] = [
  {
    name: '新材料产业园',
    clusterCode: 'smart_mfg',
    areaMu: 3200,
    industries: ['new_materials'],
    centre: [116.958, 36.742],
    description: '新型智造组团核心园区，承接膜材料、光电材料和电池材料项目。',
    buildings: [
      { name: '新材料中试基地1号厂房', use: 'industrial', floors: 4, total: 18_600, vacant: 6_200, rent: 0.6 },
      { name: '新材料中试基地2号厂房', use: 'industrial', floors: 3, total: 12_400, vacant: 0, rent: 0.6 },
      { name: '新材料研发中心', use: 'research', floors: 12, total: 24_000, vacant: 3_800, rent: 1.2 },
    ],
  },
  {
    name: '智能制造产业园',
    clusterCode: 'smart_mfg',
    areaMu: 4100,
    industries: ['smart_equip'],
    centre: [116.985, 36.762],
    description: '新型智造组团，聚集数控机床、精密传动和工业软件企业。',
    buildings: [
      { name: '智造标准厂房A座', use: 'industrial', floors: 5, total: 32_000, vacant: 9_500, rent: 0.55 },
      { name: '智造标准厂房B座', use: 'industrial', floors: 5, total: 28_000, vacant: 2_400, rent: 0.55 },
      { name: '工业互联网大厦', use: 'office', floors: 22, total: 46_000, vacant: 12_800, rent: 1.5 },
    ],
  },
  {
    name: '医疗器械产业园',
    clusterCode: 'innovation',
    areaMu: 1800,
    industries: ['med_devices', 'testing'],
    centre: [117.012, 36.708],
    description: '高科创新组团，面向体外诊断、医学影像和康复器械企业，配套检验检测平台。',
    buildings: [
      { name: '医械孵化楼', use: 'research', floors: 8, total: 15_600, vacant: 4_100, rent: 1.1 },
      { name: 'GMP洁净厂房', use: 'industrial', floors: 4, total: 20_400, vacant: 7_600, rent: 0.9 },
    ],
  },
];

type DemoParcel = {
  code: string;
  name: string;
  park: string | null;
  areaMu: number;
  use: CarrierUse;
  industries: string[];
  status: ParcelStatus;
  at: [number, number];
  /** 标准地: investment intensity, output, tax (万元/亩), plot ratio, energy (吨标准煤/万元). */
  standard?: [number, number, number, number, number];
};

export const DEMO_PARCELS: DemoParcel[] = [
  {
    code: 'TQ-2024-01',
    name: '新材料园北区01地块',
    park: '新材料产业园',
    areaMu: 86,
    use: 'industrial',
    industries: ['new_materials'],
    status: 'available',
    at: [116.952, 36.748],
    standard: [350, 600, 30, 1.2, 0.35],
  },
  {
    code: 'TQ-2024-02',
    name: '新材料园北区02地块',
    park: '新材料产业园',
    areaMu: 52.5,
    use: 'industrial',
    industries: ['new_materials'],
    status: 'available',
    at: [116.958, 36.748],
    standard: [320, 550, 28, 1.2, 0.4],
  },
  {
    code: 'TQ-2024-03',
    name: '新材料园南区03地块',
    park: '新材料产业园',
    areaMu: 120,
    use: 'industrial',
    industries: ['new_materials'],
    status: 'reserve',
    at: [116.956, 36.736],
  },
  {
    code: 'TQ-2024-04',
    name: '新材料园南区04地块',
    park: '新材料产业园',
    areaMu: 64,
    use: 'industrial',
    industries: ['new_materials'],
    status: 'supplied',
    at: [116.962, 36.737],
    standard: [350, 600, 30, 1.2, 0.35],
  },
  {
    code: 'TQ-2024-05',
    name: '新材料园研发用地05地块',
    park: '新材料产业园',
    areaMu: 28,
    use: 'research',
    industries: ['new_materials'],
    status: 'available',
    at: [116.964, 36.744],
  },
  {
    code: 'TQ-2024-06',
    name: '智造园东区06地块',
    park: '智能制造产业园',
    areaMu: 45,
    use: 'industrial',
    industries: ['smart_equip'],
    status: 'available',
    at: [116.992, 36.765],
    standard: [400, 700, 35, 1.5, 0.25],
  },
  {
    code: 'TQ-2024-07',
    name: '智造园东区07地块',
    park: '智能制造产业园',
    areaMu: 38.6,
    use: 'industrial',
    industries: ['smart_equip'],
    status: 'available',
    at: [116.996, 36.76],
    standard: [380, 650, 32, 1.5, 0.3],
  },
  {
    code: 'TQ-2024-08',
    name: '智造园西区08地块',
    park: '智能制造产业园',
    areaMu: 150,
    use: 'industrial',
    industries: ['smart_equip'],
    status: 'reserve',
    at: [116.978, 36.766],
  },
  {
    code: 'TQ-2024-09',
    name: '智造园西区09地块',
    park: '智能制造产业园',
    areaMu: 72,
    use: 'industrial',
    industries: ['smart_equip'],
    status: 'supplied',
    at: [116.979, 36.758],
    standard: [400, 700, 35, 1.5, 0.25],
  },
  {
    code: 'TQ-2024-10',
    name: '智造园配套10地块',
    park: '智能制造产业园',
    areaMu: 18,
    use: 'commercial',
    industries: [],
    status: 'available',
    at: [116.988, 36.77],
  },
  {
    code: 'TQ-2024-11',
    name: '医械园一期11地块',
    park: '医疗器械产业园',
    areaMu: 42,
    use: 'industrial',
    industries: ['med_devices'],
    status: 'available',
    at: [117.008, 36.712],
    standard: [450, 800, 40, 1.8, 0.2],
  },
  {
    code: 'TQ-2024-12',
    name: '医械园一期12地块',
    park: '医疗器械产业园',
    areaMu: 33,
    use: 'research',
    industries: ['med_devices', 'testing'],
    status: 'available',
    at: [117.015, 36.711],
  },
  {
    code: 'TQ-2024-13',
    name: '医械园二期13地块',
    park: '医疗器械产业园',
    areaMu: 96,
    use: 'industrial',
    industries: ['med_devices'],
    status: 'reserve',
    at: [117.016, 36.703],
  },
  {
    code: 'TQ-2024-14',
    name: '医械园二期14地块',
    park: '医疗器械产业园',
    areaMu: 58,
    use: 'industrial',
    industries: ['med_devices'],
    status: 'supplied',
    at: [117.009, 36.702],
  },
  {
    code: 'TQ-2024-15',
    name: '北园大街南侧15地块',
    park: null,
    areaMu: 24,
    use: 'commercial',
    industries: [],
    status: 'available',
    at: [117.021, 36.69],
  },
  {
    code: 'TQ-2024-16',
    name: '工业北路物流16地块',
    park: null,
    areaMu: 110,
    use: 'warehouse',
    industries: ['logistics'],
    status: 'reserve',
    at: [117.035, 36.702],
  },
  {
    code: 'TQ-2024-17',
    name: '桑梓店综合17地块',
    park: null,
    areaMu: 66,
    use: 'mixed',
    industries: [],
    status: 'available',
    at: [116.942, 36.786],
  },
  {
    code: 'TQ-2024-18',
    name: '药山片区18地块',
    park: null,
    areaMu: 40,
    use: 'industrial',
    industries: ['smart_equip', 'new_materials'],
    status: 'supplied',
    at: [116.968, 36.716],
    standard: [300, 500, 25, 1.2, 0.4],
  },
];

const MU_DEGREES = 0.0009; // about the half-width of a 50-亩 parcel near 36.7°N

/**
 * Inserts the demo chains, parks, buildings and parcels; run inside the seed's transaction after the enterprises and
 * the leads (a lead naming a node of a demo chain is placed on it).
 * Supplied parcels go to the demo's industrial projects given (`projects`), one each, in order.
 */
export async function insertDemoCarriers(
  tx: Executor,
  input: { regionCode: string; createdBy: string | null; today: string; projects: { id: string; name: string }[] },
) {
  const { regionCode, createdBy } = input;
  const names = [...new Set(DEMO_CHAINS.flatMap((c) => c.nodes.flatMap((n) => (n.enterprises ?? []).map(([name]) => name))))];
  const enterpriseRows = names.length
    ? await tx
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(and(eq(enterprises.regionCode, regionCode), inArray(enterprises.name, names)))
    : [];
  const enterpriseId = new Map(enterpriseRows.map((e) => [e.name, e.id]));
  for (const chain of DEMO_CHAINS) {
    const [row] = await tx
      .insert(industryChains)
      .values({ regionCode, code: chain.code, name: chain.name, description: chain.description, createdBy })
      .returning({ id: industryChains.id });
    if (!row) throw new Error('demo chain not written');
    const nodeRows = await tx
      .insert(chainNodes)
      .values(chain.nodes.map((n, i) => ({ chainId: row.id, segment: n.segment, name: n.name, position: i })))
      .returning({ id: chainNodes.id, name: chainNodes.name });
    const nodeId = new Map(nodeRows.map((n) => [n.name, n.id]));
    const placements = chain.nodes.flatMap((n) =>
      (n.enterprises ?? []).flatMap(([name, role]) => {
        const id = enterpriseId.get(name);
        const node = nodeId.get(n.name);
        return id && node ? [{ nodeId: node, enterpriseId: id, role }] : [];
      }),
    );
    if (placements.length) await tx.insert(chainPlacements).values(placements);
    // The demo leads that name a node of this chain (seeded before the maps) are placed on it.
    for (const node of nodeRows) {
      await tx
        .update(leads)
        .set({ chainNodeId: node.id })
        .where(and(eq(leads.regionCode, regionCode), eq(leads.chainCode, chain.code), eq(leads.chainNode, node.name)));
    }
  }
  const parkId = new Map<string, string>();
  for (const park of DEMO_PARKS) {
    const [lon, lat] = park.centre;
    const [row] = await tx
      .insert(parks)
      .values({
        regionCode,
        name: park.name,
        clusterCode: park.clusterCode,
        areaMu: park.areaMu,
        leadingIndustries: park.industries,
        outline: box(lon, lat, 0.014, 0.011),
        description: park.description,
        createdBy,
      })
      .returning({ id: parks.id });
    if (!row) throw new Error('demo park not written');
    parkId.set(park.name, row.id);
    await tx.insert(buildings).values(
      park.buildings.map((b, i) => ({
        parkId: row.id,
        name: b.name,
        use: b.use,
        floors: b.floors,
        totalAreaM2: b.total,
        vacantAreaM2: b.vacant,
        rentYuanPerM2Day: b.rent,
        longitude: Math.round((lon - 0.006 + i * 0.005) * 1e6) / 1e6,
        latitude: Math.round((lat + 0.004) * 1e6) / 1e6,
      })),
    );
  }
  let supplied = 0;
  await tx.insert(landParcels).values(
    DEMO_PARCELS.map((p) => {
      const project = p.status === 'supplied' ? input.projects[supplied++ % Math.max(1, input.projects.length)] : undefined;
      const half = MU_DEGREES * Math.sqrt(p.areaMu / 50);
      const status: ParcelStatus = p.status === 'supplied' && !project ? 'available' : p.status;
      return {
        regionCode,
        parkId: p.park ? (parkId.get(p.park) ?? null) : null,
        code: p.code,
        name: p.name,
        areaMu: p.areaMu,
        plannedUse: p.use,
        industries: p.industries,
        status,
        suppliedProjectId: status === 'supplied' ? (project?.id ?? null) : null,
        suppliedOn: status === 'supplied' ? addDays(input.today, -45 * supplied) : null,
        outline: box(p.at[0], p.at[1], half * 1.25, half),
        stdInvestmentWanPerMu: p.standard?.[0] ?? null,
        stdOutputWanPerMu: p.standard?.[1] ?? null,
        stdTaxWanPerMu: p.standard?.[2] ?? null,
        stdPlotRatio: p.standard?.[3] ?? null,
        stdEnergyPerUnit: p.standard?.[4] ?? null,
        createdBy,
      };
    }),
  );
}
