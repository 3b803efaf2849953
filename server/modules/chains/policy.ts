import { type Actor, can } from '../../lib/actor';

// A chain map is the district's: whoever keeps the maps (chain.manage) may edit every chain he sees.

/** What the reader may do with a chain he sees: edit it (nodes and placements too) and remove it. */
export const chainAbilities = (actor: Actor) => ({ update: can(actor, 'chain.manage'), delete: can(actor, 'chain.manage') });

/** What the reader may do on the list: add a chain. */
export const chainListAbilities = (actor: Actor) => ({ create: can(actor, 'chain.manage') });
