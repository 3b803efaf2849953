import { type Actor, can } from '../../lib/actor';

// The register is the district's: whoever keeps it (enterprise.manage) may edit every enterprise he sees.

/** What the reader may do with an enterprise he sees. */
export const enterpriseAbilities = (actor: Actor) => ({ update: can(actor, 'enterprise.manage'), delete: can(actor, 'enterprise.manage') });

/** What the reader may do on the list: add an enterprise. */
export const enterpriseListAbilities = (actor: Actor) => ({ create: can(actor, 'enterprise.manage') });
