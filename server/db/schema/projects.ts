import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHAIN_SEGMENTS, FEASIBILITY_STATUSES, type SiteOutline } from '../../../common/schemas/projects';
import { regions, units, users } from './organisation';
import { timestamps, versioned, yuan } from './columns';

export const POOLS = ['planning', 'advancing', 'implementing', 'completed', 'withdrawn'] as const;

/** A key investment project (重点项目): identity, classification, place, money, land, dates, responsibility, pool. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district that owns the project (the lead unit's district). */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    /** Pinyin initials of the name (天桥广场 → tqgc), for search. */
    namePinyin: text('name_pinyin').notNull().default(''),
    /** 项目代码, normalised; empty while in planning. Unique per region. */
    code: text('code'),
    /** The GB/T 2260 region read from segment 2 of the code. */
    codeRegionCode: text('code_region_code'),
    ownerName: text('owner_name'),
    constructionContent: text('construction_content'),
    categoryCode: text('category_code'),
    industryCode: text('industry_code'),
    leadingIndustryCode: text('leading_industry_code'),
    isProvincialKey: boolean('is_provincial_key').notNull().default(false),
    isCityKey: boolean('is_city_key').notNull().default(false),
    isDistrictKey: boolean('is_district_key').notNull().default(true),
    namedLists: text('named_lists').array().notNull().default(sql`'{}'::text[]`),
    nature: text('nature', { enum: ['new_start', 'continuing', 'completing', 'reserve'] })
      .notNull()
      .default('reserve'),
    approvalType: text('approval_type', { enum: ['approval', 'ratification', 'filing'] }),
    streetCode: text('street_code').references(() => regions.code),
    clusterCode: text('cluster_code'),
    parkCode: text('park_code'),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    outline: jsonb('outline').$type<SiteOutline>(),
    totalInvestmentYuan: yuan('total_investment_yuan'),
    fixedAssetInvestmentYuan: yuan('fixed_asset_investment_yuan'),
    /** 期初累计完成投资: investment completed before the project's reports in Lantu, as of the month ending on
     * `openingCompletedAsOf` (a month's last day). Since-start figures add it to the approved reports of later months
     * (docs/adr/0010-opening-completed-investment.md); both null when nothing was completed before Lantu. */
    openingCompletedYuan: yuan('opening_completed_yuan'),
    openingCompletedAsOf: date('opening_completed_as_of'),
    /** Whether the project needs new land (是否需要新增用地): null while nobody has said (the land gate then fails). */
    needsLand: boolean('needs_land'),
    landSecured: boolean('land_secured').notNull().default(false),
    landAreaMu: numeric('land_area_mu', { precision: 12, scale: 2, mode: 'number' }),
    floorAreaM2: numeric('floor_area_m2', { precision: 14, scale: 2, mode: 'number' }),
    demolitionM2: numeric('demolition_m2', { precision: 14, scale: 2, mode: 'number' }),
    resettlementUnits: integer('resettlement_units'),
    plannedStart: date('planned_start'),
    plannedCompletion: date('planned_completion'),
    actualStart: date('actual_start'),
    actualCompletion: date('actual_completion'),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    taskForce: text('task_force'),
    // The planning track (策划): the proposal, the feasibility study, the place on an industry chain (a chain of the
    // `industry_chain` dictionary, its segment and node), and the yearly output and tax expected once in production.
    proposal: text('proposal'),
    feasibilityStatus: text('feasibility_status', { enum: FEASIBILITY_STATUSES }),
    feasibilityApprovedOn: date('feasibility_approved_on'),
    chainCode: text('chain_code'),
    chainSegment: text('chain_segment', { enum: CHAIN_SEGMENTS }),
    chainNode: text('chain_node'),
    expectedOutputYuan: yuan('expected_output_yuan'),
    expectedTaxYuan: yuan('expected_tax_yuan'),
    pool: text('pool', { enum: POOLS }).notNull().default('planning'),
    poolChangedAt: timestamp('pool_changed_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnReason: text('withdrawn_reason'),
    /** Values of the administrator's custom fields for the project's category, keyed by field key. */
    customValues: jsonb('custom_values').notNull().default({}),
    /** The warning colour as a rank (1 green, 2 yellow, 3 red; null until first computed), written only by the warnings
     * module's recompute (server/modules/warnings), so the list filters and sorts by it; reasons in project_warnings. */
    warningLevel: smallint('warning_level'),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('projects_region_code_uq').on(t.regionCode, t.code),
    // A district's projects by pool, with the lead unit the data scope tests: the list's count reads it alone (an
    // index-only scan where the table is vacuumed), without visiting the rows.
    index('projects_region_pool_unit_idx').on(t.regionCode, t.pool, t.leadUnitId),
    index('projects_lead_unit_idx').on(t.leadUnitId),
    index('projects_name_idx').on(t.name.op('text_pattern_ops')),
    index('projects_pinyin_idx').on(t.namePinyin.op('text_pattern_ops')),
    // Trigram indexes serve "contains" search on the name and its pinyin initials at 100,000 projects.
    index('projects_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('projects_pinyin_trgm_idx').using('gin', t.namePinyin.op('gin_trgm_ops')),
    // The list's default order (newest change first) and its largest-investment-first order read straight from an
    // index, and the 项目代码 prefix search, at 100,000 projects.
    index('projects_updated_id_idx').on(t.updatedAt.desc().nullsLast(), t.id),
    index('projects_investment_id_idx').on(t.totalInvestmentYuan.desc().nullsLast(), t.id),
    index('projects_code_prefix_idx').on(t.code.op('text_pattern_ops')),
    // The list by name (pinyin, then name; also within a pool): the ORDER BY uses the database's collation, which the
    // text_pattern_ops indexes above cannot serve. A pool with the default or investment order needs no index of its
    // own: a common pool is found within the first few hundred entries of the order's index, a rare one through
    // projects_region_pool_unit_idx and a sort of its few rows (EXPLAIN ANALYZE at 100,133 projects, operations.md).
    index('projects_name_order_idx').on(t.namePinyin, t.name, t.id),
    // The list filtered (and ordered) by warning colour within a district, with the lead unit the data scope tests,
    // so that counting a colour's 25,000 projects is an index-only scan (22 ms through the table before).
    index('projects_region_warning_unit_idx').on(t.regionCode, t.warningLevel, t.leadUnitId),
    // The red, then yellow, projects largest first (the dashboard's and the 通报's attention list): read in this order
    // and stopped at the list's length instead of sorting a district's 50,000 coloured projects (bench/targets.ts).
    index('projects_warning_investment_idx').on(t.warningLevel.desc().nullsLast(), t.totalInvestmentYuan.desc().nullsLast(), t.id),
    // The dashboard figures' 新开工 of the current year counts a whole year's starts; the few started later in the
    // year than today (a date entered ahead) are taken off through this index.
    index('projects_actual_start_idx').on(t.actualStart),
    // The projects a reader of the `own` scope created: one of the ways to the matters he sees (matters/repository.ts).
    index('projects_created_by_idx').on(t.createdBy),
  ],
);

/** The leaders in charge (包挂领导) of a project; a leader sees every project listed here. */
export const projectLeaders = pgTable(
  'project_leaders',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_leaders_user_idx').on(t.userId)],
);

/** Co-operating units (配合单位). */
export const projectCoUnits = pgTable(
  'project_co_units',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.unitId] })],
);

/** Every 项目代码 a project has carried, with why it changed (re-issued, corrected). */
export const projectCodeHistory = pgTable(
  'project_code_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    previousCode: text('previous_code'),
    code: text('code'),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_code_history_project_idx').on(t.projectId)],
);

/** Every move between pools: who, when, from, to, why. */
export const poolMoves = pgTable(
  'pool_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromPool: text('from_pool').notNull(),
    toPool: text('to_pool').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pool_moves_project_idx').on(t.projectId, t.at)],
);

/** Approval items (立项 track): type from the dictionary, status, dates, document number. */
/** Per-region configuration of the pool gates; absent rows mean the defaults of DOMAIN.md. */
export const gateConfigs = pgTable('gate_configs', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  /** `{ "planning->advancing": ["owner", …], … }` — condition names from the fixed catalogue in common. */
  gates: jsonb('gates').notNull(),
  /** Approval item types required per approval type: `{ "filing": ["project_filing", …], … }`. */
  requiredApprovals: jsonb('required_approvals').notNull(),
  ...versioned,
  ...timestamps,
});

/** Plan templates per project category, applied in one click. */
