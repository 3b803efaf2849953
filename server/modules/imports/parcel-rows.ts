import { type ParcelCreateBody, type ParcelUpdateBody, parcelCreateBody, parcelUpdateBody } from '../../../common/schemas/carriers';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import { checkParcelCreate, checkParcelUpdate, createParcel, parcelSheetReferences, updateParcel } from '../carriers';
import { PARCEL_STANDARD_KEYS } from './columns/parcels';
import type { CheckSetting } from './kinds';
import { type StoredProblem, problemsOf, ruleProblems, zodProblem } from './problems';
import type { RowCheck } from './project-rows';
import { readSettingRows } from './read-rows';

/** One row of a parcels sheet, checked: a parcel to add, or the district's parcel of that number to edit. */
export type ParcelOperation = {
  kind: 'create' | 'update';
  row: number;
  parcelId: string | null;
  input: Record<string, unknown>;
  basis?: string;
};

/**
 * The row's 标准地: undefined when the sheet has none of the standards' columns (left as they are), null when they are
 * all empty (not a 标准地), else the standards as the API takes them.
 */
function standardOf(input: Record<string, unknown>) {
  const given = PARCEL_STANDARD_KEYS.filter((k) => k in input);
  if (!given.length) return undefined;
  if (given.every((k) => input[k] === null || input[k] === undefined)) return null;
  return Object.fromEntries(given.map((k) => [k, input[k] ?? null]));
}

/**
 * Checks every row of a parcels sheet as the parcels page checks a parcel typed in (the carriers module's own rules,
 * through its check-only twins), and what only a sheet can get wrong: a park the district does not have (or has
 * twice), a parcel twice in the file, standards without their investment intensity, 已供 for a new parcel or a status
 * changed on an existing one. A number the district's parcels have is an update of that parcel (a row that changes
 * nothing is left out; a supplied parcel's number, area and use come back as the page's `carrier.supplied_fields_locked`),
 * else a new parcel.
 */
export async function checkParcelRows(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<ParcelOperation>> {
  const { db, ctx, district, lookups } = setting;
  const refs = await parcelSheetReferences(db, district.code);
  const problems: StoredProblem[] = [];
  const operations: ParcelOperation[] = [];
  const claimed = new Map<string, number>();

  await readSettingRows(
    setting,
    rows,
    (problem) => problems.push(problem),
    async ({ row, input, failed, columnOf }) => {
      if (failed.size) return;
      const at = (field: string, code: MessageKey, params?: Record<string, string | number>) =>
        problems.push({ row, column: columnOf(field), field, code, ...(params ? { params } : {}) });
      const code = String(input.code ?? '').trim();
      const first = claimed.get(code);
      if (first) return at('code', 'carrier.import_same_parcel_twice', { row: first });
      claimed.set(code, row);
      const parcelId = refs.parcelNumbered(code);

      const { park, status, ...rest } = input;
      const fields = Object.fromEntries(Object.entries(rest).filter(([k]) => !(PARCEL_STANDARD_KEYS as readonly string[]).includes(k)));
      const found: StoredProblem[] = [];
      let parkId: string | null | undefined = 'park' in input ? null : undefined;
      if (typeof park === 'string' && park.trim()) {
        const ids = refs.parksNamed(park);
        if (ids.length !== 1) {
          const problem = ids.length ? 'carrier.import_park_ambiguous' : 'carrier.import_park_unknown';
          found.push({ row, column: columnOf('park'), field: 'park', code: problem, params: { value: park.trim() } });
        }
        parkId = ids[0] ?? null;
      }
      const standard = standardOf(input);
      if (standard && (standard.investmentIntensityWan === null || standard.investmentIntensityWan === undefined))
        found.push({
          row,
          column: columnOf('investmentIntensityWan'),
          field: 'investmentIntensityWan',
          code: 'carrier.import_standard_intensity',
        });
      if (!parcelId && status === 'supplied') {
        const value = lookups.name('parcel_status', 'supplied');
        found.push({ row, column: columnOf('status'), field: 'status', code: 'carrier.import_status_new', params: { value } });
      }
      if (found.length) return problems.push(...found);

      const body: Record<string, unknown> = { ...fields, code, parkId, standard };
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      // The service's messages name the API's fields; the sheet's columns for them are these.
      const place = (field: string) =>
        columnOf(field === 'parkId' ? 'park' : field.startsWith('standard.') ? field.slice('standard.'.length) : field);

      if (!parcelId) {
        const parsed = parcelCreateBody.safeParse({ ...body, ...(status ? { status } : {}) });
        if (!parsed.success) return problems.push(...parsed.error.issues.map((i) => zodProblem(row, place, i)));
        const ruled = await problemsOf(row, place, () => checkParcelCreate(db as Tx, ctx, parsed.data));
        if (ruled.length) return problems.push(...ruled);
        return operations.push({ kind: 'create', row, parcelId: null, input: parsed.data });
      }
      const parsed = parcelUpdateBody.safeParse({ ...body, version: 1 });
      if (!parsed.success) return problems.push(...parsed.error.issues.map((i) => zodProblem(row, place, i)));
      const { version: _version, ...changes } = parsed.data;
      let checked: Awaited<ReturnType<typeof checkParcelUpdate>>;
      try {
        checked = await checkParcelUpdate(db as Tx, ctx, parcelId, changes);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return problems.push(...ruleProblems(row, place, error));
      }
      const { before, changed } = checked;
      if (status && status !== before.status) {
        return at('status', 'carrier.import_status_moved', { status: lookups.name('parcel_status', before.status) });
      }
      if (!changed) return;
      return operations.push({
        kind: 'update',
        row,
        parcelId,
        input: { ...changes, version: before.version },
        basis: `${parcelId}:${before.version}`,
      });
    },
  );
  return { problems, operations };
}

/** Writes checked parcel rows through the carriers module's own services (each audited), in the commit's transaction. */
export async function writeParcelOperations(tx: Tx, ctx: RequestContext, operations: ParcelOperation[]) {
  for (const o of operations) {
    if (o.parcelId) await updateParcel({ ctx, tx, id: o.parcelId, input: o.input as ParcelUpdateBody });
    else await createParcel({ ctx, tx, input: o.input as ParcelCreateBody });
  }
  const create = operations.filter((o) => o.kind === 'create').length;
  return { create, update: operations.length - create };
}
