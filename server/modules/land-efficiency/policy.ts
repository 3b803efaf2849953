import { type Actor, can } from '../../lib/actor';

// 亩均效益 belongs to the enterprise register: its readers read it, its keepers (enterprise.manage) write it.

/** What the reader may do with 亩均效益 figures and thresholds he sees. */
export const landAbilities = (actor: Actor) => ({ manage: can(actor, 'enterprise.manage') });
