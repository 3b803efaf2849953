/**
 * Illustrative unit tree of the demo district 济南市天桥区 (GB/T 2260 code 370105).
 * Streets carry their 9-digit township-level codes (统计用区划代码). Parents precede children.
 * Pure data: no database code.
 */

export type DemoUnit = {
  key: string;
  name: string;
  shortName: string | null;
  kind: 'office' | 'bureau' | 'street' | 'park' | 'enterprise' | 'other';
  regionCode: string;
  parentKey: string | null;
};

export const DEMO_DISTRICT_CODE = '370105';

const D = DEMO_DISTRICT_CODE;

export const DEMO_UNITS: DemoUnit[] = [
  // 区政府 (root)
  { key: 'gov', name: '天桥区人民政府', shortName: '区政府', kind: 'other', regionCode: D, parentKey: null },

  // 区直部门
  { key: 'drc', name: '区发展和改革局', shortName: '区发改局', kind: 'bureau', regionCode: D, parentKey: 'gov' },
  {
    key: 'project_office',
    name: '区重点项目建设办公室',
    shortName: '区重点办',
    kind: 'office',
    regionCode: D,
    parentKey: 'drc',
  },
  { key: 'invest', name: '区投资促进中心', shortName: '区投促中心', kind: 'bureau', regionCode: D, parentKey: 'gov' },
  {
    key: 'housing',
    name: '区住房和城乡建设局',
    shortName: '区住建局',
    kind: 'bureau',
    regionCode: D,
    parentKey: 'gov',
  },
  {
    key: 'land',
    name: '济南市自然资源和规划局天桥分局',
    shortName: '天桥自然资源分局',
    kind: 'bureau',
    regionCode: D,
    parentKey: 'gov',
  },
  { key: 'finance', name: '区财政局', shortName: null, kind: 'bureau', regionCode: D, parentKey: 'gov' },
  {
    key: 'industry',
    name: '区工业和信息化局',
    shortName: '区工信局',
    kind: 'bureau',
    regionCode: D,
    parentKey: 'gov',
  },
  {
    key: 'approval',
    name: '区行政审批服务局',
    shortName: '区审批局',
    kind: 'bureau',
    regionCode: D,
    parentKey: 'gov',
  },
  { key: 'stats', name: '区统计局', shortName: null, kind: 'bureau', regionCode: D, parentKey: 'gov' },
  { key: 'inspection', name: '区委督查室', shortName: '督查室', kind: 'office', regionCode: D, parentKey: 'gov' },
  { key: 'bigdata', name: '区大数据局', shortName: null, kind: 'bureau', regionCode: D, parentKey: 'gov' },

  // 街道办事处 (all 15 streets of 天桥区)
  {
    key: 'street_wuyingshan',
    name: '无影山街道办事处',
    shortName: '无影山街道',
    kind: 'street',
    regionCode: '370105001',
    parentKey: 'gov',
  },
  {
    key: 'street_tianqiaodongjie',
    name: '天桥东街街道办事处',
    shortName: '天桥东街街道',
    kind: 'street',
    regionCode: '370105003',
    parentKey: 'gov',
  },
  {
    key: 'street_beicun',
    name: '北村街道办事处',
    shortName: '北村街道',
    kind: 'street',
    regionCode: '370105004',
    parentKey: 'gov',
  },
  {
    key: 'street_nancun',
    name: '南村街道办事处',
    shortName: '南村街道',
    kind: 'street',
    regionCode: '370105005',
    parentKey: 'gov',
  },
  {
    key: 'street_dikoulu',
    name: '堤口路街道办事处',
    shortName: '堤口路街道',
    kind: 'street',
    regionCode: '370105006',
    parentKey: 'gov',
  },
  {
    key: 'street_beitan',
    name: '北坦街道办事处',
    shortName: '北坦街道',
    kind: 'street',
    regionCode: '370105007',
    parentKey: 'gov',
  },
  {
    key: 'street_zhijinshi',
    name: '制锦市街道办事处',
    shortName: '制锦市街道',
    kind: 'street',
    regionCode: '370105009',
    parentKey: 'gov',
  },
  {
    key: 'street_baohua',
    name: '宝华街道办事处',
    shortName: '宝华街道',
    kind: 'street',
    regionCode: '370105010',
    parentKey: 'gov',
  },
  {
    key: 'street_guanzhaying',
    name: '官扎营街道办事处',
    shortName: '官扎营街道',
    kind: 'street',
    regionCode: '370105011',
    parentKey: 'gov',
  },
  {
    key: 'street_weibeilu',
    name: '纬北路街道办事处',
    shortName: '纬北路街道',
    kind: 'street',
    regionCode: '370105012',
    parentKey: 'gov',
  },
  {
    key: 'street_yaoshan',
    name: '药山街道办事处',
    shortName: '药山街道',
    kind: 'street',
    regionCode: '370105013',
    parentKey: 'gov',
  },
  {
    key: 'street_beiyuan',
    name: '北园街道办事处',
    shortName: '北园街道',
    kind: 'street',
    regionCode: '370105014',
    parentKey: 'gov',
  },
  {
    key: 'street_luokou',
    name: '泺口街道办事处',
    shortName: '泺口街道',
    kind: 'street',
    regionCode: '370105015',
    parentKey: 'gov',
  },
  {
    key: 'street_sangzidian',
    name: '桑梓店街道办事处',
    shortName: '桑梓店街道',
    kind: 'street',
    regionCode: '370105016',
    parentKey: 'gov',
  },
  {
    key: 'street_daqiao',
    name: '大桥街道办事处',
    shortName: '大桥街道',
    kind: 'street',
    regionCode: '370105017',
    parentKey: 'gov',
  },

  // 园区管委会
  {
    key: 'park_materials',
    name: '新材料产业园区管委会',
    shortName: '新材料产业园',
    kind: 'park',
    regionCode: D,
    parentKey: 'gov',
  },
  {
    key: 'park_medical',
    name: '医疗器械产业园管委会',
    shortName: '医疗器械产业园',
    kind: 'park',
    regionCode: D,
    parentKey: 'gov',
  },
  {
    key: 'park_smart_mfg',
    name: '智能制造产业园管委会',
    shortName: '智能制造产业园',
    kind: 'park',
    regionCode: D,
    parentKey: 'gov',
  },
  {
    key: 'park_agri_equip',
    name: '农业装备产业园管委会',
    shortName: '农业装备产业园',
    kind: 'park',
    regionCode: D,
    parentKey: 'gov',
  },
  {
    key: 'park_testing',
    name: '检验检测产业园管委会',
    shortName: '检验检测产业园',
    kind: 'park',
    regionCode: D,
    parentKey: 'gov',
  },
  {
    key: 'park_tech_transfer',
    name: '技术转移转化产业园管委会',
    shortName: '技术转移转化产业园',
    kind: 'park',
    regionCode: D,
    parentKey: 'gov',
  },
];
