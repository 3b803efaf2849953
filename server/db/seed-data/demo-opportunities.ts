import { addDays } from '../../../common/domain/dates';
import type { OpportunityKind, OpportunityStatus } from '../../../common/enums';
import type { Executor } from '../client';
import { opportunities } from '../schema';

// The demo district's city opportunity list (城市机会清单). Every item is invented for 天桥区's parks and clusters
// (新材料产业园, 医疗器械产业园, 智能制造产业园, 检验检测园 …); contacts and phone numbers are made up. Ten are published
// and current, one is a draft, one is in review, and one is published but expired (it must not show publicly).

type DemoOpportunity = {
  kind: OpportunityKind;
  title: string;
  description: string;
  location: string;
  contact: [name: string, phone: string];
  /** Days from today the validity starts and ends (null: until withdrawn). */
  from: number;
  to: number | null;
  status: OpportunityStatus;
  /** Days ago it was published. */
  publishedDaysAgo?: number;
};

const ITEMS: DemoOpportunity[] = [
  {
    kind: 'scenario',
    title: '新材料产业园智慧能源管理应用场景',
    description: '园区 23 家规上企业开放用能数据，征集能耗在线监测、负荷预测与需求响应解决方案，试点成功后在全区工业园区推广。',
    location: '天桥区新材料产业园',
    contact: ['刘工', '0531-85901101'],
    from: -30,
    to: 150,
    status: 'published',
    publishedDaysAgo: 28,
  },
  {
    kind: 'scenario',
    title: '黄河沿岸堤防智能巡检应用场景',
    description: '开放 12 公里堤段的无人机与视频巡检场景，面向低空经济、机器视觉企业征集方案，可提供试飞空域协调。',
    location: '天桥区黄河沿岸',
    contact: ['孙科长', '0531-85901102'],
    from: -20,
    to: 180,
    status: 'published',
    publishedDaysAgo: 18,
  },
  {
    kind: 'land',
    title: '智能制造产业园标准地（约 86 亩）',
    description:
      '工业用地，已完成“标准地”区域评估：投资强度不低于 350 万元/亩，亩均税收不低于 25 万元，容积率 1.2 以上。适合智能制造装备整机及核心部件项目。',
    location: '天桥区智能制造产业园北区',
    contact: ['王主任', '0531-85901103'],
    from: -45,
    to: 120,
    status: 'published',
    publishedDaysAgo: 40,
  },
  {
    kind: 'land',
    title: '医疗器械产业园工业用地（约 52 亩）',
    description: '净地，“七通一平”，紧邻医疗器械公共检测平台，优先引进高端医用耗材、体外诊断设备项目。',
    location: '天桥区医疗器械产业园',
    contact: ['赵经理', '0531-85901104'],
    from: -15,
    to: 200,
    status: 'published',
    publishedDaysAgo: 12,
  },
  {
    kind: 'building',
    title: '高科创新组团科创大厦 8–12 层整层招租',
    description: '单层 1,650 平方米，精装交付，可拎包入驻；对专精特新、瞪羚企业前两年租金减半。',
    location: '天桥区济泺路高科创新组团',
    contact: ['李女士', '0531-85901105'],
    from: -60,
    to: null,
    status: 'published',
    publishedDaysAgo: 55,
  },
  {
    kind: 'building',
    title: '检验检测园标准厂房（共 6 栋）',
    description: '单栋 3,000–5,000 平方米，层高 7.5 米，承重 1.5 吨/平方米，可分层分割出租或出售。',
    location: '天桥区检验检测园',
    contact: ['周经理', '0531-85901106'],
    from: -10,
    to: 240,
    status: 'published',
    publishedDaysAgo: 9,
  },
  {
    kind: 'cooperation',
    title: '新型功能材料产业链配套项目合作',
    description: '链主企业寻求高性能膜材料、特种涂层配套企业落户，可提供订单对接与联合研发支持。',
    location: '天桥区新材料产业园',
    contact: ['陈静', '0531-85901107'],
    from: -25,
    to: 160,
    status: 'published',
    publishedDaysAgo: 22,
  },
  {
    kind: 'cooperation',
    title: '老旧片区城市更新项目合作伙伴招募',
    description: '面向有实力的开发运营企业，以“投资+建设+运营”方式合作推进约 28 万平方米的片区更新。',
    location: '天桥区北园大街沿线',
    contact: ['吴科长', '0531-85901108'],
    from: -35,
    to: 90,
    status: 'published',
    publishedDaysAgo: 30,
  },
  {
    kind: 'policy',
    title: '支持先进制造业高质量发展若干政策',
    description: '新落户先进制造业项目按设备投资额给予最高 10% 补助；首次认定的专精特新“小巨人”企业给予一次性奖励。',
    location: '天桥区全域',
    contact: ['政策兑现窗口', '0531-85901109'],
    from: -90,
    to: 275,
    status: 'published',
    publishedDaysAgo: 85,
  },
  {
    kind: 'policy',
    title: '总部企业认定与扶持办法',
    description: '年营业收入 10 亿元以上的新落户总部企业，按其区级经济贡献给予最长 5 年扶持，并提供人才住房保障。',
    location: '天桥区全域',
    contact: ['政策兑现窗口', '0531-85901109'],
    from: -5,
    to: 360,
    status: 'published',
    publishedDaysAgo: 4,
  },
  {
    kind: 'scenario',
    title: '中央厨房产业园冷链溯源应用场景',
    description: '征集冷链全程温控与食品溯源方案（草稿，待补充场景规模）。',
    location: '天桥区中央厨房产业园',
    contact: ['刘工', '0531-85901101'],
    from: 0,
    to: 180,
    status: 'draft',
  },
  {
    kind: 'building',
    title: '特色商贸组团临街商业用房招租',
    description: '临街一层商铺 12 间，单间 80–200 平方米，适合品牌连锁与新零售业态。',
    location: '天桥区特色商贸组团',
    contact: ['李女士', '0531-85901105'],
    from: 0,
    to: 120,
    status: 'in_review',
  },
  {
    kind: 'land',
    title: '农机装备园仓储用地（已到期）',
    description: '仓储物流用地约 30 亩，征集期已结束。',
    location: '天桥区现代农业组团',
    contact: ['王主任', '0531-85901103'],
    from: -200,
    to: -3,
    status: 'published',
    publishedDaysAgo: 190,
  },
];

/** The demo list's rows, dated from today. */
export function buildDemoOpportunities(
  regionCode: string,
  today: string,
  people: { editor: string | null; reviewer: string | null },
): (typeof opportunities.$inferInsert)[] {
  return ITEMS.map((item) => {
    const publishedAt = item.publishedDaysAgo === undefined ? null : new Date(`${addDays(today, -item.publishedDaysAgo)}T10:00:00+08:00`);
    return {
      regionCode,
      kind: item.kind,
      title: item.title,
      description: item.description,
      location: item.location,
      contactName: item.contact[0],
      contactPhone: item.contact[1],
      validFrom: addDays(today, item.from),
      validTo: item.to === null ? null : addDays(today, item.to),
      status: item.status,
      createdBy: people.editor,
      submittedBy: item.status === 'draft' ? null : people.editor,
      reviewedBy: publishedAt ? people.reviewer : null,
      reviewedAt: publishedAt,
      publishedAt,
    };
  });
}

export async function insertDemoOpportunities(tx: Executor, rows: (typeof opportunities.$inferInsert)[]) {
  await tx.insert(opportunities).values(rows);
}
