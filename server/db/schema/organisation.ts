import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
/** Optimistic concurrency: every table users edit carries a version that each update increments. */
const versioned = { version: integer('version').notNull().default(1) };

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'district', 'street'] }).notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    /** Codes from the root down, each followed by '/', so a subtree is a prefix match. */
    path: text('path').notNull(),
    ...versioned,
    ...timestamps,
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_path_idx').on(t.path.op('text_pattern_ops'))],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind', { enum: ['office', 'bureau', 'street', 'park', 'enterprise', 'other'] }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    /** Unit ids from the root down, each followed by '/'. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: uuid('created_by'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('units_region_idx').on(t.regionCode),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').on(t.path.op('text_pattern_ops')),
    uniqueIndex('units_region_name_uq').on(t.regionCode, t.parentId, t.name),
  ],
);

export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
  /**
   * The default permissions Lantu has granted this role so far. A release that adds a permission to a built-in
   * role's defaults grants it once, at start-up; one the administrator has taken away is never given back.
   */
  grantedDefaults: text('granted_defaults').array().notNull().default(sql`'{}'::text[]`),
  defaultScope: text('default_scope', { enum: ['region', 'unit_tree', 'unit', 'own', 'custom'] }).notNull(),
  /** Members must sign in with a second factor (TOTP); on by default for `admin`. */
  requireTotp: boolean('require_totp').notNull().default(false),
  ...versioned,
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    dataScope: text('data_scope', { enum: ['region', 'unit_tree', 'unit', 'own', 'custom'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** The TOTP secret, encrypted with a key derived from the server secret; null until the user enrols. */
    totpSecret: text('totp_secret'),
    /** When the user confirmed enrolment with a first valid code; null = TOTP off. */
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Keyed hashes of the unused one-time recovery codes. */
    totpRecoveryHashes: text('totp_recovery_hashes').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    locale: text('locale', { enum: ['zh-CN', 'en-US'] })
      .notNull()
      .default('zh-CN'),
    createdBy: uuid('created_by'),
    ...versioned,
    ...timestamps,
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`), index('users_unit_idx').on(t.unitId)],
);

/** The units a user with the `custom` data scope may see. */
export const userScopeUnits = pgTable(
  'user_scope_units',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);
