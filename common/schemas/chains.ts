import { z } from 'zod';
import { CHAIN_PLACEMENT_ROLES, CHAIN_SEGMENTS, ENTERPRISE_KINDS } from '../enums';
import { regionCode } from './organisation';
import { dictionaryCode } from './projects';
import { abilities, optionalText, text, uuid, version } from './shared';

export { CHAIN_PLACEMENT_ROLES };

const chainFields = {
  name: text(100),
  /** A code of the industry_chain dictionary when the chain is one of it. */
  code: dictionaryCode.nullable(),
  description: optionalText(2000).nullable(),
};

export const chainCreateBody = z.strictObject({
  ...chainFields,
  code: chainFields.code.default(null),
  description: chainFields.description.default(null),
  /** The district whose chain it is; the reader's own district when left out. */
  regionCode: regionCode.optional(),
});
export type ChainCreateBody = z.infer<typeof chainCreateBody>;

export const chainUpdateBody = z
  .strictObject({ ...chainFields, version })
  .partial()
  .required({ version: true });
export type ChainUpdateBody = z.infer<typeof chainUpdateBody>;

const nodeFields = {
  segment: z.enum(CHAIN_SEGMENTS),
  name: text(100),
  description: optionalText(1000).nullable(),
  /** The order within the segment (left to right on the map). */
  position: z.number().int().min(0).max(999),
};
export const chainNodeBody = z.strictObject({
  ...nodeFields,
  description: nodeFields.description.default(null),
  position: nodeFields.position.default(0),
});
export type ChainNodeBody = z.infer<typeof chainNodeBody>;
export const chainNodeUpdateBody = z.strictObject(nodeFields).partial();
export type ChainNodeUpdateBody = z.infer<typeof chainNodeUpdateBody>;

/** Puts an enterprise of the register on a node: as local (本地) or target (招商目标); its own kind when left out. */
export const placementBody = z.strictObject({
  enterpriseId: uuid,
  role: z.enum(CHAIN_PLACEMENT_ROLES).optional(),
  note: optionalText(500).nullable().default(null),
});
export type PlacementBody = z.infer<typeof placementBody>;

export const chainNodeParams = z.strictObject({ id: uuid, nodeId: uuid });
export const chainPlacementParams = z.strictObject({ id: uuid, placementId: uuid });

const counts = z.object({ nodes: z.number().int(), gaps: z.number().int(), local: z.number().int(), target: z.number().int() });

export const chainSummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  code: z.string().nullable(),
  codeName: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  counts,
  version: z.number().int(),
  updatedAt: z.string(),
  abilities,
});
export type ChainSummary = z.infer<typeof chainSummarySchema>;

export const chainPlacementSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseKind: z.enum(ENTERPRISE_KINDS),
  tags: z.array(z.string()),
  role: z.enum(CHAIN_PLACEMENT_ROLES),
  note: z.string().nullable(),
});
export type ChainPlacement = z.infer<typeof chainPlacementSchema>;

export const chainNodeSchema = z.object({
  id: z.string(),
  segment: z.enum(CHAIN_SEGMENTS),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  /** No local enterprise on the node: a gap attraction should fill (补链). */
  gap: z.boolean(),
  localCount: z.number().int(),
  targetCount: z.number().int(),
  placements: z.array(chainPlacementSchema),
});
export type ChainNode = z.infer<typeof chainNodeSchema>;

/** A whole chain in one read: its nodes by segment and position, the enterprises on each, gap flags and counts. */
export const chainSchema = chainSummarySchema.extend({ nodes: z.array(chainNodeSchema) });
export type Chain = z.infer<typeof chainSchema>;

export const chainListSchema = z.object({ items: z.array(chainSummarySchema), abilities });
