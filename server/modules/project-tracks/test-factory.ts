import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { projectLeaders, projects, units } from '../../db/schema';

type ProjectOverrides = Partial<typeof projects.$inferInsert> & { leaderIds?: string[] };

/** The id of a demo unit by its full name (e.g. 北园街道办事处). */
export async function unitIdByName(database: Database, name: string): Promise<string> {
  const [row] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, name));
  if (!row) throw new Error(`demo unit ${name} missing`);
  return row.id;
}

let serial = 0;

/**
 * A project of the demo district written straight into the table (the projects API is tested on its own):
 * led by 北园街道, implementing, to be built from 2025-03-01 to 2027-06-30, unless overridden.
 */
export async function buildProject(database: Database, overrides: ProjectOverrides = {}) {
  serial += 1;
  const { leaderIds = [], ...fields } = overrides;
  const [row] = await database.db
    .insert(projects)
    .values({
      regionCode: '370105',
      name: `测试项目${serial}`,
      leadUnitId: fields.leadUnitId ?? (await unitIdByName(database, '北园街道办事处')),
      pool: 'implementing',
      categoryCode: 'industrial',
      plannedStart: '2025-03-01',
      plannedCompletion: '2027-06-30',
      ...fields,
    })
    .returning();
  if (!row) throw new Error('project insert returned nothing');
  for (const userId of leaderIds) await database.db.insert(projectLeaders).values({ projectId: row.id, userId });
  return row;
}
