import type { Locale } from '../../../common/locale';
import type { ImportKind, ImportReading } from '../../../common/schemas/imports';
import type { Executor, Tx } from '../../db/client';
import type { Permission } from '../../../common/permissions';
import { forbidden } from '../../lib/errors';
import type { RequestContext } from '../../lib/actor';
import { enterpriseColumns } from './columns/enterprises';
import { type EnterpriseOperation, checkEnterpriseRows, writeEnterpriseOperations } from './enterprise-rows';
import { leadColumns } from './columns/leads';
import { parcelColumns } from './columns/parcels';
import { visitColumns } from './columns/visits';
import { landFigureColumns } from './columns/land-figures';
import { type LandFigureOperation, checkLandFigureRows, writeLandFigureOperations } from './land-figure-rows';
import { type ParcelOperation, checkParcelRows, writeParcelOperations } from './parcel-rows';
import { type VisitOperation, checkVisitRows, writeVisitOperations } from './visit-rows';
import { IMPORT_KIND_PERMISSIONS } from '../../../common/schemas/imports';
import { type LeadOperation, checkLeadRows, writeLeadOperations } from './lead-rows';
import { approvalItemColumns } from './columns/approval-items';
import { projectSheetColumns } from './columns/custom-fields';
import { fundingLineColumns } from './columns/funding-lines';
import type { Column, Lookups } from '../../lib/spreadsheets/columns/types';
import type { HeaderMapping } from '../../lib/spreadsheets/header';
import type { District } from '../regions';
import { type ProjectOperation, type RowCheck, checkProjectRows } from './project-rows';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import { type TrackOperation, checkTrackRows, writeTrackOperations } from './track-rows';
import { writeProjectOperations } from './write-projects';

/** Where rows are checked: the database (or the commit's transaction), who imports, the district's columns and lists. */
export type CheckSetting = {
  db: Executor;
  ctx: RequestContext;
  district: District;
  columns: readonly Column<string, unknown>[];
  lookups: Lookups;
  onProgress?: (processedRows: number) => Promise<void>;
  /** Filled with how the sheet was read (header, columns not imported, skipped rows, interpretations). */
  reading?: ImportReading;
  /** The mapping the file is read with, given its shape (read-rows.ts). */
  mapping?: (shape: string) => Promise<HeaderMapping | null>;
};

/** What an operation says about itself for the stale-job check: the record it updates and that record's version. */
export type OperationBasis = { kind: 'create' | 'update'; basis?: string };

/** The columns of a kind's sheet in a district (a projects sheet has one more per custom field of the district). */
type ColumnsOf = (db: Executor, districtCode: string, locale: Locale) => Promise<readonly Column<string, unknown>[]>;

/**
 * One kind of sheet: its columns, how its rows are checked, and how checked rows are written. Who may import it is
 * IMPORT_KIND_PERMISSIONS (common: the page offers the same kinds).
 */
export type ImportKindHandler = {
  columns: ColumnsOf;
  check(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<OperationBasis>>;
  /** Writes checked operations; `fileName` (the upload's name) is what the records they leave cite as their reason. */
  write(tx: Tx, ctx: RequestContext, operations: OperationBasis[], fileName: string): Promise<{ create: number; update: number }>;
};

const handler = <Op extends OperationBasis>(h: {
  columns: ColumnsOf;
  check(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<Op>>;
  write(tx: Tx, ctx: RequestContext, operations: Op[], fileName: string): Promise<{ create: number; update: number }>;
}) => h as unknown as ImportKindHandler;

export const IMPORT_KIND_HANDLERS: Record<ImportKind, ImportKindHandler> = {
  projects: handler<ProjectOperation>({
    columns: projectSheetColumns,
    check: checkProjectRows,
    write: writeProjectOperations,
  }),
  approval_items: handler<TrackOperation>({
    columns: async () => approvalItemColumns,
    check: (setting, rows) => checkTrackRows('approval_items', setting, rows),
    write: (tx, ctx, operations) => writeTrackOperations(tx, ctx, operations),
  }),
  funding_lines: handler<TrackOperation>({
    columns: async () => fundingLineColumns,
    check: (setting, rows) => checkTrackRows('funding_lines', setting, rows),
    write: (tx, ctx, operations) => writeTrackOperations(tx, ctx, operations),
  }),
  // The enterprise register (企业库): its keepers import it, whether or not they import projects.
  enterprises: handler<EnterpriseOperation>({
    columns: async () => enterpriseColumns,
    check: checkEnterpriseRows,
    write: (tx, ctx, operations) => writeEnterpriseOperations(tx, ctx, operations),
  }),
  // Leads (招商线索): whoever records leads on the board imports them; each row is still the owner's side's to change.
  leads: handler<LeadOperation>({
    columns: async () => leadColumns,
    check: checkLeadRows,
    write: (tx, ctx, operations) => writeLeadOperations(tx, ctx, operations),
  }),
  // Parcels (地块): the carriers' keepers; a row never moves a parcel's status.
  parcels: handler<ParcelOperation>({
    columns: async () => parcelColumns,
    check: checkParcelRows,
    write: (tx, ctx, operations) => writeParcelOperations(tx, ctx, operations),
  }),
  // Visits (走访): whoever records visits; each row records one visit, its demands raised through the matters loop.
  visits: handler<VisitOperation>({
    columns: async () => visitColumns,
    check: checkVisitRows,
    write: (tx, ctx, operations) => writeVisitOperations(tx, ctx, operations),
  }),
  // 亩均效益 (a year's land, tax, output and energy per enterprise): the register's keepers, as on the enterprise page.
  land_figures: handler<LandFigureOperation>({
    columns: async () => landFigureColumns,
    check: checkLandFigureRows,
    write: (tx, ctx, operations) => writeLandFigureOperations(tx, ctx, operations),
  }),
};

/** Whether the reader may import a kind (download its template, upload, read and commit its jobs). */
export const mayImport = (actor: { permissions: ReadonlySet<Permission> }, kind: ImportKind) =>
  actor.permissions.has(IMPORT_KIND_PERMISSIONS[kind]);

/** Refuses (403) a kind the reader may not import. */
export function assertMayImport(actor: { permissions: ReadonlySet<Permission> }, kind: ImportKind) {
  if (!mayImport(actor, kind)) throw forbidden();
}
