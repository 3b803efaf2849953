import { sql } from 'drizzle-orm';
import { check, numeric, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versioned, yuan } from './columns';
import { enterprises } from './enterprises';
import { regions, users } from './organisation';

/**
 * An enterprise's figures for a year (亩均效益): the land it uses (亩), the tax it paid and the output it made (元),
 * the energy it used (吨标准煤, when known). Only local industrial enterprises have them (the service's rule).
 */
export const enterpriseLandFigures = pgTable(
  'enterprise_land_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    landMu: numeric('land_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    taxYuan: yuan('tax_yuan').notNull(),
    outputYuan: yuan('output_yuan').notNull(),
    energyTce: numeric('energy_tce', { precision: 14, scale: 2, mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('enterprise_land_figures_year_uq').on(t.enterpriseId, t.year),
    check('enterprise_land_figures_land_positive', sql`${t.landMu} > 0`),
    check('enterprise_land_figures_amounts', sql`${t.taxYuan} >= 0 and ${t.outputYuan} >= 0`),
    check('enterprise_land_figures_energy', sql`${t.energyTce} is null or ${t.energyTce} >= 0`),
  ],
);

/**
 * A district's 亩均效益 thresholds for a year: the minimum tax and output per 亩 (万元/亩) of classes A, B and C
 * (A ≥ B ≥ C); an enterprise reaching none is D (common/domain/land-efficiency.ts).
 */
export const landEfficiencyThresholds = pgTable(
  'land_efficiency_thresholds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: smallint('year').notNull(),
    aTaxWanPerMu: numeric('a_tax_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    aOutputWanPerMu: numeric('a_output_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    bTaxWanPerMu: numeric('b_tax_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    bOutputWanPerMu: numeric('b_output_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    cTaxWanPerMu: numeric('c_tax_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    cOutputWanPerMu: numeric('c_output_wan_per_mu', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('land_efficiency_thresholds_region_year_uq').on(t.regionCode, t.year),
    check(
      'land_efficiency_thresholds_ordered',
      sql`${t.cTaxWanPerMu} >= 0 and ${t.cOutputWanPerMu} >= 0 and ${t.bTaxWanPerMu} >= ${t.cTaxWanPerMu} and ${t.bOutputWanPerMu} >= ${t.cOutputWanPerMu} and ${t.aTaxWanPerMu} >= ${t.bTaxWanPerMu} and ${t.aOutputWanPerMu} >= ${t.bOutputWanPerMu}`,
    ),
  ],
);
