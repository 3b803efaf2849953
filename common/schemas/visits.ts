/** The contract of visits to enterprises (走访) and the demands raised in them (企业诉求, matters of the loop). */
import { z } from 'zod';
import { MATTER_STATUSES } from '../enums';
import { matterContent, refineCoUnits } from './matters';
import { isoDate } from './projects';
import { abilities, listQuery, optionalText, text, uuid, version } from './shared';

/** At most this many demands are raised in one visit, and this many visitors go. */
export const VISIT_DEMANDS_MAX = 20;
export const VISITORS_MAX = 20;

/** A demand the enterprise raised: a matter of source enterprise_demand (title, category, lead unit, deadline …). */
export const visitDemandBody = z.strictObject(matterContent).superRefine(refineCoUnits);

const visitFields = {
  visitDate: isoDate,
  /** Visitors who use the platform. */
  visitorUserIds: z.array(uuid).max(VISITORS_MAX),
  /** Visitors named freely. */
  visitorNames: z.array(text(50)).max(VISITORS_MAX),
  purpose: text(500),
  notes: optionalText(4000).nullable(),
};

/** Recording a visit: the enterprise, the visiting unit (the recorder's own unless told), and the demands raised. */
export const visitCreateBody = z
  .strictObject({
    ...visitFields,
    enterpriseId: uuid,
    unitId: uuid.optional(),
    visitorUserIds: visitFields.visitorUserIds.default([]),
    visitorNames: visitFields.visitorNames.default([]),
    notes: visitFields.notes.default(null),
    demands: z.array(visitDemandBody).max(VISIT_DEMANDS_MAX).default([]),
  })
  .superRefine((body, ctx) => {
    if (body.visitorUserIds.length + body.visitorNames.length === 0)
      ctx.addIssue({ code: 'custom', path: ['visitorNames'], message: 'visit.visitors_required' });
  });
export type VisitCreateBody = z.infer<typeof visitCreateBody>;

/** Correcting a visit's record at the version read (its demands live on as matters). */
export const visitUpdateBody = z
  .strictObject({ ...visitFields, version })
  .partial()
  .required({ version: true });
export type VisitUpdateBody = z.infer<typeof visitUpdateBody>;

/** A demand of a visit as the visit shows it: the matter and where it stands. */
export const visitDemandSchema = z.object({
  matterId: z.string(),
  title: z.string(),
  status: z.enum(MATTER_STATUSES),
  leadUnitName: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  closedOn: z.string().nullable(),
});

export const visitSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  visitDate: z.string(),
  visitors: z.array(z.object({ userId: z.string().nullable(), name: z.string() })),
  purpose: z.string(),
  notes: z.string().nullable(),
  demands: z.array(visitDemandSchema),
  createdAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Visit = z.infer<typeof visitSchema>;

/** The visits list: q in the enterprise's name or the purpose; by enterprise, unit and a span of days. */
export const visitListQuery = listQuery.extend({
  enterpriseId: uuid.optional(),
  unitId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;
/** The visits sheet's download: the list's filters, every match, no paging. */
export const visitExportQuery = visitListQuery.omit({ page: true, pageSize: true });

export const VISIT_STATS_BY = ['unit', 'month'] as const;
export const visitStatsQuery = z.strictObject({
  by: z.enum(VISIT_STATS_BY).default('unit'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  enterpriseId: uuid.optional(),
});

/** One line: visits made, demands raised, resolved (closed), resolved on or before the deadline; the rates (0–1). */
export const visitStatsLineSchema = z.object({
  key: z.string(),
  name: z.string(),
  visits: z.number().int(),
  demands: z.number().int(),
  resolved: z.number().int(),
  onTime: z.number().int(),
  resolutionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});
export const visitStatsSchema = z.object({
  by: z.enum(VISIT_STATS_BY),
  year: z.number().int(),
  lines: z.array(visitStatsLineSchema),
  total: visitStatsLineSchema,
});
