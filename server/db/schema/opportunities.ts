import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES } from '../../../common/enums';
import { timestamps, versioned } from './columns';
import { regions, users } from './organisation';

/**
 * An item of a district's city opportunity list (城市机会清单): an application scenario, a land parcel, a building, a
 * cooperation project or a policy the government offers enterprises. Drafted, reviewed and published by the
 * investment staff; the published and unexpired ones are public, known there only by `public_id`.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The item's name on the public page and feed: random, unrelated to `id`, so hidden items cannot be guessed. */
    publicId: uuid('public_id').notNull().defaultRandom(),
    /** The district whose list it is. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: OPPORTUNITY_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Where in the district (a street, a park, an address), as the public reads it. */
    location: text('location'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    validFrom: date('valid_from').notNull(),
    /** The last day it is offered; null: until withdrawn. */
    validTo: date('valid_to'),
    status: text('status', { enum: OPPORTUNITY_STATUSES }).notNull().default('draft'),
    /** Why the reviewer returned it (kept until it is submitted again). */
    returnReason: text('return_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('opportunities_public_id_uq').on(t.publicId),
    index('opportunities_region_status_idx').on(t.regionCode, t.status),
    index('opportunities_published_idx').on(t.publishedAt).where(sql`${t.status} = 'published'`),
    check('opportunities_validity', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
