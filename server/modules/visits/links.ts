import { todayInChina } from '../../../common/domain/dates';
import type { Executor } from '../../db/client';
import { matterOutcomes } from '../matters';
import type { VisitLinks } from './presenter';
import { type VisitRow, demandIdsOf, userNames } from './repository';

/** Loads, in three queries whatever the number of visits, what presenting them needs: demands and visitor names. */
export async function loadVisitLinks(db: Executor, rows: VisitRow[]): Promise<VisitLinks> {
  const demandIds = await demandIdsOf(
    db,
    rows.map((row) => row.id),
  );
  const [outcomes, names] = await Promise.all([
    matterOutcomes(db, [...demandIds.values()].flat(), todayInChina()),
    userNames(db, [...new Set(rows.flatMap((row) => row.visitorUserIds))]),
  ]);
  return { demandIds, outcomes, userNames: names };
}
