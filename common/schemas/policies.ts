/** The contract of preferential policies (惠企政策): drafting one, the enterprises it fits, pushing it, its deliveries. */
import { z } from 'zod';
import { ENTERPRISE_SIZES, POLICY_DELIVERY_STATES } from '../enums';
import { regionCode } from './organisation';
import { dictionaryCode, isoDate } from './projects';
import { abilities, listQuery, optionalText, text, uuid, version } from './shared';

export { POLICY_DELIVERY_STATES };

/** The conditions of the enterprises a policy fits (common/domain/policy-fit.ts): each list any-of, all must hold. */
export const policyConditionsSchema = z.strictObject({
  tags: z.array(dictionaryCode).max(20).default([]),
  /** GB/T 4754 sections (C) or divisions (34). */
  industryCodes: z.array(dictionaryCode).max(50).default([]),
  sizes: z.array(z.enum(ENTERPRISE_SIZES)).max(4).default([]),
  /** Regions the headquarters must lie in. */
  regionCodes: z.array(regionCode).max(20).default([]),
  localOnly: z.boolean().default(true),
});

const policyFields = {
  title: text(200),
  body: text(20_000),
  issuer: text(100),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  conditions: policyConditionsSchema,
};

const validityInOrder = (body: { validFrom?: string; validTo?: string | null }, ctx: z.RefinementCtx) => {
  if (body.validFrom && body.validTo && body.validTo < body.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'policy.valid_to_before_from' });
};

export const policyCreateBody = z
  .strictObject({ ...policyFields, validTo: policyFields.validTo.default(null) })
  .superRefine(validityInOrder);
export type PolicyCreateBody = z.infer<typeof policyCreateBody>;

export const policyUpdateBody = z
  .strictObject({ ...policyFields, version })
  .partial()
  .required({ version: true })
  .superRefine(validityInOrder);
export type PolicyUpdateBody = z.infer<typeof policyUpdateBody>;

const deliveryCounts = z.object({ told: z.number().int(), applied: z.number().int(), granted: z.number().int() });

export const policySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  title: z.string(),
  body: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Today lies between validFrom and validTo. */
  inForce: z.boolean(),
  conditions: z.object({
    tags: z.array(z.string()),
    industryCodes: z.array(z.string()),
    sizes: z.array(z.enum(ENTERPRISE_SIZES)),
    regionCodes: z.array(z.string()),
    localOnly: z.boolean(),
  }),
  /** How many enterprises it has reached, by the furthest state (told counts every delivery). */
  deliveries: deliveryCounts,
  createdAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Policy = z.infer<typeof policySchema>;

export const policyListQuery = listQuery.extend({
  inForce: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const FIT_CONDITIONS = ['local', 'tags', 'industry', 'size', 'region'] as const;

/** An enterprise a policy fits, the conditions it meets, and where the policy's delivery to it stands. */
export const policyFitSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  tags: z.array(z.string()),
  industryName: z.string().nullable(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  matched: z.array(z.enum(FIT_CONDITIONS)),
  delivery: z.enum(POLICY_DELIVERY_STATES).nullable(),
});
export const policyFitsSchema = z.object({ items: z.array(policyFitSchema), total: z.number().int() });

/** Pushing a policy to enterprises it fits (each told once; those already told are skipped). */
export const policyPushBody = z.strictObject({ enterpriseIds: z.array(uuid).min(1).max(500) });
export const policyPushedSchema = z.object({ pushed: z.number().int(), skipped: z.number().int() });

export const policyDeliverySchema = z.object({
  id: z.string(),
  policyId: z.string(),
  policyTitle: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  state: z.enum(POLICY_DELIVERY_STATES),
  toldAt: z.string(),
  appliedAt: z.string().nullable(),
  grantedAt: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  abilities,
});
export type PolicyDelivery = z.infer<typeof policyDeliverySchema>;

/** Deliveries of one policy, or the policies one enterprise received. */
export const policyDeliveryListQuery = z
  .strictObject({
    policyId: uuid.optional(),
    enterpriseId: uuid.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.policyId || q.enterpriseId, { message: 'policy.delivery_filter_required', path: ['policyId'] });

/** Moving a delivery on: told → applied → granted (forward only, a step may be skipped), with a note. */
export const policyDeliveryUpdateBody = z.strictObject({
  state: z.enum(POLICY_DELIVERY_STATES),
  note: optionalText(500).nullable().optional(),
  version,
});
