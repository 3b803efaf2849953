import type { Executor } from '../../db/client';
import { projectCodeHistory } from '../../db/schema';

/** Records that a project's 项目代码 changed (first issued, re-issued, corrected or cleared) and why. */
export async function recordCodeChange(
  db: Executor,
  change: { projectId: string; previousCode: string | null; code: string | null; reason: string | null; actorId: string },
) {
  await db.insert(projectCodeHistory).values(change);
}
