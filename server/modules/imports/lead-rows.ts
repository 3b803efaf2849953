import { leadCreateBody, leadUpdateBody, type LeadCreateBody, type LeadUpdateBody } from '../../../common/schemas/leads';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import { sheetNameKey } from '../../lib/spreadsheets/sheet-names';
import { enterpriseSheetNames } from '../enterprises';
import { checkLeadCreate, checkLeadUpdate, createLead, leadSheetReferences, updateLead } from '../leads';
import { enterpriseColumnKey, enterpriseOfRow } from './enterprise-reference';
import type { CheckSetting } from './kinds';
import { type StoredProblem, problemsOf, ruleProblems, zodProblem } from './problems';
import type { RowCheck } from './project-rows';
import { readSettingRows } from './read-rows';

/** One row of a leads sheet, checked: a lead to record at 线索, or the district's lead of that name to edit. */
export type LeadOperation = {
  kind: 'create' | 'update';
  row: number;
  leadId: string | null;
  input: Record<string, unknown>;
  basis?: string;
};

// Fields the sheet leaves as they are when their cell is empty (they may not be empty on a lead), or lets the
// service choose for a new lead (owner: the importer; unit: the owner's; received: today; shares: 0).
const KEPT_WHEN_EMPTY = ['ownerId', 'unitId', 'receivedOn', 'outOfCityPercent', 'outOfProvincePercent', 'foreignPercent'];

/**
 * Checks every row of a leads sheet as the leads page checks a lead typed in (the leads module's own rules), and what
 * only a sheet can get wrong: the enterprise named by a 统一社会信用代码 or a name the district's register does not hold
 * (or holds twice), a source event or owner it does not know, a lead twice in the file, a name several leads share, a
 * stage other than 线索 for a new lead or a stage changed on an existing one. A name the district's leads have is an
 * update of that lead (a row that changes nothing is left out), else a new lead.
 */
export async function checkLeadRows(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<LeadOperation>> {
  const { db, ctx, district, lookups } = setting;
  const [refs, enterprises] = await Promise.all([leadSheetReferences(db, district.code), enterpriseSheetNames(db, district.code)]);
  const problems: StoredProblem[] = [];
  const operations: LeadOperation[] = [];
  const claimed = new Map<string, number>();

  await readSettingRows(
    setting,
    rows,
    (problem) => problems.push(problem),
    async ({ row, input, failed, columnOf }) => {
      if (failed.size) return;
      const at = (field: string, code: MessageKey, params?: Record<string, string | number>) =>
        problems.push({ row, column: columnOf(field), field, code, ...(params ? { params } : {}) });
      const name = String(input.name ?? '').trim();
      const nameKey = sheetNameKey(name);
      const first = claimed.get(nameKey);
      if (first) return at('name', 'lead.import_same_lead_twice', { row: first });
      claimed.set(nameKey, row);
      const matches = refs.leadsNamed(name);
      if (matches.length > 1) return at('name', 'lead.import_name_ambiguous', { count: matches.length });
      const leadId = matches[0] ?? null;

      // The names a sheet writes, as the ids the lead keeps.
      const { enterprise, enterpriseUscc, event, owner, stage, ...fields } = input;
      const found: StoredProblem[] = [];
      const problem = (field: string, code: MessageKey, params: Record<string, string | number>) =>
        found.push({ row, column: columnOf(field), field, code, params });
      const enterpriseId = enterpriseOfRow(enterprises, { enterprise, enterpriseUscc }, problem);
      let eventId: string | null = null;
      if (typeof event === 'string' && event.trim()) {
        const ids = refs.eventsNamed(event);
        if (ids.length !== 1)
          problem('event', ids.length ? 'lead.import_event_ambiguous' : 'lead.import_event_unknown', { value: event.trim() });
        eventId = ids[0] ?? null;
      }
      let ownerId: string | undefined;
      if (typeof owner === 'string' && owner.trim()) {
        const person = lookups.find('leader', owner);
        if ('problem' in person) found.push({ row, column: columnOf('owner'), field: 'owner', ...person.problem });
        else ownerId = person.code;
      }
      if (!leadId && stage && stage !== 'lead')
        problem('stage', 'lead.import_stage_new', { value: lookups.name('lead_stage', String(stage)) });
      if (found.length) return problems.push(...found);

      const body: Record<string, unknown> = { ...fields, name, enterpriseId, eventId, ownerId };
      for (const key of KEPT_WHEN_EMPTY) if (body[key] === null) delete body[key];
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      // The service's messages name the API's fields; the sheet's columns for them are these.
      const place = (field: string) =>
        columnOf(
          field === 'enterpriseId'
            ? enterpriseColumnKey({ enterprise, enterpriseUscc })
            : field === 'eventId'
              ? 'event'
              : field === 'ownerId'
                ? 'owner'
                : field,
        );

      if (!leadId) {
        const parsed = leadCreateBody.safeParse(body);
        if (!parsed.success) return problems.push(...parsed.error.issues.map((i) => zodProblem(row, place, i)));
        const ruled = await problemsOf(row, place, () => checkLeadCreate(db as Tx, ctx, parsed.data));
        if (ruled.length) return problems.push(...ruled);
        return operations.push({ kind: 'create', row, leadId: null, input: parsed.data });
      }
      const parsed = leadUpdateBody.safeParse({ ...body, version: 1 });
      if (!parsed.success) return problems.push(...parsed.error.issues.map((i) => zodProblem(row, place, i)));
      const { version: _version, ...changes } = parsed.data;
      let checked: Awaited<ReturnType<typeof checkLeadUpdate>>;
      try {
        checked = await checkLeadUpdate(db as Tx, ctx, leadId, changes);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // Another side's lead: the reader sees it but may not change it.
        if (error.status === 403) return at('name', 'lead.import_not_editable');
        return problems.push(...ruleProblems(row, place, error));
      }
      const { before, changed } = checked;
      if (stage && stage !== before.stage) {
        return at('stage', 'lead.import_stage_moved', { stage: lookups.name('lead_stage', before.stage) });
      }
      if (!changed) return;
      return operations.push({
        kind: 'update',
        row,
        leadId,
        input: { ...changes, version: before.version },
        basis: `${leadId}:${before.version}`,
      });
    },
  );
  return { problems, operations };
}

/** Writes checked lead rows through the leads module's own services (each audited), in the commit's transaction. */
export async function writeLeadOperations(tx: Tx, ctx: RequestContext, operations: LeadOperation[]) {
  for (const o of operations) {
    if (o.leadId) await updateLead({ ctx, tx, id: o.leadId, input: o.input as LeadUpdateBody });
    else await createLead({ ctx, tx, input: o.input as LeadCreateBody });
  }
  const create = operations.filter((o) => o.kind === 'create').length;
  return { create, update: operations.length - create };
}
