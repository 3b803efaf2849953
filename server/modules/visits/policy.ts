import { type Actor, can } from '../../lib/actor';

// A unit records its own visits: whoever holds visit.manage corrects or removes a visit of a unit in his data scope
// (or one he recorded). The register's keepers read every visit of the district but edit only their own units'.

/** What the reader may do with a visit he sees. */
export const visitAbilities = (actor: Actor, visit: { editable: boolean }) => {
  const manage = can(actor, 'visit.manage') && visit.editable;
  return { update: manage, delete: manage };
};

/** What the reader may do on the list: record a visit. */
export const visitListAbilities = (actor: Actor) => ({ create: can(actor, 'visit.manage') });
