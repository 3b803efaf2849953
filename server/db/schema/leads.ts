import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { FOLLOW_UP_WAYS, LEAD_CLOCKS, LEAD_EVENT_KINDS, LEAD_METHODS, LEAD_STAGES } from '../../../common/enums';
import { timestamps, versioned, yuan } from './columns';
import { enterprises } from './enterprises';
import { regions, units, users } from './organisation';
import { projects } from './projects';

/** An outbound trip (外出招商) or a fair (展会): a source of leads, with its dates and the places it went to. */
export const leadEvents = pgTable(
  'lead_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district whose investment attraction it belongs to. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: LEAD_EVENT_KINDS }).notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The cities, fairs or enterprises visited. */
    places: text('places').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('lead_events_region_starts_idx').on(t.regionCode, t.startsOn),
    check('lead_events_dates', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * A lead (招商线索 / 在谈项目): an enterprise's intended investment the district courts, from its receipt through the
 * stages of common/domain/leads.ts to production, or dropped with a reason. Signing links it to a project.
 */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district it belongs to (its register is the district's, like the enterprises'). */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The intended project's name. */
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'restrict' }),
    method: text('method', { enum: LEAD_METHODS }).notNull(),
    eventId: uuid('event_id').references(() => leadEvents.id, { onDelete: 'set null' }),
    /** Who referred it (a business, an agent, a fellow townsman): feedback is owed to him within a week. */
    referrer: text('referrer'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    leaderId: uuid('leader_id').references(() => users.id),
    estimatedInvestmentYuan: yuan('estimated_investment_yuan'),
    /** Shares of the investment from outside the city, outside the province, from abroad (percent, nested). */
    outOfCityPercent: smallint('out_of_city_percent').notNull().default(0),
    outOfProvincePercent: smallint('out_of_province_percent').notNull().default(0),
    foreignPercent: smallint('foreign_percent').notNull().default(0),
    landMu: numeric('land_mu', { precision: 12, scale: 2, mode: 'number' }),
    spaceM2: numeric('space_m2', { precision: 12, scale: 2, mode: 'number' }),
    industryCode: text('industry_code'),
    /** A code of the industry_chain dictionary; the node by id (the chain maps' node, no FK) or by name. */
    chainCode: text('chain_code'),
    chainNodeId: uuid('chain_node_id'),
    chainNode: text('chain_node'),
    notes: text('notes'),
    stage: text('stage', { enum: LEAD_STAGES }).notNull().default('lead'),
    /** The day it reached its stage. */
    stageOn: date('stage_on').notNull(),
    /** The service clocks' dates (common/domain/leads.ts): received, first and last contact, assessed, feedback. */
    receivedOn: date('received_on').notNull(),
    firstContactOn: date('first_contact_on'),
    lastContactOn: date('last_contact_on'),
    assessedOn: date('assessed_on'),
    feedbackOn: date('feedback_on'),
    droppedReason: text('dropped_reason'),
    contractValueYuan: yuan('contract_value_yuan'),
    contractDate: date('contract_date'),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('leads_region_unit_stage_idx').on(t.regionCode, t.unitId, t.stage, t.updatedAt),
    index('leads_region_stage_idx').on(t.regionCode, t.stage, t.updatedAt),
    index('leads_project_idx').on(t.projectId),
    index('leads_enterprise_idx').on(t.enterpriseId),
    index('leads_event_idx').on(t.eventId),
    // The board of one unit, latest changed first (`updated_at desc`, so nulls first as the query orders): a page read
    // in order, not the unit's every lead sorted.
    index('leads_unit_updated_idx').on(t.unitId, t.updatedAt.desc().nullsFirst(), t.id),
    // A chain node's leads (the node drawer, GET /leads?chainNodeId=).
    index('leads_chain_node_idx').on(t.chainNodeId),
    check(
      'leads_shares_nested',
      sql`0 <= ${t.foreignPercent} and ${t.foreignPercent} <= ${t.outOfProvincePercent} and ${t.outOfProvincePercent} <= ${t.outOfCityPercent} and ${t.outOfCityPercent} <= 100`,
    ),
    check('leads_dropped_reason', sql`${t.stage} <> 'dropped' or ${t.droppedReason} is not null`),
  ],
);

/** Every stage a lead reached: from, to, the day, why (dropping), who — the conversion figures' days between stages. */
export const leadStageMoves = pgTable(
  'lead_stage_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: LEAD_STAGES }),
    toStage: text('to_stage', { enum: LEAD_STAGES }).notNull(),
    on: date('on').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_stage_moves_lead_idx').on(t.leadId, t.on)],
);

/** A follow-up contact of a lead (跟进记录): the day, how, what was said, the next step. */
export const leadFollowUps = pgTable(
  'lead_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    on: date('on').notNull(),
    way: text('way', { enum: FOLLOW_UP_WAYS }).notNull(),
    text: text('text').notNull(),
    nextStep: text('next_step'),
    /** The referrer was given feedback in this contact (the feedback clock). */
    toReferrer: boolean('to_referrer').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_follow_ups_lead_idx').on(t.leadId, t.on)],
);

/** A reminder sent for a clock that ran out: once per lead, clock and due day. */
export const leadClockReminders = pgTable(
  'lead_clock_reminders',
  {
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    clock: text('clock', { enum: LEAD_CLOCKS }).notNull(),
    dueOn: date('due_on').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.leadId, t.clock, t.dueOn] })],
);
