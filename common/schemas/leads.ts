import { z } from 'zod';
import { FOLLOW_UP_WAYS, LEAD_CLOCKS, LEAD_EVENT_KINDS, LEAD_METHODS, LEAD_STAGES } from '../enums';
import { csv, dictionaryCode, isoDate, yuanAmount } from './projects';
import { abilities, listQuery, optionalText, text, uuid, version } from './shared';

export { FOLLOW_UP_WAYS, LEAD_CLOCKS, LEAD_EVENT_KINDS, LEAD_METHODS, LEAD_STAGES };

const percent = z.number().int('format.percentInteger').min(0, 'format.percentRange').max(100, 'format.percentRange');
const area = z.number().min(0).max(1_000_000_000);

// ——— source events (outbound trips and fairs) ———

const eventFields = {
  kind: z.enum(LEAD_EVENT_KINDS),
  name: text(200),
  startsOn: isoDate,
  endsOn: isoDate,
  places: z.array(text(100)).max(30),
  notes: optionalText(2000).nullable(),
};
export const leadEventCreateBody = z.strictObject({
  ...eventFields,
  places: eventFields.places.default([]),
  notes: eventFields.notes.default(null),
});
export type LeadEventCreateBody = z.infer<typeof leadEventCreateBody>;
export const leadEventUpdateBody = z
  .strictObject({ ...eventFields, version })
  .partial()
  .required({ version: true });
export type LeadEventUpdateBody = z.infer<typeof leadEventUpdateBody>;

export const leadEventSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  kind: z.enum(LEAD_EVENT_KINDS),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  places: z.array(z.string()),
  notes: z.string().nullable(),
  /** The leads it produced (in the reader's reach). */
  leadCount: z.number().int(),
  version: z.number().int(),
  abilities,
});
export type LeadEvent = z.infer<typeof leadEventSchema>;
export const leadEventListQuery = listQuery.extend({ kind: z.enum(LEAD_EVENT_KINDS).optional() });

// ——— leads ———

const leadFields = {
  name: text(200),
  enterpriseId: uuid.nullable(),
  method: z.enum(LEAD_METHODS),
  eventId: uuid.nullable(),
  referrer: optionalText(100).nullable(),
  ownerId: uuid,
  unitId: uuid,
  leaderId: uuid.nullable(),
  estimatedInvestmentYuan: yuanAmount.nullable(),
  outOfCityPercent: percent,
  outOfProvincePercent: percent,
  foreignPercent: percent,
  landMu: area.nullable(),
  spaceM2: area.nullable(),
  industryCode: dictionaryCode.nullable(),
  chainCode: dictionaryCode.nullable(),
  chainNodeId: uuid.nullable(),
  chainNode: optionalText(100).nullable(),
  notes: optionalText(4000).nullable(),
  /** The day it came in (the service clocks start here); today when left out. */
  receivedOn: isoDate,
};

export const leadCreateBody = z.strictObject({
  ...leadFields,
  enterpriseId: leadFields.enterpriseId.default(null),
  eventId: leadFields.eventId.default(null),
  referrer: leadFields.referrer.default(null),
  /** The owner (跟进人): the reader when left out; the unit: the owner's unit when left out. */
  ownerId: leadFields.ownerId.optional(),
  unitId: leadFields.unitId.optional(),
  leaderId: leadFields.leaderId.default(null),
  estimatedInvestmentYuan: leadFields.estimatedInvestmentYuan.default(null),
  outOfCityPercent: percent.default(0),
  outOfProvincePercent: percent.default(0),
  foreignPercent: percent.default(0),
  landMu: leadFields.landMu.default(null),
  spaceM2: leadFields.spaceM2.default(null),
  industryCode: leadFields.industryCode.default(null),
  chainCode: leadFields.chainCode.default(null),
  chainNodeId: leadFields.chainNodeId.default(null),
  chainNode: leadFields.chainNode.default(null),
  notes: leadFields.notes.default(null),
  receivedOn: isoDate.optional(),
});
export type LeadCreateBody = z.infer<typeof leadCreateBody>;

export const leadUpdateBody = z
  .strictObject({ ...leadFields, version })
  .partial()
  .required({ version: true });
export type LeadUpdateBody = z.infer<typeof leadUpdateBody>;

/** A move to the next stage or to dropped (with a reason); signing has its own route. */
export const leadStageBody = z.strictObject({
  to: z.enum(LEAD_STAGES),
  /** The day the stage was reached: today when left out. */
  on: isoDate.optional(),
  reason: optionalText(500).nullable().default(null),
  version,
});
export type LeadStageBody = z.infer<typeof leadStageBody>;

/** Signing: the contract, and the project it becomes — a new one in planning or advancing, or one already there. */
export const leadSignBody = z.strictObject({
  contractValueYuan: yuanAmount.nullable(),
  contractDate: isoDate.nullable(),
  /** The pool a new project starts in; ignored when `projectId` links an existing project. */
  pool: z.enum(['planning', 'advancing']).default('planning'),
  projectId: uuid.nullable().default(null),
  version,
});
export type LeadSignBody = z.infer<typeof leadSignBody>;

export const followUpCreateBody = z.strictObject({
  on: isoDate,
  way: z.enum(FOLLOW_UP_WAYS),
  text: text(2000),
  nextStep: optionalText(500).nullable().default(null),
  toReferrer: z.boolean().default(false),
});
export type FollowUpCreateBody = z.infer<typeof followUpCreateBody>;

export const followUpSchema = z.object({
  id: z.string(),
  on: z.string(),
  way: z.enum(FOLLOW_UP_WAYS),
  text: z.string(),
  nextStep: z.string().nullable(),
  toReferrer: z.boolean(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const overdueClockSchema = z.object({ clock: z.enum(LEAD_CLOCKS), dueOn: z.string(), daysOverdue: z.number().int() });

export const leadSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable(),
  method: z.enum(LEAD_METHODS),
  event: z.object({ id: z.string(), name: z.string(), kind: z.enum(LEAD_EVENT_KINDS) }).nullable(),
  referrer: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  estimatedInvestmentYuan: z.number().nullable(),
  outOfCityPercent: z.number().int(),
  outOfProvincePercent: z.number().int(),
  foreignPercent: z.number().int(),
  landMu: z.number().nullable(),
  spaceM2: z.number().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  chainCode: z.string().nullable(),
  chainName: z.string().nullable(),
  chainNodeId: z.string().nullable(),
  chainNode: z.string().nullable(),
  notes: z.string().nullable(),
  stage: z.enum(LEAD_STAGES),
  stageOn: z.string(),
  receivedOn: z.string(),
  lastContactOn: z.string().nullable(),
  droppedReason: z.string().nullable(),
  contractValueYuan: z.number().nullable(),
  contractDate: z.string().nullable(),
  project: z.object({ id: z.string(), name: z.string(), pool: z.string() }).nullable(),
  /** The service clocks that have run out, earliest first (empty when none). */
  overdue: z.array(overdueClockSchema),
  /** The stages the reader may move it to now (the page's buttons); `signed` means the sign dialog. */
  nextStages: z.array(z.enum(LEAD_STAGES)),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Lead = z.infer<typeof leadSchema>;

export const leadStageMoveSchema = z.object({
  from: z.enum(LEAD_STAGES).nullable(),
  to: z.enum(LEAD_STAGES),
  on: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
});
export const leadDetailSchema = leadSchema.extend({
  followUps: z.array(followUpSchema),
  moves: z.array(leadStageMoveSchema),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const leadListQuery = listQuery.extend({
  stage: csv(z.enum(LEAD_STAGES)).optional(),
  unitId: uuid.optional(),
  method: csv(z.enum(LEAD_METHODS)).optional(),
  ownerId: uuid.optional(),
  enterpriseId: uuid.optional(),
  eventId: uuid.optional(),
  projectId: uuid.optional(),
  /** The leads placed on one node of a chain map (产业链环节). */
  chainNodeId: uuid.optional(),
  industryCode: dictionaryCode.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type LeadListQuery = z.infer<typeof leadListQuery>;

// ——— conversion figures ———

export const LEAD_STATS_GROUPS = ['unit', 'method', 'industry', 'month'] as const;
export const leadStatsQuery = z.strictObject({
  by: z.enum(LEAD_STATS_GROUPS).default('unit'),
  /** Signed from / to (contract dates), inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type LeadStatsQuery = z.infer<typeof leadStatsQuery>;

/** Signed → registered → started → funds in → in production: how many reached each, rates and median days. */
export const leadStatsLineSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  signed: z.number().int(),
  registered: z.number().int(),
  started: z.number().int(),
  fundsIn: z.number().int(),
  inProduction: z.number().int(),
  /** Each stage's count over the one before it (null when the one before is 0). */
  rates: z.object({
    registered: z.number().nullable(),
    started: z.number().nullable(),
    fundsIn: z.number().nullable(),
    inProduction: z.number().nullable(),
  }),
  /** Median days from the stage before (null when no lead made that step). */
  medianDays: z.object({
    registered: z.number().nullable(),
    started: z.number().nullable(),
    fundsIn: z.number().nullable(),
    inProduction: z.number().nullable(),
  }),
  contractValueYuan: z.number(),
  investmentYuan: z.number(),
  /** The out-of-city part of the signed leads' estimated investment, and its share of it. */
  outOfCityYuan: z.number(),
  outOfCityShare: z.number().nullable(),
});
export const leadStatsSchema = z.object({ by: z.enum(LEAD_STATS_GROUPS), lines: z.array(leadStatsLineSchema), total: leadStatsLineSchema });
export type LeadStats = z.infer<typeof leadStatsSchema>;
