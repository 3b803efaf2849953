import type { Building, Parcel, Park } from '../../../common/schemas/carriers';
import type { Actor } from '../../lib/actor';
import { carrierAbilities } from './policy';
import type { BuildingRecord, ParcelRow, ParkRow } from './repository';

/** A building as the API answers it. */
export function presentBuilding(actor: Actor, row: BuildingRecord): Building {
  return {
    id: row.id,
    parkId: row.parkId,
    name: row.name,
    use: row.use,
    floors: row.floors,
    totalAreaM2: row.totalAreaM2,
    vacantAreaM2: row.vacantAreaM2,
    rentYuanPerM2Day: row.rentYuanPerM2Day,
    longitude: row.longitude,
    latitude: row.latitude,
    version: row.version,
    abilities: carrierAbilities(actor),
  };
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

/** A park with its buildings and their totals (floor area, vacant) and its count of parcels. */
export function presentPark(actor: Actor, row: ParkRow, parkBuildings: BuildingRecord[]): Park {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionName,
    name: row.name,
    clusterCode: row.clusterCode,
    clusterName: row.clusterName,
    areaMu: row.areaMu,
    leadingIndustries: row.leadingIndustries,
    outline: row.outline ?? null,
    description: row.description,
    buildings: parkBuildings.map((b) => presentBuilding(actor, b)),
    totals: {
      buildings: parkBuildings.length,
      totalAreaM2: sum(parkBuildings.map((b) => b.totalAreaM2)),
      vacantAreaM2: sum(parkBuildings.map((b) => b.vacantAreaM2)),
      parcels: row.parcelCount,
    },
    version: row.version,
    abilities: carrierAbilities(actor),
  };
}

/** A parcel with its 标准地 standards (null when it is none) and the project it was supplied to. */
export function presentParcel(actor: Actor, row: ParcelRow): Parcel {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionName,
    parkId: row.parkId,
    parkName: row.parkName,
    code: row.code,
    name: row.name,
    areaMu: row.areaMu,
    plannedUse: row.plannedUse,
    industries: row.industries,
    status: row.status,
    suppliedProject: row.suppliedProjectId ? { id: row.suppliedProjectId, name: row.projectName ?? '' } : null,
    suppliedOn: row.suppliedOn,
    outline: row.outline ?? null,
    standard:
      row.stdInvestmentWanPerMu === null
        ? null
        : {
            investmentIntensityWan: row.stdInvestmentWanPerMu,
            outputPerMuWan: row.stdOutputWanPerMu,
            taxPerMuWan: row.stdTaxWanPerMu,
            plotRatio: row.stdPlotRatio,
            energyPerUnit: row.stdEnergyPerUnit,
          },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: carrierAbilities(actor),
  };
}
