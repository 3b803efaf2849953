import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, numeric, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CARRIER_USES, CHAIN_PLACEMENT_ROLES, PARCEL_STATUSES } from '../../../common/enums';
import { CHAIN_SEGMENTS, type SiteOutline } from '../../../common/schemas/projects';
import { timestamps, versioned } from './columns';
import { enterprises } from './enterprises';
import { regions, users } from './organisation';
import { projects } from './projects';

// Investment attraction's maps (招商): industry chains (产业链图谱) with their nodes and the enterprises on them, and the
// carriers (载体) an investor can be offered — parks, their buildings, land parcels with their 标准地 standards.

/** An industry chain of a district (新型功能材料, 智能制造装备, 医疗器械 …). */
export const industryChains = pgTable(
  'industry_chains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** A code of the industry_chain dictionary when the chain is one of it (links it to projects' chain_code). */
    code: text('code'),
    name: text('name').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex('industry_chains_region_name_uq').on(t.regionCode, t.name)],
);

/** A link (环节) of a chain, in its segment: 上游 / 中游 / 下游. */
export const chainNodes = pgTable(
  'chain_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chainId: uuid('chain_id')
      .notNull()
      .references(() => industryChains.id, { onDelete: 'cascade' }),
    segment: text('segment', { enum: CHAIN_SEGMENTS }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** The order within the segment (left to right on the map). */
    position: smallint('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('chain_nodes_chain_name_uq').on(t.chainId, t.name),
    index('chain_nodes_chain_idx').on(t.chainId, t.segment, t.position),
  ],
);

/** An enterprise of the register on a node: one of the district's own (local) or one to attract (target). */
export const chainPlacements = pgTable(
  'chain_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => chainNodes.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    role: text('role', { enum: CHAIN_PLACEMENT_ROLES }).notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('chain_placements_node_enterprise_uq').on(t.nodeId, t.enterpriseId),
    index('chain_placements_enterprise_idx').on(t.enterpriseId),
  ],
);

/** A park (园区) of a district, in one of its clusters (组团). */
export const parks = pgTable(
  'parks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    /** A code of the cluster dictionary (组团). */
    clusterCode: text('cluster_code'),
    /** The planned area, 亩. */
    areaMu: numeric('area_mu', { precision: 12, scale: 2, mode: 'number' }),
    /** Codes of the industry_chain dictionary: the park's leading industries (主导产业). */
    leadingIndustries: text('leading_industries').array().notNull().default(sql`'{}'::text[]`),
    outline: jsonb('outline').$type<SiteOutline>(),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex('parks_region_name_uq').on(t.regionCode, t.name)],
);

/** A building (楼宇) of a park with floor area to let: total and vacant, m²; rent 元/m²/day. */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    use: text('use', { enum: CARRIER_USES }).notNull(),
    floors: smallint('floors').notNull(),
    totalAreaM2: numeric('total_area_m2', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    vacantAreaM2: numeric('vacant_area_m2', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    rentYuanPerM2Day: numeric('rent_yuan_per_m2_day', { precision: 8, scale: 2, mode: 'number' }),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('buildings_park_name_uq').on(t.parkId, t.name),
    index('buildings_vacant_idx').on(t.vacantAreaM2),
    check('buildings_vacant_within_total', sql`${t.vacantAreaM2} >= 0 and ${t.vacantAreaM2} <= ${t.totalAreaM2}`),
  ],
);

/**
 * A land parcel (地块) of a district, 亩, with its planned use and status: reserve (储备) → available (待供) → supplied
 * (已供, to the project that received it). A 标准地 carries preset standards (investment intensity and output and tax
 * per 亩 in 万元, plot ratio, energy per unit of output).
 */
export const landParcels = pgTable(
  'land_parcels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    parkId: uuid('park_id').references(() => parks.id, { onDelete: 'set null' }),
    /** The parcel's number in the land reserve (地块编号). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    areaMu: numeric('area_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    plannedUse: text('planned_use', { enum: CARRIER_USES }).notNull(),
    /** Codes of the industry_chain dictionary the parcel is meant for. */
    industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: PARCEL_STATUSES }).notNull().default('reserve'),
    suppliedProjectId: uuid('supplied_project_id').references(() => projects.id),
    suppliedOn: date('supplied_on'),
    outline: jsonb('outline').$type<SiteOutline>(),
    /** 标准地: minimum investment intensity, 万元/亩 (null: not a 标准地). */
    stdInvestmentWanPerMu: numeric('std_investment_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }),
    stdOutputWanPerMu: numeric('std_output_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }),
    stdTaxWanPerMu: numeric('std_tax_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }),
    stdPlotRatio: numeric('std_plot_ratio', { precision: 6, scale: 2, mode: 'number' }),
    /** Energy per unit of value added, 吨标准煤/万元 (at most). */
    stdEnergyPerUnit: numeric('std_energy_per_unit', { precision: 8, scale: 3, mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('land_parcels_region_code_uq').on(t.regionCode, t.code),
    index('land_parcels_region_status_idx').on(t.regionCode, t.status, t.areaMu),
    index('land_parcels_project_idx').on(t.suppliedProjectId),
    check('land_parcels_supplied_has_project', sql`(${t.status} = 'supplied') = (${t.suppliedProjectId} is not null)`),
  ],
);

export type ChainRow = typeof industryChains.$inferSelect;
export type ChainNodeRow = typeof chainNodes.$inferSelect;
export type PlacementRecord = typeof chainPlacements.$inferSelect;
export type ParkRecord = typeof parks.$inferSelect;
export type BuildingRecord = typeof buildings.$inferSelect;
export type ParcelRecord = typeof landParcels.$inferSelect;
