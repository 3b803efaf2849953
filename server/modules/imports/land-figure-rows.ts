import { type LandFiguresBody, landFiguresBody, landYear } from '../../../common/schemas/land-efficiency';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import type { MessageKey } from '../../lib/messages';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import { enterpriseSheetNames } from '../enterprises';
import { landSheetReferences, notApplicableReason, saveLandFigures } from '../land-efficiency';
import { enterpriseColumnKey, enterpriseOfRow } from './enterprise-reference';
import type { CheckSetting } from './kinds';
import { type StoredProblem, zodProblem } from './problems';
import type { RowCheck } from './project-rows';
import { readSettingRows } from './read-rows';

/** One row of a 亩均效益 sheet, checked: an enterprise's year to add, or its year already entered to correct. */
export type LandFigureOperation = {
  kind: 'create' | 'update';
  row: number;
  enterpriseId: string;
  year: number;
  input: LandFiguresBody;
  basis?: string;
};

const MEASURES = ['landMu', 'taxYuan', 'outputYuan', 'energyTce'] as const;

/**
 * Checks every row of a 亩均效益 sheet as the enterprise page checks a year typed in (the API's contract: land > 0 亩,
 * at most two decimals, no negative tax, output or energy) and what only a sheet can get wrong: an enterprise the
 * district's register does not hold (or holds twice by that name), one that is not local or not industrial (named, as
 * the page's 422 names it), the same enterprise and year twice in the file. A year the enterprise has already is
 * corrected at the version read now (a row that changes nothing is left out, so an export goes back in as no change);
 * any other year is added. A sheet without the energy column leaves the energy of a year already entered as it is.
 */
export async function checkLandFigureRows(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<LandFigureOperation>> {
  const { db, district } = setting;
  const [names, refs] = await Promise.all([enterpriseSheetNames(db, district.code), landSheetReferences(db, district.code)]);
  const problems: StoredProblem[] = [];
  const operations: LandFigureOperation[] = [];
  const claimed = new Map<string, number>();

  await readSettingRows(
    setting,
    rows,
    (problem) => problems.push(problem),
    async ({ row, input, failed, columnOf }) => {
      const found: StoredProblem[] = [];
      const problem = (field: string, code: MessageKey, params?: Record<string, string | number>) =>
        found.push({ row, column: columnOf(field), field, code, ...(params ? { params } : {}) });
      const { enterprise, enterpriseUscc } = input;
      const enterpriseField = enterpriseColumnKey({ enterprise, enterpriseUscc });
      let enterpriseId: string | null = null;
      if (!failed.has('enterprise') && !failed.has('enterpriseUscc')) {
        enterpriseId = enterpriseOfRow(names, { enterprise, enterpriseUscc }, problem);
        if (!enterpriseId && !found.length) problem('enterprise', 'import.required');
      }
      const known = enterpriseId ? refs.enterprise(enterpriseId) : null;
      if (known) {
        // Only the district's local industrial enterprises are assessed (ADR 0008), as the page refuses them.
        const reason = notApplicableReason(known);
        if (reason)
          problem(enterpriseField, reason === 'not_local' ? 'landEfficiency.not_local' : 'landEfficiency.not_industrial', {
            name: known.name,
          });
      }
      let year: number | null = null;
      if (!failed.has('year')) {
        const parsedYear = landYear.safeParse(input.year);
        if (parsedYear.success) year = parsedYear.data;
        else problem('year', 'landEfficiency.year');
      }
      const existing = enterpriseId && known && year !== null ? refs.figuresOf(enterpriseId, year) : null;
      const given = Object.fromEntries(MEASURES.filter((m) => m in input && !failed.has(m)).map((m) => [m, input[m]]));
      // No energy column: a year already entered keeps its energy.
      if (!('energyTce' in input) && existing) given.energyTce = existing.energyTce;
      const parsed = landFiguresBody.safeParse(given);
      if (!parsed.success) {
        // One message a cell: the first the contract gives for each field (a negative area is not also "not > 0").
        const seen = new Set<string>();
        for (const issue of parsed.error.issues) {
          const field = issue.path.map(String).join('.');
          if (seen.has(field) || failed.has(field)) continue;
          seen.add(field);
          found.push(zodProblem(row, columnOf, issue));
        }
      }
      if (failed.size || found.length || !parsed.success || !enterpriseId || year === null) return problems.push(...found);

      const key = `${enterpriseId}:${year}`;
      const first = claimed.get(key);
      if (first) {
        return problems.push({
          row,
          column: columnOf(enterpriseField),
          field: enterpriseField,
          code: 'landEfficiency.import_same_year_twice',
          params: { row: first, year },
        });
      }
      claimed.set(key, row);
      const figures = parsed.data;
      if (!existing) return operations.push({ kind: 'create', row, enterpriseId, year, input: figures });
      if (MEASURES.every((m) => figures[m] === existing[m])) return;
      return operations.push({
        kind: 'update',
        row,
        enterpriseId,
        year,
        input: { ...figures, version: existing.version },
        basis: `${existing.id}:${existing.version}`,
      });
    },
  );
  return { problems, operations };
}

/** Writes checked rows through the 亩均效益 module's own service (each year audited), in the commit's transaction. */
export async function writeLandFigureOperations(tx: Tx, ctx: RequestContext, operations: LandFigureOperation[]) {
  for (const o of operations) await saveLandFigures({ ctx, tx, id: o.enterpriseId, year: o.year, input: o.input });
  const create = operations.filter((o) => o.kind === 'create').length;
  return { create, update: operations.length - create };
}
