import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { type ProjectRow, findProject, leadUnitScopeCondition, projectScopeCondition } from '../projects/scope';

/**
 * Whether the actor may write to the project's tracks: the project is visible and its lead unit lies in the
 * actor's data scope (or, for the `own` scope, the actor created it). A leader who sees a project only because he
 * is in charge of it (包挂) reads it but does not edit it.
 */
export async function canEditProject(db: Executor, actor: Actor, project: Pick<ProjectRow, 'id'>): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, project.id), projectScopeCondition(actor), leadUnitScopeCondition(actor)));
  return !!row;
}

/** The project a read is about; 404 when it does not exist or lies outside the actor's scope. */
export async function projectForRead(db: Executor, actor: Actor, id: string): Promise<ProjectRow> {
  const project = await findProject(db, actor, id);
  if (!project) throw notFound();
  return project;
}

/** The project a write is about: 404 when out of sight, 403 when visible but not editable by the actor. */
export async function projectForWrite(db: Executor, actor: Actor, id: string): Promise<ProjectRow> {
  const project = await projectForRead(db, actor, id);
  if (!(await canEditProject(db, actor, project))) throw forbidden();
  return project;
}
