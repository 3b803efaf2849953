// The enums of the contract under the names the page uses. They come from common/enums.ts, which the zod schemas
// build on and which imports nothing, so a page lists and filters by them without loading zod.
export {
  APPROVAL_STATUSES,
  APPROVAL_TYPES,
  CHAIN_SEGMENTS,
  DICTIONARY_TYPES,
  FEASIBILITY_STATUSES,
  MILESTONE_KINDS,
  NATURES as PROJECT_NATURES,
  POOLS,
  PROJECT_LEVELS,
  UNIT_KINDS,
  USER_STATUSES,
} from '../../../common/enums';
export type {
  ApprovalStatus,
  ApprovalType,
  ChainSegment,
  FeasibilityStatus,
  MilestoneKind,
  Nature as ProjectNature,
  Pool,
  UnitKind,
  UserStatus,
} from '../../../common/enums';
