import type { z } from 'zod';
import { planTemplateSchema } from '../../../common/schemas/tracks';
import type { PlanTemplateRow } from './repository';

const itemsSchema = planTemplateSchema.shape.items;

/** A template's milestones, read from its JSON column and checked, so a damaged template fails loudly. */
export function templateItems(row: PlanTemplateRow): z.infer<typeof itemsSchema> {
  const parsed = itemsSchema.safeParse(row.items);
  if (!parsed.success) throw new Error(`Plan template ${row.id} has malformed items`);
  return parsed.data;
}
