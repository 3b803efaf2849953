import { type Actor, can } from '../../lib/actor';

type IndicatorFlags = { source: string; kind: string; isOwner: boolean; isHome: boolean };

/**
 * May the reader set the indicator and its breakdown: the office of its own level (a district's office its district's,
 * a city's office its city's). A district reads its share of the city's indicator and never changes it; a city does
 * not edit its districts' indicators.
 */
export const mayManageIndicator = (actor: Actor, row: { isHome: boolean }) => can(actor, 'target.manage') && row.isHome;

/** May the reader enter an indicator's monthly actual: the office of its level, or the owner unit with target.enter. */
export const mayEnterIndicator = (actor: Actor, row: { isOwner: boolean; isHome: boolean }) =>
  mayManageIndicator(actor, row) || (can(actor, 'target.enter') && row.isOwner);

/** What the reader may do to an indicator: edit it and its breakdown (the office of its level), enter its monthly actual (its owner unit, or that office). */
export function indicatorAbilities(actor: Actor, row: IndicatorFlags): Record<string, boolean> {
  const manage = mayManageIndicator(actor, row);
  return {
    update: manage,
    breakdown: manage && row.kind === 'level',
    enter: row.source === 'entered' && mayEnterIndicator(actor, row),
  };
}

/** May the reader enter a pledge's figures: the office, or the owner unit with target.enter. */
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
