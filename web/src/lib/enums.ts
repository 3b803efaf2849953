import type { DictionaryType } from '../../../common/schemas/reference';
import type { Region, Unit, User } from '../../../common/schemas/organisation';

// The enums live in zod schemas; listing them here again (checked exhaustive by the compiler) keeps zod out of the page.
const exhaustive = <K extends string>(record: Record<K, true>): K[] => Object.keys(record) as K[];

export type UnitKind = Unit['kind'];
export type RegionLevel = Region['level'];
export type UserStatus = User['status'];

export const UNIT_KINDS = exhaustive<UnitKind>({ office: true, bureau: true, street: true, park: true, enterprise: true, other: true });
export const REGION_LEVELS = exhaustive<RegionLevel>({ province: true, city: true, district: true, street: true });
export const USER_STATUSES = exhaustive<UserStatus>({ active: true, disabled: true });
export const DICTIONARY_TYPES = exhaustive<DictionaryType>({
  industry: true,
  project_category: true,
  leading_industry: true,
  problem_category: true,
  funding_source: true,
  enterprise_tag: true,
  approval_item_type: true,
  cluster: true,
  park: true,
});
