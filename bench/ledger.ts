/**
 * The rest of a generated district (issue 18), on top of bench/scale.ts's synthetic projects: the months of monthly
 * reports of every project, enterprises, leads, matters with their steps, and the audit rows those writes leave —
 * hash-chained exactly as server/lib/audit-chain.ts chains them, so `lantu audit verify` passes on generated data.
 *
 * Rows are shaped as the services write them (states, dates and who, the columns each state fills), deterministic
 * (one seeded stream), and loaded by COPY (bench/bulk.ts). All in the demo district 天桥区 (370105): the province's
 * 16 cities and 136 districts are not modelled, only its row counts.
 */
import { createHash } from 'node:crypto';
import { addDays, todayInChina } from '../common/domain/dates';
import { enterpriseNameKey } from '../common/domain/enterprise-name';
import { composeUscc } from '../common/domain/uscc';
import { LEAD_METHODS, LEAD_STAGES } from '../common/enums';
import { pinyinInitials } from '../server/lib/pinyin';
import { RECOUNT_ALL_REPORTS } from '../server/modules/projects';
import type { Cell, Copy } from './bulk';
import { type Run, type SeededProject, rng, seededUuid, zipfPicker } from './scale';

const REGION = '370105';
const WAN = 10_000;
/** Projects handled per batch of reports (× months rows each). */
const PROJECT_BATCH = 2_000;

type R = (n: number) => number;
const pick = <T>(r: R, values: readonly T[]) => values[r(values.length)] as T;
const pad = (n: number) => String(n).padStart(2, '0');
/** A China Standard Time instant on `date` during office hours, whole seconds (the audit digest reads microseconds). */
const at = (date: string, r: R) => new Date(`${date}T${pad(8 + r(10))}:${pad(r(60))}:${pad(r(60))}+08:00`);

// ---------------------------------------------------------------------------------------------------------------
// The audit chain

const NAMED_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/** A string as jsonb prints it: quotes, backslash and control characters escaped, everything else as it is. */
function jsonbString(value: string) {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const named = NAMED_ESCAPES[code];
    out += named ?? (code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : value[i]);
  }
  return `${out}"`;
}

const isAscii = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};
/** jsonb's order of an object's keys: shorter first, then by their UTF-8 bytes. */
function jsonbKeyOrder(a: string, b: string) {
  if (isAscii(a) && isAscii(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  const la = Buffer.byteLength(a);
  const lb = Buffer.byteLength(b);
  return la !== lb ? la - lb : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** jsonb's text form (what `before::text` gives inside audit_event_digest): keys by length then bytes, ", " and ": ". */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return jsonbString(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort(jsonbKeyOrder);
  return `{${keys.map((k) => `${jsonbText(k)}: ${jsonbText((value as Record<string, unknown>)[k])}`).join(', ')}}`;
}

export type AuditEvent = {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorUnitId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
};

const AUDIT_COLUMNS = [
  'at',
  'actor_id',
  'actor_name',
  'actor_unit_id',
  'region_code',
  'ip',
  'request_id',
  'action',
  'record_type',
  'record_id',
  'before',
  'after',
  'prev_hash',
  'hash',
  'chain_seq',
] as const;

/**
 * Audit rows sealed into the chain after the log's last sealed event, in the order they are added: each carries the
 * previous hash and the next place in the chain (`chain_seq`), as `sealAuditChain` would have given them.
 */
export class AuditChain {
  private rows: Cell[][] = [];
  count = 0;
  constructor(
    private prev: string | null,
    private seq: number,
    private readonly copy: Copy,
  ) {}

  add(e: AuditEvent, r: R) {
    const ip = `10.${16 + r(4)}.${r(256)}.${1 + r(254)}`;
    const requestId = `req-${r(36 ** 6).toString(36)}`;
    const micro = `${BigInt(e.at.getTime()) * 1000n}`;
    const before = e.before === null || e.before === undefined ? null : e.before;
    const after = e.after === null || e.after === undefined ? null : e.after;
    const text = [
      this.prev ?? '',
      micro,
      e.actorId ?? '',
      e.actorName ?? '',
      e.actorUnitId ?? '',
      REGION,
      ip,
      requestId,
      e.action,
      e.recordType,
      e.recordId,
      before === null ? '' : jsonbText(before),
      after === null ? '' : jsonbText(after),
    ].join('\u001f');
    const hash = createHash('sha256').update(text, 'utf8').digest('hex');
    this.rows.push([
      e.at,
      e.actorId,
      e.actorName,
      e.actorUnitId,
      REGION,
      ip,
      requestId,
      e.action,
      e.recordType,
      e.recordId,
      before,
      after,
      this.prev,
      hash,
      ++this.seq,
    ]);
    this.prev = hash;
    this.count++;
  }

  async flush() {
    const rows = this.rows;
    this.rows = [];
    await this.copy('audit_events', AUDIT_COLUMNS, rows);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The district's references

type Refs = {
  office: { id: string; unitId: string; username: string };
  invest: { id: string; unitId: string; username: string };
  units: string[];
  problemCategories: string[];
  industries: string[];
  hqRegions: string[];
};

async function references(run: Run): Promise<Refs> {
  const one = async <T>(text: string, params?: unknown[]) => (await run(text, params)).rows as T[];
  const user = async (username: string) => {
    const [u] = await one<{ id: string; unit_id: string }>('select id, unit_id from users where username = $1', [username]);
    if (!u) throw new Error(`demo user ${username} missing: generate on a demo database`);
    return { id: u.id, unitId: u.unit_id, username };
  };
  return {
    office: await user('office'),
    invest: await user('invest'),
    units: (await one<{ id: string }>(`select id from units where region_code = '${REGION}' order by id`)).map((u) => u.id),
    problemCategories: (await one<{ code: string }>(`select code from dictionary_items where type = 'problem_category' order by code`)).map(
      (c) => c.code,
    ),
    industries: (
      await one<{ code: string }>(`select code from dictionary_items where type = 'industry' and parent_code is not null order by code`)
    ).map((c) => c.code),
    hqRegions: (await one<{ code: string }>(`select code from regions where code like '__0100' order by code`)).map((c) => c.code),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting periods and reports

export type Period = { id: string; year: number; month: number; status: 'open' | 'closed'; deadline: string };

/** The `months` calendar months up to today's (China Standard Time), oldest first. */
function lastMonths(months: number, today: string) {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const list: { year: number; month: number }[] = [];
  for (let i = 0; i < months; i++) {
    list.unshift({ year, month });
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return list;
}

const firstOfNext = (year: number, month: number) => (month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`);

/** The district's periods of those months: the demo's (this year's), and the earlier ones created closed. */
async function periods(run: Run, r: R, refs: Refs, months: number, today: string): Promise<Period[]> {
  const existing = (
    await run(`select id, year, month, status, deadline::text as deadline from reporting_periods where region_code = $1`, [REGION])
  ).rows as Period[];
  const wanted = lastMonths(months, today);
  const out: Period[] = [];
  for (const { year, month } of wanted) {
    const found = existing.find((p) => p.year === year && p.month === month);
    if (found) {
      out.push(found);
      continue;
    }
    const id = seededUuid(r);
    const deadline = `${year}-${pad(month)}-25`;
    const closedAt = at(addDays(firstOfNext(year, month), 9), r);
    await run(
      `insert into reporting_periods (id, region_code, year, month, deadline, status, opened_by, closed_at, closed_by, version, created_at, updated_at)
       values ($1, $2, $3, $4, $5, 'closed', $6, $7, $6, 2, $8, $7)`,
      [id, REGION, year, month, deadline, refs.office.id, closedAt, new Date(`${year}-${pad(month)}-01T00:30:00+08:00`)],
    );
    out.push({ id, year, month, status: 'closed', deadline });
  }
  return out;
}

const PROGRESS = [
  '场地平整及土方开挖',
  '桩基施工',
  '主体结构施工',
  '主体结构封顶，二次结构砌筑',
  '室内装饰装修及机电安装',
  '室外配套及设备安装调试',
];
const PROBLEMS = [
  '施工用电增容手续办理较慢，请区发改局协调供电公司加快办理。',
  '部分进口设备到货延迟，影响安装进度约半个月。',
  '项目配套道路尚未贯通，材料运输受限，请区住建局协调。',
  '专项债资金拨付进度滞后，企业垫资压力较大。',
];
const REPORT_COLUMNS = [
  'id',
  'period_id',
  'project_id',
  'responsible_unit_id',
  'year',
  'month',
  'status',
  'investment_yuan',
  'progress_text',
  'progress_percent',
  'problems',
  'late',
  'first_submitted_at',
  'submitted_at',
  'submitted_by',
  'approved_at',
  'approved_by',
  'version',
  'created_at',
  'updated_at',
] as const;

/** What the burst and transition scenarios take from the generated data. */
export type Fixtures = {
  /** Draft reports of the current month, complete (submittable), version 1. */
  draftReports: string[];
  /** Matters in state assigned, version 1. */
  assignedMatters: string[];
  /** The unit with the most leads (the lead board's filter). */
  leadUnitId: string;
  /** The last closed month (the 通报's). */
  briefingMonth: { year: number; month: number };
};

export type LedgerCounts = {
  reports: number;
  enterprises: number;
  leads: number;
  matters: number;
  matterEntries: number;
  audit: number;
};

/**
 * Generates and copies the ledger of `projects` over `months` months. Sizes: enterprises = projects, leads = half,
 * matters = a fifth (≈ 2 per 10 projects).
 */
export async function seedLedger(
  run: Run,
  copy: Copy,
  projects: SeededProject[],
  { months, log = () => {} }: { months: number; log?: (line: string) => void },
): Promise<{ counts: LedgerCounts; fixtures: Fixtures; timings: Record<string, number> }> {
  const r = rng(20261206);
  const today = todayInChina();
  const refs = await references(run);
  // COPY time per table, beside each part's total (the rest is making the rows).
  const copyMs: Record<string, number> = {};
  const rawCopy = copy;
  copy = async (table, columns, rows) => {
    const t = performance.now();
    await rawCopy(table, columns, rows);
    copyMs[table] = (copyMs[table] ?? 0) + performance.now() - t;
  };
  // The server that loaded the demo sealed its events when it stopped; an event left unsealed would be sealed after
  // these, and the chain still verify.
  const [head] = (await run('select hash, chain_seq from audit_events where chain_seq is not null order by chain_seq desc limit 1'))
    .rows as { hash: string | null; chain_seq: string | number }[];
  const chain = new AuditChain(head?.hash ?? null, Number(head?.chain_seq ?? 0), copy);
  const counts: LedgerCounts = { reports: 0, enterprises: 0, leads: 0, matters: 0, matterEntries: 0, audit: 0 };
  const timings: Record<string, number> = {};
  const timed = async (name: string, fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    timings[name] = Math.round(performance.now() - t);
    log(`  ${name}: ${timings[name]} ms`);
  };
  const office = { actorId: refs.office.id, actorName: refs.office.username, actorUnitId: refs.office.unitId };
  const invest = { actorId: refs.invest.id, actorName: refs.invest.username, actorUnitId: refs.invest.unitId };

  // The projects' creation, as the office's import would have written it.
  await timed('audit of the projects', async () => {
    for (const p of projects) {
      chain.add(
        {
          ...office,
          at: at(addDays(`${p.plannedStart}`, -200 - r(200)), r),
          action: 'projects.create',
          recordType: 'project',
          recordId: p.id,
          before: null,
          after: { name: p.name, pool: p.pool, leadUnitId: p.leadUnitId, totalInvestmentYuan: p.totalInvestmentYuan },
        },
        r,
      );
    }
    await chain.flush();
  });

  const ps = await periods(run, r, refs, months, today);
  const latest = ps[ps.length - 1] as Period;
  const draftReports: string[] = [];
  await timed('reports', async () => {
    for (let start = 0; start < projects.length; start += PROJECT_BATCH) {
      const rows: Cell[][] = [];
      for (const p of projects.slice(start, start + PROJECT_BATCH)) {
        // A month's work: about 1/48 of the total, so two years of reports stay within it (the submit check).
        const monthly = Math.max(WAN, Math.round(p.totalInvestmentYuan / 48 / WAN) * WAN);
        ps.forEach((period, i) => {
          const id = seededUuid(r);
          const investment = Math.round((monthly * (60 + r(80))) / 100 / WAN) * WAN;
          const percent = Math.min(99, Math.round(((i + 1) * 100) / (ps.length + 6)));
          const progressText = `${pick(r, PROGRESS)}，形象进度约${percent}%。`;
          const problems = r(8) === 0 ? pick(r, PROBLEMS) : null;
          const created = new Date(`${period.year}-${pad(period.month)}-01T00:30:00+08:00`);
          const base = [id, period.id, p.id, p.leadUnitId, period.year, period.month] as Cell[];
          if (period === latest) {
            // This month: complete drafts, waiting to be submitted (the month-end burst submits them).
            rows.push([
              ...base,
              'draft',
              investment,
              progressText,
              percent,
              problems,
              false,
              null,
              null,
              null,
              null,
              null,
              1,
              created,
              created,
            ]);
            draftReports.push(id);
            return;
          }
          if (period.status === 'closed' && r(25) === 0) {
            // Never submitted (未报送).
            rows.push([...base, 'draft', null, null, null, null, false, null, null, null, null, null, 1, created, created]);
            return;
          }
          const late = r(10) === 0;
          const day = late ? 26 + r(3) : 15 + r(10);
          const submittedAt = at(`${period.year}-${pad(period.month)}-${pad(day)}`, r);
          const approved = period.status === 'closed';
          const approvedAt = approved ? new Date(submittedAt.getTime() + (1 + r(4)) * 86_400_000) : null;
          const content = {
            periodId: period.id,
            projectId: p.id,
            responsibleUnitId: p.leadUnitId,
            investmentYuan: investment,
            progressText,
            progressPercent: percent,
            milestones: [],
            problems,
            late,
            returnReason: null,
          };
          rows.push([
            ...base,
            approved ? 'approved' : 'submitted',
            investment,
            progressText,
            percent,
            problems,
            late,
            submittedAt,
            submittedAt,
            refs.office.id,
            approvedAt,
            approved ? refs.office.id : null,
            approved ? 3 : 2,
            created,
            approvedAt ?? submittedAt,
          ]);
          chain.add(
            {
              ...office,
              at: submittedAt,
              action: 'progress_reports.submit',
              recordType: 'progress_report',
              recordId: id,
              before: { status: 'draft' },
              after: { ...content, status: 'submitted', confirmedLarge: false },
            },
            r,
          );
          if (approvedAt)
            chain.add(
              {
                ...office,
                at: approvedAt,
                action: 'progress_reports.approve',
                recordType: 'progress_report',
                recordId: id,
                before: { status: 'submitted' },
                after: { ...content, status: 'approved' },
              },
              r,
            );
        });
      }
      await copy('progress_reports', REPORT_COLUMNS, rows);
      await chain.flush();
      counts.reports += rows.length;
    }
  });

  // Enterprises: the register, most of them local (a valid USCC each: composeUscc), some courted from elsewhere.
  const enterpriseIds: string[] = [];
  await timed('enterprises', async () => {
    const FIRST = [
      '华泰',
      '鲁信',
      '齐鲁',
      '泉城',
      '恒信',
      '汇通',
      '金源',
      '瑞丰',
      '宏达',
      '明湖',
      '天元',
      '海川',
      '东方',
      '中科',
      '新华',
      '同德',
    ];
    const TRADE = ['智能科技', '生物医药', '新材料', '建设工程', '电子', '物流', '食品', '软件', '装备制造', '能源'];
    const FORM = ['有限公司', '股份有限公司', '集团有限公司'];
    const rows: Cell[][] = [];
    const count = projects.length;
    for (let i = 0; i < count; i++) {
      const id = seededUuid(r);
      const local = r(5) !== 0;
      const name = `${local ? '济南' : ''}${pick(r, FIRST)}${pick(r, TRADE)}${FORM[r(3)]}（${i + 1}）`;
      const division = local || !refs.hqRegions.length ? REGION : pick(r, refs.hqRegions);
      const uscc = composeUscc('91', division, `BG${String(i).padStart(6, '0')}`);
      const createdAt = at(addDays(today, -r(900)), r);
      const size = pick(r, ['large', 'medium', 'small', 'small', 'micro', 'micro']);
      const industry = pick(r, refs.industries);
      rows.push([
        id,
        REGION,
        name,
        pinyinInitials(name),
        enterpriseNameKey(name),
        uscc,
        local ? 'local' : 'target',
        false,
        '{}',
        size,
        industry,
        division,
        [],
        refs.invest.id,
        1,
        createdAt,
        createdAt,
      ]);
      enterpriseIds.push(id);
      chain.add(
        {
          ...invest,
          at: createdAt,
          action: 'enterprises.create',
          recordType: 'enterprise',
          recordId: id,
          before: null,
          after: { name, uscc, kind: local ? 'local' : 'target', size, industryCode: industry, hqRegionCode: division },
        },
        r,
      );
      if (rows.length === 20_000 || i === count - 1) {
        await copy(
          'enterprises',
          [
            'id',
            'region_code',
            'name',
            'name_pinyin',
            'name_key',
            'uscc',
            'kind',
            'abroad',
            'tags',
            'size',
            'industry_code',
            'hq_region_code',
            'contacts',
            'created_by',
            'version',
            'created_at',
            'updated_at',
          ],
          rows.splice(0),
        );
        await chain.flush();
      }
    }
    counts.enterprises = count;
  });

  // Leads: a half per project, over a few units (Zipf), in every stage with the dates each stage fills.
  const leadUnits = zipfPicker(r, refs.units.length);
  const leadsPerUnit = new Map<string, number>();
  await timed('leads', async () => {
    // Every stage, the first twice as often; every method but 展会招商 (a fair lead names its source event).
    const STAGES = ['lead', ...LEAD_STAGES];
    const METHODS = LEAD_METHODS.filter((method) => method !== 'fair');
    const SUBJECTS = ['新能源电池', '智能制造基地', '生物医药产业园', '数据中心', '总部经济', '冷链物流', '新材料', '文旅综合体'];
    const count = Math.floor(projects.length / 2);
    const leadRows: Cell[][] = [];
    const moveRows: Cell[][] = [];
    for (let i = 0; i < count; i++) {
      const id = seededUuid(r);
      const unitId = refs.units[leadUnits()] as string;
      leadsPerUnit.set(unitId, (leadsPerUnit.get(unitId) ?? 0) + 1);
      const stage = pick(r, STAGES);
      const received = addDays(today, -(7 + r(700)));
      const stageOn = stage === 'lead' ? received : addDays(received, 5 + r(120));
      const signed = ['signed', 'registered', 'started', 'funds_in', 'in_production'].includes(stage);
      const estimated = (5 + r(500)) * 1_000_000;
      const outCity = r(101);
      const outProvince = Math.min(outCity, r(101));
      const foreign = Math.min(outProvince, r(3) === 0 ? r(50) : 0);
      const name = `${pick(r, SUBJECTS)}项目（线索${i + 1}）`;
      const createdAt = at(received, r);
      leadRows.push([
        id,
        REGION,
        name,
        r(3) === 0 ? null : pick(r, enterpriseIds),
        pick(r, METHODS),
        r(4) === 0 ? '商会推荐' : null,
        refs.invest.id,
        unitId,
        estimated,
        outCity,
        outProvince,
        foreign,
        pick(r, refs.industries),
        stage,
        stageOn,
        received,
        addDays(received, 1),
        addDays(received, 1 + r(60)),
        stage === 'lead' ? null : addDays(received, 3),
        stage === 'dropped' ? '企业投资计划调整，暂缓投资' : null,
        signed ? Math.round(estimated * 0.9) : null,
        signed ? stageOn : null,
        refs.invest.id,
        stage === 'lead' ? 1 : 2,
        createdAt,
        createdAt,
      ]);
      moveRows.push([seededUuid(r), id, null, 'lead', received, null, refs.invest.id, createdAt]);
      if (stage !== 'lead')
        moveRows.push([
          seededUuid(r),
          id,
          'lead',
          stage,
          stageOn,
          stage === 'dropped' ? '企业投资计划调整，暂缓投资' : null,
          refs.invest.id,
          at(stageOn, r),
        ]);
      chain.add(
        {
          ...invest,
          at: createdAt,
          action: 'leads.create',
          recordType: 'lead',
          recordId: id,
          before: null,
          after: { name, unitId, stage: 'lead' },
        },
        r,
      );
      if (stage !== 'lead')
        chain.add(
          {
            ...invest,
            at: at(stageOn, r),
            action: 'leads.move',
            recordType: 'lead',
            recordId: id,
            before: { stage: 'lead' },
            after: { stage },
          },
          r,
        );
      if (leadRows.length === 20_000 || i === count - 1) {
        await copy(
          'leads',
          [
            'id',
            'region_code',
            'name',
            'enterprise_id',
            'method',
            'referrer',
            'owner_id',
            'unit_id',
            'estimated_investment_yuan',
            'out_of_city_percent',
            'out_of_province_percent',
            'foreign_percent',
            'industry_code',
            'stage',
            'stage_on',
            'received_on',
            'first_contact_on',
            'last_contact_on',
            'assessed_on',
            'dropped_reason',
            'contract_value_yuan',
            'contract_date',
            'created_by',
            'version',
            'created_at',
            'updated_at',
          ],
          leadRows.splice(0),
        );
        await copy(
          'lead_stage_moves',
          ['id', 'lead_id', 'from_stage', 'to_stage', 'on', 'reason', 'actor_id', 'created_at'],
          moveRows.splice(0),
        );
        await chain.flush();
      }
    }
    counts.leads = count;
  });

  // Matters: ≈ 2 per 10 projects, raised by the office on a project's problem, each with its steps so far.
  const assignedMatters: string[] = [];
  await timed('matters', async () => {
    const LOOP = [
      { kind: 'assign', status: 'assigned', action: 'create' },
      { kind: 'accept', status: 'accepted', action: 'accept' },
      { kind: 'start', status: 'in_progress', action: 'start' },
      { kind: 'feedback', status: 'answered', action: 'feedback' },
      { kind: 'submit_review', status: 'under_review', action: 'submit_review' },
      { kind: 'close', status: 'closed', action: 'close' },
    ] as const;
    // How far each matter went: half closed, the rest spread over the loop.
    const REACHED = [0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    const count = Math.floor(projects.length / 5);
    const matterRows: Cell[][] = [];
    const entryRows: Cell[][] = [];
    for (let i = 0; i < count; i++) {
      const id = seededUuid(r);
      const project = pick(r, projects);
      const reached = pick(r, REACHED);
      const closed = reached === 5;
      const raised = addDays(today, closed ? -(30 + r(600)) : -r(25));
      const raisedAt = at(raised, r);
      // Open matters are due in the future (nothing for the escalation job to do while being measured).
      const deadline = closed ? addDays(raised, 15 + r(30)) : addDays(today, 10 + r(50));
      const title = `${pick(r, PROBLEMS).slice(0, 14)}（问题${i + 1}）`;
      const category = pick(r, refs.problemCategories);
      let time = raisedAt.getTime();
      for (let step = 0; step <= reached; step++) {
        const loop = LOOP[step] as (typeof LOOP)[number];
        const stepAt = new Date(time);
        const byOffice = loop.kind === 'assign' || loop.kind === 'close';
        const text = loop.kind === 'feedback' ? '已协调相关部门，问题已解决。' : null;
        entryRows.push([
          seededUuid(r),
          id,
          loop.kind,
          refs.office.id,
          byOffice ? refs.office.unitId : project.leadUnitId,
          text,
          loop.status,
          '{}',
          step + 1,
          stepAt,
        ]);
        chain.add(
          {
            ...office,
            at: stepAt,
            action: `matters.${loop.action}`,
            recordType: 'matter',
            recordId: id,
            before: step === 0 ? null : { status: (LOOP[step - 1] as (typeof LOOP)[number]).status },
            after:
              step === 0
                ? { title, category, projectId: project.id, leadUnitId: project.leadUnitId, deadline, status: 'assigned' }
                : { status: loop.status },
          },
          r,
        );
        time += (1 + r(72)) * 3_600_000;
      }
      const lastAt = new Date(time);
      matterRows.push([
        id,
        REGION,
        'project_problem',
        project.id,
        title,
        `${project.name}：${pick(r, PROBLEMS)}`,
        category,
        pick(r, ['normal', 'normal', 'normal', 'urgent', 'critical']),
        project.leadUnitId,
        refs.office.unitId,
        refs.office.id,
        deadline,
        (LOOP[reached] as (typeof LOOP)[number]).status,
        closed ? lastAt : null,
        reached + 1,
        raisedAt,
        lastAt,
      ]);
      if (reached === 0) assignedMatters.push(id);
      counts.matterEntries += reached + 1;
      if (matterRows.length === 10_000 || i === count - 1) {
        await copy(
          'matters',
          [
            'id',
            'region_code',
            'source',
            'project_id',
            'title',
            'description',
            'category',
            'priority',
            'lead_unit_id',
            'raising_unit_id',
            'raised_by',
            'deadline',
            'status',
            'closed_at',
            'version',
            'created_at',
            'updated_at',
          ],
          matterRows.splice(0),
        );
        await copy(
          'matter_entries',
          ['id', 'matter_id', 'kind', 'author_id', 'unit_id', 'text', 'status', 'attachment_ids', 'seq', 'created_at'],
          entryRows.splice(0),
        );
        await chain.flush();
      }
    }
    counts.matters = count;
  });

  // The dashboard's month figures (project_month_investment) from every approved report, as the services keep them.
  await timed('month figures', async () => {
    await run('delete from project_month_investment');
    await run(`insert into project_month_investment (project_id, year, month, completed_yuan)
      select project_id, year, month, sum(investment_yuan) from progress_reports
      where status = 'approved' and investment_yuan is not null group by 1, 2, 3`);
    // The dashboard's kept figures (dashboard_figures) are emptied: the server built for the measurements fills them
    // from the generated rows at start-up (fillDashboardFiguresIfEmpty), as on an upgraded installation.
    await run('delete from dashboard_project_shares');
    await run('delete from dashboard_figures');
  });
  // 未报送's and the periods' counts (report_counts) from every report, by the statement `lantu dashboard rebuild` runs.
  await timed('report counts', async () => {
    await run('delete from report_counts');
    await run(RECOUNT_ALL_REPORTS);
  });
  counts.audit = chain.count;
  for (const [table, ms] of Object.entries(copyMs)) timings[`COPY ${table}`] = Math.round(ms);
  log(
    `  of which COPY: ${Object.entries(copyMs)
      .map(([t, ms]) => `${t} ${Math.round(ms)} ms`)
      .join(', ')}`,
  );
  const leadUnitId = [...leadsPerUnit.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? refs.invest.unitId;
  const closedPeriods = ps.filter((p) => p.status === 'closed');
  const lastClosed = closedPeriods[closedPeriods.length - 1] ?? latest;
  return {
    counts,
    timings,
    fixtures: { draftReports, assignedMatters, leadUnitId, briefingMonth: { year: lastClosed.year, month: lastClosed.month } },
  };
}
