import { and, desc, eq, sql } from 'drizzle-orm';
import type { Pool } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import { poolMoves, projectCodeHistory, projects, users } from '../../db/schema';

/** Puts the project in its new pool when the version still matches; false when someone else saved first. */
export async function setPool(db: Executor, id: string, version: number, pool: Pool, withdrawnReason: string | null) {
  const updated = await db
    .update(projects)
    .set({ pool, withdrawnReason, poolChangedAt: sql`now()`, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id });
  return updated.length > 0;
}

/** Inserts move records between pools: who, when, from, to, why (`recordPoolMoves` audits them too). */
export async function insertPoolMoves(db: Executor, moves: (typeof poolMoves.$inferInsert)[]) {
  await db.insert(poolMoves).values(moves);
}

/** The project's pool moves, newest first. */
export async function listPoolMoves(db: Executor, projectId: string) {
  return db.select().from(poolMoves).where(eq(poolMoves.projectId, projectId)).orderBy(desc(poolMoves.at), desc(poolMoves.id));
}

/** The project's 项目代码 changes with the display name of who made them, newest first. */
export async function listCodeChanges(db: Executor, projectId: string) {
  return db
    .select({
      at: projectCodeHistory.at,
      previousCode: projectCodeHistory.previousCode,
      code: projectCodeHistory.code,
      reason: projectCodeHistory.reason,
      actorName: users.displayName,
    })
    .from(projectCodeHistory)
    .leftJoin(users, eq(users.id, projectCodeHistory.actorId))
    .where(eq(projectCodeHistory.projectId, projectId))
    .orderBy(desc(projectCodeHistory.at));
}

/** The display name of who created the project, for the first entry of its timeline. */
export async function creatorName(db: Executor, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}
