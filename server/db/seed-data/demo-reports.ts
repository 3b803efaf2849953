/**
 * The demo district's monthly ledger (工作台账) for the current year, up to today: a reporting period for every month so
 * far, each with the reports its implementing projects owed, and what became of them — most submitted on time and
 * approved, some late, a few never submitted, a few returned for correction. The amounts follow each project's
 * monthly plan, so year-to-date completion against the annual plans (250亿, for the 240亿 target) reads as a real
 * district's would. Illustrative and deterministic: a seeded stream per project and month, dates relative to today.
 */
import { addDays, compareDates, daysBetween, maxDate, minDate, todayInChina } from '../../../common/domain/dates';
import type { Executor } from '../client';
import { progressReports, reportingPeriods } from '../schema';
import { type DemoProjectRows, districtSeed, insertRows } from './demo-projects';
import { type Rng, between, chance, intBetween, pickOne, rngFor, seededUuid } from './seeded-random';

export type DemoReportInput = {
  year: number;
  /** China Standard Time calendar date: the periods and reports run up to it. */
  today: string;
  regionCode: string;
  officeUserId: string;
  /** Who submits the reports of a unit, by unit id (the demo has one clerk, of 北园街道); others are left unnamed. */
  submitters: Map<string, string>;
  projects: DemoProjectRows;
};

type Report = typeof progressReports.$inferInsert;

export type DemoReportRows = {
  periods: (typeof reportingPeriods.$inferInsert)[];
  reports: Report[];
};

const WAN = 10_000;
/** The day of the month the demo's reports are due by (many districts ask for them by the 25th). */
const DEADLINE_DAY = 25;
/** The office keeps last month's period open until this day of the month, to finish reviewing it. */
const CLOSE_DAY = 10;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOf = (year: number, month: number) => addDays(month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1), -1);
/** A China Standard Time instant on a date, during office hours. */
const at = (date: string, r: Rng) => new Date(`${date}T${pad(intBetween(r, 8, 17))}:${pad(intBetween(r, 0, 59))}:00+08:00`);

type Stage = { upTo: number; words: string[] };
/** 形象进度 in the officials' words, by how far the works are. */
const STAGES: Stage[] = [
  { upTo: 15, words: ['场地平整及土方开挖', '桩基施工', '基坑支护及土方开挖'] },
  { upTo: 40, words: ['基础及地下室结构施工', '主体结构施工', '主体结构施工，塔吊全部就位'] },
  { upTo: 65, words: ['主体结构施工过半', '主体结构封顶，二次结构砌筑', '钢结构吊装'] },
  { upTo: 85, words: ['二次结构及机电安装', '外立面及幕墙施工', '室内装饰装修及机电安装'] },
  { upTo: 99, words: ['室外配套及设备安装调试', '设备调试、试生产准备', '竣工验收准备'] },
  { upTo: 100, words: ['竣工验收完成', '已竣工，投入使用'] },
];
const PROBLEMS = [
  '施工用电增容手续办理较慢，请区发改局协调供电公司加快办理。',
  '周边居民反映夜间施工噪声，需街道协调做好沟通解释。',
  '部分进口设备到货延迟，影响安装进度约半个月。',
  '项目配套道路尚未贯通，材料运输受限，请区住建局协调。',
  '专项债资金拨付进度滞后，企业垫资压力较大。',
  '临时用地手续即将到期，需自然资源部门协助办理延期。',
];
const RETURN_REASONS = [
  '本月完成投资与上月形象进度不匹配，请核实后重新报送。',
  '形象进度描述过于简单，请补充主要施工内容和工程量。',
  '完成投资数额疑似按元填报为万元，请核实。',
  '节点完成日期与现场核查情况不符，请核实。',
];

type ProjectFacts = {
  id: string;
  leadUnitId: string;
  start: string | null;
  completion: string | null;
  plannedCompletion: string | null;
  implementingFrom: string;
  monthlyPlan: number[];
  bias: number;
};

/** The projects that owe reports this year: those implementing at some point of it, with what their reports follow. */
function projectFacts(input: DemoReportInput): ProjectFacts[] {
  const { projects, poolMoves, annualPlans } = input.projects;
  const plans = new Map(annualPlans.map((p) => [p.projectId, p.monthlyYuan]));
  const implementingFrom = new Map<string, string>();
  for (const move of poolMoves) {
    if (move.toPool === 'implementing' && move.at) implementingFrom.set(move.projectId, todayInChina(move.at));
  }
  return projects.flatMap((p) => {
    const from = p.id ? implementingFrom.get(p.id) : undefined;
    if (!p.id || !from || (p.pool !== 'implementing' && p.pool !== 'completed')) return [];
    // A project reports somewhat above or below its plan all year (its own pace), then month by month around that.
    const bias = between(rngFor(p.name, 'reports', 'bias'), 0.92, 1.22);
    return [
      {
        id: p.id,
        leadUnitId: p.leadUnitId,
        start: p.actualStart ?? null,
        completion: p.actualCompletion ?? null,
        plannedCompletion: p.plannedCompletion ?? null,
        implementingFrom: from,
        monthlyPlan: plans.get(p.id) ?? Array(12).fill(0),
        bias,
      },
    ];
  });
}

/** The share of the works done at a date: from the actual start to the (planned or actual) completion. */
function percentAt(project: ProjectFacts, date: string): number {
  if (project.completion && compareDates(date, project.completion) >= 0) return 100;
  const start = project.start;
  const end = project.completion ?? project.plannedCompletion;
  if (!start || !end) return 5;
  const span = Math.max(1, daysBetween(start, end));
  return Math.min(98, Math.max(1, Math.round((100 * daysBetween(start, date)) / span)));
}

function progressWords(percent: number, r: Rng): string {
  const stage = STAGES.find((s) => percent <= s.upTo) ?? STAGES[STAGES.length - 1];
  return `${pickOne(r, stage?.words ?? ['施工中'])}，形象进度约${percent}%。`;
}

type Outcome = 'on_time' | 'late' | 'returned_then_approved' | 'missing' | 'pending' | 'returned' | 'draft_filled';

/**
 * What became of a report. A closed period's report was approved (on time, late, or after a return) or never
 * submitted; an open period's may still be anywhere on its way, as far as today allows.
 */
function outcomeOf(r: Rng, periodClosed: boolean): Outcome {
  const x = r();
  if (periodClosed) {
    if (x < 0.04) return 'missing';
    if (x < 0.13) return 'late';
    if (x < 0.16) return 'returned_then_approved';
    return 'on_time';
  }
  if (x < 0.05) return 'missing';
  if (x < 0.13) return 'late';
  if (x < 0.18) return 'returned';
  if (x < 0.22) return 'pending';
  return 'on_time';
}

/** Builds the demo year's periods and reports. */
export function buildDemoReports(input: DemoReportInput): DemoReportRows {
  const { year, today, regionCode, officeUserId, submitters } = input;
  const currentMonth = Number(today.slice(5, 7));
  const todayDay = Number(today.slice(8, 10));
  const facts = projectFacts(input);
  const rows: DemoReportRows = { periods: [], reports: [] };
  const ids = rngFor('reports', 'ids', year, ...districtSeed(regionCode));
  // The milestones finished this year, by project: a report names those reached in its month.
  const finished = new Map<string, { milestoneId: string; reachedOn: string }[]>();
  for (const m of input.projects.milestones) {
    const finishedOn = m.actualFinish;
    if (!m.id || !finishedOn?.startsWith(String(year))) continue;
    finished.set(m.projectId, [...(finished.get(m.projectId) ?? []), { milestoneId: m.id, reachedOn: finishedOn }]);
  }

  for (let month = 1; month <= currentMonth; month += 1) {
    const first = iso(year, month, 1);
    const last = lastDayOf(year, month);
    const deadline = iso(year, month, DEADLINE_DAY);
    // Every earlier month is closed, but last month stays open until the office has finished reviewing it.
    const open = month === currentMonth || (month === currentMonth - 1 && todayDay <= CLOSE_DAY);
    const closedOn = open ? null : addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), CLOSE_DAY - 1);
    const periodId = seededUuid(ids);
    const rp = rngFor('reports', 'period', year, month, ...districtSeed(regionCode));
    rows.periods.push({
      id: periodId,
      regionCode,
      year,
      month,
      deadline,
      status: open ? 'open' : 'closed',
      openedBy: officeUserId,
      closedAt: closedOn ? at(closedOn, rp) : null,
      closedBy: closedOn ? officeUserId : null,
      createdAt: new Date(`${first}T00:30:00+08:00`),
      updatedAt: closedOn ? at(closedOn, rp) : new Date(`${first}T00:30:00+08:00`),
      version: closedOn ? 2 : 1,
    });

    for (const project of facts) {
      // Owed while implementing during the month: moved into the pool by its end, not completed before it began.
      if (compareDates(project.implementingFrom, last) > 0) continue;
      if (project.completion && compareDates(project.completion, first) < 0) continue;
      const r = rngFor(project.id, 'report', year, month);
      const reportDate = minDate(last, today);
      const percent = percentAt(project, reportDate);
      const planned = project.monthlyPlan[month - 1] ?? 0;
      const amount = Math.max(0, Math.round((planned * project.bias * between(r, 0.85, 1.15)) / WAN) * WAN);
      const reached = (finished.get(project.id) ?? []).filter(
        (m) => compareDates(m.reachedOn, first) >= 0 && compareDates(m.reachedOn, reportDate) <= 0,
      );
      const filled = {
        investmentYuan: amount,
        progressText: progressWords(percent, r),
        progressPercent: percent,
        milestones: reached,
        problems: chance(r, 0.1) ? pickOne(r, PROBLEMS) : null,
      };
      const createdAt = new Date(`${first}T00:30:00+08:00`);
      // Every row names every column (the bulk insert takes one column list), unfilled ones as null.
      const base: Report = {
        id: seededUuid(ids),
        periodId,
        projectId: project.id,
        responsibleUnitId: project.leadUnitId,
        year,
        month,
        status: 'draft',
        investmentYuan: null,
        progressText: null,
        progressPercent: null,
        milestones: [],
        problems: null,
        late: false,
        firstSubmittedAt: null,
        submittedAt: null,
        submittedBy: null,
        returnedAt: null,
        returnedBy: null,
        returnReason: null,
        approvedAt: null,
        approvedBy: null,
        version: 1,
        createdAt,
        updatedAt: createdAt,
      };
      const submitter = submitters.get(project.leadUnitId) ?? null;
      let outcome = outcomeOf(r, !open);
      // A report is submitted some days before the deadline (or after it, when late); in an open period only what
      // happened before today has happened.
      const submittedOn =
        outcome === 'late' ? addDays(deadline, intBetween(r, 1, 9)) : addDays(deadline, -intBetween(r, 0, Math.min(14, DEADLINE_DAY - 1)));
      if (open && compareDates(submittedOn, today) >= 0) outcome = chance(r, 0.5) ? 'draft_filled' : 'missing';
      // Nothing has been filled in on the period's first day yet.
      if (outcome === 'draft_filled' && compareDates(first, today) >= 0) outcome = 'missing';
      if (outcome === 'missing' || outcome === 'draft_filled') {
        rows.reports.push(
          outcome === 'draft_filled'
            ? { ...base, ...filled, version: 2, updatedAt: at(maxDate(first, addDays(today, -intBetween(r, 1, 3))), r) }
            : base,
        );
        continue;
      }
      const submittedAt = at(submittedOn, r);
      const late = compareDates(submittedOn, deadline) > 0;
      const submitted = { ...base, ...filled, late, firstSubmittedAt: submittedAt, submittedAt, submittedBy: submitter };
      // The office reviews a few days after submission, within the period (before it closed, or before today).
      const reviewLimit = closedOn ? addDays(closedOn, -1) : addDays(today, -1);
      const reviewedOn = minDate(reviewLimit, addDays(submittedOn, intBetween(r, 1, 4)));
      const reviewed = compareDates(reviewedOn, submittedOn) > 0;
      if (outcome === 'pending' || !reviewed) {
        rows.reports.push({ ...submitted, status: 'submitted', updatedAt: submittedAt, version: 3 });
        continue;
      }
      const reviewedAt = at(reviewedOn, r);
      if (outcome === 'returned') {
        rows.reports.push({
          ...submitted,
          status: 'returned',
          returnedAt: reviewedAt,
          returnedBy: officeUserId,
          returnReason: pickOne(r, RETURN_REASONS),
          updatedAt: reviewedAt,
          version: 4,
        });
        continue;
      }
      if (outcome === 'returned_then_approved') {
        // Returned, corrected and submitted again, then approved (the first submission decided it was on time).
        const resubmittedOn = minDate(reviewLimit, addDays(reviewedOn, intBetween(r, 1, 3)));
        const resubmittedAt = at(resubmittedOn, r);
        const approvedAt = at(minDate(reviewLimit, addDays(resubmittedOn, 1)), r);
        rows.reports.push({
          ...submitted,
          status: 'approved',
          returnedAt: reviewedAt,
          returnedBy: officeUserId,
          returnReason: pickOne(r, RETURN_REASONS),
          submittedAt: resubmittedAt,
          approvedAt: approvedAt < resubmittedAt ? resubmittedAt : approvedAt,
          approvedBy: officeUserId,
          updatedAt: approvedAt < resubmittedAt ? resubmittedAt : approvedAt,
          version: 6,
        });
        continue;
      }
      rows.reports.push({
        ...submitted,
        status: 'approved',
        approvedAt: reviewedAt,
        approvedBy: officeUserId,
        updatedAt: reviewedAt,
        version: 4,
      });
    }
  }
  returnSome(rows, input);
  return rows;
}

/** At least this many reports of the open periods stand returned, so the demo shows a return whatever the day. */
const RETURNED_AT_LEAST = 3;

/**
 * Makes sure a few reports of the open periods stand returned (awaiting correction): when chance left fewer, the
 * latest approved ones of the newest open period were returned instead. Early in January nothing may have been
 * reviewed yet; then there is nothing to return.
 */
function returnSome(rows: DemoReportRows, input: DemoReportInput) {
  const open = new Set(rows.periods.filter((p) => p.status === 'open').map((p) => p.id));
  const inOpen = rows.reports.filter((r) => open.has(r.periodId));
  let missing = RETURNED_AT_LEAST - inOpen.filter((r) => r.status === 'returned').length;
  const candidates = inOpen.filter((r) => r.status === 'approved').reverse();
  for (const report of candidates) {
    if (missing <= 0) break;
    const r = rngFor(report.projectId, 'report', report.year, report.month, 'returned');
    report.status = 'returned';
    report.returnedAt = report.approvedAt;
    report.returnedBy = input.officeUserId;
    report.returnReason = pickOne(r, RETURN_REASONS);
    report.approvedAt = null;
    report.approvedBy = null;
    missing -= 1;
  }
}

/** Inserts the built periods and reports (in bulk); run it inside the seed's transaction, after the projects. */
export async function insertDemoReports(tx: Executor, rows: DemoReportRows) {
  await insertRows(tx, reportingPeriods, rows.periods);
  await insertRows(tx, progressReports, rows.reports);
}
