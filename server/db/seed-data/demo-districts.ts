/**
 * The city above the demo district and two smaller districts of it, so that a city user has districts to compare:
 * 济南市 (370100) with its development and reform commission, 槐荫区 (370104) and 历城区 (370112) with a handful of
 * units each, a modest list of key projects (24 and 30, far smaller totals than 天桥区's), and this year's main
 * indicators. The regions and streets are real; **every unit name, project, owner and figure here is invented and
 * illustrative** (unlike 天桥区's, whose totals follow its published figures). Pure data: no database code.
 */
import type { DataScope, RoleCode } from '../../../common/permissions';
import { type DemoDistrictProfile, YI } from './demo-projects';
import type { IndicatorSeed } from './demo-targets';
import type { DemoUnit } from './demo-units';

export const DEMO_CITY_CODE = '370100';

/** The province above the city: 山东省 (370000), with its development and reform commission as its one unit. */
export const DEMO_PROVINCE_CODE = '370000';

/** The province's unit: its development and reform commission (the body that sets and reads the province's targets). */
export const DEMO_PROVINCE_UNITS: DemoUnit[] = [
  { key: 'drc', name: '山东省发展和改革委员会', shortName: '省发改委', kind: 'bureau', regionCode: DEMO_PROVINCE_CODE, parentKey: null },
];

/** The city's units: its development and reform commission and, under it, the key projects service centre. */
export const DEMO_CITY_UNITS: DemoUnit[] = [
  { key: 'drc', name: '济南市发展和改革委员会', shortName: '市发改委', kind: 'bureau', regionCode: DEMO_CITY_CODE, parentKey: null },
  {
    key: 'key_projects',
    name: '济南市重点项目服务中心',
    shortName: '市重点项目服务中心',
    kind: 'office',
    regionCode: DEMO_CITY_CODE,
    parentKey: 'drc',
  },
];

/** The units of a smaller district: government, the DRC with its project office, four bureaus, three streets. */
function smallDistrictUnits(code: string, name: string, streets: [key: string, name: string, code: string][]): DemoUnit[] {
  const unit = (key: string, full: string, short: string | null, kind: DemoUnit['kind'], parentKey: string | null = 'gov') => ({
    key,
    name: full,
    shortName: short,
    kind,
    regionCode: code,
    parentKey,
  });
  return [
    unit('gov', `${name}人民政府`, `${name}政府`, 'other', null),
    unit('drc', `${name}发展和改革局`, `${name}发改局`, 'bureau'),
    unit('project_office', `${name}重点项目服务中心`, `${name}重点办`, 'office', 'drc'),
    unit('housing', `${name}住房和城乡建设局`, `${name}住建局`, 'bureau'),
    unit('land', `济南市自然资源和规划局${name.slice(0, 2)}分局`, `${name.slice(0, 2)}自然资源分局`, 'bureau'),
    unit('industry', `${name}工业和信息化局`, `${name}工信局`, 'bureau'),
    unit('finance', `${name}财政局`, null, 'bureau'),
    unit('stats', `${name}统计局`, null, 'bureau'),
    ...streets.map(([key, street, streetCode]) => ({
      key: `street_${key}`,
      name: `${street}办事处`,
      shortName: street,
      kind: 'street' as const,
      regionCode: streetCode,
      parentKey: 'gov',
    })),
  ];
}

const owners = (prefix: string) => ({
  urban_renewal: `${prefix}城市建设投资集团有限公司`,
  infrastructure: `${prefix}城市建设投资集团有限公司`,
  livelihood: `${prefix}城市建设投资集团有限公司`,
  eco_env: `${prefix}生态环境建设有限公司`,
  modern_service: `${prefix}投资控股集团有限公司`,
  sci_innovation: `${prefix}科技发展有限公司`,
  industrial: `${prefix}产业发展集团有限公司`,
  agri_rural: `${prefix}农业发展有限公司`,
});

// Columns as 天桥区's list (demo-projects.ts, above PROJECT_TABLE). No parks: every project sits in a street.
const HUAIYIN_TABLE = `
济南西站片区绿色低碳综合能源站项目|济南槐荫绿色能源有限公司|eco_env|44|-|-|meilihu|C|prov|1|建设分布式光伏、地源热泵和储能一体化综合能源站，服务西站片区公共建筑
段店片区城市更新项目|济南槐荫城市更新发展有限公司|urban_renewal|70|-|-|duandianbeilu|C|city|1.2|实施段店片区征收改造，建设住宅、商业及社区公共服务设施
振兴街片区老旧街区更新项目|-|urban_renewal|70|-|-|zhenxingjie|S|city|0.8|对振兴街片区老旧住宅和低效楼宇实施更新，建设住宅及配套设施
济南西站商务区总部楼宇项目|济南槐荫投资控股集团有限公司|modern_service|72|digital_economy|-|meilihu|C|city|1.2|建设企业总部办公楼、商务配套及地下停车场
美里湖片区生态湿地公园项目|-|eco_env|78|culture_tourism|-|meilihu|C|city|0.8|建设湿地公园、滨水步道及游客服务设施
槐荫区智能制造产业园项目|济南槐荫产业发展集团有限公司|industrial|34|smart_equip|-|meilihu|S|city|1|建设智能制造标准厂房、研发中心及园区配套设施
西部会展中心配套商业综合体项目|济南西城会展商业有限公司|modern_service|61|culture_tourism|-|meilihu|A|city|1|建设会展配套酒店、商业综合体及公共停车设施
段店北路片区棚户区改造项目|-|urban_renewal|70|-|-|duandianbeilu|C|-|1|实施段店北路片区棚户区征收拆迁，建设安置住房及社区配套
振兴街老旧小区改造提升项目|-|urban_renewal|47|-|-|zhenxingjie|S|-|0.5|实施老旧小区外墙保温、管网更新、加装电梯和环境整治
西客站片区安置房（三期）项目|-|livelihood|47|-|-|meilihu|C|-|1|建设西客站片区三期回迁安置住房及社区服务用房
槐荫区人民医院门诊楼改扩建项目|济南市槐荫区卫生健康局|livelihood|84|-|-|zhenxingjie|C|-|0.6|改扩建门急诊楼、医技楼及配套设施
美里湖中学新建项目|济南市槐荫区教育和体育局|livelihood|83|-|-|meilihu|S|-|0.4|新建教学楼、实验楼、体育馆及运动场
经十西路沿线道路提升工程|-|infrastructure|48|-|-|duandianbeilu|C|-|0.8|实施经十西路沿线道路拓宽、管线改造和景观提升
美里湖片区市政道路配套工程|-|infrastructure|48|-|-|meilihu|D|-|0.6|新建美里湖片区城市支路及雨污水管网、照明工程
高端医疗器械研发生产基地项目|山东槐康医疗科技有限公司|industrial|35|med_devices|-|meilihu|C|-|0.8|建设医疗器械洁净生产车间、研发中心和检测中心
新能源汽车充换电设备生产项目|济南西城新能源科技有限公司|industrial|38|smart_equip|-|meilihu|S|-|0.6|建设充电桩、换电设备生产线及测试中心
数字经济产业孵化中心项目|济南槐荫数字科技有限公司|modern_service|65|digital_economy|-|duandianbeilu|C|-|0.5|改造闲置楼宇建设数字经济孵化载体和企业服务平台
冷链物流分拨中心项目|山东西城冷链物流有限公司|modern_service|59|logistics_trade|-|meilihu|A|-|0.5|建设低温冷库、分拣中心及冷链配送调度平台
段店商圈改造提升项目|-|modern_service|52|logistics_trade|-|duandianbeilu|D|-|0.4|对段店商圈市场实施改造提升，完善消防和停车配套
腊山河生态修复工程|-|eco_env|77|-|-|zhenxingjie|C|-|0.4|实施腊山河河道清淤、生态护岸和滨河绿道建设
科技企业加速器项目|济南槐荫科技发展有限公司|sci_innovation|75|tech_transfer|-|duandianbeilu|A|-|0.4|建设科技企业加速器、中试车间及共享实验室
城市口袋公园建设项目|-|eco_env|78|-|-|zhenxingjie|P|-|0.2|建设口袋公园、街角绿地及配套休憩设施
养老服务中心项目|济南槐荫康养服务有限公司|livelihood|85|-|-|duandianbeilu|P|-|0.3|建设养老服务中心、护理院及社区养老服务站
西部物流园二期项目|-|modern_service|59|logistics_trade|-|meilihu|R|-|0.4|建设物流园二期智能仓储和城市配送中心
`;

const LICHENG_TABLE = `
唐冶新区零碳产业园项目|济南历城产业发展集团有限公司|industrial|38|new_materials|-|tangye|C|prov|1|建设零碳标准厂房、光伏屋面和储能设施，集聚新能源材料企业
王舍人片区氢能装备制造基地项目|山东历城氢能装备有限公司|industrial|34|smart_equip|-|wangsheren|S|prov|1|建设氢能装备总装车间、检测中心及配套仓储
洪家楼片区城市更新项目|济南历城城市更新发展有限公司|urban_renewal|70|culture_tourism|-|hongjialou|C|city|1.2|保护修缮洪家楼片区历史建筑，实施老旧住宅更新和街巷风貌提升
王舍人片区旧村改造项目|-|urban_renewal|70|-|-|wangsheren|S|city|1|实施王舍人片区旧村征收改造，建设安置住房及配套学校
唐冶片区国际医疗康养中心项目|济南历城康养产业有限公司|livelihood|84|-|-|tangye|C|city|1|建设综合医院、康复中心及康养社区
华山片区大数据产业园项目|济南历城数字经济发展有限公司|modern_service|65|digital_economy|-|wangsheren|C|city|1.1|建设数据中心、大数据交易服务平台及企业办公用房
历城区高端装备产业园项目|济南历城产业发展集团有限公司|industrial|34|smart_equip|-|wangsheren|C|city|1.2|建设高端装备标准厂房、研发楼及园区配套设施
唐冶大道东延工程|-|infrastructure|48|-|-|tangye|C|city|0.9|新建唐冶大道东延城市主干路及配套管网、照明工程
生物医药产业园（二期）项目|山东历康生物医药有限公司|industrial|27|med_devices|-|tangye|A|city|1|建设生物医药GMP厂房、中试平台及公共技术服务中心
洪家楼老旧街区提升项目|-|urban_renewal|47|-|-|hongjialou|S|-|0.4|实施老旧街区立面整治、管网改造和公共空间提升
王舍人安置区（二期）项目|-|urban_renewal|70|-|-|wangsheren|C|-|1|建设王舍人安置区二期回迁安置住房及社区配套
唐冶片区城市更新项目|-|urban_renewal|70|-|-|tangye|C|-|1|对唐冶片区低效用地实施更新改造，建设住宅、商业及社区服务中心
历城第二中学新校区项目|济南市历城区教育和体育局|livelihood|83|-|-|tangye|C|-|0.5|新建教学楼、图书馆、体育馆及运动场
王舍人街道社区卫生服务中心项目|济南市历城区卫生健康局|livelihood|84|-|-|wangsheren|S|-|0.2|新建社区卫生服务中心及配套设施
洪家楼片区保障性租赁住房项目|济南历城安居发展有限公司|livelihood|70|-|-|hongjialou|C|-|0.6|建设保障性租赁住房及社区服务配套设施
工业北路快速路配套道路工程|-|infrastructure|48|-|-|wangsheren|C|-|0.8|新建工业北路沿线城市次干路及雨污水管网
唐冶片区供水管网工程|济南历城水务发展有限公司|infrastructure|46|-|-|tangye|D|-|0.3|新建唐冶片区供水主管网和加压泵站
新能源汽车零部件产业园项目|济南历城汽车零部件有限公司|industrial|36|smart_equip|-|wangsheren|C|-|0.9|建设汽车零部件生产线、检测中心及配套仓储
精密电子元器件生产项目|山东历芯电子科技有限公司|industrial|39|digital_economy|-|tangye|S|-|0.6|建设精密电子元器件生产线及洁净车间
智能农机装备生产项目|山东历丰农机有限公司|industrial|35|agri_machinery|-|wangsheren|A|-|0.5|建设智能农机整机装配线及零部件加工车间
现代物流园项目|济南历城物流发展有限公司|modern_service|59|logistics_trade|-|wangsheren|C|-|0.6|建设智能仓储中心、城市配送中心及物流信息平台
唐冶商业综合体项目|济南唐冶商业发展有限公司|modern_service|72|-|-|tangye|D|-|0.5|建设购物中心、社区商业及地下停车场
山东大学科技园（历城）项目|济南历城科技发展有限公司|sci_innovation|75|tech_transfer|-|hongjialou|C|-|0.6|建设科技园孵化器、成果转化中心及人才公寓
检验检测认证中心项目|山东历检检测技术有限公司|sci_innovation|74|testing|-|tangye|S|-|0.3|建设检验检测实验室和认证服务平台
小清河（历城段）生态治理工程|-|eco_env|77|-|-|wangsheren|C|-|0.5|实施小清河历城段河道治理、生态护岸和滨河绿道建设
唐冶山体公园项目|-|eco_env|78|culture_tourism|-|tangye|A|-|0.3|实施山体修复，建设登山步道及游客服务设施
现代农业示范园项目|济南历城农业发展有限公司|agri_rural|01|-|-|tangye|C|-|0.3|建设智能温室、农产品加工车间及科技示范中心
历城区全民健身中心项目|济南市历城区教育和体育局|livelihood|89|-|-|hongjialou|P|-|0.3|建设全民健身馆、游泳馆及室外健身场地
洪家楼总部经济楼宇项目|-|modern_service|72|-|-|hongjialou|P|-|0.6|建设总部办公楼宇及商务配套
数字文旅街区项目|-|modern_service|90|culture_tourism|-|hongjialou|R|-|0.4|改造老旧厂房建设数字文旅街区和文化消费空间
`;

/** 槐荫区: 24 key projects worth 360亿元, annual plans of 70亿. Street areas checked to lie inside its boundary. */
export const HUAIYIN: DemoDistrictProfile = {
  code: '370104',
  abbreviation: '济槐',
  units: smallDistrictUnits('370104', '槐荫区', [
    ['zhenxingjie', '振兴街街道', '370104001'],
    ['duandianbeilu', '段店北路街道', '370104009'],
    ['meilihu', '美里湖街道', '370104012'],
  ]),
  table: HUAIYIN_TABLE,
  groupTotalsYi: { prov: 20, cityRenewal: 40, city: 90, districtRenewal: 50, district: 160 },
  annualPlanTotalYuan: 70 * YI,
  streetAreas: {
    street_zhenxingjie: [116.975, 36.66, 0.006, 0.004],
    street_duandianbeilu: [116.945, 36.68, 0.006, 0.004],
    street_meilihu: [116.88, 36.7, 0.015, 0.008],
  },
  parkAreas: {},
  parkUnits: {},
  defaultOwners: owners('济南槐荫'),
  fallbackOwner: '济南槐荫投资控股集团有限公司',
  recoded: new Set(),
};

/** 历城区: 30 key projects worth 520亿元, annual plans of 95亿. */
export const LICHENG: DemoDistrictProfile = {
  code: '370112',
  abbreviation: '济历',
  units: smallDistrictUnits('370112', '历城区', [
    ['hongjialou', '洪家楼街道', '370112002'],
    ['wangsheren', '王舍人街道', '370112009'],
    ['tangye', '唐冶街道', '370112012'],
  ]),
  table: LICHENG_TABLE,
  groupTotalsYi: { prov: 35, cityRenewal: 60, city: 150, districtRenewal: 55, district: 220 },
  annualPlanTotalYuan: 95 * YI,
  streetAreas: {
    street_hongjialou: [117.065, 36.68, 0.006, 0.004],
    street_wangsheren: [117.15, 36.72, 0.008, 0.006],
    street_tangye: [117.235, 36.68, 0.015, 0.01],
  },
  parkAreas: {},
  parkUnits: {},
  defaultOwners: owners('济南历城'),
  fallbackOwner: '济南历城投资控股集团有限公司',
  recoded: new Set(),
};

/** A smaller district's main indicators: the four Lantu computes and four the statistics side enters monthly. */
const indicatorsOf = (
  projects: number,
  totalYi: number,
  newStarts: number,
  completedYi: number,
  growth: { gdp: [string, number]; revenue: [string, number]; fai: [string, number]; industry: [string, number] },
): IndicatorSeed[] => [
  {
    name: '地区生产总值增长',
    measure: 'percent',
    kind: 'growth',
    target: growth.gdp[0],
    qualifier: 'about',
    owner: 'stats',
    pace: growth.gdp[1],
  },
  {
    name: '一般公共预算收入增长',
    measure: 'percent',
    kind: 'growth',
    target: growth.revenue[0],
    qualifier: 'exact',
    owner: 'finance',
    pace: growth.revenue[1],
  },
  {
    name: '固定资产投资增长',
    measure: 'percent',
    kind: 'growth',
    target: growth.fai[0],
    qualifier: 'exact',
    owner: 'drc',
    pace: growth.fai[1],
  },
  {
    name: '规模以上工业增加值增长',
    measure: 'percent',
    kind: 'growth',
    target: growth.industry[0],
    qualifier: 'exact',
    owner: 'industry',
    pace: growth.industry[1],
  },
  {
    name: '实施重点项目',
    measure: 'item',
    kind: 'level',
    target: String(projects),
    qualifier: 'exact',
    owner: 'project_office',
    computation: 'key_projects_count',
  },
  {
    name: '重点项目总投资',
    measure: 'yi_yuan',
    kind: 'level',
    target: String(totalYi),
    qualifier: 'exact',
    owner: 'project_office',
    computation: 'key_projects_total_investment',
  },
  {
    name: '新开工项目',
    measure: 'item',
    kind: 'level',
    target: String(newStarts),
    qualifier: 'above',
    owner: 'project_office',
    computation: 'new_starts',
  },
  {
    name: '完成投资',
    measure: 'yi_yuan',
    kind: 'level',
    target: String(completedYi),
    qualifier: 'above',
    owner: 'project_office',
    computation: 'investment_completed',
  },
];

export type DemoSmallDistrict = {
  profile: DemoDistrictProfile;
  name: string;
  indicators: IndicatorSeed[];
  /** The district's project office user (printed with the demo users) and its one leader in charge (not printed). */
  office: { username: string; displayName: string };
  leader: { username: string; displayName: string };
};

export const DEMO_SMALL_DISTRICTS: DemoSmallDistrict[] = [
  {
    profile: HUAIYIN,
    name: '槐荫区',
    indicators: indicatorsOf(24, 360, 8, 65, {
      gdp: ['6', 6.2],
      revenue: ['6', 5.4],
      fai: ['6', 6.8],
      industry: ['8', 8.5],
    }),
    office: { username: 'huaiyin', displayName: '何晓东（槐荫区重点办）' },
    leader: { username: 'leader_huaiyin', displayName: '韩立军（槐荫区副区长）' },
  },
  {
    profile: LICHENG,
    name: '历城区',
    indicators: indicatorsOf(30, 520, 10, 90, {
      gdp: ['6.5', 6.1],
      revenue: ['7', 7.6],
      fai: ['8', 7.1],
      industry: ['10', 9.2],
    }),
    office: { username: 'licheng', displayName: '秦雪梅（历城区重点办）' },
    leader: { username: 'leader_licheng', displayName: '邵建华（历城区副区长）' },
  },
];

/**
 * The city's own indicators (市级指标), broken down to its districts (分解到区县; each share under the district's
 * 人民政府): 完成投资 computed over each district's approved reports — the shares follow the districts' own targets —
 * and 实际使用外资 entered monthly by the key projects service centre, whose shares read what each district entered on its own indicator
 * of that name (only 天桥区 has one: the other two shares say the district keeps none). Illustrative.
 */
export const DEMO_CITY_INDICATORS: { seed: IndicatorSeed; shares: Record<string, string> }[] = [
  {
    seed: {
      name: '完成投资',
      measure: 'yi_yuan',
      kind: 'level',
      target: '395',
      qualifier: 'above',
      owner: 'key_projects',
      computation: 'investment_completed',
    },
    shares: { '370105': '240', '370104': '65', '370112': '90' },
  },
  {
    seed: {
      name: '实际使用外资',
      measure: 'wan_usd',
      kind: 'level',
      target: '20000',
      qualifier: 'exact',
      owner: 'key_projects',
      pace: 0.96,
    },
    shares: { '370105': '7000', '370104': '5000', '370112': '8000' },
  },
];

/**
 * The city office (市重点项目服务中心): sets the city's indicators, breaks them down to the districts and keeps the city's
 * scoring rule — the project office's permissions with the data scope of its own unit tree, so that it writes no
 * district's record (a district's projects, reports, matters and indicators stay the district's) and reads the
 * districts' figures through the city's breakdown and ranking. The `city` user reads the districts themselves.
 */
export const DEMO_CITY_OFFICE_USER: {
  username: string;
  displayName: string;
  roleCode: RoleCode;
  unitKey: string;
  dataScope: DataScope;
} = {
  username: 'city_office',
  displayName: '周立新（市重点项目服务中心）',
  roleCode: 'project_office',
  unitKey: 'key_projects',
  dataScope: 'unit_tree',
};

/** The city user: reads across the city's districts (the supervisor role: reading, no district records written). */
export const DEMO_CITY_USER: { username: string; displayName: string; roleCode: RoleCode; unitKey: string } = {
  username: 'city',
  displayName: '孙海燕（市发改委）',
  roleCode: 'supervisor',
  unitKey: 'key_projects',
};

/**
 * The province's own indicators (省级指标), broken down to its cities (分解到各市; each share under the city's top unit,
 * 济南市发展和改革委员会). The demo has one city with units, 济南市, so each share is the whole target: 完成投资
 * computed over the province's tree (its figure is 济南市's), and 实际使用外资 entered monthly by the province's DRC,
 * whose share reads what 济南市 entered on its own indicator of that name. Illustrative.
 */
export const DEMO_PROVINCE_INDICATORS: { seed: IndicatorSeed; shares: Record<string, string> }[] = [
  {
    seed: {
      name: '完成投资',
      measure: 'yi_yuan',
      kind: 'level',
      target: '395',
      qualifier: 'above',
      owner: 'drc',
      computation: 'investment_completed',
    },
    shares: { [DEMO_CITY_CODE]: '395' },
  },
  {
    seed: {
      name: '实际使用外资',
      measure: 'wan_usd',
      kind: 'level',
      target: '20000',
      qualifier: 'exact',
      owner: 'drc',
      pace: 0.95,
    },
    shares: { [DEMO_CITY_CODE]: '20000' },
  },
];

/**
 * The province user: 山东省's development and reform commission, reading across the province's cities and districts
 * (the supervisor role with the region scope: reading, no city's or district's records written) — its cities'
 * ranking, the districts' indicators compared, the province's indicators broken down to its cities.
 */
export const DEMO_PROVINCE_USER: { username: string; displayName: string; roleCode: RoleCode; unitKey: string } = {
  username: 'province',
  displayName: '马国栋（省发改委）',
  roleCode: 'supervisor',
  unitKey: 'drc',
};
