import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, versioned } from './columns';
import { enterprises } from './enterprises';
import { matters } from './matters';
import { regions, units, users } from './organisation';

/**
 * A visit to an enterprise (走访): a unit's people (users of the platform and others named freely) went to see an
 * enterprise on a day, for a purpose, and wrote notes. The demands the enterprise raised became matters
 * (`visit_demands`) that go round the matters loop.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district of the enterprise visited (and of the visiting unit). */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    /** The unit that visited: it records and sees its own visits. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    visitDate: date('visit_date').notNull(),
    /** Visitors who are users of the platform. */
    visitorUserIds: uuid('visitor_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Visitors named freely (a leader not on the platform, a bank's manager …). */
    visitorNames: text('visitor_names').array().notNull().default(sql`'{}'::text[]`),
    purpose: text('purpose').notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('visits_region_date_idx').on(t.regionCode, t.visitDate),
    index('visits_enterprise_idx').on(t.enterpriseId, t.visitDate),
    index('visits_unit_idx').on(t.unitId, t.visitDate),
  ],
);

/** A demand an enterprise raised in a visit: a matter of source `enterprise_demand`, in the order raised. */
export const visitDemands = pgTable(
  'visit_demands',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.matterId] }), index('visit_demands_matter_idx').on(t.matterId)],
);
