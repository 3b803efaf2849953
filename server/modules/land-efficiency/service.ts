import {
  countByClass,
  isIndustrialCode,
  type LandClass,
  type LandThresholds,
  landClass,
  perMuFigures,
  thresholdProblems,
} from '../../../common/domain/land-efficiency';
import type { LandFiguresBody, LandTableQuery, ThresholdsBody } from '../../../common/schemas/land-efficiency';
import type { Executor, Tx } from '../../db/client';
import { enterpriseLandFigures, landEfficiencyThresholds } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, notFound, staleVersion } from '../../lib/errors';
import { updateAtVersion } from '../../lib/versioned';
import { type EnterpriseRow, findEnterprise } from '../enterprises';
import { type District, districtForNewRecord } from '../regions';
import {
  type DistrictYearRow,
  type LandFiguresRecord,
  type ThresholdsRecord,
  deleteFiguresRow,
  districtYear,
  figuresOfEnterprise,
  insertFigures,
  insertThresholds,
  lockThresholds,
  lockYear,
  lockedYear,
  thresholdsOf,
} from './repository';

/** Why an enterprise may have no 亩均效益 figures: a target enterprise, or one outside industry (GB/T 4754 B, C, D). */
export const notApplicableReason = (e: Pick<EnterpriseRow, 'kind' | 'industryCode'>): 'not_local' | 'not_industrial' | null =>
  e.kind !== 'local' ? 'not_local' : !isIndustrialCode(e.industryCode) ? 'not_industrial' : null;

/** The thresholds of a row as the domain reads them. */
export const thresholdsOfRecord = (row: ThresholdsRecord): LandThresholds => ({
  A: { taxWanPerMu: row.aTaxWanPerMu, outputWanPerMu: row.aOutputWanPerMu },
  B: { taxWanPerMu: row.bTaxWanPerMu, outputWanPerMu: row.bOutputWanPerMu },
  C: { taxWanPerMu: row.cTaxWanPerMu, outputWanPerMu: row.cOutputWanPerMu },
});

/** Per-亩 figures and the class (null without thresholds) of a year's figures. */
export function evaluate(
  figures: Pick<LandFiguresRecord, 'landMu' | 'taxYuan' | 'outputYuan' | 'energyTce'>,
  thresholds: LandThresholds | null,
) {
  return { ...perMuFigures(figures), landClass: thresholds ? landClass(figures, thresholds) : null };
}

async function enterpriseInScope(tx: Executor, ctx: RequestContext, id: string): Promise<EnterpriseRow> {
  const enterprise = await findEnterprise(tx, ctx.actor, id);
  if (!enterprise) throw notFound();
  return enterprise;
}

/** An enterprise's years with per-亩 figures and class by its district's thresholds of each year. */
export async function enterpriseYears(db: Executor, ctx: RequestContext, id: string) {
  const enterprise = await enterpriseInScope(db, ctx, id);
  const rows = await figuresOfEnterprise(db, id);
  const years = await Promise.all(
    rows.map(async (row) => {
      const thresholds = await thresholdsOf(db, enterprise.regionCode, row.year);
      return { row, ...evaluate(row, thresholds ? thresholdsOfRecord(thresholds) : null) };
    }),
  );
  return { enterprise, years, notApplicable: notApplicableReason(enterprise) };
}

/** A written year with its per-亩 figures and class by the district's thresholds of that year. */
async function withClass(db: Executor, regionCode: string, row: LandFiguresRecord) {
  const thresholds = await thresholdsOf(db, regionCode, row.year);
  return { row, ...evaluate(row, thresholds ? thresholdsOfRecord(thresholds) : null) };
}

const figuresView = (row: LandFiguresRecord) => ({
  year: row.year,
  landMu: row.landMu,
  taxYuan: row.taxYuan,
  outputYuan: row.outputYuan,
  energyTce: row.energyTce,
});

/**
 * Enters or corrects an enterprise's figures for a year, audited. Only a local industrial enterprise has them (422
 * naming which it is not); a year already entered is corrected at the version read (409 otherwise).
 */
export async function saveLandFigures({
  ctx,
  tx,
  id,
  year,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  year: number;
  input: LandFiguresBody;
}) {
  const enterprise = await enterpriseInScope(tx, ctx, id);
  const reason = notApplicableReason(enterprise);
  if (reason === 'not_local') throw new AppError(422, 'enterprise_not_local', 'landEfficiency.not_local', { name: enterprise.name });
  if (reason === 'not_industrial')
    throw new AppError(422, 'enterprise_not_industrial', 'landEfficiency.not_industrial', { name: enterprise.name });
  await lockYear(tx, id, year);
  const existing = await lockedYear(tx, id, year);
  const { version, ...values } = input;
  const audit = { recordType: 'enterprise', recordId: id, regionCode: enterprise.regionCode };
  if (!existing) {
    // A version sent for a year that is not there: someone deleted it meanwhile.
    if (version !== undefined) throw staleVersion();
    const row = await insertFigures(tx, { ...values, enterpriseId: id, year, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'enterprises.land_figures.create', ...audit, after: figuresView(row) });
    return withClass(tx, enterprise.regionCode, row);
  }
  if (version === undefined)
    throw new AppError(409, 'version_conflict', 'landEfficiency.version_required', {}, [
      { path: 'version', messageKey: 'landEfficiency.version_required' },
    ]);
  if (existing.version !== version) throw staleVersion();
  const row = await updateAtVersion(tx, enterpriseLandFigures, { key: enterpriseLandFigures.id, keyValue: existing.id, version }, values);
  await recordAudit(tx, ctx, {
    action: 'enterprises.land_figures.update',
    ...audit,
    ...changedFields(figuresView(existing), figuresView(row)),
  });
  return withClass(tx, enterprise.regionCode, row);
}

/** Removes an enterprise's year, audited with what it held. */
export async function deleteLandFigures({ ctx, tx, id, year }: { ctx: RequestContext; tx: Tx; id: string; year: number }) {
  const enterprise = await enterpriseInScope(tx, ctx, id);
  const existing = await lockedYear(tx, id, year);
  if (!existing) throw notFound();
  await deleteFiguresRow(tx, existing.id);
  await recordAudit(tx, ctx, {
    action: 'enterprises.land_figures.delete',
    recordType: 'enterprise',
    recordId: id,
    regionCode: enterprise.regionCode,
    before: figuresView(existing),
  });
}

/** The district a 亩均效益 request is about: the one named (in reach; else not found), else the reader's own (422 above district level). */
export async function landDistrict(db: Executor, ctx: RequestContext, regionCode: string | undefined): Promise<District> {
  const district = await districtForNewRecord(db, ctx.actor, regionCode);
  if (district === 'none') throw new AppError(422, 'no_district', 'landEfficiency.no_district');
  if (district === 'outside') throw notFound();
  return district;
}

type TableRow = DistrictYearRow & { figures: NonNullable<DistrictYearRow['figures']> } & ReturnType<typeof evaluate>;

const CLASS_RANK: Record<LandClass, number> = { A: 0, B: 1, C: 2, D: 3 };
const SORT_KEYS: Record<string, (r: TableRow) => number | string | null> = {
  class: (r) => (r.landClass ? CLASS_RANK[r.landClass] : null),
  taxPerMu: (r) => r.taxWanPerMu,
  outputPerMu: (r) => r.outputWanPerMu,
  outputPerTce: (r) => r.outputWanPerTce,
  landMu: (r) => r.figures.landMu,
  name: (r) => r.namePinyin,
};

/**
 * Orders the table: by `sort` (`-` for descending; unknown values last whatever the direction), ties by name.
 * By default the best first: by class, then tax per 亩 descending.
 */
function sortRows(rows: TableRow[], sort: string | undefined): TableRow[] {
  const byName = (a: TableRow, b: TableRow) => a.namePinyin.localeCompare(b.namePinyin) || a.enterpriseId.localeCompare(b.enterpriseId);
  if (!sort) {
    const rank = (r: TableRow) => (r.landClass ? CLASS_RANK[r.landClass] : 9);
    return [...rows].sort((a, b) => rank(a) - rank(b) || b.taxWanPerMu - a.taxWanPerMu || byName(a, b));
  }
  const descending = sort.startsWith('-');
  const key = SORT_KEYS[descending ? sort.slice(1) : sort];
  if (!key) return rows;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (descending ? -order : order) || byName(a, b);
  });
}

/**
 * The district's year: every local industrial enterprise in scope with its figures, per-亩 values and class (by the
 * district's thresholds of the year, if set), the counts per class, and those without figures for the year.
 */
export async function districtLandTable(db: Executor, ctx: RequestContext, query: LandTableQuery) {
  const district = await landDistrict(db, ctx, query.regionCode);
  const thresholdsRow = await thresholdsOf(db, district.code, query.year);
  const thresholds = thresholdsRow ? thresholdsOfRecord(thresholdsRow) : null;
  const rows = await districtYear(db, ctx.actor, district.code, query.year, ctx.actor.locale);
  const withFigures: TableRow[] = [];
  const missing: DistrictYearRow[] = [];
  for (const row of rows) {
    if (row.figures) withFigures.push({ ...row, figures: row.figures, ...evaluate(row.figures, thresholds) });
    else missing.push(row);
  }
  const counts = countByClass(withFigures.flatMap((r) => (r.landClass ? [r.landClass] : [])));
  const shown = query.landClass ? withFigures.filter((r) => r.landClass === query.landClass) : withFigures;
  return { district, thresholds: thresholdsRow, counts, rows: sortRows(shown, query.sort), missing };
}

const thresholdColumns = (input: LandThresholds) => ({
  aTaxWanPerMu: input.A.taxWanPerMu,
  aOutputWanPerMu: input.A.outputWanPerMu,
  bTaxWanPerMu: input.B.taxWanPerMu,
  bOutputWanPerMu: input.B.outputWanPerMu,
  cTaxWanPerMu: input.C.taxWanPerMu,
  cOutputWanPerMu: input.C.outputWanPerMu,
});

/**
 * Sets or changes a district's thresholds for a year, audited: A ≥ B ≥ C on tax and on output per 亩, the class
 * asking less than the one below named (400); changing them needs the version read.
 */
export async function saveThresholds({ ctx, tx, year, input }: { ctx: RequestContext; tx: Tx; year: number; input: ThresholdsBody }) {
  const district = await landDistrict(tx, ctx, input.regionCode);
  const thresholds: LandThresholds = { A: input.A, B: input.B, C: input.C };
  const problems = thresholdProblems(thresholds);
  if (problems.length) {
    throw new AppError(
      400,
      'validation_failed',
      'error.validation_failed',
      {},
      problems.map((p) =>
        p.code === 'negative'
          ? { path: p.path, messageKey: 'format.notNegative' as const }
          : {
              path: p.path,
              messageKey: 'landEfficiency.below_lower_class' as const,
              params: { grade: p.path.slice(0, 1), lower: p.lower },
            },
      ),
    );
  }
  await lockThresholds(tx, district.code, year);
  const existing = await thresholdsOf(tx, district.code, year);
  const audit = { recordType: 'land_efficiency_thresholds', regionCode: district.code };
  const view = (t: LandThresholds) => ({ year, A: t.A, B: t.B, C: t.C });
  if (!existing) {
    if (input.version !== undefined) throw staleVersion();
    const row = await insertThresholds(tx, {
      ...thresholdColumns(thresholds),
      regionCode: district.code,
      year,
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'land_efficiency.thresholds.create', ...audit, recordId: row.id, after: view(thresholds) });
    return row;
  }
  if (input.version === undefined)
    throw new AppError(409, 'version_conflict', 'landEfficiency.version_required', {}, [
      { path: 'version', messageKey: 'landEfficiency.version_required' },
    ]);
  const row = await updateAtVersion(
    tx,
    landEfficiencyThresholds,
    { key: landEfficiencyThresholds.id, keyValue: existing.id, version: input.version },
    { ...thresholdColumns(thresholds), updatedBy: ctx.actor.userId },
  );
  await recordAudit(tx, ctx, {
    action: 'land_efficiency.thresholds.update',
    ...audit,
    recordId: row.id,
    ...changedFields(view(thresholdsOfRecord(existing)), view(thresholds)),
  });
  return row;
}
