import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { projects } from '../../db/schema';
import { describeEachDatabase } from '../../test/harness';
import { keysetBatches } from './keyset';
import { projectExportKeys } from './project-order';

const SORTS = ['name', 'code', 'totalInvestmentYuan', 'plannedStart', 'plannedCompletion', 'updatedAt'];

describeEachDatabase('keyset batches of an export', (t) => {
  it('reads every project exactly once, in the list’s order, for every sort, with empty values and ties', async () => {
    const { db } = t().database;
    for (const field of SORTS) {
      for (const sort of [field, `-${field}`]) {
        const keys = projectExportKeys(sort);
        const orderBy = keys.map((k) => sql`${k.expression} ${k.descending ? sql`desc nulls last` : sql`asc nulls last`}`);
        const expected = (
          await db
            .select({ id: projects.id })
            .from(projects)
            .orderBy(...orderBy)
        ).map((r) => r.id);
        const read: string[] = [];
        // Seven at a time, so the 133 demo projects take many pages and every key meets a page boundary.
        const batches = keysetBatches(
          keys,
          ({ after, orderBy: order, keyset, limit }) =>
            db
              .select({ id: projects.id, keyset })
              .from(projects)
              .where(after)
              .orderBy(...order)
              .limit(limit),
          7,
        );
        for await (const batch of batches) read.push(...batch.map((r) => r.id));
        expect(read, sort).toEqual(expected);
        expect(read.length).toBeGreaterThan(100);
      }
    }
  });
});
