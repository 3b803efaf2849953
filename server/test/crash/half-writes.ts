import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { CRASH_YEAR, MARK } from './write-streams';

const VERSION_BUMPS = sql`('projects.update', 'projects.move', 'plans.update', 'plans.apply_template')`;

/**
 * Looks in the database for any write that landed only in part: each check is a query answering the offending rows
 * with a description. Every write of the harness touches several rows in one transaction (the record, its links, its
 * history and its audit event), so a torn transaction shows up as a disagreement between them.
 */
const CHECKS: { name: string; query: SQL }[] = [
  {
    name: 'a project without exactly one creation event',
    query: sql`select p.name as what, count(a.id) as n from projects p
      left join audit_events a on a.record_id = p.id::text and a.action = 'projects.create'
      where p.name like ${`${MARK}%`} group by p.id, p.name having count(a.id) <> 1`,
  },
  {
    name: 'a project name holding a character no client sent (U+FFFD, a broken multi-byte character)',
    query: sql`select p.name as what from projects p where strpos(p.name, ${'\uFFFD'}) > 0`,
  },
  {
    name: 'a creation event without its project',
    query: sql`select a.record_id as what from audit_events a
      where a.action = 'projects.create' and not exists (select 1 from projects p where p.id::text = a.record_id)`,
  },
  {
    name: 'a project whose version does not count its audited changes',
    query: sql`select p.name as what, p.version, (select count(*) from audit_events a
        where a.record_id = p.id::text and a.action in ${VERSION_BUMPS}) as events
      from projects p where p.name like ${`${MARK}%`}
        and p.version - 1 <> (select count(*) from audit_events a where a.record_id = p.id::text and a.action in ${VERSION_BUMPS})`,
  },
  {
    name: 'a project whose pool moves and move events disagree',
    query: sql`select p.name as what from projects p where p.name like ${`${MARK}%`}
      and (select count(*) from pool_moves m where m.project_id = p.id)
        <> (select count(*) from audit_events a where a.record_id = p.id::text and a.action = 'projects.move')`,
  },
  {
    name: 'a plan that is not the one its last audit event recorded',
    query: sql`select p.name as what from projects p where p.name like ${`${MARK}%`}
      and coalesce((select array_agg(m.id::text order by m.id) from milestones m where m.project_id = p.id), '{}')
        <> coalesce((select array_agg(e ->> 'id' order by e ->> 'id') from jsonb_array_elements(
          (select a.after -> 'milestones' from audit_events a where a.record_id = p.id::text
            and a.action in ('plans.update', 'plans.apply_template') order by a.id desc limit 1)) e), '{}')`,
  },
  {
    name: 'an annual plan version without exactly one creation event, or whose version does not count its changes',
    query: sql`select ap.project_id::text || ' v' || ap.version_no as what from annual_plans ap
      where ap.year = ${CRASH_YEAR} and (
        (select count(*) from audit_events a where a.record_id = ap.id::text and a.action = 'annual_plans.create') <> 1
        or ap.version - 1 <> (select count(*) from audit_events a where a.record_id = ap.id::text
          and a.action in ('annual_plans.update', 'annual_plans.freeze')))`,
  },
  {
    name: 'an annual plan whose months do not add up',
    query: sql`select ap.project_id::text || ' v' || ap.version_no as what from annual_plans ap
      where ap.year = ${CRASH_YEAR} and ap.planned_yuan <> (select coalesce(sum(m), 0) from unnest(ap.monthly_yuan) m)`,
  },
  {
    name: 'an import committed without its commit event, or a commit event of an import not committed',
    query: sql`select j.id::text as what, j.status from import_jobs j
      where (j.status = 'committed') <> exists (select 1 from audit_events a where a.record_id = j.id::text and a.action = 'imports.commit')`,
  },
  {
    name: 'annual plan versions not numbered 1, 2, 3 …',
    query: sql`select ap.project_id::text as what from annual_plans ap where ap.year = ${CRASH_YEAR}
      group by ap.project_id having max(ap.version_no) <> count(*)`,
  },
];

/** Every half-written record the checks find, as readable lines; empty when the database is whole. */
export async function findHalfWrites(db: Db): Promise<string[]> {
  const problems: string[] = [];
  for (const check of CHECKS) {
    const rows = rowsOf<Record<string, unknown>>(await db.execute(check.query));
    for (const row of rows) problems.push(`${check.name}: ${JSON.stringify(row)}`);
  }
  return problems;
}

/** How many records the checks covered, for the run's report. */
export async function countChecked(db: Db) {
  const [row] = rowsOf<{ projects: number; plans: number; events: number }>(
    await db.execute(sql`select
      (select count(*)::int from projects where name like ${`${MARK}%`}) as projects,
      (select count(*)::int from annual_plans where year = ${CRASH_YEAR}) as plans,
      (select count(*)::int from audit_events) as events`),
  );
  return row;
}
