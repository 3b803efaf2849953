import { addDays, compareDates } from '../../../common/domain/dates';
import { fromScaled, toScaled } from '../../../common/domain/decimal';
import { DEMO_FORMULA } from '../../../common/domain/formula';
import type { TargetComputation, TargetMeasure, TargetQualifier } from '../../../common/enums';
import type { Executor } from '../client';
import { commitmentProgress, commitments, indicatorActuals, indicatorBreakdowns, indicators, scoringRules } from '../schema';
import { insertRows } from './demo-projects';

/*
 * The demo district's targets for the current year: the published 2024 figures of 济南市天桥区 (DOMAIN.md "The demo
 * region") as this year's indicators — the ones Lantu computes left to compute, the others with plausible monthly
 * actuals up to last month — a few units' pledges (军令状) and ten 民生实事 with their monthly progress. Illustrative.
 */

export type DemoTargetInput = {
  year: number;
  today: string;
  regionCode: string;
  /** Demo unit ids by DEMO_UNITS key. */
  unitIds: Map<string, string>;
  /** Who entered the figures (the project office's user; null when no demo user did: the province's). */
  enteredBy: string | null;
  /** The district's indicators and commitments, and whether it has the demo scoring rule: 天桥区's when not given. */
  indicators?: readonly IndicatorSeed[];
  commitments?: readonly CommitmentSeed[];
  scoringRule?: boolean;
};

export type IndicatorSeed = {
  name: string;
  measure: TargetMeasure;
  kind: 'level' | 'growth';
  target: string;
  qualifier: TargetQualifier;
  owner: string;
  computation?: TargetComputation;
  /** Entered: how the year-to-date actual runs against time (1 = on pace; a growth rate's value itself). */
  pace?: number;
  note?: string;
};

/** The published targets, in the order of the 政府工作报告. */
export const DEMO_INDICATORS: IndicatorSeed[] = [
  { name: '地区生产总值增长', measure: 'percent', kind: 'growth', target: '6.5', qualifier: 'about', owner: 'stats', pace: 6.7 },
  { name: '一般公共预算收入增长', measure: 'percent', kind: 'growth', target: '7', qualifier: 'exact', owner: 'finance', pace: 7.4 },
  { name: '固定资产投资增长', measure: 'percent', kind: 'growth', target: '5.5', qualifier: 'exact', owner: 'drc', pace: 4.8 },
  { name: '规模以上工业增加值增长', measure: 'percent', kind: 'growth', target: '9.5', qualifier: 'exact', owner: 'industry', pace: 10.1 },
  { name: '社会消费品零售总额增长', measure: 'percent', kind: 'growth', target: '5.5', qualifier: 'exact', owner: 'drc', pace: 5.2 },
  { name: '进出口总额增长', measure: 'percent', kind: 'growth', target: '5', qualifier: 'exact', owner: 'invest', pace: 3.9 },
  { name: '实际使用外资', measure: 'wan_usd', kind: 'level', target: '7000', qualifier: 'exact', owner: 'invest', pace: 0.93 },
  { name: '居民人均可支配收入增长', measure: 'percent', kind: 'growth', target: '5.5', qualifier: 'exact', owner: 'stats', pace: 5.6 },
  {
    name: '实施重点项目',
    measure: 'item',
    kind: 'level',
    target: '133',
    qualifier: 'exact',
    owner: 'project_office',
    computation: 'key_projects_count',
  },
  {
    name: '重点项目总投资',
    measure: 'yi_yuan',
    kind: 'level',
    target: '1200',
    qualifier: 'exact',
    owner: 'project_office',
    computation: 'key_projects_total_investment',
  },
  {
    name: '新开工项目',
    measure: 'item',
    kind: 'level',
    target: '50',
    qualifier: 'above',
    owner: 'project_office',
    computation: 'new_starts',
  },
  {
    name: '完成投资',
    measure: 'yi_yuan',
    kind: 'level',
    target: '240',
    qualifier: 'above',
    owner: 'project_office',
    computation: 'investment_completed',
  },
  {
    name: '供地面积',
    measure: 'mu',
    kind: 'level',
    target: '3000',
    qualifier: 'above',
    owner: 'land',
    pace: 0.88,
    note: '由自然资源分局按月填报全区供地（含住宅、基础设施用地）；招商地块的供地另见系统计算',
  },
  // The attraction figures Lantu computes from the demo leads (five signed within the last year, 63亿元 in contracts).
  {
    name: '签约招商项目',
    measure: 'item',
    kind: 'level',
    target: '6',
    qualifier: 'above',
    owner: 'invest',
    computation: 'projects_signed',
  },
  {
    name: '签约合同额',
    measure: 'yi_yuan',
    kind: 'level',
    target: '70',
    qualifier: 'above',
    owner: 'invest',
    computation: 'contract_value',
  },
  { name: '完成拆迁', measure: 'wan_m2', kind: 'level', target: '300', qualifier: 'above', owner: 'housing', pace: 1.06 },
  { name: '新开工建设面积', measure: 'wan_m2', kind: 'level', target: '300', qualifier: 'above', owner: 'housing', pace: 0.97 },
  { name: '新建安置房', measure: 'dwelling', kind: 'level', target: '4000', qualifier: 'above', owner: 'housing', pace: 0.9 },
  { name: '老旧小区改造', measure: 'wan_m2', kind: 'level', target: '160', qualifier: 'exact', owner: 'housing', pace: 1.02 },
];

/** 老旧小区改造 broken down to four streets (sums back to 160万平方米). */
const RENOVATION_BREAKDOWN: [string, string][] = [
  ['street_beiyuan', '45'],
  ['street_wuyingshan', '40'],
  ['street_beicun', '35'],
  ['street_nancun', '40'],
];

export type CommitmentSeed = {
  kind: 'pledge' | 'livelihood';
  unit: string;
  title: string;
  target: string;
  measure: TargetMeasure;
  /** Month and day of the deadline, or 'late' for one just past (to show a late one). */
  deadline: string;
  publicWording?: string;
  /** How far along it runs against its months (1 = on pace). */
  pace: number;
};

export const DEMO_COMMITMENTS: CommitmentSeed[] = [
  { kind: 'pledge', unit: 'housing', title: '打通断头路', target: '4', measure: 'line', deadline: '12-31', pace: 1 },
  { kind: 'pledge', unit: 'housing', title: '建设公共停车场', target: '3', measure: 'item', deadline: '11-30', pace: 1 },
  { kind: 'pledge', unit: 'housing', title: '新增停车泊位', target: '4000', measure: 'item', deadline: '12-31', pace: 0.95 },
  { kind: 'pledge', unit: 'housing', title: '培训物业服务管理人员', target: '400', measure: 'person', deadline: '09-30', pace: 1.1 },
  {
    kind: 'pledge',
    unit: 'street_beiyuan',
    title: '完成王炉北辛片区征收签约',
    target: '300',
    measure: 'household',
    deadline: 'late',
    pace: 0.8,
  },
  { kind: 'pledge', unit: 'industry', title: '培育专精特新和瞪羚企业', target: '50', measure: 'company', deadline: '12-31', pace: 0.9 },
  { kind: 'pledge', unit: 'land', title: '盘活处置批而未供和闲置土地', target: '1000', measure: 'mu', deadline: '12-31', pace: 0.85 },
  {
    kind: 'livelihood',
    unit: 'housing',
    title: '改造老旧小区',
    target: '160',
    measure: 'wan_m2',
    deadline: '12-31',
    publicWording: '改造老旧小区160万平方米，惠及居民约2万户',
    pace: 1,
  },
  {
    kind: 'livelihood',
    unit: 'housing',
    title: '新增公共停车泊位',
    target: '4000',
    measure: 'item',
    deadline: '12-31',
    publicWording: '新增公共停车泊位4000个，缓解老城区停车难',
    pace: 0.95,
  },
  {
    kind: 'livelihood',
    unit: 'housing',
    title: '打通断头路',
    target: '4',
    measure: 'line',
    deadline: '12-31',
    publicWording: '打通断头路4条，方便群众出行',
    pace: 1,
  },
  {
    kind: 'livelihood',
    unit: 'drc',
    title: '新建改扩建中小学和幼儿园',
    target: '5',
    measure: 'place',
    deadline: '08-31',
    publicWording: '新建、改扩建中小学和幼儿园5处，新增学位3000个',
    pace: 1,
  },
  {
    kind: 'livelihood',
    unit: 'street_wuyingshan',
    title: '建设社区长者食堂',
    target: '20',
    measure: 'place',
    deadline: '10-31',
    publicWording: '建设社区长者食堂20处，让老年人吃上热乎饭',
    pace: 1,
  },
  {
    kind: 'livelihood',
    unit: 'land',
    title: '建设城市绿道',
    target: '15',
    measure: 'km',
    deadline: '12-31',
    publicWording: '新建城市绿道15公里、口袋公园10处',
    pace: 0.9,
  },
  {
    kind: 'livelihood',
    unit: 'street_beicun',
    title: '改造提升农贸市场',
    target: '3',
    measure: 'place',
    deadline: 'late',
    publicWording: '改造提升农贸市场3处',
    pace: 0.67,
  },
  {
    kind: 'livelihood',
    unit: 'industry',
    title: '新建公共充电桩',
    target: '1000',
    measure: 'item',
    deadline: '12-31',
    publicWording: '新建公共充电桩1000个',
    pace: 0.92,
  },
  {
    kind: 'livelihood',
    unit: 'drc',
    title: '开展职业技能培训',
    target: '5000',
    measure: 'person_time',
    deadline: '12-31',
    publicWording: '开展职业技能培训5000人次',
    pace: 1.05,
  },
  {
    kind: 'livelihood',
    unit: 'street_beiyuan',
    title: '加装既有住宅电梯',
    target: '60',
    measure: 'item',
    deadline: '12-31',
    publicWording: '既有住宅加装电梯60部',
    pace: 0.9,
  },
];

export type DemoTargetRows = {
  indicators: (typeof indicators.$inferInsert)[];
  actuals: (typeof indicatorActuals.$inferInsert)[];
  breakdowns: (typeof indicatorBreakdowns.$inferInsert)[];
  commitments: (typeof commitments.$inferInsert)[];
  progress: (typeof commitmentProgress.$inferInsert)[];
  /** The year's scoring rule (考核评分办法): the demo formula as version 1. */
  scoringRules: (typeof scoringRules.$inferInsert)[];
};

/** A quantity at a share of its target, to whole units when the target is whole, else to two decimals, capped at the target × 1.2. */
function share(target: string, fraction: number): string {
  const value = Math.min(Number(target) * fraction, Number(target) * 1.2);
  const whole = !target.includes('.') && Number(target) >= 20;
  return fromScaled(toScaled(whole ? String(Math.round(value)) : value.toFixed(2)));
}

/** A growth rate drifting towards its year's figure: early months wobble more. */
const growthAt = (final: number, month: number) => (final + ((month % 3) - 1) * 0.3 * (1 - month / 12)).toFixed(1);

const must = (ids: Map<string, string>, key: string) => {
  const id = ids.get(key);
  if (!id) throw new Error(`demo unit ${key} missing`);
  return id;
};

/** The bureaus of the demo that lead no project (they take part as co-units): left out of 区直部门 with the 大数据局. */
const BUREAUS_LEADING_NO_PROJECT = ['drc', 'invest', 'land', 'finance', 'approval', 'stats', 'bigdata'];

/**
 * The demo rule's ranking groups, as a county scheme assesses: 街道 (every street) and 区直部门 (the bureaus and park
 * committees that lead projects). Left out: the district government (kind other), the project office and the
 * supervision office (kind office: they run the assessment), and the bureaus that lead no project — scored on the
 * duty ratios alone they would all tie at the bottom (25 points in the demo).
 */
export const demoRankingGroups = (unitIds: Map<string, string>) => [
  { name: '街道', kinds: ['street' as const], unitIds: [], excludedUnitIds: [] },
  {
    name: '区直部门',
    kinds: ['bureau' as const, 'park' as const],
    unitIds: [],
    excludedUnitIds: BUREAUS_LEADING_NO_PROJECT.map((key) => must(unitIds, key)),
  },
];

/** Builds the year's targets, pledges and 民生实事 with figures through last month (none in January). */
export function buildDemoTargets(input: DemoTargetInput): DemoTargetRows {
  const { year, today, regionCode, unitIds, enteredBy } = input;
  const lastMonth = Number(today.slice(0, 4)) > year ? 12 : Number(today.slice(5, 7)) - 1;
  const rows: DemoTargetRows = {
    indicators: [],
    actuals: [],
    breakdowns: [],
    commitments: [],
    progress: [],
    scoringRules:
      (input.scoringRule ?? true)
        ? [
            {
              regionCode,
              year,
              version: 1,
              formula: DEMO_FORMULA,
              groups: demoRankingGroups(unitIds),
              note: '示范评分办法：参照县级重点项目考核办法（加权完成率、分档项目规模、扣分项），街道、区直部门分组排名',
              authorId: enteredBy,
              authorName: '区重点项目办',
            },
          ]
        : [],
  };
  (input.indicators ?? DEMO_INDICATORS).forEach((seed, i) => {
    const id = crypto.randomUUID();
    rows.indicators.push({
      id,
      regionCode,
      year,
      name: seed.name,
      measure: seed.measure,
      kind: seed.kind,
      targetValue: seed.target,
      qualifier: seed.qualifier,
      direction: 'at_least',
      ownerUnitId: must(unitIds, seed.owner),
      source: seed.computation ? 'computed' : 'entered',
      computation: seed.computation ?? null,
      note: seed.note ?? null,
      sortOrder: (i + 1) * 10,
    });
    if (seed.computation || seed.pace === undefined) return;
    for (let month = 1; month <= lastMonth; month++) {
      const value = seed.kind === 'growth' ? growthAt(seed.pace, month) : share(seed.target, (seed.pace * month) / 12);
      rows.actuals.push({ indicatorId: id, month, value, note: `1-${month}月累计`, enteredBy });
    }
    if (seed.name === '老旧小区改造')
      for (const [unit, value] of RENOVATION_BREAKDOWN)
        rows.breakdowns.push({ indicatorId: id, unitId: must(unitIds, unit), targetValue: value });
  });
  // A late one's deadline: three weeks ago, when that is still this year (else none is late yet).
  const lateDeadline = addDays(today, -21);
  (input.commitments ?? DEMO_COMMITMENTS).forEach((seed, i) => {
    const id = crypto.randomUUID();
    const deadline =
      seed.deadline === 'late'
        ? compareDates(lateDeadline, `${year}-01-01`) >= 0
          ? lateDeadline
          : `${year}-12-31`
        : `${year}-${seed.deadline}`;
    const deadlineMonth = Number(deadline.slice(5, 7));
    let latest = '0';
    for (let month = 1; month <= lastMonth; month++) {
      latest = share(seed.target, Math.min(1, month / deadlineMonth) * seed.pace);
      rows.progress.push({ commitmentId: id, month, value: latest, evidence: `${month}月进度：现场照片及台账已报区重点办`, enteredBy });
    }
    const done = seed.deadline !== 'late' && compareDates(deadline, today) < 0 && toScaled(latest) >= toScaled(seed.target);
    rows.commitments.push({
      id,
      regionCode,
      year,
      kind: seed.kind,
      unitId: must(unitIds, seed.unit),
      title: seed.title,
      targetValue: seed.target,
      measure: seed.measure,
      deadline,
      publicWording: seed.publicWording ?? null,
      done,
      doneOn: done ? deadline : null,
      sortOrder: (i + 1) * 10,
    });
  });
  return rows;
}

/** Inserts the built targets; run it inside the seed's transaction. */
export async function insertDemoTargets(tx: Executor, rows: DemoTargetRows) {
  await insertRows(tx, indicators, rows.indicators);
  await insertRows(tx, indicatorActuals, rows.actuals);
  await insertRows(tx, indicatorBreakdowns, rows.breakdowns);
  await insertRows(tx, commitments, rows.commitments);
  await insertRows(tx, commitmentProgress, rows.progress);
  await insertRows(tx, scoringRules, rows.scoringRules);
}
