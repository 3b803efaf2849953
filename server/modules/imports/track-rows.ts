import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  approvalItemCreateBody,
  approvalItemUpdateBody,
  fundingLineCreateBody,
  fundingLineUpdateBody,
} from '../../../common/schemas/tracks';
import type { Executor, Tx } from '../../db/client';
import { approvalItems, fundingLines, projects } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { invalidField } from '../../lib/errors';
import { checkDates, createApprovalItem, updateApprovalItem } from '../project-tracks';
import { createFundingLine, updateFundingLine } from '../project-tracks';
import { canManageProject } from '../projects';
import { findProjectDetail } from '../projects';
import { importReferences, loadExistingProjects, matchProject } from './import-references';
import type { CheckSetting } from './kinds';
import { type StoredProblem, problemsOf, zodProblem } from './problems';
import type { RowCheck } from './project-rows';
import { readSettingRows } from './read-rows';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';

type TrackKind = 'approval_items' | 'funding_lines';

/** One row of a track sheet, checked: the item to add to a project, or the project's item of that type to update. */
export type TrackOperation = {
  kind: 'create' | 'update';
  track: TrackKind;
  row: number;
  projectId: string;
  itemId: string | null;
  input: Record<string, unknown>;
  basis?: string;
};

// Each track: the dictionary and field of its type, its API contract and the rules beyond it.
const TRACKS = {
  approval_items: {
    typeField: 'typeCode',
    dictionary: 'approval_item_type',
    unknownType: 'approval.type_unknown',
    create: approvalItemCreateBody,
    update: approvalItemUpdateBody,
    table: approvalItems,
  },
  funding_lines: {
    typeField: 'sourceCode',
    dictionary: 'funding_source',
    unknownType: 'funding.source_unknown',
    create: fundingLineCreateBody,
    update: fundingLineUpdateBody,
    table: fundingLines,
  },
} as const;

/** The district's existing items of a track by project and type, with their versions and stored values. */
async function existingItems(db: Executor, track: TrackKind, districtCode: string) {
  const table = TRACKS[track].table;
  const typeColumn = track === 'approval_items' ? approvalItems.typeCode : fundingLines.sourceCode;
  const rows = await db
    .select({ item: table, type: typeColumn })
    .from(table)
    .innerJoin(projects, eq(projects.id, table.projectId))
    .where(eq(projects.regionCode, districtCode));
  return new Map(rows.map((r) => [`${r.item.projectId}:${r.type}`, r.item as Record<string, unknown> & { id: string; version: number }]));
}

/**
 * Checks every row of an approval-items or funding sheet: the project it names (by 项目代码, else by name in the
 * district) must be one the actor may edit; the row goes through the track's API contract and rules; a project's
 * existing item of the same type is updated, else one is added.
 */
export async function checkTrackRows(
  track: TrackKind,
  setting: CheckSetting,
  rows: AsyncIterable<SheetRow>,
): Promise<RowCheck<TrackOperation>> {
  const { db, ctx, district } = setting;
  const spec = TRACKS[track];
  const existing = await loadExistingProjects(db, ctx.actor, district.code);
  const refs = importReferences(db, ctx.actor, district.code, existing);
  const items = await existingItems(db, track, district.code);
  const problems: StoredProblem[] = [];
  const operations: TrackOperation[] = [];
  const claimed = new Map<string, number>();

  await readSettingRows(
    setting,
    rows,
    (problem) => problems.push(problem),
    async ({ row, input, failed, columnOf }) => {
      const { projectCode, projectName, ...fields } = input;
      const keyColumn = projectCode ? 'projectCode' : 'projectName';
      const at = { row, column: columnOf(keyColumn), field: keyColumn };
      if (!projectCode && !projectName) return problems.push({ ...at, code: 'import.project_missing' });
      const matched = matchProject(existing, projectCode, projectName);
      if (!matched) return problems.push({ ...at, code: 'import.project_unknown' });
      if ('ambiguous' in matched) return problems.push({ ...at, code: 'import.name_ambiguous' });
      const project = await findProjectDetail(db, ctx.actor, matched.id);
      if (!project || !canManageProject(ctx.actor, project, 'project.update')) {
        return problems.push({ row, column: null, field: null, code: 'import.project_not_editable' });
      }
      if (failed.size) return;
      const type = String(fields[spec.typeField]);
      const key = `${project.id}:${type}`;
      const first = claimed.get(key);
      if (first)
        return problems.push({
          row,
          column: columnOf(spec.typeField),
          field: spec.typeField,
          code: 'import.same_item_twice',
          params: { row: first },
        });
      claimed.set(key, row);
      const current = items.get(key);
      const parsed = current
        ? spec.update.safeParse({ ...withoutKey(fields, spec.typeField), version: current.version })
        : spec.create.safeParse(fields);
      if (!parsed.success) return problems.push(...parsed.error.issues.map((i) => zodProblem(row, columnOf, i)));
      const found = await problemsOf(row, columnOf, async () => {
        const [entry] = await refs.enabledDictionaryEntries([{ type: spec.dictionary, code: type }]);
        if (!current && !entry) throw invalidField(spec.typeField, spec.unknownType);
        if (track === 'approval_items')
          checkDates({ ...defaultsOf(current), ...(parsed.data as object) } as Parameters<typeof checkDates>[0]);
      });
      if (found.length) return problems.push(...found);
      return operations.push({
        kind: current ? 'update' : 'create',
        track,
        row,
        projectId: project.id,
        itemId: current?.id ?? null,
        input: parsed.data as Record<string, unknown>,
        ...(current ? { basis: `${current.id}:${current.version}` } : {}),
      });
    },
  );
  return { problems, operations };
}

const withoutKey = (fields: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(fields).filter(([k]) => k !== key));

// The stored values an update keeps, as the service lays the update over them.
const defaultsOf = (current: Record<string, unknown> | undefined) => ({
  status: current?.status ?? 'pending',
  appliedOn: current?.appliedOn ?? null,
  approvedOn: current?.approvedOn ?? null,
});

/** Writes checked track rows through the tracks' own services (each audited), inside the caller's transaction. */
export async function writeTrackOperations(tx: Tx, ctx: RequestContext, operations: TrackOperation[]) {
  for (const o of operations) {
    const projectId = o.projectId;
    if (o.track === 'approval_items') {
      if (o.itemId)
        await updateApprovalItem({ ctx, tx, projectId, id: o.itemId, input: o.input as z.infer<typeof approvalItemUpdateBody> });
      else await createApprovalItem({ ctx, tx, projectId, input: o.input as z.infer<typeof approvalItemCreateBody> });
    } else if (o.itemId) {
      await updateFundingLine({ ctx, tx, projectId, id: o.itemId, input: o.input as z.infer<typeof fundingLineUpdateBody> });
    } else {
      await createFundingLine({ ctx, tx, projectId, input: o.input as z.infer<typeof fundingLineCreateBody> });
    }
  }
  const create = operations.filter((o) => o.kind === 'create').length;
  return { create, update: operations.length - create };
}
