import { todayInChina } from '../../common/domain/dates';
import type { ScheduledJob } from '../lib/scheduler';
import { computeMonthScores, districtsOwingSnapshot } from '../modules/assessment';
import { previousMonth } from '../modules/warnings';

/**
 * Daily: the scores and ranking of the month just ended, for every district that has a scoring rule for that year
 * and no snapshot of the month yet — so the first day of a month takes it, and a day missed is made up the next.
 * Each district in its own transaction, audited as the system. A month already taken (by the office or an earlier
 * run) is left as it is: a past month's ranking never changes.
 */
export const snapshotScoresJob: ScheduledJob = {
  name: 'snapshot-scores',
  period: 'daily',
  run: async ({ db, now, log }) => {
    const today = todayInChina(now);
    const month = previousMonth(today);
    const districts = await districtsOwingSnapshot(db, month);
    let taken = 0;
    const failed: string[] = [];
    for (const district of districts) {
      // One district's failure (its rule no longer parses) is logged and leaves the others to be taken.
      try {
        await db.transaction((tx) =>
          computeMonthScores({
            ctx: { ip: null, requestId: null, actorName: 'lantu', regionCode: district.code },
            tx,
            district,
            month,
            today,
          }),
        );
        taken += 1;
      } catch (error) {
        log.error({ err: error, district: district.code }, 'snapshot-scores: district not scored');
        failed.push(district.code);
      }
    }
    return { month: `${month.year}-${String(month.month).padStart(2, '0')}`, taken, failed: failed.join(',') || null };
  },
};
