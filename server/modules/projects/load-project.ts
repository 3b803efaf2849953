import type { Permission } from '../../../common/permissions';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { canManageProject } from './policy';
import { type ScopedProject, findProject } from './scope';

/**
 * The project a request is about, for other modules (its tracks, reports, matters): 404 when it does not exist or
 * lies outside the actor's scope; with a permission, 403 when the project is visible but the projects policy does not
 * let the actor make that write (a leader in charge of it, 包挂, reads it but does not edit it).
 */
export async function loadProject(db: Executor, actor: Actor, id: string, permission?: Permission): Promise<ScopedProject> {
  const project = await findProject(db, actor, id);
  if (!project) throw notFound();
  if (permission && !canManageProject(actor, project, permission)) throw forbidden();
  return project;
}
