import { z } from 'zod';

/** The month of a 通报: its year and month (1–12). */
export const briefingMonthQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
});
export type BriefingMonthQuery = z.infer<typeof briefingMonthQuery>;
