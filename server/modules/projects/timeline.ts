import type { ProjectTimeline } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { creatorName, listCodeChanges, listPoolMoves } from './pool-repository';
import { findProject } from './scope';

type Entry = ProjectTimeline['items'][number];

/** A project's history for the page, newest first: pool moves, 项目代码 changes and its creation. */
export async function projectTimeline(db: Executor, actor: Actor, id: string): Promise<ProjectTimeline> {
  const project = await findProject(db, actor, id);
  if (!project) throw notFound();
  const [moves, codes, creator] = await Promise.all([listPoolMoves(db, id), listCodeChanges(db, id), creatorName(db, project.createdBy)]);
  const items: (Entry & { order: number })[] = [
    ...moves.map((m) => ({
      at: m.at.toISOString(),
      kind: 'pool_move' as const,
      actorName: m.actorName,
      from: m.fromPool,
      to: m.toPool,
      reason: m.reason,
      order: 2,
    })),
    ...codes.map((c) => ({
      at: c.at.toISOString(),
      kind: 'code_change' as const,
      actorName: c.actorName,
      from: c.previousCode,
      to: c.code,
      reason: c.reason,
      order: 1,
    })),
    { at: project.createdAt.toISOString(), kind: 'created', actorName: creator, from: null, to: null, reason: null, order: 0 },
  ];
  // Newest first; entries of the same instant (a project created with its code) keep their logical order.
  items.sort((a, b) => b.at.localeCompare(a.at) || b.order - a.order);
  return { items: items.map(({ order: _order, ...entry }) => entry) };
}
