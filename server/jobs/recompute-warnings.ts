import { sql } from 'drizzle-orm';
import { todayInChina } from '../../common/domain/dates';
import { rowsOf } from '../db/migrate';
import { projects, warningSnapshots } from '../db/schema';
import type { ScheduledJob } from '../lib/scheduler';
import { RECOMPUTE_BATCH, previousMonth, recomputeWarnings, takeMonthSnapshot } from '../modules/warnings';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Nightly: first the snapshot of the month just ended for every project that has none yet (so the first night of a
 * month takes it, and a night missed is made up the next), then every project's colour as of today — the rules that
 * depend on the date alone (a milestone falling overdue, a deadline passing) change overnight. Batched by project id,
 * each batch in its own transaction. Running it again the same day writes the same colours and takes no snapshot.
 */
export const recomputeWarningsJob: ScheduledJob = {
  name: 'recompute-warnings',
  period: 'daily',
  run: async ({ db, now }) => {
    const today = todayInChina(now);
    const ended = previousMonth(today);
    let snapshots = 0;
    for (let after = NO_ID; ; ) {
      const ids = rowsOf<{ id: string }>(
        await db.execute(sql`select id from ${projects} p where p.pool <> 'withdrawn' and p.id > ${after}::uuid
          and not exists (select 1 from ${warningSnapshots} s where s.project_id = p.id and s.year = ${ended.year} and s.month = ${ended.month})
          order by p.id limit ${RECOMPUTE_BATCH}`),
      ).map((r) => r.id);
      if (ids.length === 0) break;
      snapshots += await db.transaction((tx) => takeMonthSnapshot(tx, ids, ended.year, ended.month));
      after = ids[ids.length - 1] as string;
    }
    let recomputed = 0;
    let changed = 0;
    for (let after = NO_ID; ; ) {
      const ids = rowsOf<{ id: string }>(
        await db.execute(sql`select id from ${projects} where id > ${after}::uuid order by id limit ${RECOMPUTE_BATCH}`),
      ).map((r) => r.id);
      if (ids.length === 0) break;
      // The leaders in charge of a project that turned red are told by the recompute itself, in the batch's transaction.
      changed += (await db.transaction((tx) => recomputeWarnings(tx, ids, today))).length;
      recomputed += ids.length;
      after = ids[ids.length - 1] as string;
    }
    // The list filters by colour: after a night that changed many colours (the first night, a new threshold) the
    // planner's statistics must follow, or a colour it still believes common is looked for by walking a sort's
    // index through every project. PostgreSQL's autovacuum would get there within minutes; PGlite has none.
    if (changed > 0 && changed * 10 >= recomputed) await db.execute(sql`analyze ${projects}`);
    return { asOf: today, snapshotMonth: `${ended.year}-${String(ended.month).padStart(2, '0')}`, snapshots, recomputed, changed };
  },
};
