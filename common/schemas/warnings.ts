/** The contract of the warnings (红黄绿灯): a district's thresholds. */
import { z } from 'zod';

// Days are whole days up to ten years; points are percentage points with one decimal, the precision of the figure.
const days = z.number().int().min(0).max(3650);
const points = z.number().min(0).max(100).multipleOf(0.1);

/** A district's warning thresholds (see DEFAULT_WARNING_SETTINGS); a yellow threshold never exceeds its red one. */
export const warningSettingsSchema = z
  .strictObject({
    redMilestoneOverdueDays: days,
    yellowMilestoneOverdueDays: days,
    redBehindPoints: points,
    yellowBehindPoints: points,
    redMatterOverdueDays: days,
    yellowReportMissingDays: days,
  })
  .refine((s) => s.yellowMilestoneOverdueDays <= s.redMilestoneOverdueDays, {
    message: 'warningSettings.yellow_above_red',
    path: ['yellowMilestoneOverdueDays'],
  })
  .refine((s) => s.yellowBehindPoints <= s.redBehindPoints, { message: 'warningSettings.yellow_above_red', path: ['yellowBehindPoints'] });
