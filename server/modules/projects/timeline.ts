import type { ProjectTimeline } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { creatorName, listCodeChanges, listPoolMoves } from './pool-repository';
import { findProject } from './scope';
import { listProjectEvents } from './timeline-events';

type Entry = ProjectTimeline['items'][number];

const NO_EVENT = { action: null, recordType: null, before: null, after: null, about: null };

/** A project's history for the page, newest first: every change of it (audit events), pool moves, 项目代码 changes and its creation. */
export async function projectTimeline(db: Executor, actor: Actor, id: string): Promise<ProjectTimeline> {
  const project = await findProject(db, actor, id);
  if (!project) throw notFound();
  const [moves, codes, creator, events] = await Promise.all([
    listPoolMoves(db, id),
    listCodeChanges(db, id),
    creatorName(db, project.createdBy),
    listProjectEvents(db, id),
  ]);
  const items: (Entry & { order: number })[] = [
    ...moves.map((m) => ({
      at: m.at.toISOString(),
      kind: 'pool_move' as const,
      actorName: m.actorName,
      from: m.fromPool,
      to: m.toPool,
      reason: m.reason,
      ...NO_EVENT,
      order: 2,
    })),
    ...codes.map((c) => ({
      at: c.at.toISOString(),
      kind: 'code_change' as const,
      actorName: c.actorName,
      from: c.previousCode,
      to: c.code,
      reason: c.reason,
      ...NO_EVENT,
      order: 1,
    })),
    ...events.map((e) => ({
      at: e.at.toISOString(),
      kind: 'event' as const,
      actorName: e.actorName,
      from: null,
      to: null,
      reason: null,
      action: e.action,
      recordType: e.recordType,
      before: e.before,
      after: e.after,
      about: e.about,
      order: 3,
    })),
    { at: project.createdAt.toISOString(), kind: 'created', actorName: creator, from: null, to: null, reason: null, ...NO_EVENT, order: 0 },
  ];
  // Newest first; entries of the same instant (a project created with its code) keep their logical order.
  items.sort((a, b) => b.at.localeCompare(a.at) || b.order - a.order);
  return { items: items.map(({ order: _order, ...entry }) => entry) };
}
