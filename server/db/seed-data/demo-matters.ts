import { addDays, compareDates, daysBetween, maxDate } from '../../../common/domain/dates';
import { MATTER_RULES, type MatterAction } from '../../../common/domain/matters';
import { MATTER_SOURCES, MATTER_STATUSES, type MatterSource, type MatterStatus } from '../../../common/enums';
import type { Executor } from '../client';
import { matterCoUnits, matterEntries, matters, type progressReports, type projectLeaders, type projects } from '../schema';
import { insertRows } from './demo-projects';
import { chance, intBetween, pickOne, rngFor, seededUuid } from './seeded-random';

/*
 * The demo's matters (问题协调): every source in every state of the loop, on the demo's projects and units, with their
 * timelines — some overdue, some closed late, one sent back once, one escalated twice — so the board, a matter's page,
 * a project's matters tab and the statistics are full on first start. Deterministic for a given day.
 */

export type DemoMatterInput = {
  today: string;
  regionCode: string;
  /** Demo unit ids by DEMO_UNITS key. */
  unitIds: Map<string, string>;
  /** Demo user ids by username (office, unit, leader, viewer). */
  userIds: Map<string, string>;
  projects: (typeof projects.$inferInsert)[];
  leaders: (typeof projectLeaders.$inferInsert)[];
};

export type DemoMatterRows = {
  matters: (typeof matters.$inferInsert)[];
  coUnits: (typeof matterCoUnits.$inferInsert)[];
  entries: (typeof matterEntries.$inferInsert)[];
};

const TITLES: Record<MatterSource, string[]> = {
  project_problem: [
    '项目用地征收补偿款未拨付到位',
    '施工用电增容审批进度缓慢',
    '规划许可证办理所需材料需协调',
    '项目周边道路未打通影响材料运输',
    '环评批复前置条件需部门会商',
    '项目配套燃气管线接入时间未定',
  ],
  leader_instruction: [
    '关于加快推进重点项目开工的批示',
    '关于做好冬季施工安全保障的批示',
    '关于解决企业融资难问题的批示',
    '关于推动园区配套设施建设的批示',
  ],
  hotline_12345: ['市民反映工地夜间施工噪音扰民', '市民反映施工路段积水影响通行', '市民反映工地扬尘污染', '市民反映施工围挡占用人行道'],
  inspection: [
    '督查发现项目形象进度与报送不符',
    '督查发现安全文明施工措施不到位',
    '督查发现审批事项超期未办结',
    '督查发现项目资金拨付滞后',
  ],
  enterprise_demand: ['企业反映用工招聘困难', '企业反映厂房水电气暖配套不足', '企业诉求协调银行贷款续贷'],
};

const CATEGORY_OF: Record<MatterSource, string[]> = {
  project_problem: ['land', 'utilities', 'planning', 'demolition', 'environment', 'approval'],
  leader_instruction: ['other', 'funding', 'approval'],
  hotline_12345: ['environment', 'utilities', 'other'],
  inspection: ['approval', 'funding', 'other'],
  enterprise_demand: ['talent', 'utilities', 'funding'],
};

const TEXTS: Record<MatterAction, string[]> = {
  accept: ['已签收，安排专人办理', '已签收'],
  start: ['已开始办理，正与相关部门对接', '已组织现场踏勘'],
  contribute: ['我单位已配合提供相关材料', '已派员参加协调会并提出意见'],
  feedback: ['已协调解决，相关手续已办结', '问题已整改到位，请复核', '已与企业对接，达成一致意见'],
  submit_review: ['提交复核'],
  close: ['经复核已解决，同意销号'],
  send_back: ['现场复核仍未解决，请继续整改', '反馈材料不完整，请补充后重新反馈'],
};

/** The units other than the project's that demo matters are assigned to. */
const LEAD_KEYS = ['housing', 'land', 'finance', 'approval', 'industry', 'street_beiyuan', 'street_luokou', 'drc'];
const CO_KEYS = ['drc', 'finance', 'land', 'housing', 'approval'];

/** The steps from 交办 to a state, in order (the loop of common/domain/matters.ts, without detours). */
function stepsTo(status: MatterStatus): MatterAction[] {
  const path: MatterAction[] = ['accept', 'start', 'feedback', 'submit_review', 'close'];
  const index = MATTER_STATUSES.indexOf(status);
  return path.slice(0, index);
}

/** A moment of a China Standard Time day: from 09:00, 37 minutes per entry already on the timeline (so they stay in order). */
const at = (date: string, index: number) => new Date(Date.parse(`${date}T09:00:00+08:00`) + index * 37 * 60_000);

/** Builds the demo's matters with their co-units and timelines (no database access). */
export function buildDemoMatters(input: DemoMatterInput): DemoMatterRows {
  const { today } = input;
  const unit = (key: string) => {
    const id = input.unitIds.get(key);
    if (!id) throw new Error(`demo unit ${key} missing`);
    return id;
  };
  const user = (name: string) => {
    const id = input.userIds.get(name);
    if (!id) throw new Error(`demo user ${name} missing`);
    return id;
  };
  const implementing = input.projects.filter((p) => p.pool === 'implementing' && p.id);
  const rows: DemoMatterRows = { matters: [], coUnits: [], entries: [] };
  let serial = 0;
  let escalatedOne = false;
  for (const source of MATTER_SOURCES) {
    for (const status of MATTER_STATUSES) {
      serial += 1;
      const r = rngFor('matter', source, status);
      const id = seededUuid(r);
      const project =
        source === 'project_problem' || (source === 'inspection' && chance(r, 0.5))
          ? implementing[(serial * 7) % implementing.length]
          : undefined;
      const leadUnitId = project?.leadUnitId ?? unit(serial % 3 === 0 ? 'street_beiyuan' : pickOne(r, LEAD_KEYS));
      const raising =
        source === 'leader_instruction'
          ? { unitId: unit('gov'), userId: user('leader') }
          : source === 'inspection'
            ? { unitId: unit('inspection'), userId: user('viewer') }
            : { unitId: unit('project_office'), userId: user('office') };
      // Raised 10 to 70 days ago, due 10 to 30 days later; every third open one is already past its deadline.
      const raisedOn = addDays(today, -intBetween(r, 10, 70));
      const open = status !== 'closed';
      let deadline = addDays(raisedOn, intBetween(r, 10, 30));
      if (open && serial % 3 === 1 && compareDates(deadline, today) >= 0) deadline = addDays(today, -intBetween(r, 2, 8));
      if (open && serial % 3 !== 1 && compareDates(deadline, today) < 0) deadline = addDays(today, intBetween(r, 3, 20));
      const coUnit = chance(r, 0.5)
        ? unit(
            pickOne(
              r,
              CO_KEYS.filter((k) => unit(k) !== leadUnitId),
            ),
          )
        : null;

      // The timeline: 交办, then each step a few days after the one before, never after today.
      const entries: (typeof matterEntries.$inferInsert)[] = [];
      let day = raisedOn;
      const add = (
        kind: (typeof matterEntries.$inferInsert)['kind'],
        after: MatterStatus,
        text: string | null,
        by: { unitId: string; userId: string },
      ) => {
        entries.push({
          matterId: id,
          kind,
          authorId: by.userId,
          unitId: by.unitId,
          text,
          status: after,
          seq: entries.length + 1,
          createdAt: at(day, entries.length),
        });
      };
      add('assign', 'assigned', null, raising);
      const handler = { unitId: leadUnitId, userId: leadUnitId === unit('street_beiyuan') ? user('unit') : user('office') };
      const reviewer = { unitId: unit('project_office'), userId: user('office') };
      // One matter under review was sent back once before; co-units add their input while it is in progress.
      const sentBack = source === 'hotline_12345' && (status === 'under_review' || status === 'closed');
      let current: MatterStatus = 'assigned';
      const steps = stepsTo(status);
      const span = Math.max(1, daysBetween(raisedOn, today));
      const gap = Math.max(1, Math.floor(span / (steps.length + (sentBack ? 3 : 1) + 1)));
      for (const action of steps) {
        day = addDays(day, intBetween(r, 1, gap));
        if (compareDates(day, today) > 0) day = today;
        if (action === 'feedback' && coUnit) {
          // The demo has no people in the co-units: the input is the unit's, without a named author.
          entries.push({
            matterId: id,
            kind: 'contribute',
            authorId: null,
            unitId: coUnit,
            text: pickOne(r, TEXTS.contribute),
            status: current,
            seq: entries.length + 1,
            createdAt: at(day, entries.length),
          });
        }
        if (action === 'close' || action === 'submit_review') {
          if (action === 'submit_review' && sentBack) {
            add('submit_review', 'under_review', null, handler);
            add('send_back', 'in_progress', pickOne(r, TEXTS.send_back), reviewer);
            add('feedback', 'answered', pickOne(r, TEXTS.feedback), handler);
          }
        }
        const to: MatterStatus = MATTER_RULES[action].to ?? current;
        const by = MATTER_RULES[action].by.includes('reviewer') ? reviewer : handler;
        add(action, to, action === 'submit_review' ? null : pickOne(r, TEXTS[action]), by);
        current = to;
      }
      const closedAt = status === 'closed' ? (entries.at(-1)?.createdAt ?? null) : null;
      // The one escalated matter: a project problem in progress and past its deadline, escalated twice.
      const overdueDays = open ? Math.max(0, daysBetween(deadline, today)) : 0;
      const escalated = !escalatedOne && source === 'project_problem' && open && overdueDays >= 2;
      let escalation: Pick<typeof matters.$inferInsert, 'escalationLevel' | 'escalatedAt' | 'escalationTarget'> = {
        escalationLevel: 'none',
        escalatedAt: null,
        escalationTarget: null,
      };
      if (escalated) {
        escalatedOne = true;
        const leaders = input.leaders.filter((l) => l.projectId === project?.id).map((l) => l.userId);
        day = maxDate(addDays(deadline, 1), day);
        entries.push({
          matterId: id,
          kind: 'escalate',
          status: current,
          escalationLevel: 'unit_head',
          escalationTarget: { unitId: leadUnitId, userIds: [] },
          seq: entries.length + 1,
          createdAt: at(day, entries.length),
        });
        const target = leaders.length ? { userIds: leaders } : { unitId: unit('gov'), userIds: [user('leader')] };
        const second = at(compareDates(addDays(day, 3), today) > 0 ? today : addDays(day, 3), entries.length);
        entries.push({
          matterId: id,
          kind: 'escalate',
          status: current,
          escalationLevel: 'leader_in_charge',
          escalationTarget: target,
          seq: entries.length + 1,
          createdAt: second,
        });
        escalation = { escalationLevel: 'leader_in_charge', escalatedAt: second, escalationTarget: target };
      }
      const title = pickOne(r, TITLES[source]);
      rows.matters.push({
        id,
        regionCode: input.regionCode,
        source,
        projectId: project?.id ?? null,
        // Set for some project problems by `raiseFromReports`.
        sourceReportId: null,
        title,
        description: `${title}，请牵头单位会同有关部门限期办理并反馈结果。`,
        category: pickOne(r, CATEGORY_OF[source]),
        priority: serial % 5 === 0 ? 'urgent' : serial % 11 === 0 ? 'critical' : 'normal',
        leadUnitId,
        raisingUnitId: raising.unitId,
        raisedBy: raising.userId,
        deadline,
        status,
        closedAt,
        version: entries.length,
        createdAt: entries[0]?.createdAt,
        updatedAt: entries.at(-1)?.createdAt,
        ...escalation,
      });
      if (coUnit) rows.coUnits.push({ matterId: id, unitId: coUnit });
      // Every row names every column (the bulk insert needs it): what an entry does not say is null.
      rows.entries.push(
        ...entries.map((e) => ({ authorId: null, unitId: null, text: null, escalationLevel: null, escalationTarget: null, ...e })),
      );
    }
  }
  return rows;
}

/**
 * Every other project problem is one a unit reported in its monthly report: the matter names the report it was raised
 * from (the latest the project submitted before the matter), and that report's 存在问题 says what the matter is about.
 * Changes the rows in place; run before inserting the reports and the matters.
 */
export function raiseFromReports(rows: DemoMatterRows, reports: (typeof progressReports.$inferInsert)[]) {
  const problems = rows.matters.filter((m) => m.source === 'project_problem' && m.projectId);
  problems.forEach((matter, index) => {
    if (index % 2 === 1) return;
    const raisedAt = (matter.createdAt as Date | undefined)?.getTime() ?? 0;
    const report = reports
      .filter((r) => r.projectId === matter.projectId && r.submittedAt && (r.submittedAt as Date).getTime() < raisedAt)
      .sort((a, b) => (b.submittedAt as Date).getTime() - (a.submittedAt as Date).getTime())[0];
    if (!report?.id) return;
    matter.sourceReportId = report.id;
    report.problems = report.problems ? `${report.problems}${matter.title}。` : `${matter.title}。`;
  });
}

/** Inserts the built matters; run it inside the seed's transaction, after the projects. */
export async function insertDemoMatters(tx: Executor, rows: DemoMatterRows) {
  await insertRows(tx, matters, rows.matters);
  await insertRows(tx, matterCoUnits, rows.coUnits);
  await insertRows(tx, matterEntries, rows.entries);
}
