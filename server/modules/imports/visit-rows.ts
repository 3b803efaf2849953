import { type VisitCreateBody, visitCreateBody } from '../../../common/schemas/visits';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import type { MessageKey } from '../../lib/messages';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import { enterpriseSheetNames } from '../enterprises';
import { checkVisitCreate, createVisit, recordedVisitKeys, visitKey } from '../visits';
import { enterpriseColumnKey, enterpriseOfRow } from './enterprise-reference';
import type { CheckSetting } from './kinds';
import { type StoredProblem, problemsOf, zodProblem } from './problems';
import type { RowCheck } from './project-rows';
import { readSettingRows } from './read-rows';

/** One row of a visits sheet, checked: a visit to record, with the demands it raises. */
export type VisitOperation = { kind: 'create'; row: number; input: VisitCreateBody; basis?: string };

/** The columns a demand's faults belong to (`demands.N.field` of the API). */
const DEMAND_COLUMNS: Record<string, string> = {
  title: 'demands',
  description: 'demands',
  category: 'demandCategory',
  leadUnitId: 'demandLeadUnitId',
  deadline: 'demandDeadline',
};
const DEMAND_FIELDS = ['demandCategory', 'demandLeadUnitId', 'demandDeadline'] as const;

/** The demands a 企业诉求 cell holds: one a line (the line is the matter's title and description). */
const demandLines = (cell: unknown) =>
  typeof cell === 'string'
    ? cell
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [];

/**
 * Checks every row of a visits sheet as the visits page checks a visit typed in (the visits module's own rules through
 * `checkVisitCreate`, each demand as the matters loop would raise it), and what only a sheet can get wrong: the
 * enterprise named by a code or name the district's register does not hold (or holds twice), a visit twice in the
 * file, demands without their category, lead unit or deadline. A sheet only records visits (they have no number to
 * match); a row naming a visit already recorded — same enterprise, day, visiting unit and purpose — is left out, so
 * an export goes back in as no change and a file imported twice records its visits once.
 */
export async function checkVisitRows(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<VisitOperation>> {
  const { db, ctx, district, lookups } = setting;
  const [enterprises, recorded] = await Promise.all([enterpriseSheetNames(db, district.code), recordedVisitKeys(db, district.code)]);
  const problems: StoredProblem[] = [];
  const operations: VisitOperation[] = [];
  const claimed = new Map<string, number>();

  await readSettingRows(
    setting,
    rows,
    (problem) => problems.push(problem),
    async ({ row, input, failed, columnOf }) => {
      if (failed.size) return;
      const { enterprise, enterpriseUscc, visitors, demands, demandCategory, demandLeadUnitId, demandDeadline, ...fields } = input;
      const found: StoredProblem[] = [];
      const problem = (field: string, code: MessageKey, params?: Record<string, string | number>) =>
        found.push({ row, column: columnOf(field), field, code, ...(params ? { params } : {}) });
      const enterpriseId = enterpriseOfRow(enterprises, { enterprise, enterpriseUscc }, problem);
      if (!enterpriseId && !found.length) problem('enterprise', 'import.required');
      const lines = demandLines(demands);
      if (lines.length) {
        const given: Record<(typeof DEMAND_FIELDS)[number], unknown> = { demandCategory, demandLeadUnitId, demandDeadline };
        for (const field of DEMAND_FIELDS) if (!given[field]) problem(field, 'visit.import_demand_needs');
      }
      if (found.length) return problems.push(...found);

      // Visitors named as people of the district visit as platform users; any other name is kept as written.
      const visitorUserIds: string[] = [];
      const visitorNames: string[] = [];
      for (const name of (visitors as string[] | undefined) ?? []) {
        const person = lookups.find('leader', name);
        if ('code' in person && !visitorUserIds.includes(person.code)) visitorUserIds.push(person.code);
        else if (!('code' in person)) visitorNames.push(name);
      }
      const body = {
        ...fields,
        enterpriseId,
        unitId: fields.unitId ?? undefined,
        visitorUserIds,
        visitorNames,
        demands: lines.map((line) => ({
          title: line.slice(0, 200),
          description: line,
          category: demandCategory,
          leadUnitId: demandLeadUnitId,
          deadline: demandDeadline,
        })),
      };
      const place = (field: string) => {
        const demand = /^demands\.\d+\.(\w+)/.exec(field);
        if (demand) return columnOf(DEMAND_COLUMNS[demand[1] ?? ''] ?? 'demands');
        if (field === 'enterpriseId') return columnOf(enterpriseColumnKey({ enterprise, enterpriseUscc }));
        return columnOf(field === 'visitorUserIds' || field === 'visitorNames' || field.startsWith('visitor') ? 'visitors' : field);
      };
      const parsed = visitCreateBody.safeParse(body);
      if (!parsed.success) return problems.push(...parsed.error.issues.map((i) => zodProblem(row, place, i)));

      const key = visitKey({ ...parsed.data, unitId: parsed.data.unitId ?? ctx.actor.unitId, enterpriseId: parsed.data.enterpriseId });
      const first = claimed.get(key);
      if (first)
        return problems.push({
          row,
          column: columnOf('purpose'),
          field: 'purpose',
          code: 'visit.import_same_visit_twice',
          params: { row: first },
        });
      claimed.set(key, row);
      if (recorded.has(key)) return;
      const ruled = await problemsOf(row, place, () => checkVisitCreate(db as Tx, ctx, parsed.data));
      if (ruled.length) return problems.push(...ruled);
      return operations.push({ kind: 'create', row, input: parsed.data });
    },
  );
  return { problems, operations };
}

/** Writes checked visit rows through the visits module's own service (each audited; its demands raised as matters). */
export async function writeVisitOperations(tx: Tx, ctx: RequestContext, operations: VisitOperation[]) {
  for (const o of operations) await createVisit({ ctx, tx, input: o.input });
  return { create: operations.length, update: 0 };
}
