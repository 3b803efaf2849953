/** The contract of targets from text (issue 15): paste a passage, get the quantified targets and the proposed rows. */
import { z } from 'zod';
import { TARGET_DIRECTIONS, TARGET_KINDS, TARGET_MEASURES, TARGET_QUALIFIERS } from '../enums';

/**
 * The most characters the extract route reads: the extractor runs on the event loop at about 2 s per million
 * characters, so the route takes 200,000 (a whole 政府工作报告 is 20–40 thousand) and refuses more.
 */
export const TARGET_TEXT_ROUTE_MAX = 200_000;

export const extractTargetsBody = z.strictObject({ text: z.string() });

const extractedRowSchema = z.object({
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  direction: z.enum(['exactly', 'at_least', 'at_most', 'about', 'more_than']),
  qualifiers: z.array(z.string()),
  growth: z.boolean(),
  kind: z.enum(['target', 'actual']),
  kindReason: z.string(),
  proposal: z.enum(['indicator', 'pledge']),
  proposalReason: z.string(),
  matched: z.string(),
  sentence: z.string(),
});

/** A proposed row in the create routes' terms: measure null when the text's unit is none of TARGET_MEASURES. */
const proposedFields = {
  unit: z.string(),
  measure: z.enum(TARGET_MEASURES).nullable(),
  /** The value in the measure (亿元 for 1.2万亿元 → 12000), as a decimal string. */
  targetValue: z.string(),
  direction: z.enum(TARGET_DIRECTIONS),
  qualifier: z.enum(TARGET_QUALIFIERS),
  qualifiers: z.array(z.string()),
  sentence: z.string(),
};

export const extractTargetsResponse = z.object({
  rows: z.array(extractedRowSchema),
  reason: z.enum(['no_numbers', 'no_quantities']).nullable(),
  /** The reason in the reader's language, null when there are rows. */
  reasonText: z.string().nullable(),
  indicators: z.array(z.object({ name: z.string(), kind: z.enum(TARGET_KINDS), ...proposedFields })),
  pledges: z.array(z.object({ title: z.string(), ...proposedFields })),
});
export type ExtractTargetsResponse = z.infer<typeof extractTargetsResponse>;
