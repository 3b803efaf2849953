/** The contract of matters (问题协调): the closed loop 交办 → 签收 → 办理 → 反馈 → 复核 → 销号, its board and statistics. */
import { z } from 'zod';
import { MATTER_ENTRY_KINDS, MATTER_ESCALATION_LEVELS, MATTER_PRIORITIES, MATTER_SOURCES, MATTER_STATUSES } from '../enums';
import { MAX_ATTACHMENTS_PER_RECORD } from './attachments';
import { dictionaryCode, isoDate } from './projects';
import { abilities, optionalText, text, uuid, version } from './shared';

export { MATTER_ENTRY_KINDS, MATTER_ESCALATION_LEVELS, MATTER_PRIORITIES, MATTER_SOURCES, MATTER_STATUSES };
export type { MatterEntryKind, MatterEscalationLevel, MatterPriority, MatterSource, MatterStatus } from '../enums';

/** The longest description and step text a matter takes. */
export const MATTER_TEXT_MAX = 4000;
/** At most this many co-units on one matter. */
export const MATTER_CO_UNITS_MAX = 20;

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const escalationTargetSchema = z.object({
  unitId: z.string().optional(),
  userIds: z.array(z.string()).optional(),
  regionCode: z.string().optional(),
});

export const matterEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(MATTER_ENTRY_KINDS),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  text: z.string().nullable(),
  status: z.enum(MATTER_STATUSES),
  escalationLevel: z.enum(MATTER_ESCALATION_LEVELS).nullable(),
  escalationTarget: escalationTargetSchema.nullable(),
  /** Attachments come with the attachments part of issue 14. */
  attachmentIds: z.array(z.string()),
  createdAt: z.string(),
});

export const matterSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  source: z.enum(MATTER_SOURCES),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  priority: z.enum(MATTER_PRIORITIES),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  coUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  raisingUnitId: z.string(),
  raisingUnitName: z.string(),
  raisedBy: z.string(),
  deadline: z.string(),
  status: z.enum(MATTER_STATUSES),
  /** Open past its deadline (China Standard Time calendar days), and by how many days. */
  overdue: z.boolean(),
  daysOverdue: z.number(),
  escalationLevel: z.enum(MATTER_ESCALATION_LEVELS),
  escalatedAt: z.string().nullable(),
  escalationTarget: escalationTargetSchema.nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  /** accept, start, contribute, feedback, submitReview, close, sendBack: the steps the reader may take now. */
  abilities,
});

/** The monthly report a matter was raised from: the report and its period. */
export const matterSourceReportSchema = z.object({ id: z.string(), year: z.number(), month: z.number() });

/**
 * The visit an enterprise demand was raised in: the enterprise's name and the day for whoever sees the matter; the
 * visit's and the enterprise's ids only for a reader who sees the visit (else null: the page shows just the words).
 */
export const matterSourceVisitSchema = z.object({
  visitId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string(),
  visitDate: z.string(),
});

/**
 * One matter with its timeline, oldest entry first, the monthly report it was raised from (if it was) and the visit an
 * enterprise demand was raised in (if it was).
 */
export const matterDetailSchema = matterSchema.extend({
  sourceReport: matterSourceReportSchema.nullable(),
  sourceVisit: matterSourceVisitSchema.nullable(),
  entries: z.array(matterEntrySchema),
});

/** A matter raised from a monthly report, as the report lists it. */
export const reportMatterSchema = z.object({ id: z.string(), title: z.string(), status: z.enum(MATTER_STATUSES) });

/** What a matter says and whom it goes to: shared by raising one here and a demand raised in a visit (visits.ts). */
export const matterContent = {
  title: text(200),
  description: text(MATTER_TEXT_MAX),
  category: dictionaryCode,
  priority: z.enum(MATTER_PRIORITIES).optional(),
  leadUnitId: uuid,
  coUnitIds: z.array(uuid).max(MATTER_CO_UNITS_MAX).optional(),
  deadline: isoDate,
};

/** The co-units are not the lead unit and not named twice. */
export function refineCoUnits(body: { leadUnitId: string; coUnitIds?: string[] | undefined }, ctx: z.RefinementCtx) {
  if (body.coUnitIds?.includes(body.leadUnitId)) ctx.addIssue({ code: 'custom', path: ['coUnitIds'], message: 'matter.co_unit_is_lead' });
  if (body.coUnitIds && new Set(body.coUnitIds).size !== body.coUnitIds.length)
    ctx.addIssue({ code: 'custom', path: ['coUnitIds'], message: 'matter.co_unit_duplicate' });
}

/** Raising and assigning (交办) a matter. The district is the raiser's own; a project problem names its project. */
export const matterCreateBody = z
  .strictObject({
    source: z.enum(MATTER_SOURCES),
    projectId: uuid.nullable().optional(),
    /** The monthly report whose problems it is raised from (转为问题协调): one of the same project the raiser sees. */
    sourceReportId: uuid.nullable().optional(),
    ...matterContent,
  })
  .superRefine((body, ctx) => {
    if (body.source === 'project_problem' && !body.projectId)
      ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'matter.project_required' });
    refineCoUnits(body, ctx);
  });

/**
 * A step at the version read, with its text (required for input, feedback and sending back) and the matter's files it
 * cites as its evidence (uploaded to the matter first; a photo of the site, the signed reply).
 */
export const matterStepBody = z.strictObject({
  version,
  text: optionalText(MATTER_TEXT_MAX).optional(),
  attachmentIds: z.array(uuid).max(MAX_ATTACHMENTS_PER_RECORD).optional(),
});

/**
 * Reassigning (改派) an open matter at the version read: another lead unit, another deadline, or both, with the reason
 * (kept on its timeline).
 */
export const matterReassignBody = z
  .strictObject({ version, leadUnitId: uuid.optional(), deadline: isoDate.optional(), reason: text(MATTER_TEXT_MAX) })
  .superRefine((body, ctx) => {
    if (!body.leadUnitId && !body.deadline) ctx.addIssue({ code: 'custom', path: ['leadUnitId'], message: 'matter.reassign_nothing' });
  });

export const matterParam = z.strictObject({ id: uuid });

export const matterListQuery = z.strictObject({
  status: z.enum(MATTER_STATUSES).optional(),
  /** open: every state but closed. */
  open: booleanQuery.optional(),
  source: z.enum(MATTER_SOURCES).optional(),
  category: dictionaryCode.optional(),
  /** Lead unit or co-unit. */
  unitId: uuid.optional(),
  projectId: uuid.optional(),
  /** Raised from this monthly report (the report page's "转为问题协调"). */
  sourceReportId: uuid.optional(),
  overdue: booleanQuery.optional(),
  /** The district (a city or province reader's drill-down). */
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'format.regionCode')
    .optional(),
  page,
  pageSize,
});

export const MATTER_STATS_BY = ['unit', 'category', 'source'] as const;
export const matterStatsQuery = z.strictObject({
  by: z.enum(MATTER_STATS_BY).default('unit'),
  source: z.enum(MATTER_SOURCES).optional(),
  projectId: uuid.optional(),
});

/** One line of the statistics: raised, resolved (closed), resolution and on-time rates (0–1), average days to close. */
export const matterStatsLineSchema = z.object({
  key: z.string(),
  name: z.string(),
  raised: z.number(),
  resolved: z.number(),
  resolvedOnTime: z.number(),
  overdue: z.number(),
  resolutionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  averageDays: z.number().nullable(),
});
export const matterStatsSchema = z.object({
  by: z.enum(MATTER_STATS_BY),
  lines: z.array(matterStatsLineSchema),
  total: matterStatsLineSchema,
});
