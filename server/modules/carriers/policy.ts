import { type Actor, can } from '../../lib/actor';

// The carriers (parks, buildings, parcels) are the district's inventory: whoever keeps it (carrier.manage) may edit
// every carrier he sees.

/** What the reader may do with a park, building or parcel he sees. */
export const carrierAbilities = (actor: Actor) => ({ update: can(actor, 'carrier.manage'), delete: can(actor, 'carrier.manage') });

/** What the reader may do on a list: add a carrier. */
export const carrierListAbilities = (actor: Actor) => ({ create: can(actor, 'carrier.manage') });
