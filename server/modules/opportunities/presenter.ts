import { isPubliclyVisible } from '../../../common/domain/opportunities';
import type { Opportunity, PublicOpportunity } from '../../../common/schemas/opportunities';
import type { Actor } from '../../lib/actor';
import { opportunityAbilities } from './policy';
import type { OpportunityRow, publicOpportunity } from './repository';

/** An item as the investment staff see it, with the reader's abilities. */
export function presentOpportunity(actor: Actor, row: OpportunityRow, today: string): Opportunity {
  return {
    id: row.id,
    publicId: row.publicId,
    regionCode: row.regionCode,
    regionName: row.regionName,
    kind: row.kind,
    title: row.title,
    description: row.description,
    location: row.location,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    validFrom: row.validFrom,
    validTo: row.validTo,
    status: row.status,
    public: isPubliclyVisible(row, today),
    returnReason: row.returnReason,
    createdByName: row.createdByName,
    reviewedByName: row.reviewedByName,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: opportunityAbilities(actor, row.status),
  };
}

type PublicRow = NonNullable<Awaited<ReturnType<typeof publicOpportunity>>>;

/** An item as the public sees it: the allow-listed fields, named by its public id. */
export function presentPublicOpportunity(row: PublicRow): PublicOpportunity {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    location: row.location,
    regionName: row.regionName,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    validFrom: row.validFrom,
    validTo: row.validTo,
    publishedAt: row.publishedAt?.toISOString() ?? '',
  };
}
