import type { Enterprise } from '../../../common/schemas/enterprises';
import type { Actor } from '../../lib/actor';
import { enterpriseAbilities } from './policy';
import type { EnterpriseRow } from './repository';

/** An enterprise as the API answers it, with the reader's abilities. */
export function presentEnterprise(actor: Actor, row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionName,
    name: row.name,
    uscc: row.uscc,
    kind: row.kind,
    abroad: row.abroad,
    tags: row.tags,
    listingStage: row.listingStage,
    size: row.size,
    industryCode: row.industryCode,
    industryName: row.industryName,
    hqRegionCode: row.hqRegionCode,
    hqRegionName: row.hqRegionName,
    contacts: row.contacts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: enterpriseAbilities(actor),
  };
}
