import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versioned } from './columns';
import { regions } from './organisation';

export const customFieldDefs = pgTable(
  'custom_field_defs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    categoryCode: text('category_code'),
    key: text('key').notNull(),
    label: text('label').notNull(),
    labelEn: text('label_en').notNull(),
    type: text('type', { enum: ['text', 'number', 'date', 'choice'] }).notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex('custom_field_defs_region_key_uq').on(t.regionCode, t.key)],
);
