import type { Permission } from '../../../common/permissions';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { canManageProject } from '../projects';
import { type ScopedProject, findProject } from '../projects';

/** The project a read is about; 404 when it does not exist or lies outside the actor's scope. */
export async function projectForRead(db: Executor, actor: Actor, id: string): Promise<ScopedProject> {
  const project = await findProject(db, actor, id);
  if (!project) throw notFound();
  return project;
}

/**
 * The project a write to its tracks is about: 404 when out of sight, 403 when visible but the projects policy does
 * not let the actor make this write (a leader in charge of it, 包挂, reads it but does not edit it).
 */
export async function projectForWrite(db: Executor, actor: Actor, id: string, permission: Permission): Promise<ScopedProject> {
  const project = await projectForRead(db, actor, id);
  if (!canManageProject(actor, project, permission)) throw forbidden();
  return project;
}
