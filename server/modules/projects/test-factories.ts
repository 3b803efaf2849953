import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Pool, Project, projectCreateBody } from '../../../common/schemas/projects';
import type { Database } from '../../db/client';
import { projects, units, users } from '../../db/schema';
import type { Client } from '../../test/harness';

type ProjectOverrides = Partial<z.input<typeof projectCreateBody>>;

let sequence = 0;

/** The id of a unit of the test database, by its exact name. */
export async function unitIdByName(database: Database, name: string): Promise<string> {
  const [row] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, name));
  if (!row) throw new Error(`no unit named ${name}`);
  return row.id;
}

/** The id of a user of the test database, by username. */
export async function userIdOf(database: Database, username: string): Promise<string> {
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/**
 * Creates a project through the API as the client, so every rule applies; by default a thin planning-pool idea led
 * by 区住房和城乡建设局 with a unique name. Fails the test when the API refuses.
 */
export async function buildProject(client: Client, database: Database, overrides: ProjectOverrides = {}): Promise<Project> {
  sequence += 1;
  const leadUnitId = overrides.leadUnitId ?? (await unitIdByName(database, '区住房和城乡建设局'));
  const response = await client.post('/api/v1/projects', { name: `测试项目${sequence}`, ...overrides, leadUnitId });
  if (response.statusCode !== 201) throw new Error(`buildProject failed: ${response.statusCode} ${response.body}`);
  return response.json() as Project;
}

/** Puts a project straight into a pool, as data from before the gates would be; answers its new version. */
export async function placeInPool(database: Database, id: string, pool: Pool): Promise<number> {
  const [row] = await database.db.update(projects).set({ pool }).where(eq(projects.id, id)).returning({ version: projects.version });
  if (!row) throw new Error(`no project ${id}`);
  return row.version;
}
