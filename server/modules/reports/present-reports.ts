import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { milestoneNames } from '../project-tracks';
import { presentReport } from './presenter';
import type { ReportRow } from './report-repository';

/** Reports as the API shows them, the milestones they name looked up in one query. */
export async function presentReports(db: Executor, actor: Actor, rows: ReportRow[]) {
  const names = await milestoneNames(db, [...new Set(rows.flatMap((r) => r.milestones.map((m) => m.milestoneId)))]);
  return rows.map((row) => presentReport(actor, row, names));
}
