import { type Actor, can } from '../../lib/actor';

/** What the reader may do to an indicator: edit it and its breakdown (the office), enter its monthly actual (its owner unit, or the office). */
export function indicatorAbilities(actor: Actor, row: { source: string; kind: string; isOwner: boolean }): Record<string, boolean> {
  const manage = can(actor, 'target.manage');
  return {
    update: manage,
    breakdown: manage && row.kind === 'level',
    enter: row.source === 'entered' && (manage || (can(actor, 'target.enter') && row.isOwner)),
  };
}

/** May the reader enter the indicator's or pledge's figures: the office, or the owner unit with target.enter. */
export const mayEnter = (actor: Actor, row: { isOwner: boolean }) =>
  can(actor, 'target.manage') || (can(actor, 'target.enter') && row.isOwner);

/** What the reader may do to a pledge or 民生实事. */
export function commitmentAbilities(
  actor: Actor,
  row: { isOwner: boolean; late: boolean; matterId: string | null },
): Record<string, boolean> {
  const manage = can(actor, 'target.manage');
  return {
    update: manage,
    markDone: manage,
    enter: mayEnter(actor, row),
    raiseMatter: can(actor, 'matter.create') && row.late && !row.matterId,
  };
}

/** What the reader may do on the lists: add an indicator, a pledge or a 民生实事. */
export const targetListAbilities = (actor: Actor) => ({ create: can(actor, 'target.manage') });
