import { type Actor, can } from '../../lib/actor';

// The service centre (policy.manage) drafts, pushes and follows the district's policies; readers only read.

/** What the reader may do with a policy he sees. */
export const policyAbilities = (actor: Actor) => ({ update: can(actor, 'policy.manage'), push: can(actor, 'policy.manage') });

/** What the reader may do on the list: draft a policy. */
export const policyListAbilities = (actor: Actor) => ({ create: can(actor, 'policy.manage') });

/** What the reader may do with a delivery: move it on. */
export const deliveryAbilities = (actor: Actor, delivery: { state: string }) => ({
  update: can(actor, 'policy.manage') && delivery.state !== 'granted',
});
