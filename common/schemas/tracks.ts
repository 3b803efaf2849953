/** The contract of a project's tracks: approval items, funding lines, the plan and its templates, annual plans, progress. */
import { z } from 'zod';
import { APPROVAL_STATUSES, MILESTONE_KINDS, dictionaryCode, isoDate, yuanAmount } from './projects';
import { abilities, optionalText, text, uuid, version } from './shared';

export const approvalItemSchema = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  appliedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export const approvalItemCreateBody = z.strictObject({
  typeCode: dictionaryCode,
  status: z.enum(APPROVAL_STATUSES).optional(),
  appliedOn: isoDate.nullable().optional(),
  approvedOn: isoDate.nullable().optional(),
  documentNumber: optionalText(100).nullable().optional(),
  note: optionalText(500).nullable().optional(),
});
export const approvalItemUpdateBody = approvalItemCreateBody.omit({ typeCode: true }).extend({ version });

export const fundingLineSchema = z.object({
  id: z.string(),
  sourceCode: z.string(),
  sourceName: z.string(),
  plannedYuan: z.number(),
  appliedYuan: z.number(),
  approvedYuan: z.number(),
  receivedYuan: z.number(),
  note: z.string().nullable(),
  version: z.number(),
});
export const fundingLineCreateBody = z.strictObject({
  sourceCode: dictionaryCode,
  plannedYuan: yuanAmount.optional(),
  appliedYuan: yuanAmount.optional(),
  approvedYuan: yuanAmount.optional(),
  receivedYuan: yuanAmount.optional(),
  note: optionalText(500).nullable().optional(),
});
export const fundingLineUpdateBody = fundingLineCreateBody.omit({ sourceCode: true }).extend({ version });

export const milestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  durationDays: z.number(),
  predecessorIds: z.array(z.string()),
  actualStart: z.string().nullable(),
  actualFinish: z.string().nullable(),
  /** The approval item type the milestone is bound to (dictionary `approval_item_type`), or null. */
  approvalTypeCode: z.string().nullable(),
  /**
   * The project's approval item of that type when it has one: then the milestone's actual finish is that item's
   * approval date (reached when it is approved, not before) and cannot be typed in the plan.
   */
  approval: z.object({ typeName: z.string(), status: z.enum(APPROVAL_STATUSES), approvedOn: z.string().nullable() }).nullable(),
  /** The day the milestone is planned for; the 开工 and 竣工 milestones' are the project's planned start and completion. */
  plannedFinish: z.string().nullable(),
  sortOrder: z.number(),
  earliestStart: z.string().nullable(),
  earliestFinish: z.string().nullable(),
  latestStart: z.string().nullable(),
  latestFinish: z.string().nullable(),
  floatDays: z.number().nullable(),
  critical: z.boolean(),
  overdue: z.boolean(),
});
/** The whole plan is saved at once: ids of new milestones are client-chosen UUIDs so predecessors can refer to them. */
export const planBody = z.strictObject({
  milestones: z
    .array(
      z.strictObject({
        id: uuid,
        name: text(100),
        kind: z.enum(MILESTONE_KINDS),
        durationDays: z.number().int().min(0).max(3650),
        predecessorIds: z.array(uuid).max(50),
        actualStart: isoDate.nullable().optional(),
        actualFinish: isoDate.nullable().optional(),
        approvalTypeCode: dictionaryCode.nullable().optional(),
        plannedFinish: isoDate.nullable().optional(),
      }),
    )
    .max(200),
  version,
});
export const planSchema = z.object({
  projectId: z.string(),
  startDate: z.string().nullable(),
  deadline: z.string().nullable(),
  earliestCompletion: z.string().nullable(),
  feasible: z.boolean(),
  milestones: z.array(milestoneSchema),
  /** The project's version: saving a plan bumps it, so two people editing a plan cannot overwrite each other. */
  version: z.number(),
});
export const planTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  categoryCode: z.string().nullable(),
  items: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(MILESTONE_KINDS),
      durationDays: z.number(),
      predecessors: z.array(z.number()),
      /** The approval item type the milestone is bound to, if any (null or absent: none). */
      approvalTypeCode: z.string().nullish(),
    }),
  ),
  /** Send it back when saving the template's milestones, so two editors cannot overwrite each other. */
  version: z.number(),
});

export const annualPlanSchema = z.object({
  id: z.string(),
  year: z.number(),
  versionNo: z.number(),
  plannedYuan: z.number(),
  monthlyYuan: z.array(z.number()),
  reason: z.string().nullable(),
  frozen: z.boolean(),
  frozenAt: z.string().nullable(),
  version: z.number(),
});
export const annualPlanBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  plannedYuan: yuanAmount,
  monthlyYuan: z.array(yuanAmount).length(12),
  /** Required for an adjustment of a frozen baseline (年中调整). */
  reason: optionalText(500).optional(),
  /**
   * The year's current version as the editor read it (`current` of `GET …/annual-plans?year=`: its `id` and
   * `version`), or null when the year had none. Anything else than the year's current version answers 409
   * `version_conflict` and nothing is written, so two people editing the draft never overwrite each other unseen.
   */
  basedOn: z.strictObject({ id: uuid, version }).nullable(),
});

const year = z.coerce.number().int().min(2000).max(2100);
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,16}$/, 'format.code');

/** A route about one project. */
export const projectParam = z.strictObject({ id: uuid });
/** A route about one approval item of a project. */
export const approvalItemParam = z.strictObject({ id: uuid, itemId: uuid });
/** A route about one funding line of a project. */
export const fundingLineParam = z.strictObject({ id: uuid, lineId: uuid });
/** A route about one version of a project's annual plan. */
export const annualPlanParam = z.strictObject({ id: uuid, planId: uuid });
/**
 * Freezing a version: the `version` of it as the person freezing read it, so that only figures they saw are frozen
 * (another version answers 409 `version_conflict`).
 */
export const annualPlanFreezeBody = z.strictObject({ version });

/** A project's approval items, with what the actor may do to them (the same for every item of the project). */
export const approvalItemListSchema = z.object({ items: z.array(approvalItemSchema), abilities });

/** The sums of a funding plan's columns, in 元. */
export const fundingTotalsSchema = z.object({
  plannedYuan: z.number(),
  appliedYuan: z.number(),
  approvedYuan: z.number(),
  receivedYuan: z.number(),
});
/** A project's funding plan by source, with the totals row the ledger shows. */
export const fundingLineListSchema = z.object({ items: z.array(fundingLineSchema), totals: fundingTotalsSchema, abilities });

/** Plan templates for one project category, or all of them. */
export const planTemplateQuery = z.strictObject({ categoryCode: code.optional() });
/** The plan templates a project can start from. */
export const planTemplateListSchema = z.object({ items: z.array(planTemplateSchema) });
/** Which template replaces the plan, and the project's version the editor started from. */
export const applyTemplateBody = z.strictObject({ templateId: uuid, version });

/** A route about one plan template. */
export const planTemplateParam = z.strictObject({ id: uuid });
/**
 * A template's milestones in order, replacing the stored ones (the project office, `project.configure`). Each
 * milestone's binding is one of: none; an approval item type (`approvalTypeCode`, reached when the project's approval
 * item of that type is approved); the project's planned start or completion (`kind` start / completion). Predecessors
 * are indexes of earlier milestones. A type bound twice, an unknown type, a type on a 开工/竣工 milestone, a second
 * 开工 or 竣工, a predecessor not earlier: 422 `plan_template_invalid` naming the field, nothing saved.
 */
export const planTemplateBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        name: text(100),
        kind: z.enum(MILESTONE_KINDS),
        durationDays: z.number().int().min(0).max(3650),
        predecessors: z.array(z.number().int().min(0).max(199)).max(50),
        approvalTypeCode: dictionaryCode.nullable().optional(),
      }),
    )
    .min(1)
    .max(200),
  version,
});

/** The office's report of unbound milestones, optionally of projects whose name contains `q`. */
export const unboundMilestoneQuery = z.strictObject({ q: optionalText(100).optional() });
/**
 * A plan milestone left unbound although its name binds it to an approval item type (施工许可 ↔ 建筑工程施工许可证),
 * because the project's approval item of that type says another day than the plan (migration 0027 bound only where
 * they agreed). `approvalDate` is the item's approval day once approved, else null; `planDate` the milestone's actual
 * finish. `bindable`: the reader may bind it (`project.plan` on the project).
 */
export const unboundMilestoneSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  projectVersion: z.number(),
  milestoneId: z.string(),
  milestoneName: z.string(),
  approvalTypeCode: z.string(),
  approvalTypeName: z.string(),
  planDate: z.string().nullable(),
  approvalDate: z.string().nullable(),
  bindable: z.boolean(),
});
export const unboundMilestoneListSchema = z.object({ items: z.array(unboundMilestoneSchema) });
/** A milestone of a project's plan. */
export const milestoneParam = z.strictObject({ id: uuid, milestoneId: uuid });
/** Binding a milestone to its approval item: the project's version the office read (the plan's version). */
export const bindMilestoneBody = z.strictObject({ version });

/** The year whose annual plan versions to show; this year by default. */
export const annualPlanQuery = z.strictObject({ year: year.optional() });
/** Every version of one year's annual plan, newest first, with the current version and the frozen baseline. */
export const annualPlanListSchema = z.object({
  year: z.number(),
  items: z.array(annualPlanSchema),
  current: annualPlanSchema.nullable(),
  baseline: annualPlanSchema.nullable(),
  abilities,
});

/** What completion is compared with: the share of the year elapsed, or the share of the monthly plan due. */
export const TIME_BASES = ['calendar', 'monthly'] as const;
/** The year and date of a progress figure (this year, today by default) and its basis. */
export const progressQuery = z.strictObject({
  year: year.optional(),
  asOf: isoDate.optional(),
  /** `calendar`: share of the year elapsed (时间进度, the default); `monthly`: the cumulative monthly plan due. */
  basis: z.enum(TIME_BASES).optional(),
});
/** A project's completion against time, as `completionAgainstTime` computes it, with where its figures come from. */
export const projectProgressSchema = z.object({
  projectId: z.string(),
  year: z.number(),
  asOf: z.string(),
  basis: z.enum(TIME_BASES),
  annualPlanId: z.string().nullable(),
  annualPlanVersionNo: z.number().nullable(),
  completedYuan: z.number(),
  plannedYuan: z.number(),
  completionRate: z.number().nullable(),
  timeElapsedRate: z.number(),
  gapPoints: z.number().nullable(),
  status: z.enum(['ahead', 'on_pace', 'behind', 'no_plan']),
  /**
   * Where completedYuan comes from: the sum of the year's approved monthly progress reports (of the months up to
   * asOf's), never typed in a second time.
   */
  completedSource: z.literal('approved_reports'),
  /**
   * Investment completed since the project started (开工以来累计完成), as of asOf's month: its opening amount
   * (期初累计完成投资, completed before its reports in Lantu) plus its approved reports of the months after it.
   */
  completedSinceStartYuan: z.number(),
  /** The opening amount in that figure and the month-end it is as of; null when the project has none. */
  openingCompletedYuan: z.number().nullable(),
  openingCompletedAsOf: z.string().nullable(),
  /** The figure as officials write it, e.g. 完成年度计划的45.5%，快于时间进度3.8个百分点. */
  summary: z.string(),
});
