import { todayInChina } from '../../../common/domain/dates';
import { PARCEL_STATUSES, type ParcelStatus } from '../../../common/enums';
import { enumLabel } from '../../../common/labels';
import type {
  BuildingCreateBody,
  BuildingUpdateBody,
  LandStandardBody,
  ParcelCreateBody,
  ParcelStatusBody,
  ParcelUpdateBody,
  ParkCreateBody,
  ParkUpdateBody,
} from '../../../common/schemas/carriers';
import type { Tx } from '../../db/client';
import { buildings, landParcels, parks } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { enabledDictionaryEntries, loadProject } from '../projects';
import { type District, districtForNewRecord } from '../regions';
import {
  type BuildingRecord,
  type ParcelRecord,
  type ParkRecord,
  buildingNamed,
  deleteBuildingRow,
  deleteParcelRow,
  deleteParkRow,
  findBuilding,
  findParcel,
  findPark,
  insertBuilding,
  insertParcel,
  insertPark,
  lockCarrierNames,
  lockParcel,
  parcelNumbered,
  parkNamed,
  parkOfDistrict,
} from './repository';

type Ctx = { ctx: RequestContext; tx: Tx };
type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);

async function targetDistrict(tx: Tx, ctx: RequestContext, regionCode: string | undefined): Promise<District> {
  const district = await districtForNewRecord(tx, ctx.actor, regionCode);
  if (district === 'none') throw new AppError(422, 'no_district', 'chain.no_district');
  if (district === 'outside') throw invalidField('regionCode', 'chain.region_outside_scope');
  return district;
}

/** The codes that are not enabled items of their dictionary, as field details (`leadingIndustries.1` …). */
async function unknownCodes(tx: Tx, cluster: string | null | undefined, industries: { path: string; codes: string[] | undefined }) {
  const wanted = [
    ...(cluster ? [{ type: 'cluster', code: cluster }] : []),
    ...(industries.codes ?? []).map((code) => ({ type: 'industry_chain', code })),
  ];
  if (!wanted.length) return [];
  const enabled = new Set((await enabledDictionaryEntries(tx, wanted)).map((e) => `${e.type}:${e.code}`));
  const details: Detail[] = [];
  if (cluster && !enabled.has(`cluster:${cluster}`))
    details.push({ path: 'clusterCode', messageKey: 'carrier.cluster_unknown', params: { code: cluster } });
  (industries.codes ?? []).forEach((code, i) => {
    if (!enabled.has(`industry_chain:${code}`))
      details.push({ path: `${industries.path}.${i}`, messageKey: 'carrier.industry_unknown', params: { code } });
  });
  return details;
}

const duplicate = (path: string, messageKey: MessageKey, params: Record<string, string>) =>
  new AppError(409, 'conflict', messageKey, params, [{ path, messageKey, params }]);

// ——— Parks ———

const parkAudit = (row: ParkRecord) => ({
  name: row.name,
  clusterCode: row.clusterCode,
  areaMu: row.areaMu,
  leadingIndustries: row.leadingIndustries,
  outline: row.outline ? 'set' : null,
  description: row.description,
});

async function loadPark(tx: Tx, ctx: RequestContext, id: string) {
  const row = await findPark(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/** Adds a park to a district's inventory, audited. */
export async function createPark({ ctx, tx, input }: Ctx & { input: ParkCreateBody }) {
  const district = await targetDistrict(tx, ctx, input.regionCode);
  const details = await unknownCodes(tx, input.clusterCode, { path: 'leadingIndustries', codes: input.leadingIndustries });
  if (details.length) throw invalid(details);
  await lockCarrierNames(tx, district.code);
  if (await parkNamed(tx, district.code, input.name, null)) throw duplicate('name', 'carrier.park_duplicate', { name: input.name });
  const { regionCode: _named, ...fields } = input;
  const row = await insertPark(tx, { ...fields, regionCode: district.code, createdBy: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'parks.create',
    recordType: 'park',
    recordId: row.id,
    regionCode: row.regionCode,
    after: parkAudit(row),
  });
  return loadPark(tx, ctx, row.id);
}

/** Edits a park at the version read. */
export async function updatePark({ ctx, tx, id, input }: Ctx & { id: string; input: ParkUpdateBody }) {
  const before = await loadPark(tx, ctx, id);
  if (before.version !== input.version) throw staleVersion();
  const { version, ...changes } = input;
  const details = await unknownCodes(tx, changes.clusterCode, { path: 'leadingIndustries', codes: changes.leadingIndustries });
  if (details.length) throw invalid(details);
  await lockCarrierNames(tx, before.regionCode);
  if (changes.name !== undefined && (await parkNamed(tx, before.regionCode, changes.name, id))) {
    throw duplicate('name', 'carrier.park_duplicate', { name: changes.name });
  }
  const row = await updateAtVersion(tx, parks, { key: parks.id, keyValue: id, version }, changes);
  await recordAudit(tx, ctx, {
    action: 'parks.update',
    recordType: 'park',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(parkAudit(before), parkAudit(row)),
  });
  return loadPark(tx, ctx, id);
}

/** Removes a park with its buildings (its parcels stay, without a park), audited. */
export async function deletePark({ ctx, tx, id }: Ctx & { id: string }) {
  const row = await loadPark(tx, ctx, id);
  await deleteParkRow(tx, id);
  await recordAudit(tx, ctx, {
    action: 'parks.delete',
    recordType: 'park',
    recordId: id,
    regionCode: row.regionCode,
    before: parkAudit(row),
  });
}

// ——— Buildings ———

const buildingAudit = (row: BuildingRecord) => ({
  name: row.name,
  use: row.use,
  floors: row.floors,
  totalAreaM2: row.totalAreaM2,
  vacantAreaM2: row.vacantAreaM2,
  rentYuanPerM2Day: row.rentYuanPerM2Day,
});

/** 400 on `vacantAreaM2` when more is vacant than the building has. */
function checkVacant(total: number, vacant: number) {
  if (vacant > total) throw invalidField('vacantAreaM2', 'carrier.vacant_exceeds_total', { vacant, total });
}

/** Adds a building to a park: its vacant area at most its total (400 naming vacantAreaM2), audited. */
export async function createBuilding({ ctx, tx, parkId, input }: Ctx & { parkId: string; input: BuildingCreateBody }) {
  const park = await loadPark(tx, ctx, parkId);
  checkVacant(input.totalAreaM2, input.vacantAreaM2);
  await lockCarrierNames(tx, park.regionCode);
  if (await buildingNamed(tx, parkId, input.name, null)) throw duplicate('name', 'carrier.building_duplicate', { name: input.name });
  const row = await insertBuilding(tx, { ...input, parkId });
  await recordAudit(tx, ctx, {
    action: 'buildings.create',
    recordType: 'building',
    recordId: row.id,
    regionCode: park.regionCode,
    after: { park: park.name, ...buildingAudit(row) },
  });
  return row;
}

/** Edits a building at the version read (the vacant area checked against the total as they will be). */
export async function updateBuilding({ ctx, tx, id, input }: Ctx & { id: string; input: BuildingUpdateBody }) {
  const found = await findBuilding(tx, ctx.actor, id);
  if (!found) throw notFound();
  const before = found.building;
  if (before.version !== input.version) throw staleVersion();
  const { version, ...changes } = input;
  checkVacant(changes.totalAreaM2 ?? before.totalAreaM2, changes.vacantAreaM2 ?? before.vacantAreaM2);
  await lockCarrierNames(tx, found.regionCode);
  if (changes.name !== undefined && (await buildingNamed(tx, before.parkId, changes.name, id))) {
    throw duplicate('name', 'carrier.building_duplicate', { name: changes.name });
  }
  const row = await updateAtVersion(tx, buildings, { key: buildings.id, keyValue: id, version }, changes);
  await recordAudit(tx, ctx, {
    action: 'buildings.update',
    recordType: 'building',
    recordId: id,
    regionCode: found.regionCode,
    ...changedFields(buildingAudit(before), buildingAudit(row)),
  });
  return row;
}

export async function deleteBuilding({ ctx, tx, id }: Ctx & { id: string }) {
  const found = await findBuilding(tx, ctx.actor, id);
  if (!found) throw notFound();
  await deleteBuildingRow(tx, id);
  await recordAudit(tx, ctx, {
    action: 'buildings.delete',
    recordType: 'building',
    recordId: id,
    regionCode: found.regionCode,
    before: buildingAudit(found.building),
  });
}

// ——— Parcels ———

const standardColumns = (standard: LandStandardBody | null) => ({
  stdInvestmentWanPerMu: standard?.investmentIntensityWan ?? null,
  stdOutputWanPerMu: standard?.outputPerMuWan ?? null,
  stdTaxWanPerMu: standard?.taxPerMuWan ?? null,
  stdPlotRatio: standard?.plotRatio ?? null,
  stdEnergyPerUnit: standard?.energyPerUnit ?? null,
});

const parcelAudit = (row: ParcelRecord) => ({
  code: row.code,
  name: row.name,
  parkId: row.parkId,
  areaMu: row.areaMu,
  plannedUse: row.plannedUse,
  industries: row.industries,
  status: row.status,
  suppliedProjectId: row.suppliedProjectId,
  suppliedOn: row.suppliedOn,
  outline: row.outline ? 'set' : null,
  stdInvestmentWanPerMu: row.stdInvestmentWanPerMu,
  stdOutputWanPerMu: row.stdOutputWanPerMu,
  stdTaxWanPerMu: row.stdTaxWanPerMu,
  stdPlotRatio: row.stdPlotRatio,
  stdEnergyPerUnit: row.stdEnergyPerUnit,
});

async function loadParcel(tx: Tx, ctx: RequestContext, id: string) {
  const row = await findParcel(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

async function checkParcelReferences(tx: Tx, regionCode: string, input: { parkId?: string | null; industries?: string[] }) {
  const details = await unknownCodes(tx, null, { path: 'industries', codes: input.industries });
  if (input.parkId && !(await parkOfDistrict(tx, regionCode, input.parkId)))
    details.push({ path: 'parkId', messageKey: 'carrier.park_unknown' });
  if (details.length) throw invalid(details);
}

/**
 * What `createParcel` checks, without writing (400 naming every field at fault, 409 on a number the district already
 * has, 422 when the reader has no district): answers the district the parcel joins.
 */
export async function checkParcelCreate(tx: Tx, ctx: RequestContext, input: ParcelCreateBody) {
  const district = await targetDistrict(tx, ctx, input.regionCode);
  await checkParcelReferences(tx, district.code, input);
  if (await parcelNumbered(tx, district.code, input.code, null)) throw duplicate('code', 'carrier.parcel_duplicate', { code: input.code });
  return district;
}

/** Adds a parcel (in the reserve or already available; supplied only through its status), audited. */
export async function createParcel({ ctx, tx, input }: Ctx & { input: ParcelCreateBody }) {
  const district = await targetDistrict(tx, ctx, input.regionCode);
  await lockCarrierNames(tx, district.code);
  await checkParcelCreate(tx, ctx, input);
  const { regionCode: _named, standard, ...fields } = input;
  const row = await insertParcel(tx, { ...fields, ...standardColumns(standard), regionCode: district.code, createdBy: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'parcels.create',
    recordType: 'land_parcel',
    recordId: row.id,
    regionCode: row.regionCode,
    after: parcelAudit(row),
  });
  return loadParcel(tx, ctx, row.id);
}

type ParcelChanges = Omit<ParcelUpdateBody, 'version'>;

/** The changes' rules against the parcel as it is: a supplied parcel keeps its number, area and use; references; number. */
async function checkParcelChanges(tx: Tx, before: ParcelRecord, id: string, changes: ParcelChanges) {
  if (before.status === 'supplied') {
    const locked = (['code', 'areaMu', 'plannedUse'] as const).filter((f) => changes[f] !== undefined && changes[f] !== before[f]);
    if (locked.length) throw invalid(locked.map((path) => ({ path, messageKey: 'carrier.supplied_fields_locked' as const })));
  }
  await checkParcelReferences(tx, before.regionCode, changes);
  if (changes.code !== undefined && (await parcelNumbered(tx, before.regionCode, changes.code, id))) {
    throw duplicate('code', 'carrier.parcel_duplicate', { code: changes.code });
  }
}

/** The parcel's columns the changes would write (the standards as its five columns). */
const parcelColumnsOf = ({ standard, ...changes }: ParcelChanges) => ({
  ...changes,
  ...(standard !== undefined ? standardColumns(standard) : {}),
});

/**
 * What `updateParcel` would check of the parcel the reader sees, without writing or locking: 404 when out of reach;
 * when the changes change it, 400 naming every field at fault (a supplied parcel's number, area and use:
 * `carrier.supplied_fields_locked`) or 409 on a number another parcel has. Answers the parcel as it is and whether
 * the changes change it (a sheet's row that changes nothing is no operation).
 */
export async function checkParcelUpdate(tx: Tx, ctx: RequestContext, id: string, changes: ParcelChanges) {
  const before = await loadParcel(tx, ctx, id);
  const wanted = parcelColumnsOf(changes) as Record<string, unknown>;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const changed = Object.keys(wanted).some((k) => wanted[k] !== undefined && !same(wanted[k], (before as Record<string, unknown>)[k]));
  if (changed) await checkParcelChanges(tx, before, id, changes);
  return { before, changed };
}

/** Edits a parcel at the version read; a supplied parcel keeps its number, area and use. */
export async function updateParcel({ ctx, tx, id, input }: Ctx & { id: string; input: ParcelUpdateBody }) {
  await loadParcel(tx, ctx, id);
  await lockParcel(tx, id);
  const before = await loadParcel(tx, ctx, id);
  if (before.version !== input.version) throw staleVersion();
  const { version, ...changes } = input;
  await lockCarrierNames(tx, before.regionCode);
  await checkParcelChanges(tx, before, id, changes);
  const row = await updateAtVersion(tx, landParcels, { key: landParcels.id, keyValue: id, version }, parcelColumnsOf(changes));
  await recordAudit(tx, ctx, {
    action: 'parcels.update',
    recordType: 'land_parcel',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(parcelAudit(before), parcelAudit(row)),
  });
  return loadParcel(tx, ctx, id);
}

export async function deleteParcel({ ctx, tx, id }: Ctx & { id: string }) {
  const row = await loadParcel(tx, ctx, id);
  await deleteParcelRow(tx, id);
  await recordAudit(tx, ctx, {
    action: 'parcels.delete',
    recordType: 'land_parcel',
    recordId: id,
    regionCode: row.regionCode,
    before: parcelAudit(row),
  });
}

/** The one step a parcel may take from its status: reserve → available → supplied. */
const nextStatus = (status: ParcelStatus): ParcelStatus | null => PARCEL_STATUSES[PARCEL_STATUSES.indexOf(status) + 1] ?? null;

/**
 * Moves a parcel one step on at the version read: reserve → available, or available → supplied to a project the
 * reader sees (招商供地: the project that received it and the date). A parcel already supplied is a 409
 * `parcel_already_supplied` naming its project; any other step out of order a 409 `parcel_wrong_status`.
 */
export async function changeParcelStatus({ ctx, tx, id, input }: Ctx & { id: string; input: ParcelStatusBody }) {
  await loadParcel(tx, ctx, id);
  await lockParcel(tx, id);
  const before = await loadParcel(tx, ctx, id);
  const locale = ctx.actor.locale;
  if (before.status === 'supplied') {
    const params = { project: before.projectName ?? '' };
    throw new AppError(409, 'parcel_already_supplied', 'carrier.parcel_already_supplied', params, [
      { path: 'status', messageKey: 'carrier.parcel_already_supplied', params },
    ]);
  }
  if (nextStatus(before.status) !== input.status) {
    const params = { from: enumLabel(locale, 'parcelStatus', before.status), to: enumLabel(locale, 'parcelStatus', input.status) };
    throw new AppError(409, 'parcel_wrong_status', 'carrier.parcel_wrong_status', params, [
      { path: 'status', messageKey: 'carrier.parcel_wrong_status', params },
    ]);
  }
  if (before.version !== input.version) throw staleVersion();
  let supply: { suppliedProjectId: string; suppliedOn: string } | null = null;
  if (input.status === 'supplied') {
    if (!input.projectId) throw invalidField('projectId', 'carrier.supply_needs_project');
    const project = await loadProject(tx, ctx.actor, input.projectId).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) throw invalidField('projectId', 'error.not_found');
      throw error;
    });
    supply = { suppliedProjectId: project.id, suppliedOn: input.suppliedOn ?? todayInChina() };
  }
  const row = await updateAtVersion(
    tx,
    landParcels,
    { key: landParcels.id, keyValue: id, version: input.version },
    { status: input.status, ...supply },
  );
  await recordAudit(tx, ctx, {
    action: input.status === 'supplied' ? 'parcels.supply' : 'parcels.status',
    recordType: 'land_parcel',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(parcelAudit(before), parcelAudit(row)),
  });
  return loadParcel(tx, ctx, id);
}
