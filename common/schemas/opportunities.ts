import { z } from 'zod';
import { OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES } from '../enums';
import { isoDate } from './projects';
import { abilities, listQuery, optionalText, text, version } from './shared';

export { OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES };

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'format.phone');

const opportunityFields = {
  kind: z.enum(OPPORTUNITY_KINDS),
  title: text(100),
  description: text(4000),
  location: optionalText(200).nullable(),
  contactName: text(50),
  contactPhone: phone,
  validFrom: isoDate,
  /** The last day it is offered; null: until withdrawn. */
  validTo: isoDate.nullable(),
};

export const opportunityCreateBody = z.strictObject({
  ...opportunityFields,
  location: opportunityFields.location.default(null),
  validTo: opportunityFields.validTo.default(null),
});
export type OpportunityCreateBody = z.infer<typeof opportunityCreateBody>;

export const opportunityUpdateBody = z
  .strictObject({ ...opportunityFields, version })
  .partial()
  .required({ version: true });
export type OpportunityUpdateBody = z.infer<typeof opportunityUpdateBody>;

/** A move of the review loop at the version read; `return` needs the reason the editor will read. */
export const opportunityStepBody = z.strictObject({ version, reason: text(500).optional() });
export type OpportunityStepBody = z.infer<typeof opportunityStepBody>;

/** An item as the investment staff see it (every field, its state and who moved it). */
export const opportunitySchema = z.object({
  id: z.string(),
  publicId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  /** Published and not expired: what the public page shows today. */
  public: z.boolean(),
  returnReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const opportunityListQuery = listQuery.extend({
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
});
export type OpportunityListQuery = z.infer<typeof opportunityListQuery>;

/**
 * An item as the public page and feed show it: the public fields only (no internal id, state, reviewer or author).
 * `PUBLIC_OPPORTUNITY_FIELDS` is the allow-list the leak test compares against.
 */
export const publicOpportunitySchema = z.strictObject({
  id: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  regionName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  publishedAt: z.string(),
});
export type PublicOpportunity = z.infer<typeof publicOpportunitySchema>;
export const PUBLIC_OPPORTUNITY_FIELDS = Object.keys(publicOpportunitySchema.shape).sort();

export const publicOpportunityListQuery = z.strictObject({
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type PublicOpportunityListQuery = z.infer<typeof publicOpportunityListQuery>;

export const publicOpportunityPage = z.strictObject({
  items: z.array(publicOpportunitySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicOpportunityPage = z.infer<typeof publicOpportunityPage>;

/** The public item's name in the URL: any text up to 64 characters, so a malformed one is the same 404 as a missing one. */
export const publicOpportunityParam = z.strictObject({ publicId: z.string().max(64) });
