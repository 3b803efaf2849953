import type { MilestoneKind } from '../../../lib/enums';
import type { Plan, PlanBody } from '../api/tracks-api';

/** A milestone while the plan is being edited; dates stay ISO text. */
export type DraftMilestone = {
  id: string;
  name: string;
  kind: MilestoneKind;
  durationDays: number;
  predecessorIds: string[];
  actualStart: string | null;
  actualFinish: string | null;
  approvalTypeCode: string | null;
  /** The approval item the milestone's finish comes from, when bound to one the project has: read-only here. */
  approval: Plan['milestones'][number]['approval'];
  plannedFinish: string | null;
};

/**
 * A random UUID (v4) for a new milestone, so predecessors can point at it before it is saved. crypto.randomUUID
 * exists only on HTTPS and localhost; an intranet served over plain HTTP still has getRandomValues.
 */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The editable copy of a saved plan. */
export function toDraft(plan: Plan): DraftMilestone[] {
  return [...plan.milestones]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map(({ id, name, kind, durationDays, predecessorIds, actualStart, actualFinish, approvalTypeCode, approval, plannedFinish }) => ({
      id,
      name,
      kind,
      durationDays,
      predecessorIds,
      actualStart,
      actualFinish,
      approvalTypeCode,
      approval,
      plannedFinish,
    }));
}

/** The PUT body: the whole plan in the order shown, with predecessors that still exist, and the project's version. */
export function toPlanBody(draft: DraftMilestone[], version: number): PlanBody {
  const ids = new Set(draft.map((m) => m.id));
  return {
    version,
    milestones: draft.map((m) => ({
      id: m.id,
      name: m.name.trim(),
      kind: m.kind,
      durationDays: m.durationDays,
      predecessorIds: m.predecessorIds.filter((id) => ids.has(id) && id !== m.id),
      actualStart: m.actualStart,
      actualFinish: m.actualFinish,
      approvalTypeCode: m.approvalTypeCode,
      plannedFinish: m.plannedFinish,
    })),
  };
}

/** A new milestone after the last one, depending on it (the usual case when adding steps in order). */
export function appendMilestone(draft: DraftMilestone[], name: string): DraftMilestone[] {
  const last = draft[draft.length - 1];
  return [
    ...draft,
    {
      id: newUuid(),
      name,
      kind: 'other',
      durationDays: 30,
      predecessorIds: last ? [last.id] : [],
      actualStart: null,
      actualFinish: null,
      approvalTypeCode: null,
      approval: null,
      plannedFinish: null,
    },
  ];
}

/** Removes a milestone and every link to it. */
export function removeMilestone(draft: DraftMilestone[], id: string): DraftMilestone[] {
  return draft.filter((m) => m.id !== id).map((m) => ({ ...m, predecessorIds: m.predecessorIds.filter((p) => p !== id) }));
}
