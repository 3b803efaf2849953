import { todayInChina } from '../../../common/domain/dates';
import { previousYearEnd } from '../../../common/domain/opening-investment';
import { normaliseProjectCode } from '../../../common/domain/project-code';
import { type Pool, projectCreateBody, projectUpdateBody } from '../../../common/schemas/projects';
import { can } from '../../lib/actor';
import { changedFields } from '../../lib/audit';
import { auditSnapshot } from '../projects';
import { CUSTOM_COLUMN_PREFIX } from './columns/custom-fields';
import { type ProjectDraft, draftOf, mergeDraft, newDraft } from '../projects';
import { validateCustomValues } from '../../../common/domain/custom-fields';
import { customValueProblemDetail } from '../custom-fields';
import { districtCustomFields } from '../custom-fields';
import { loadGateConfig } from '../projects';
import { canManageProject } from '../projects';
import { type Placement, checkProjectDraft } from '../projects';
import type { CheckSetting } from './kinds';
import { type ProjectDetailRow, findProjectDetails } from '../projects';
import { importReferences, loadExistingProjects, matchProject } from './import-references';
import { existingPoolProblems, gateProblems, newProjectPoolProblems } from './pool-rules';
import { type StoredProblem, problemsOf, zodProblem } from './problems';
import { PROGRESS_EVERY, type ParsedRow, readRows } from './read-rows';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import { snapshotOf } from '../projects';
import { assertDatesFromPlan, assertFieldRights } from '../projects';

/** What committing one row of a projects sheet does. */
export type ProjectOperation =
  | { kind: 'create'; row: number; draft: ProjectDraft; placement: Placement; pool: Pool }
  | { kind: 'update'; row: number; current: ProjectDetailRow; draft: ProjectDraft; placement: Placement; basis: string };

export type RowCheck<Operation> = { problems: StoredProblem[]; operations: Operation[] };

/**
 * A row's cells as a request body, and the row's 所属库 beside it (no field of a project): the custom-field columns
 * (`customValues.<key>`) gathered into `customValues`, an opening amount without its month-end as of last year's end.
 */
function requestOf(cells: Record<string, unknown>): { input: Record<string, unknown>; pool: Pool | undefined } {
  const { pool, ...fields } = cells;
  const input: Record<string, unknown> = {};
  const customValues: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith(CUSTOM_COLUMN_PREFIX)) customValues[key.slice(CUSTOM_COLUMN_PREFIX.length)] = value;
    else input[key] = value;
  }
  // An opening amount (期初累计完成投资) without its month-end is as of the end of last year: the ledgers offices keep
  // say 截至上年底 (or 以前年度) of it.
  if (typeof input.openingCompletedYuan === 'number' && input.openingCompletedAsOf === undefined) {
    input.openingCompletedAsOf = previousYearEnd(todayInChina());
  }
  return { input: Object.keys(customValues).length ? { ...input, customValues } : input, pool: pool as Pool | undefined };
}

/**
 * Checks every row of a projects sheet with the API's own contract (zod) and project rules, against the district
 * as it is now, and answers every problem and, for a clean file, what committing it does: each row creates a
 * project or updates the one it matches (by 项目代码, else by name in the district; a row that changes nothing of
 * it is left out). A new project goes to the pool its 所属库 names through the district's gates on the way; an
 * existing one keeps its pool (`pool-rules.ts`). The commit runs this again
 * inside its transaction, so what it writes is what was checked.
 */
export async function checkProjectRows(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<ProjectOperation>> {
  const { db, ctx, district } = setting;
  const existing = await loadExistingProjects(db, ctx.actor, district.code);
  const refs = importReferences(db, ctx.actor, district.code, existing);
  const problems: StoredProblem[] = [];
  const operations: ProjectOperation[] = [];
  const claimedCodes = new Map<string, number>();
  const claimedProjects = new Map<string, number>();
  let details = new Map<string, ProjectDetailRow>();
  const customFields = await districtCustomFields(db, district.code);
  const { config: gates } = await loadGateConfig(db, district.code);
  // The row's custom values over those the project holds, as the form would save them: checked (a required field
  // left empty stops the row) and stored in normal form, or the problems placed on their columns.
  const settleCustomValues = (row: number, columnOf: ParsedRow['columnOf'], draft: ProjectDraft): StoredProblem[] => {
    const result = validateCustomValues(customFields, draft.categoryCode, draft.customValues);
    if ('values' in result) {
      draft.customValues = result.values;
      return [];
    }
    return result.problems.map((problem) => {
      const detail = customValueProblemDetail(problem, customFields, ctx.actor.locale);
      return { row, column: columnOf(detail.path), field: detail.path, code: detail.messageKey, params: detail.params };
    });
  };

  const checkRow = async ({ row, input: cells, failed, columnOf }: ParsedRow) => {
    const { input, pool: namedPool } = requestOf(cells);
    const here = (field: string) => ({ row, column: columnOf(field), field });
    const matched = matchProject(existing, input.code, input.name);
    if (matched && 'ambiguous' in matched) return problems.push({ ...here('name'), code: 'import.name_ambiguous' });
    const code = typeof input.code === 'string' && input.code ? normaliseProjectCode(input.code) : null;
    if (code) {
      const first = claimedCodes.get(code);
      if (first) return problems.push({ ...here('code'), code: 'import.duplicate_in_file', params: { row: first } });
      claimedCodes.set(code, row);
    }
    if (matched) {
      const first = claimedProjects.get(matched.id);
      if (first) return problems.push({ ...here('name'), code: 'import.same_project_twice', params: { row: first } });
      claimedProjects.set(matched.id, row);
    }
    const keep = (issue: { path: PropertyKey[] }) => !failed.has(String(issue.path[0]));
    if (!matched) {
      if (!can(ctx.actor, 'project.create')) return problems.push({ row, column: null, field: null, code: 'import.cannot_create' });
      const pool = namedPool ?? 'planning';
      const poolFound = failed.has('pool') ? [] : newProjectPoolProblems(ctx.actor, pool, { row, columnOf });
      const parsed = projectCreateBody.safeParse(input);
      if (!parsed.success) {
        return problems.push(...poolFound, ...parsed.error.issues.filter(keep).map((i) => zodProblem(row, columnOf, i)));
      }
      if (failed.size) return problems.push(...poolFound);
      const draft = newDraft(parsed.data);
      let placement: Placement | undefined;
      const found = await problemsOf(row, columnOf, async () => {
        placement = await checkProjectDraft(db, ctx, draft, null, refs);
      });
      found.push(...settleCustomValues(row, columnOf, draft), ...poolFound);
      if (!poolFound.length) found.push(...gateProblems(gates, pool, draft, { row, columnOf }));
      if (found.length || !placement) return problems.push(...found);
      return operations.push({ kind: 'create', row, draft, placement, pool });
    }
    const current = details.get(matched.id);
    if (!current || !canManageProject(ctx.actor, current, 'project.update')) {
      return problems.push({ row, column: null, field: null, code: 'import.project_not_editable' });
    }
    const poolFound = existingPoolProblems(current.pool, namedPool, { row, columnOf });
    const parsed = projectUpdateBody.safeParse({ ...input, version: current.version });
    if (!parsed.success) {
      return problems.push(...poolFound, ...parsed.error.issues.filter(keep).map((i) => zodProblem(row, columnOf, i)));
    }
    if (failed.size) return problems.push(...poolFound);
    const { version: _version, codeChangeReason: _reason, ...fields } = parsed.data;
    const draft = mergeDraft(draftOf(current), fields);
    let placement: Placement | undefined;
    const found = await problemsOf(row, columnOf, async () => {
      placement = await checkProjectDraft(db, ctx, draft, current, refs);
    });
    found.push(...settleCustomValues(row, columnOf, draft), ...poolFound);
    // The writer's own guards, run here so that each governed cell the row changes (a field the project office keeps,
    // a date the plan decides) is a problem on its cell before commit rather than the whole commit refused.
    for (const guard of [assertFieldRights, assertDatesFromPlan]) {
      found.push(...(await problemsOf(row, columnOf, async () => guard(ctx.actor, [{ current, draft }]))));
    }
    if (found.length || !placement) return problems.push(...found);
    // A row that says what the project already holds (a re-imported export) writes nothing and bumps no version.
    if (!Object.keys(changedFields(auditSnapshot(current), snapshotOf(draft, placement)).after).length) return;
    return operations.push({ kind: 'update', row, current, draft, placement, basis: `${current.id}:${current.version}` });
  };

  // Read every row first, so that the projects the rows update are loaded a thousand per query, not one by one.
  const parsedRows: ParsedRow[] = [];
  await readRows(rows, setting.columns, setting.lookups, {
    reading: setting.reading,
    mapping: setting.mapping,
    onProblem: (problem) => problems.push(problem),
    onRow: async (row) => parsedRows.push(row),
  });
  const matchedIds = parsedRows.flatMap(({ input }) => {
    const matched = matchProject(existing, input.code, input.name);
    return matched && !('ambiguous' in matched) ? [matched.id] : [];
  });
  details = await findProjectDetails(db, ctx.actor, matchedIds);
  for (const [index, row] of parsedRows.entries()) {
    await checkRow(row);
    if (setting.onProgress && (index + 1) % PROGRESS_EVERY === 0) await setting.onProgress(index + 1);
  }
  await setting.onProgress?.(parsedRows.length);
  return { problems, operations };
}
