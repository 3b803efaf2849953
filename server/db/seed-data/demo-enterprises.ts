import { enterpriseNameKey } from '../../../common/domain/enterprise-name';
import { composeUscc } from '../../../common/domain/uscc';
import type { EnterpriseKind, EnterpriseSize, ListingStage } from '../../../common/enums';
import { pinyinInitials } from '../../lib/pinyin';
import type { Executor } from '../client';
import { enterprises } from '../schema';
import { rngFor, seededUuid } from './seeded-random';

// The demo district's enterprise register (企业库). Every enterprise here is invented: names, people and phone
// numbers are made up, and each USCC is composed from an invented organisation code with the real check characters
// (GB 11714 and GB 32100), so it passes the validator without being any real enterprise's code.

type DemoEnterprise = {
  name: string;
  kind: EnterpriseKind;
  /** Positions 3–8 of the code (the registering authority's region); null for a target enterprise abroad. */
  division: string | null;
  tags?: string[];
  listingStage?: ListingStage;
  industryCode: string;
  hqRegionCode: string | null;
  contact: [name: string, phone: string, role: string];
};

const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    name: '济南北园智能装备有限公司',
    kind: 'local',
    division: '370105',
    tags: ['srdi', 'hnte'],
    industryCode: '34',
    hqRegionCode: '370105',
    contact: ['孙立军', '0531-85960101', '总经理'],
  },
  {
    name: '济南泺口精密传动股份有限公司',
    kind: 'local',
    division: '370105',
    tags: ['little_giant', 'pre_listing'],
    listingStage: 'counselling',
    industryCode: '34',
    hqRegionCode: '370105',
    contact: ['周海燕', '0531-85960102', '董事会秘书'],
  },
  {
    name: '济南天桥数智科技有限公司',
    kind: 'local',
    division: '370105',
    tags: ['hnte', 'gazelle'],
    industryCode: '65',
    hqRegionCode: '370105',
    contact: ['高翔', '0531-85960103', '联系人'],
  },
  {
    name: '山东黄河湾生物医药有限公司',
    kind: 'local',
    division: '370105',
    tags: ['srdi', 'hnte'],
    industryCode: '27',
    hqRegionCode: '370105',
    contact: ['韩雪', '0531-85960104', '副总经理'],
  },
  {
    name: '济南工业北路物流有限公司',
    kind: 'local',
    division: '370105',
    industryCode: '59',
    hqRegionCode: '370105',
    contact: ['马骏', '0531-85960105', '联系人'],
  },
  {
    name: '济南药山新能源电气有限公司',
    kind: 'local',
    division: '370105',
    tags: ['srdi'],
    industryCode: '38',
    hqRegionCode: '370105',
    contact: ['田野', '0531-85960106', '总经理'],
  },
  {
    name: '济南桑梓店食品有限公司',
    kind: 'local',
    division: '370105',
    industryCode: '14',
    hqRegionCode: '370105',
    contact: ['于红', '0531-85960107', '联系人'],
  },
  {
    name: '济南大桥新材料股份有限公司',
    kind: 'local',
    division: '370105',
    tags: ['hnte', 'pre_listing'],
    listingStage: 'filed',
    industryCode: '26',
    hqRegionCode: '370105',
    contact: ['邵明', '0531-85960108', '董事会秘书'],
  },
  {
    name: '济南天桥城市建设发展集团有限公司',
    kind: 'local',
    division: '370105',
    tags: ['provincial_soe'],
    industryCode: '47',
    hqRegionCode: '370105',
    contact: ['郑凯', '0531-85960109', '办公室主任'],
  },
  {
    name: '济南北湖商务服务有限公司',
    kind: 'local',
    division: '370105',
    industryCode: '72',
    hqRegionCode: '370105',
    contact: ['冯丽', '0531-85960110', '联系人'],
  },
  {
    name: '济南宝华光电科技有限公司',
    kind: 'local',
    division: '370100',
    tags: ['gazelle'],
    industryCode: '39',
    hqRegionCode: '370105',
    contact: ['许诺', '0531-85960111', '技术总监'],
  },
  {
    name: '济南无影山汽车零部件有限公司',
    kind: 'local',
    division: '370105',
    tags: ['srdi'],
    industryCode: '36',
    hqRegionCode: '370105',
    contact: ['吕强', '0531-85960112', '总经理'],
  },
  {
    name: '济南堤口路互联网科技有限公司',
    kind: 'local',
    division: '370105',
    tags: ['hnte'],
    industryCode: '64',
    hqRegionCode: '370105',
    contact: ['蔡颖', '0531-85960113', '联系人'],
  },
  {
    name: '华岳重工集团有限公司',
    kind: 'target',
    division: '110000',
    tags: ['fortune500', 'central_soe', 'china500'],
    industryCode: '34',
    hqRegionCode: '110000',
    contact: ['魏东', '010-65430201', '战略投资部经理'],
  },
  {
    name: '江南云启信息技术股份有限公司',
    kind: 'target',
    division: '330100',
    tags: ['listed', 'private500'],
    industryCode: '65',
    hqRegionCode: '330100',
    contact: ['沈佳', '0571-87650202', '投资总监'],
  },
  {
    name: '东海动力电池科技有限公司',
    kind: 'target',
    division: '320500',
    tags: ['china500', 'hnte'],
    industryCode: '38',
    hqRegionCode: '320500',
    contact: ['钱伟', '0512-66780203', '区域拓展经理'],
  },
  {
    name: '南粤智造机器人有限公司',
    kind: 'target',
    division: '440300',
    tags: ['unicorn', 'hnte'],
    industryCode: '34',
    hqRegionCode: '440300',
    contact: ['黄志远', '0755-26540204', '副总裁'],
  },
  {
    name: '齐鲁康泰医疗器械股份有限公司',
    kind: 'target',
    division: '370000',
    tags: ['listed', 'srdi'],
    industryCode: '27',
    hqRegionCode: '370100',
    contact: ['孔祥', '0531-81230205', '董事会秘书'],
  },
  {
    name: '西岭航空材料有限公司',
    kind: 'target',
    division: '510100',
    tags: ['little_giant'],
    industryCode: '26',
    hqRegionCode: '510100',
    contact: ['罗丹', '028-85670206', '市场部经理'],
  },
  {
    name: 'Nordwerk Antriebstechnik GmbH',
    kind: 'target',
    division: null,
    tags: ['fortune500'],
    industryCode: '34',
    hqRegionCode: null,
    contact: ['Anna Berger', '+49 711 5550207', 'Business development'],
  },
];

// Invented organisation codes: 'MA3DTQ' (letters of the USCC alphabet) and a running number.
const orgBody = (i: number) => `MA3DTQ${String(10 + i).padStart(2, '0')}`;

/** A plausible size from the tags: the 500强 and state-owned are large, the little giants and the listing ones medium. */
function sizeOf(e: DemoEnterprise): EnterpriseSize | null {
  const tags = e.tags ?? [];
  if (e.division === null) return null;
  if (tags.some((t) => ['fortune500', 'china500', 'private500', 'central_soe', 'provincial_soe', 'listed'].includes(t))) return 'large';
  if (tags.some((t) => ['little_giant', 'pre_listing', 'unicorn'].includes(t))) return 'medium';
  return e.kind === 'local' ? 'small' : null;
}

/** The demo register as rows of the district (deterministic: the same ids and codes on every seed). */
export function buildDemoEnterprises(regionCode: string, createdBy: string | null): (typeof enterprises.$inferInsert)[] {
  return DEMO_ENTERPRISES.map((e, i) => ({
    id: seededUuid(rngFor('enterprise', e.name)),
    regionCode,
    name: e.name,
    namePinyin: pinyinInitials(e.name),
    nameKey: enterpriseNameKey(e.name),
    uscc: e.division ? composeUscc('91', e.division, orgBody(i)) : null,
    kind: e.kind,
    abroad: e.division === null,
    tags: e.tags ?? [],
    listingStage: e.listingStage ?? null,
    size: sizeOf(e),
    industryCode: e.industryCode,
    hqRegionCode: e.hqRegionCode,
    contacts: [{ name: e.contact[0], phone: e.contact[1], role: e.contact[2] }],
    createdBy,
  }));
}

/** Inserts the demo register; run it inside the seed's transaction. */
export async function insertDemoEnterprises(tx: Executor, rows: (typeof enterprises.$inferInsert)[]) {
  if (rows.length) await tx.insert(enterprises).values(rows);
}
