import { and, eq, sql } from 'drizzle-orm';
import { daysBetween, todayInChina } from '../../../common/domain/dates';
import { nextEscalationLevel } from '../../../common/domain/matters';
import type { MatterEscalationLevel, MatterStatus } from '../../../common/enums';
import type { Db, Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { type EscalationTarget, matterEntries, matters } from '../../db/schema';
import { recordAudit } from '../../lib/audit';
import { notify } from '../notifications';

// An overdue matter escalates by itself (DOMAIN.md): one level at a time — the lead unit's head, the leader in charge,
// the district's principal leader, and on a platform that holds the region above, that region — at most one level
// per ESCALATION_INTERVAL_DAYS. The escalation job runs daily; running it again (a second instance, a retry) at the
// same moment changes nothing: each level is taken only once its interval since the last has passed.

/** Days between two escalations of the same matter. */
export const ESCALATION_INTERVAL_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

type Candidate = {
  id: string;
  regionCode: string;
  status: MatterStatus;
  projectId: string | null;
  leadUnitId: string;
  raisingUnitId: string;
  escalationLevel: MatterEscalationLevel;
};

/** The ids of active users matching a condition on `u` (users) and `r` (their role). */
async function activeUsers(db: Executor, condition: ReturnType<typeof sql>): Promise<string[]> {
  const rows = await db.execute(
    sql`select u.id from users u join roles r on r.code = u.role_code where u.status = 'active' and ${condition} order by u.username`,
  );
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** The region above the matter's district, when the platform has units there (a city or province platform). */
async function regionAbove(db: Executor, districtCode: string): Promise<string | null> {
  const rows = await db.execute(sql`
    select p.code from regions d join regions p on p.code = d.parent_code
    where d.code = ${districtCode} and exists (select 1 from units u where u.region_code = p.code)`);
  return rowsOf<{ code: string }>(rows)[0]?.code ?? null;
}

/** Whom a level of escalation is addressed to: a unit's people, the leaders in charge, the principal leaders, a region. */
async function targetOf(db: Executor, matter: Candidate, level: MatterEscalationLevel, above: string | null): Promise<EscalationTarget> {
  switch (level) {
    case 'unit_head':
      // The unit's head is not a field of Lantu's units: its people who may handle matters are told.
      return {
        unitId: matter.leadUnitId,
        userIds: await activeUsers(db, sql`u.unit_id = ${matter.leadUnitId} and 'matter.handle' = any(r.permissions)`),
      };
    case 'leader_in_charge': {
      const leaders = matter.projectId
        ? await activeUsers(db, sql`u.id in (select user_id from project_leaders where project_id = ${matter.projectId})`)
        : [];
      if (leaders.length) return { userIds: leaders };
      // Without a project (or its leaders), the leaders of the raising unit (a leaders' office raising 批示).
      return {
        unitId: matter.raisingUnitId,
        userIds: await activeUsers(db, sql`u.unit_id = ${matter.raisingUnitId} and u.role_code = 'leader'`),
      };
    }
    case 'principal_leader':
      return {
        regionCode: matter.regionCode,
        userIds: await activeUsers(
          db,
          sql`u.role_code = 'leader' and u.data_scope = 'region' and u.unit_id in (select id from units where region_code = ${matter.regionCode})`,
        ),
      };
    case 'region_above':
      return {
        regionCode: above ?? undefined,
        userIds: above
          ? await activeUsers(
              db,
              sql`'matter.review' = any(r.permissions) and u.unit_id in (select id from units where region_code = ${above})`,
            )
          : [],
      };
    case 'none':
      return {};
  }
}

/**
 * Escalates every open matter past its deadline (China Standard Time, as of `now`) by one level, unless it escalated
 * less than ESCALATION_INTERVAL_DAYS ago or has nowhere further to go. Each escalation, in its own transaction under
 * the matter's lock: the level, its time and its target on the matter, an `escalate` entry on its timeline, an audit
 * event. Answers how many matters escalated.
 */
export async function escalateOverdueMatters(db: Db, now: Date): Promise<{ escalated: number }> {
  const today = todayInChina(now);
  const since = new Date(now.getTime() - ESCALATION_INTERVAL_DAYS * DAY_MS);
  const due = and(
    sql`${matters.status} <> 'closed'`,
    sql`${matters.deadline} < ${today}::date`,
    sql`${matters.escalationLevel} <> 'region_above'`,
    sql`(${matters.escalatedAt} is null or ${matters.escalatedAt} <= ${since.toISOString()}::timestamptz)`,
  );
  const candidates = await db.select({ id: matters.id }).from(matters).where(due).orderBy(matters.deadline, matters.id);
  let escalated = 0;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      // Under the lock the matter is read again: a concurrent step may have closed it, another run escalated it.
      const [matter] = (await tx
        .select({
          id: matters.id,
          regionCode: matters.regionCode,
          status: matters.status,
          projectId: matters.projectId,
          leadUnitId: matters.leadUnitId,
          raisingUnitId: matters.raisingUnitId,
          escalationLevel: matters.escalationLevel,
        })
        .from(matters)
        .where(and(eq(matters.id, id), due))
        .for('update')) as Candidate[];
      if (!matter) return false;
      const above = await regionAbove(tx, matter.regionCode);
      const level = nextEscalationLevel(matter.escalationLevel, above !== null);
      if (!level) return false;
      const target = await targetOf(tx, matter, level, above);
      await tx
        .update(matters)
        .set({ escalationLevel: level, escalatedAt: now, escalationTarget: target, version: sql`${matters.version} + 1`, updatedAt: now })
        .where(eq(matters.id, id));
      await tx.insert(matterEntries).values({
        matterId: id,
        kind: 'escalate',
        status: matter.status,
        escalationLevel: level,
        escalationTarget: target,
        createdAt: now,
        seq: sql`(select coalesce(max(${matterEntries.seq}), 0) + 1 from ${matterEntries} where ${matterEntries.matterId} = ${id})`,
      });
      await recordAudit(
        tx,
        { ip: null, requestId: null, actorName: 'lantu scheduler', regionCode: matter.regionCode },
        {
          action: 'matters.escalate',
          recordType: 'matter',
          recordId: id,
          regionCode: matter.regionCode,
          before: { escalationLevel: matter.escalationLevel },
          after: { escalationLevel: level, target, asOf: today },
        },
      );
      // Told in the same transaction (in-app, and the units' and people's channels through the outbox): the lead unit's
      // people and channels at the first level, the people of the target at the others.
      const [facts] = rowsOf<{ title: string; leadUnit: string; deadline: string }>(
        await tx.execute(sql`select m.title, u.name as "leadUnit", m.deadline::text as deadline
          from ${matters} m join units u on u.id = m.lead_unit_id where m.id = ${id}`),
      );
      await notify(tx, {
        recipients: level === 'unit_head' ? { unitIds: [matter.leadUnitId] } : { userIds: target.userIds ?? [] },
        kind: 'matter_escalated',
        messageKey: `matter.escalated.${level}`,
        params: { title: facts?.title ?? '', leadUnit: facts?.leadUnit ?? '', days: facts ? daysBetween(facts.deadline, today) : 0 },
        link: `/matters/${id}`,
      });
      return true;
    });
    if (done) escalated += 1;
  }
  return { escalated };
}
