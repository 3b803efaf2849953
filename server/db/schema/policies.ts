import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { POLICY_DELIVERY_STATES } from '../../../common/enums';
import type { PolicyConditions } from '../../../common/domain/policy-fit';
import { timestamps, versioned } from './columns';
import { enterprises } from './enterprises';
import { regions, users } from './organisation';

/**
 * A preferential policy (惠企政策) of a district: its text, issuer and validity, and the conditions of the
 * enterprises it fits (common/domain/policy-fit.ts). Pushed to the fitting enterprises, each push a delivery.
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Who issued it (区工信局, 区政府办公室 …), as written on the document. */
    issuer: text('issuer').notNull(),
    validFrom: date('valid_from').notNull(),
    /** The last day it applies; null: until revoked. */
    validTo: date('valid_to'),
    conditions: jsonb('conditions').$type<PolicyConditions>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [index('policies_region_idx').on(t.regionCode, t.validFrom)],
);

/** A policy delivered to one enterprise: told (告知) → applied (申报) → granted (兑现), each step dated. */
export const policyDeliveries = pgTable(
  'policy_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    state: text('state', { enum: POLICY_DELIVERY_STATES }).notNull().default('told'),
    toldAt: timestamp('told_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    grantedAt: timestamp('granted_at', { withTimezone: true }),
    toldBy: uuid('told_by')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('policy_deliveries_policy_enterprise_uq').on(t.policyId, t.enterpriseId),
    index('policy_deliveries_enterprise_idx').on(t.enterpriseId),
  ],
);
