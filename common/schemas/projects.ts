import { z } from 'zod';
import { CUSTOM_FIELD_KEY, CUSTOM_TEXT_MAX } from '../domain/custom-fields';
import { GATE_CONDITIONS } from '../domain/gates';
import { PLAN_DATE_FIELDS } from '../domain/plan-dates';
import { GOVERNED_PROJECT_FIELDS } from '../domain/project-fields';
import { MAX_CUSTOM_FIELDS } from './custom-fields';
import { abilities, listQuery, optionalText, text, uuid, version } from './shared';

import {
  APPROVAL_STATUSES,
  APPROVAL_TYPES,
  CHAIN_SEGMENTS,
  FEASIBILITY_STATUSES,
  MILESTONE_KINDS,
  NATURES,
  POOLS,
  PROJECT_LEVELS,
  WARNING_COLOURS,
} from '../enums';

// Re-exported: the server names them from here, with their schemas.
export { APPROVAL_STATUSES, APPROVAL_TYPES, CHAIN_SEGMENTS, FEASIBILITY_STATUSES, MILESTONE_KINDS, NATURES, POOLS };
export type { Pool } from '../enums';

/** The largest amount of money the API accepts: 10万亿元 in 元. */
export const MAX_YUAN = 10_000_000_000_000;
// The range first, so a figure past 10 万亿 (even one too large to be a safe integer) is called too large, not fractional.
export const yuanAmount = z.number().min(0, 'format.yuanNegative').max(MAX_YUAN, 'format.yuanTooLarge').int('format.yuanInteger');
/** A point [longitude, latitude], inside China as a project's `longitude` and `latitude` are. */
const lngLat = z.tuple([z.number().min(73).max(136), z.number().min(3).max(54)]);
const sameCorner = (a: readonly number[] | undefined, b: readonly number[] | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];
/** One closed ring of an outline: at least three corners, the last point repeating the first (GeoJSON). */
const outlineRing = z
  .array(lngLat)
  .min(4, 'format.outlineRing')
  .max(2001, 'format.outlineTooLarge')
  .refine((points) => sameCorner(points[0], points.at(-1)), 'format.outlineRing');
/** The outline of a project's site (用地范围) on the map: a GeoJSON Polygon, its outer ring first, at most 9 holes. */
export const siteOutline = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(outlineRing).min(1).max(10) });
export type SiteOutline = z.infer<typeof siteOutline>;
/** A calendar date the database and the date arithmetic can both hold (years 1900–2199). */
export const isoDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2199-12-31', 'format.dateRange');
export const dictionaryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,16}$/, 'format.code');
const streetCode = z.string().regex(/^\d{9}$/, 'format.streetCode');

const projectFields = {
  name: text(200),
  code: optionalText(40).nullable(),
  ownerName: optionalText(200).nullable(),
  constructionContent: optionalText(4000).nullable(),
  categoryCode: dictionaryCode.nullable(),
  industryCode: dictionaryCode.nullable(),
  leadingIndustryCode: dictionaryCode.nullable(),
  isProvincialKey: z.boolean(),
  isCityKey: z.boolean(),
  isDistrictKey: z.boolean(),
  namedLists: z.array(text(100)).max(20),
  nature: z.enum(NATURES),
  approvalType: z.enum(APPROVAL_TYPES).nullable(),
  streetCode: streetCode.nullable(),
  clusterCode: dictionaryCode.nullable(),
  parkCode: dictionaryCode.nullable(),
  longitude: z.number().min(73).max(136).nullable(),
  latitude: z.number().min(3).max(54).nullable(),
  outline: siteOutline.nullable(),
  totalInvestmentYuan: yuanAmount.nullable(),
  fixedAssetInvestmentYuan: yuanAmount.nullable(),
  /** 期初累计完成投资: investment completed before the project's reports in Lantu (元), with the month's last day it is
   * as of; since-start figures add it to the approved reports of the months after. Both or neither. */
  openingCompletedYuan: yuanAmount.nullable(),
  openingCompletedAsOf: isoDate.nullable(),
  /** 是否需要新增用地: null = not stated (the land gate then fails). */
  needsLand: z.boolean().nullable(),
  landSecured: z.boolean(),
  landAreaMu: z.number().min(0).max(1_000_000).nullable(),
  floorAreaM2: z.number().min(0).max(100_000_000).nullable(),
  demolitionM2: z.number().min(0).max(100_000_000).nullable(),
  resettlementUnits: z.number().int().min(0).max(1_000_000).nullable(),
  plannedStart: isoDate.nullable(),
  plannedCompletion: isoDate.nullable(),
  actualStart: isoDate.nullable(),
  actualCompletion: isoDate.nullable(),
  leadUnitId: uuid,
  coUnitIds: z.array(uuid).max(50),
  leaderIds: z.array(uuid).max(10),
  contactName: optionalText(64).nullable(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, 'format.phone')
    .nullable(),
  taskForce: optionalText(500).nullable(),
  proposal: optionalText(4000).nullable(),
  feasibilityStatus: z.enum(FEASIBILITY_STATUSES).nullable(),
  feasibilityApprovedOn: isoDate.nullable(),
  chainCode: dictionaryCode.nullable(),
  chainSegment: z.enum(CHAIN_SEGMENTS).nullable(),
  chainNode: optionalText(100).nullable(),
  expectedOutputYuan: yuanAmount.nullable(),
  expectedTaxYuan: yuanAmount.nullable(),
  /** Custom field values by key, checked against the district's definitions (common/domain/custom-fields.ts); null clears. */
  customValues: z
    .record(z.string().regex(CUSTOM_FIELD_KEY, 'format.customFieldKey'), z.union([z.string().max(CUSTOM_TEXT_MAX), z.number(), z.null()]))
    .refine((values) => Object.keys(values).length <= MAX_CUSTOM_FIELDS, 'customValue.too_many'),
};

/** Creating a project: name and lead unit are required, everything else optional (a planning-pool idea is thin). */
export const projectCreateBody = z.strictObject(projectFields).partial().required({ name: true, leadUnitId: true });
export const projectUpdateBody = z
  .strictObject({
    ...projectFields,
    /** Why the 项目代码 changed, when it does (kept in the code history). */
    codeChangeReason: optionalText(200),
  })
  .partial()
  .extend({ version });
export type ProjectInput = z.infer<ReturnType<typeof z.strictObject<typeof projectFields>>>;

export const projectSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  codeRegionCode: z.string().nullable(),
  codeRegionName: z.string().nullable(),
  ownerName: z.string().nullable(),
  constructionContent: z.string().nullable(),
  categoryCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  leadingIndustryCode: z.string().nullable(),
  isProvincialKey: z.boolean(),
  isCityKey: z.boolean(),
  isDistrictKey: z.boolean(),
  namedLists: z.array(z.string()),
  nature: z.enum(NATURES),
  approvalType: z.enum(APPROVAL_TYPES).nullable(),
  streetCode: z.string().nullable(),
  streetName: z.string().nullable(),
  clusterCode: z.string().nullable(),
  parkCode: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  outline: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }).nullable(),
  totalInvestmentYuan: z.number().nullable(),
  fixedAssetInvestmentYuan: z.number().nullable(),
  openingCompletedYuan: z.number().nullable(),
  openingCompletedAsOf: z.string().nullable(),
  needsLand: z.boolean().nullable(),
  landSecured: z.boolean(),
  landAreaMu: z.number().nullable(),
  floorAreaM2: z.number().nullable(),
  demolitionM2: z.number().nullable(),
  resettlementUnits: z.number().nullable(),
  plannedStart: z.string().nullable(),
  plannedCompletion: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualCompletion: z.string().nullable(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  coUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  leaders: z.array(z.object({ id: z.string(), name: z.string() })),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  taskForce: z.string().nullable(),
  proposal: z.string().nullable(),
  feasibilityStatus: z.enum(FEASIBILITY_STATUSES).nullable(),
  feasibilityApprovedOn: z.string().nullable(),
  chainCode: z.string().nullable(),
  chainSegment: z.enum(CHAIN_SEGMENTS).nullable(),
  chainNode: z.string().nullable(),
  expectedOutputYuan: z.number().nullable(),
  expectedTaxYuan: z.number().nullable(),
  pool: z.enum(POOLS),
  poolChangedAt: z.string(),
  withdrawnReason: z.string().nullable(),
  customValues: z.record(z.string(), z.union([z.string(), z.number()])),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The warning colour (红黄绿灯); null before it is first computed and for a withdrawn project. */
  warning: z.enum(WARNING_COLOURS).nullable(),
  abilities,
  /** Fields the reader may not change although he may edit the project (the project office's, project.govern). */
  lockedFields: z.array(z.enum(GOVERNED_PROJECT_FIELDS)),
  /** The header dates the project's plan decides (its 开工/竣工 milestones): edited in the plan, read-only here. */
  datesFromPlan: z.array(z.enum(PLAN_DATE_FIELDS)),
});
export type Project = z.infer<typeof projectSchema>;

/** What the list's filters match, summed: the count, total investment and the year's annual-plan investment (元). */
export const projectTotalsSchema = z.object({
  count: z.number(),
  /** More matched than the list counts exactly (10,000): the sums are left out rather than summing a part. */
  capped: z.boolean(),
  /** The year of `annualPlanYuan`: the list's `year` filter, or this year in China. */
  year: z.number(),
  totalInvestmentYuan: z.number().nullable(),
  annualPlanYuan: z.number().nullable(),
});
export type ProjectTotals = z.infer<typeof projectTotalsSchema>;

/** The compact row lists and exports use. */
export const projectListItemSchema = projectSchema
  .pick({
    id: true,
    name: true,
    code: true,
    pool: true,
    nature: true,
    categoryCode: true,
    industryCode: true,
    isProvincialKey: true,
    isCityKey: true,
    totalInvestmentYuan: true,
    leadUnitId: true,
    leadUnitName: true,
    leaders: true,
    streetName: true,
    plannedStart: true,
    plannedCompletion: true,
    updatedAt: true,
    version: true,
    customValues: true,
    abilities: true,
  })
  .extend({
    /** The warning colour (红黄绿灯); null before it is first computed and for a withdrawn project. */
    warning: z.enum(WARNING_COLOURS).nullable(),
  });
export type ProjectListItem = z.infer<typeof projectListItemSchema>;

/** A comma-separated query parameter (`pool=planning,advancing`) read as a list. */
export const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(item).max(50));

const customFilterBound = z.union([z.number(), z.string().max(10)]);
/**
 * `custom={"phase":"一期","capacity":{"from":10,"to":20}}`: projects whose custom field equals the value (any type), or
 * whose number or date field lies in the range (either end may be left out). Conditions are combined with "and".
 */
const customValuesFilter = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'customField.filter_invalid' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .record(
        z.string().regex(CUSTOM_FIELD_KEY, 'format.customFieldKey'),
        z.union([
          z.string().max(200),
          z.number(),
          z.strictObject({ from: customFilterBound.optional(), to: customFilterBound.optional() }),
        ]),
        'customField.filter_invalid',
      )
      .refine((filter) => Object.keys(filter).length <= 10, 'customField.filter_invalid'),
  )
  .meta({
    description: 'Custom field filter, a JSON object: {"<key>": value} for equality, {"<key>": {"from": a, "to": b}} for a range',
    example: '{"phase":"一期"}',
  });
export type CustomValuesFilter = z.infer<typeof customValuesFilter>;

export const projectListQuery = listQuery.extend({
  pool: csv(z.enum(POOLS)).optional(),
  nature: csv(z.enum(NATURES)).optional(),
  level: csv(z.enum(PROJECT_LEVELS)).optional(),
  categoryCode: csv(dictionaryCode).optional(),
  industryCode: csv(dictionaryCode).optional(),
  leadUnitId: csv(uuid).optional(),
  leaderId: uuid.optional(),
  streetCode: csv(streetCode).optional(),
  /** Districts (6-digit region codes): a city or province reader's drill-down into one district. */
  regionCode: csv(z.string().regex(/^\d{6}$/, 'format.regionCode')).optional(),
  clusterCode: csv(dictionaryCode).optional(),
  parkCode: csv(dictionaryCode).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Projects that actually started (开工) in the year: 新开工 as counted, not as planned (`nature=new_start`). */
  startedIn: z.coerce.number().int().min(2000).max(2100).optional(),
  custom: customValuesFilter.optional(),
  /** Warning colours (红黄绿灯), comma-separated: red,yellow. */
  warning: csv(z.enum(WARNING_COLOURS)).optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const poolMoveBody = z.strictObject({ to: z.enum(POOLS), reason: optionalText(500).optional(), version });
export const gateCheckSchema = z.object({
  from: z.enum(POOLS),
  to: z.enum(POOLS),
  allowed: z.boolean(),
  conditions: z.array(z.object({ key: z.string(), met: z.boolean(), label: z.string() })),
});
export const poolMoveSchema = z.object({
  id: z.string(),
  fromPool: z.enum(POOLS),
  toPool: z.enum(POOLS),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

/**
 * A project's history, newest first: its creation, pool moves and 项目代码 changes, and every other change of it as the
 * audit log keeps it (`event`: fields, plan, approvals, funding, annual plans, reports, matters), worded by the page.
 */
export const projectTimelineSchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['created', 'pool_move', 'code_change', 'event']),
      actorName: z.string().nullable(),
      /** The pool or code before (null for a first code or the creation). */
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
      /** An event's audit action (`projects.update`, `approval_items.update` …), record type and values; else null. */
      action: z.string().nullable(),
      recordType: z.string().nullable(),
      /** Leaders and units by name, not id. */
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
      /** What a report's or a matter's event is about, which its values do not keep: the report's month (2026-10), the matter's title. */
      about: z.object({ month: z.string().optional(), title: z.string().optional() }).nullable(),
    }),
  ),
});
export type ProjectTimeline = z.infer<typeof projectTimelineSchema>;

const gateConditionList = z.array(z.enum(GATE_CONDITIONS)).max(GATE_CONDITIONS.length);
const approvalTypeCodes = z.array(dictionaryCode).max(30);
const gateConfigFields = {
  /** The conditions of each forward move; a move left out has no conditions. */
  gates: z.strictObject({
    'planning->advancing': gateConditionList.optional(),
    'advancing->implementing': gateConditionList.optional(),
    'implementing->completed': gateConditionList.optional(),
  }),
  /** Approval item types (dictionary `approval_item_type`) each approval type needs before construction. */
  requiredApprovals: z.strictObject({
    approval: approvalTypeCodes.optional(),
    ratification: approvalTypeCodes.optional(),
    filing: approvalTypeCodes.optional(),
  }),
};
/** Replacing a district's gate configuration; `version` is 0 while the district still uses the defaults. */
export const gateConfigBody = z.strictObject({ ...gateConfigFields, version: z.number().int().min(0).max(2_147_483_647) });
export const gateConfigSchema = z.object({
  regionCode: z.string(),
  ...gateConfigFields,
  /** True while the district has not saved its own configuration and the defaults apply. */
  isDefault: z.boolean(),
  /** Every condition a gate can require, named in the reader's language as the move checklist names it. */
  conditionLabels: z.record(z.enum(GATE_CONDITIONS), z.string()),
  version: z.number(),
  abilities,
});
export type GateConfigView = z.infer<typeof gateConfigSchema>;

/** Someone who can be put in charge of a project (包挂领导): a leader of the district, with his unit. */
export const leaderOptionSchema = z.object({ id: z.string(), name: z.string(), unitName: z.string() });
export const leaderOptionListSchema = z.object({ items: z.array(leaderOptionSchema) });
export type LeaderOption = z.infer<typeof leaderOptionSchema>;
