import { z } from 'zod';
import { CARRIER_USES, PARCEL_STATUSES } from '../enums';
import { regionCode } from './organisation';
import { csv, dictionaryCode, isoDate, siteOutline } from './projects';
import { abilities, listQuery, optionalText, text, uuid, version } from './shared';

export { CARRIER_USES, PARCEL_STATUSES };

/** A measure the API accepts: not negative, at most `max`, two decimals kept (the database's scale). */
const measure = (max: number) => z.number().min(0, 'format.notNegative').max(max, 'format.tooLarge');
const positiveMeasure = (max: number) => z.number().gt(0, 'format.positive').max(max, 'format.tooLarge');
const industries = z.array(dictionaryCode).max(20);

const parkFields = {
  name: text(100),
  /** A code of the cluster dictionary (组团). */
  clusterCode: dictionaryCode.nullable(),
  areaMu: positiveMeasure(10_000_000).nullable(),
  /** Codes of the industry_chain dictionary. */
  leadingIndustries: industries,
  outline: siteOutline.nullable(),
  description: optionalText(2000).nullable(),
};
export const parkCreateBody = z.strictObject({
  ...parkFields,
  clusterCode: parkFields.clusterCode.default(null),
  areaMu: parkFields.areaMu.default(null),
  leadingIndustries: parkFields.leadingIndustries.default([]),
  outline: parkFields.outline.default(null),
  description: parkFields.description.default(null),
  regionCode: regionCode.optional(),
});
export type ParkCreateBody = z.infer<typeof parkCreateBody>;
export const parkUpdateBody = z
  .strictObject({ ...parkFields, version })
  .partial()
  .required({ version: true });
export type ParkUpdateBody = z.infer<typeof parkUpdateBody>;

const buildingFields = {
  name: text(100),
  use: z.enum(CARRIER_USES),
  floors: z.number().int().min(1).max(200),
  totalAreaM2: positiveMeasure(10_000_000),
  vacantAreaM2: measure(10_000_000),
  /** 元/m²/day. */
  rentYuanPerM2Day: measure(10_000).nullable(),
  longitude: z.number().min(73).max(136).nullable(),
  latitude: z.number().min(3).max(54).nullable(),
};
export const buildingCreateBody = z.strictObject({
  ...buildingFields,
  rentYuanPerM2Day: buildingFields.rentYuanPerM2Day.default(null),
  longitude: buildingFields.longitude.default(null),
  latitude: buildingFields.latitude.default(null),
});
export type BuildingCreateBody = z.infer<typeof buildingCreateBody>;
export const buildingUpdateBody = z
  .strictObject({ ...buildingFields, version })
  .partial()
  .required({ version: true });
export type BuildingUpdateBody = z.infer<typeof buildingUpdateBody>;

/** A 标准地's preset standards; each may be left empty, but a 标准地 states its investment intensity. */
export const landStandard = z.strictObject({
  /** 万元/亩 at least. */
  investmentIntensityWan: positiveMeasure(1_000_000),
  /** 万元/亩 a year. */
  outputPerMuWan: measure(1_000_000).nullable().default(null),
  taxPerMuWan: measure(1_000_000).nullable().default(null),
  plotRatio: measure(100).nullable().default(null),
  /** 吨标准煤/万元 at most. */
  energyPerUnit: measure(1000).nullable().default(null),
});
export type LandStandardBody = z.infer<typeof landStandard>;

const parcelFields = {
  /** The parcel's number in the land reserve (地块编号). */
  code: text(40),
  name: text(200),
  parkId: uuid.nullable(),
  areaMu: positiveMeasure(1_000_000),
  plannedUse: z.enum(CARRIER_USES),
  industries,
  outline: siteOutline.nullable(),
  /** null: not a 标准地. */
  standard: landStandard.nullable(),
};
export const parcelCreateBody = z.strictObject({
  ...parcelFields,
  parkId: parcelFields.parkId.default(null),
  industries: parcelFields.industries.default([]),
  outline: parcelFields.outline.default(null),
  standard: parcelFields.standard.default(null),
  /** A new parcel is in the reserve or already available; it is supplied only through its status. */
  status: z.enum(['reserve', 'available']).default('reserve'),
  regionCode: regionCode.optional(),
});
export type ParcelCreateBody = z.infer<typeof parcelCreateBody>;
export const parcelUpdateBody = z
  .strictObject({ ...parcelFields, version })
  .partial()
  .required({ version: true });
export type ParcelUpdateBody = z.infer<typeof parcelUpdateBody>;

/** Moves a parcel one step on: reserve → available, or available → supplied (to a project, on a date). */
export const parcelStatusBody = z.strictObject({
  status: z.enum(PARCEL_STATUSES),
  projectId: uuid.optional(),
  suppliedOn: isoDate.optional(),
  version,
});
export type ParcelStatusBody = z.infer<typeof parcelStatusBody>;

export const buildingSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  use: z.enum(CARRIER_USES),
  floors: z.number().int(),
  totalAreaM2: z.number(),
  vacantAreaM2: z.number(),
  rentYuanPerM2Day: z.number().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  version: z.number().int(),
  abilities,
});
export type Building = z.infer<typeof buildingSchema>;

const outlineJson = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }).nullable();

export const parkSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  clusterCode: z.string().nullable(),
  clusterName: z.string().nullable(),
  areaMu: z.number().nullable(),
  leadingIndustries: z.array(z.string()),
  outline: outlineJson,
  description: z.string().nullable(),
  buildings: z.array(buildingSchema),
  totals: z.object({ buildings: z.number().int(), totalAreaM2: z.number(), vacantAreaM2: z.number(), parcels: z.number().int() }),
  version: z.number().int(),
  abilities,
});
export type Park = z.infer<typeof parkSchema>;

export const parcelSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  parkId: z.string().nullable(),
  parkName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  areaMu: z.number(),
  plannedUse: z.enum(CARRIER_USES),
  industries: z.array(z.string()),
  status: z.enum(PARCEL_STATUSES),
  suppliedProject: z.object({ id: z.string(), name: z.string() }).nullable(),
  suppliedOn: z.string().nullable(),
  outline: outlineJson,
  standard: z
    .object({
      investmentIntensityWan: z.number(),
      outputPerMuWan: z.number().nullable(),
      taxPerMuWan: z.number().nullable(),
      plotRatio: z.number().nullable(),
      energyPerUnit: z.number().nullable(),
    })
    .nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities,
});
export type Parcel = z.infer<typeof parcelSchema>;

export const parkListQuery = listQuery.extend({ clusterCode: csv(dictionaryCode).optional() });
export type ParkListQuery = z.infer<typeof parkListQuery>;

export const parcelListQuery = listQuery.extend({
  status: csv(z.enum(PARCEL_STATUSES)).optional(),
  parkId: uuid.optional(),
  plannedUse: csv(z.enum(CARRIER_USES)).optional(),
  /** true: only 标准地. */
  standard: z.enum(['true', 'false']).optional(),
});
export type ParcelListQuery = z.infer<typeof parcelListQuery>;
/** The parcels sheet's download: the list's filters, every match, no paging. */
export const parcelExportQuery = parcelListQuery.omit({ page: true, pageSize: true });

/**
 * A need to match (招商供地一体化): land in 亩 and/or floor area in m², with the use, the industry (industry_chain
 * code), the planned investment (万元) and the rent budget (元/m²/day). A lead passes its own needs the same way.
 */
export const matchQuery = z.strictObject({
  landMu: z.coerce.number().gt(0, 'format.positive').max(1_000_000, 'format.tooLarge').optional(),
  floorAreaM2: z.coerce.number().gt(0, 'format.positive').max(10_000_000, 'format.tooLarge').optional(),
  use: z.enum(CARRIER_USES).optional(),
  industry: dictionaryCode.optional(),
  investmentWan: z.coerce.number().gt(0, 'format.positive').max(100_000_000, 'format.tooLarge').optional(),
  maxRentYuan: z.coerce.number().gt(0, 'format.positive').max(10_000, 'format.tooLarge').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MatchQuery = z.infer<typeof matchQuery>;

export const matchSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['parcel', 'building']),
      id: z.string(),
      name: z.string(),
      code: z.string().nullable(),
      parkId: z.string().nullable(),
      parkName: z.string().nullable(),
      use: z.enum(CARRIER_USES),
      /** 亩 for a parcel, m² vacant for a building. */
      area: z.number(),
      standard: z.boolean(),
      rentYuanPerM2Day: z.number().nullable(),
      score: z.number(),
      reasons: z.array(z.object({ code: z.string(), good: z.boolean(), text: z.string() })),
    }),
  ),
  /** How many free carriers were weighed. */
  considered: z.number().int(),
});
export type MatchResponse = z.infer<typeof matchSchema>;
