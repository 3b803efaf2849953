import type { DictionaryType } from '../../../common/schemas/reference';
import type { Region, Unit, User } from '../../../common/schemas/organisation';
import type { z } from 'zod';
import type { Project, ProjectListQuery } from '../../../common/schemas/projects';
import type { approvalItemSchema, milestoneSchema } from '../../../common/schemas/tracks';

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
  industry_chain: true,
});

export type Pool = Project['pool'];
export type ProjectNature = Project['nature'];
export type ApprovalType = NonNullable<Project['approvalType']>;
export type ApprovalStatus = z.infer<typeof approvalItemSchema>['status'];
export type MilestoneKind = z.infer<typeof milestoneSchema>['kind'];
export type ProjectLevel = NonNullable<ProjectListQuery['level']>[number];

export const POOLS = exhaustive<Pool>({ planning: true, advancing: true, implementing: true, completed: true, withdrawn: true });
export const PROJECT_NATURES = exhaustive<ProjectNature>({ new_start: true, continuing: true, completing: true, reserve: true });
export const APPROVAL_TYPES = exhaustive<ApprovalType>({ approval: true, ratification: true, filing: true });
export const APPROVAL_STATUSES = exhaustive<ApprovalStatus>({ pending: true, in_progress: true, done: true, not_required: true });
export const MILESTONE_KINDS = exhaustive<MilestoneKind>({ start: true, completion: true, other: true });
export type FeasibilityStatus = NonNullable<Project['feasibilityStatus']>;
export type ChainSegment = NonNullable<Project['chainSegment']>;
export const FEASIBILITY_STATUSES = exhaustive<FeasibilityStatus>({ not_started: true, preparing: true, completed: true, approved: true });
export const CHAIN_SEGMENTS = exhaustive<ChainSegment>({ upstream: true, midstream: true, downstream: true });
export const PROJECT_LEVELS = exhaustive<ProjectLevel>({ provincial: true, city: true, district: true });
