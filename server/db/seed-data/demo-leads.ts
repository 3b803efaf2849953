import { eq } from 'drizzle-orm';
import { addDays } from '../../../common/domain/dates';
import { PIPELINE } from '../../../common/domain/leads';
import type { FollowUpWay, LeadMethod, LeadStage } from '../../../common/enums';
import type { Executor } from '../client';
import { enterprises, leadEvents, leadFollowUps, leadStageMoves, leads, type projects } from '../schema';

// The demo district's leads (招商线索): invented, in every stage, with follow-up histories, two source events (an
// outbound trip and a fair), some service clocks run out, and a few signed into the demo's projects. Dates run back
// from today so the clocks look as they would on a working day.

type Spec = {
  name: string;
  /** A demo enterprise by name (demo-enterprises.ts); null for a lead whose enterprise is not in the register yet. */
  enterprise: string | null;
  method: LeadMethod;
  unitKey: string;
  /** Index into the demo leaders; null for none. */
  leader: number | null;
  /** 亿元. */
  investmentYi: number;
  shares: [outOfCity: number, outOfProvince: number, foreign: number];
  landMu: number | null;
  spaceM2: number | null;
  industryCode: string;
  chainCode: string | null;
  chainNode: string | null;
  stage: LeadStage;
  /** Days ago it came in, and days ago it reached each later stage (in pipeline order). */
  receivedDaysAgo: number;
  stageDaysAgo: number[];
  referrer: string | null;
  /** 0: the trip, 1: the fair. */
  event: 0 | 1 | null;
  /** Days ago of each contact; the last is the latest. */
  contacts: number[];
  droppedReason?: string;
  /** Signed into the demo project at this index of the planning/advancing projects. */
  signedInto?: number;
};

const SPECS: Spec[] = [
  // —— 线索: new, two of them overdue (not answered, not assessed) ——
  {
    name: '高端光学镜片生产基地项目',
    enterprise: '西岭航空材料有限公司',
    method: 'via_business',
    unitKey: 'invest',
    leader: 2,
    investmentYi: 6,
    shares: [100, 100, 0],
    landMu: 60,
    spaceM2: null,
    industryCode: '39',
    chainCode: 'new_materials',
    chainNode: '光学功能材料',
    stage: 'lead',
    receivedDaysAgo: 1,
    stageDaysAgo: [],
    referrer: '济南宝华光电科技有限公司',
    event: null,
    contacts: [0],
  },
  {
    name: '工业机器人区域总部项目',
    enterprise: '南粤智造机器人有限公司',
    method: 'fair',
    unitKey: 'park_smart_mfg',
    leader: 1,
    investmentYi: 12,
    shares: [100, 100, 0],
    landMu: 80,
    spaceM2: 12000,
    industryCode: '34',
    chainCode: 'smart_equip',
    chainNode: '工业机器人',
    stage: 'lead',
    receivedDaysAgo: 5,
    stageDaysAgo: [],
    referrer: null,
    event: 1,
    contacts: [],
  },
  {
    name: '医用耗材智能工厂项目',
    enterprise: null,
    method: 'hometown',
    unitKey: 'park_medical',
    leader: 3,
    investmentYi: 3.5,
    shares: [100, 40, 0],
    landMu: 45,
    spaceM2: null,
    industryCode: '35',
    chainCode: 'med_devices',
    chainNode: '医用耗材',
    stage: 'lead',
    receivedDaysAgo: 9,
    stageDaysAgo: [],
    referrer: '天桥籍在沪商会',
    event: null,
    contacts: [8],
  },
  {
    name: '跨境电商供应链中心项目',
    enterprise: null,
    method: 'commissioned',
    unitKey: 'invest',
    leader: null,
    investmentYi: 1.2,
    shares: [60, 0, 0],
    landMu: null,
    spaceM2: 8000,
    industryCode: '59',
    chainCode: null,
    chainNode: null,
    stage: 'lead',
    receivedDaysAgo: 2,
    stageDaysAgo: [],
    referrer: '山东某招商顾问公司',
    event: null,
    contacts: [1],
  },
  // —— 已研判 ——
  {
    name: '动力电池回收利用项目',
    enterprise: '东海动力电池科技有限公司',
    method: 'via_business',
    unitKey: 'park_materials',
    leader: 2,
    investmentYi: 15,
    shares: [100, 100, 0],
    landMu: 150,
    spaceM2: null,
    industryCode: '38',
    chainCode: 'new_materials',
    chainNode: '电池材料回收',
    stage: 'assessed',
    receivedDaysAgo: 18,
    stageDaysAgo: [16],
    referrer: '济南药山新能源电气有限公司',
    event: 0,
    contacts: [18, 16, 6],
  },
  {
    name: '数字孪生工业软件研发中心',
    enterprise: '江南云启信息技术股份有限公司',
    method: 'project',
    unitKey: 'invest',
    leader: 1,
    investmentYi: 2,
    shares: [100, 100, 0],
    landMu: null,
    spaceM2: 5000,
    industryCode: '65',
    chainCode: 'smart_equip',
    chainNode: '工业软件',
    stage: 'assessed',
    receivedDaysAgo: 30,
    stageDaysAgo: [28],
    referrer: null,
    event: 0,
    contacts: [30, 28, 22],
  },
  {
    name: '检验检测认证服务平台项目',
    enterprise: null,
    method: 'space',
    unitKey: 'park_testing',
    leader: null,
    investmentYi: 0.8,
    shares: [100, 0, 0],
    landMu: null,
    spaceM2: 3000,
    industryCode: '74',
    chainCode: 'testing',
    chainNode: '第三方检测',
    stage: 'assessed',
    receivedDaysAgo: 12,
    stageDaysAgo: [10],
    referrer: null,
    event: null,
    contacts: [12, 10, 4],
  },
  // —— 考察 ——
  {
    name: '高性能复合材料产业园项目',
    enterprise: '华岳重工集团有限公司',
    method: 'resident_office',
    unitKey: 'park_materials',
    leader: 0,
    investmentYi: 30,
    shares: [100, 100, 0],
    landMu: 260,
    spaceM2: null,
    industryCode: '30',
    chainCode: 'new_materials',
    chainNode: '碳纤维复合材料',
    stage: 'site_visit',
    receivedDaysAgo: 60,
    stageDaysAgo: [57, 40],
    referrer: null,
    event: 0,
    contacts: [60, 57, 40, 25],
  },
  {
    name: '智能农机装备制造项目',
    enterprise: null,
    method: 'fair',
    unitKey: 'park_agri_equip',
    leader: 4,
    investmentYi: 5,
    shares: [80, 30, 0],
    landMu: 90,
    spaceM2: null,
    industryCode: '35',
    chainCode: 'agri_machinery',
    chainNode: '智能收获机械',
    stage: 'site_visit',
    receivedDaysAgo: 35,
    stageDaysAgo: [33, 20],
    referrer: null,
    event: 1,
    contacts: [35, 33, 20, 9],
  },
  {
    name: '精密减速器扩产项目',
    enterprise: '济南泺口精密传动股份有限公司',
    method: 'project',
    unitKey: 'park_smart_mfg',
    leader: 1,
    investmentYi: 4.2,
    shares: [0, 0, 0],
    landMu: 40,
    spaceM2: null,
    industryCode: '34',
    chainCode: 'smart_equip',
    chainNode: '精密减速器',
    stage: 'site_visit',
    receivedDaysAgo: 45,
    stageDaysAgo: [44, 30],
    referrer: null,
    event: null,
    contacts: [45, 44, 30, 12],
  },
  // —— 洽谈: one without a follow-up for over two weeks ——
  {
    name: '德国精密传动部件生产项目',
    enterprise: 'Nordwerk Antriebstechnik GmbH',
    method: 'resident_office',
    unitKey: 'park_smart_mfg',
    leader: 1,
    investmentYi: 8,
    shares: [100, 100, 100],
    landMu: 70,
    spaceM2: null,
    industryCode: '34',
    chainCode: 'smart_equip',
    chainNode: '精密传动部件',
    stage: 'negotiating',
    receivedDaysAgo: 120,
    stageDaysAgo: [117, 90, 60],
    referrer: null,
    event: 1,
    contacts: [120, 117, 90, 60, 38, 21],
  },
  {
    name: '体外诊断试剂产业化项目',
    enterprise: '齐鲁康泰医疗器械股份有限公司',
    method: 'hometown',
    unitKey: 'park_medical',
    leader: 3,
    investmentYi: 10,
    shares: [100, 0, 0],
    landMu: 55,
    spaceM2: 6000,
    industryCode: '27',
    chainCode: 'med_devices',
    chainNode: '体外诊断',
    stage: 'negotiating',
    receivedDaysAgo: 90,
    stageDaysAgo: [88, 70, 50],
    referrer: '天桥籍在京企业家联谊会',
    event: null,
    contacts: [90, 88, 83, 70, 50, 30, 8],
  },
  {
    name: '新型显示材料研发生产项目',
    enterprise: '济南宝华光电科技有限公司',
    method: 'via_business',
    unitKey: 'invest',
    leader: 2,
    investmentYi: 6.5,
    shares: [0, 0, 0],
    landMu: 50,
    spaceM2: null,
    industryCode: '39',
    chainCode: 'new_materials',
    chainNode: '显示材料',
    stage: 'negotiating',
    receivedDaysAgo: 75,
    stageDaysAgo: [74, 55, 40],
    referrer: null,
    event: 0,
    contacts: [75, 74, 55, 40, 26, 11],
  },
  {
    name: '氢能装备研发制造项目',
    enterprise: null,
    method: 'commissioned',
    unitKey: 'invest',
    leader: 0,
    investmentYi: 20,
    shares: [100, 100, 20],
    landMu: 180,
    spaceM2: null,
    industryCode: '34',
    chainCode: 'smart_equip',
    chainNode: '氢能装备',
    stage: 'negotiating',
    receivedDaysAgo: 100,
    stageDaysAgo: [97, 75, 45],
    referrer: '北京某投资咨询机构',
    event: null,
    contacts: [100, 97, 75, 45, 30, 5],
  },
  // —— 已签约 and beyond ——
  {
    name: '医疗器械创新产业园项目',
    enterprise: '齐鲁康泰医疗器械股份有限公司',
    method: 'project',
    unitKey: 'park_medical',
    leader: 3,
    investmentYi: 18,
    shares: [100, 0, 0],
    landMu: 120,
    spaceM2: null,
    industryCode: '35',
    chainCode: 'med_devices',
    chainNode: '高值医用耗材',
    stage: 'signed',
    receivedDaysAgo: 200,
    stageDaysAgo: [196, 170, 140, 95],
    referrer: null,
    event: null,
    contacts: [200, 196, 170, 140, 110, 95],
    signedInto: 0,
  },
  {
    name: '智能装备核心零部件产业园',
    enterprise: '华岳重工集团有限公司',
    method: 'via_business',
    unitKey: 'park_smart_mfg',
    leader: 1,
    investmentYi: 25,
    shares: [100, 100, 0],
    landMu: 200,
    spaceM2: null,
    industryCode: '34',
    chainCode: 'smart_equip',
    chainNode: '核心零部件',
    stage: 'registered',
    receivedDaysAgo: 300,
    stageDaysAgo: [297, 260, 230, 180, 150],
    referrer: '济南北园智能装备有限公司',
    event: 0,
    contacts: [300, 297, 260, 230, 200, 180],
    signedInto: 1,
  },
  {
    name: '新能源电气设备扩能项目',
    enterprise: '济南药山新能源电气有限公司',
    method: 'project',
    unitKey: 'invest',
    leader: 2,
    investmentYi: 7,
    shares: [0, 0, 0],
    landMu: 65,
    spaceM2: null,
    industryCode: '38',
    chainCode: 'new_materials',
    chainNode: '电工材料',
    stage: 'started',
    receivedDaysAgo: 340,
    stageDaysAgo: [338, 320, 300, 260, 230, 150],
    referrer: null,
    event: null,
    contacts: [340, 338, 320, 300, 270, 260],
    signedInto: 2,
  },
  {
    name: '生物医药中试基地项目',
    enterprise: '山东黄河湾生物医药有限公司',
    method: 'hometown',
    unitKey: 'park_medical',
    leader: 3,
    investmentYi: 9,
    shares: [30, 0, 0],
    landMu: 70,
    spaceM2: null,
    industryCode: '27',
    chainCode: 'med_devices',
    chainNode: '生物材料',
    stage: 'funds_in',
    receivedDaysAgo: 420,
    stageDaysAgo: [418, 400, 380, 330, 300, 220, 120],
    referrer: '天桥籍在沪商会',
    event: null,
    contacts: [420, 418, 400, 380, 340, 330],
  },
  {
    name: '汽车轻量化零部件项目',
    enterprise: '济南无影山汽车零部件有限公司',
    method: 'space',
    unitKey: 'park_materials',
    leader: 0,
    investmentYi: 5.5,
    shares: [0, 0, 0],
    landMu: 48,
    spaceM2: null,
    industryCode: '36',
    chainCode: 'new_materials',
    chainNode: '轻合金材料',
    stage: 'in_production',
    receivedDaysAgo: 540,
    stageDaysAgo: [538, 520, 500, 450, 420, 330, 250, 40],
    referrer: null,
    event: null,
    contacts: [540, 538, 520, 500, 460, 450],
  },
  {
    name: '云计算数据中心项目',
    enterprise: '江南云启信息技术股份有限公司',
    method: 'commissioned',
    unitKey: 'invest',
    leader: 1,
    investmentYi: 11,
    shares: [100, 100, 0],
    landMu: 30,
    spaceM2: 15000,
    industryCode: '65',
    chainCode: null,
    chainNode: null,
    stage: 'registered',
    receivedDaysAgo: 260,
    stageDaysAgo: [258, 240, 215, 160, 120],
    referrer: null,
    event: null,
    contacts: [260, 258, 240, 215, 175, 160],
  },
  // —— 已终止 ——
  {
    name: '冷链物流园项目',
    enterprise: '济南工业北路物流有限公司',
    method: 'space',
    unitKey: 'street_sangzidian',
    leader: null,
    investmentYi: 3,
    shares: [0, 0, 0],
    landMu: 100,
    spaceM2: null,
    industryCode: '59',
    chainCode: null,
    chainNode: null,
    stage: 'dropped',
    receivedDaysAgo: 150,
    stageDaysAgo: [147, 120],
    referrer: null,
    event: null,
    contacts: [150, 147, 130, 120],
    droppedReason: '用地规划调整，园区选址与规划不符，企业转赴他区',
  },
  {
    name: '锂电池隔膜生产项目',
    enterprise: null,
    method: 'fair',
    unitKey: 'park_materials',
    leader: 2,
    investmentYi: 16,
    shares: [100, 100, 0],
    landMu: 160,
    spaceM2: null,
    industryCode: '29',
    chainCode: 'new_materials',
    chainNode: '锂电隔膜',
    stage: 'dropped',
    receivedDaysAgo: 80,
    stageDaysAgo: [78, 60, 40],
    referrer: null,
    event: 1,
    contacts: [80, 78, 60, 40, 35],
    droppedReason: '能耗指标不足，企业暂缓投资计划',
  },
  {
    name: '预制菜中央厨房项目',
    enterprise: '济南桑梓店食品有限公司',
    method: 'project',
    unitKey: 'street_sangzidian',
    leader: 4,
    investmentYi: 2.5,
    shares: [0, 0, 0],
    landMu: 35,
    spaceM2: null,
    industryCode: '14',
    chainCode: null,
    chainNode: null,
    stage: 'assessed',
    receivedDaysAgo: 25,
    stageDaysAgo: [23],
    referrer: null,
    event: null,
    contacts: [25, 23, 13],
  },
  {
    name: '工业互联网标识解析节点项目',
    enterprise: '济南堤口路互联网科技有限公司',
    method: 'project',
    unitKey: 'invest',
    leader: null,
    investmentYi: 1.5,
    shares: [0, 0, 0],
    landMu: null,
    spaceM2: 2000,
    industryCode: '64',
    chainCode: 'smart_equip',
    chainNode: '工业互联网',
    stage: 'site_visit',
    receivedDaysAgo: 28,
    stageDaysAgo: [26, 15],
    referrer: null,
    event: null,
    contacts: [28, 26, 15, 3],
  },
];

const WAYS: FollowUpWay[] = ['phone', 'visit', 'meeting', 'wechat', 'visit', 'meeting', 'email'];
const TEXTS = [
  ['电话联系企业投资部负责人，了解投资意向和用地、厂房需求', '加微信，发送园区载体资料'],
  ['上门拜访企业总部，介绍天桥区产业政策和园区载体', '整理企业需求清单'],
  ['区领导会见企业董事长，双方就项目选址、建设规模深入交流', '安排企业实地考察'],
  ['微信沟通项目投资进度，企业反馈正在内部论证', '两周后再次跟进'],
  ['陪同企业考察新材料产业园、智能制造产业园地块', '提供地块规划条件'],
  ['与企业就投资协议主要条款进行洽谈，涉及土地、税收、人才政策', '法务审核协议文本'],
  ['邮件发送项目合作框架协议修改稿', '等待企业回复'],
];

export type DemoLeadInput = {
  today: string;
  regionCode: string;
  unitIds: Map<string, string>;
  userIds: Map<string, string>;
  leaderIds: string[];
  /** The demo projects: leads are signed into some in planning or advancing. */
  projects: (typeof projects.$inferInsert)[];
};

/** Inserts the demo events, leads, their stage histories and follow-up logs; run inside the seed's transaction. */
export async function insertDemoLeads(tx: Executor, input: DemoLeadInput) {
  const { today, regionCode, unitIds, userIds, leaderIds } = input;
  const invest = userIds.get('invest');
  const office = userIds.get('office');
  if (!invest || !office) throw new Error('demo users missing');
  const year = today.slice(0, 4);
  const events = await tx
    .insert(leadEvents)
    .values([
      {
        regionCode,
        kind: 'trip',
        name: '长三角新材料与智能装备产业招商活动',
        startsOn: addDays(today, -305),
        endsOn: addDays(today, -301),
        places: ['上海', '苏州', '无锡', '宁波'],
        notes: '区投资促进中心带队，拜访企业 12 家，举办推介会 1 场',
        createdBy: invest,
      },
      {
        regionCode,
        kind: 'fair',
        name: `${year} 中国（济南）国际智能制造装备博览会`,
        startsOn: addDays(today, -125),
        endsOn: addDays(today, -122),
        places: ['济南国际会展中心'],
        notes: '天桥区展位接待洽谈企业 40 余家',
        createdBy: invest,
      },
    ])
    .returning({ id: leadEvents.id });
  const register = new Map(
    (await tx.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.regionCode, regionCode))).map(
      (e) => [e.name, e.id],
    ),
  );
  const targets = input.projects.filter((p) => p.id && (p.pool === 'planning' || p.pool === 'advancing') && p.regionCode === regionCode);
  for (const [i, spec] of SPECS.entries()) {
    const unitId = unitIds.get(spec.unitKey);
    if (!unitId) throw new Error(`demo unit ${spec.unitKey} missing`);
    const receivedOn = addDays(today, -spec.receivedDaysAgo);
    const reached =
      spec.stage === 'dropped' ? PIPELINE.slice(1, spec.stageDaysAgo.length + 1) : PIPELINE.slice(1, PIPELINE.indexOf(spec.stage) + 1);
    const stageDays = spec.stageDaysAgo.map((d) => addDays(today, -d));
    const dropOn = spec.stage === 'dropped' ? addDays(today, -(spec.contacts.at(-1) ?? 0)) : null;
    const stageOn = dropOn ?? stageDays.at(-1) ?? receivedOn;
    const contacts = spec.contacts.map((d) => addDays(today, -d));
    const signedIndex = reached.indexOf('signed');
    const project = spec.signedInto !== undefined ? targets[spec.signedInto] : undefined;
    const investment = Math.round(spec.investmentYi * 100_000_000);
    const [lead] = await tx
      .insert(leads)
      .values({
        regionCode,
        name: project?.name ?? spec.name,
        enterpriseId: spec.enterprise ? (register.get(spec.enterprise) ?? null) : null,
        method: spec.method,
        eventId: spec.event === null ? null : (events[spec.event]?.id ?? null),
        referrer: spec.referrer,
        ownerId: i % 5 === 4 ? office : invest,
        unitId,
        leaderId: spec.leader === null ? null : (leaderIds[spec.leader] ?? null),
        estimatedInvestmentYuan: investment,
        outOfCityPercent: spec.shares[0],
        outOfProvincePercent: spec.shares[1],
        foreignPercent: spec.shares[2],
        landMu: spec.landMu,
        spaceM2: spec.spaceM2,
        industryCode: spec.industryCode,
        chainCode: spec.chainCode,
        chainNode: spec.chainNode,
        stage: spec.stage,
        stageOn,
        receivedOn,
        firstContactOn: contacts[0] ?? null,
        lastContactOn: contacts.at(-1) ?? null,
        assessedOn: stageDays[0] ?? null,
        // The referrer was told within the week, except for the newest leads (their feedback clock still runs).
        feedbackOn: spec.referrer && spec.receivedDaysAgo > 10 ? (contacts[1] ?? null) : null,
        droppedReason: spec.droppedReason ?? null,
        contractValueYuan: signedIndex >= 0 ? Math.round(investment * 0.9) : null,
        contractDate: signedIndex >= 0 ? (stageDays[signedIndex] ?? null) : null,
        projectId: project?.id ?? null,
        createdBy: invest,
      })
      .returning({ id: leads.id });
    if (!lead) throw new Error('demo lead not written');
    const moves: (typeof leadStageMoves.$inferInsert)[] = [
      { leadId: lead.id, fromStage: null, toStage: 'lead', on: receivedOn, reason: null, actorId: invest },
      ...reached.map((to, k) => ({
        leadId: lead.id,
        fromStage: k === 0 ? ('lead' as LeadStage) : (reached[k - 1] as LeadStage),
        toStage: to,
        on: stageDays[k] ?? receivedOn,
        reason: null,
        actorId: invest,
      })),
    ];
    if (dropOn)
      moves.push({
        leadId: lead.id,
        fromStage: reached.at(-1) ?? 'lead',
        toStage: 'dropped',
        on: dropOn,
        reason: spec.droppedReason ?? null,
        actorId: invest,
      });
    await tx.insert(leadStageMoves).values(moves);
    if (contacts.length) {
      await tx.insert(leadFollowUps).values(
        contacts.map((on, k) => {
          const [text, nextStep] = TEXTS[Math.min(k, TEXTS.length - 1)] as [string, string];
          return {
            leadId: lead.id,
            on,
            way: WAYS[k % WAYS.length] as FollowUpWay,
            text,
            nextStep,
            toReferrer: !!spec.referrer && spec.receivedDaysAgo > 10 && k === 1,
            authorId: invest,
          };
        }),
      );
    }
  }
}

/** How many demo leads there are (the demo's README and tests). */
export const DEMO_LEAD_COUNT = SPECS.length;
