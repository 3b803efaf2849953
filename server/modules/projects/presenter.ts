import { PLAN_DATE_FIELDS, datesFromPlan } from '../../../common/domain/plan-dates';
import { colourOfLevel } from '../../../common/domain/warnings';
import type { Project, ProjectListItem } from '../../../common/schemas/projects';
import type { Actor } from '../../lib/actor';
import { translate } from '../../lib/messages';
import type { MoveCheck } from './gate-checks';
import type { ProjectListRow } from './list-repository';
import { lockedFields } from './field-rights';
import { projectAbilities } from './policy';
import type { ProjectDetailRow } from './repository';

/** A project as the API shows it, with the names the page needs and what the actor may do to it. */
export const presentProject = (actor: Actor, row: ProjectDetailRow): Project => ({
  id: row.id,
  regionCode: row.regionCode,
  name: row.name,
  code: row.code,
  codeRegionCode: row.codeRegionCode,
  codeRegionName: row.codeRegionName,
  ownerName: row.ownerName,
  constructionContent: row.constructionContent,
  categoryCode: row.categoryCode,
  industryCode: row.industryCode,
  leadingIndustryCode: row.leadingIndustryCode,
  isProvincialKey: row.isProvincialKey,
  isCityKey: row.isCityKey,
  isDistrictKey: row.isDistrictKey,
  namedLists: row.namedLists,
  nature: row.nature,
  approvalType: row.approvalType,
  streetCode: row.streetCode,
  streetName: row.streetName,
  clusterCode: row.clusterCode,
  parkCode: row.parkCode,
  longitude: row.longitude,
  latitude: row.latitude,
  outline: row.outline ?? null,
  totalInvestmentYuan: row.totalInvestmentYuan,
  fixedAssetInvestmentYuan: row.fixedAssetInvestmentYuan,
  openingCompletedYuan: row.openingCompletedYuan,
  openingCompletedAsOf: row.openingCompletedAsOf,
  needsLand: row.needsLand,
  landSecured: row.landSecured,
  landAreaMu: row.landAreaMu,
  floorAreaM2: row.floorAreaM2,
  demolitionM2: row.demolitionM2,
  resettlementUnits: row.resettlementUnits,
  plannedStart: row.plannedStart,
  plannedCompletion: row.plannedCompletion,
  actualStart: row.actualStart,
  actualCompletion: row.actualCompletion,
  leadUnitId: row.leadUnitId,
  leadUnitName: row.leadUnitName,
  coUnits: row.coUnits,
  leaders: row.leaders,
  contactName: row.contactName,
  contactPhone: row.contactPhone,
  taskForce: row.taskForce,
  proposal: row.proposal,
  feasibilityStatus: row.feasibilityStatus,
  feasibilityApprovedOn: row.feasibilityApprovedOn,
  chainCode: row.chainCode,
  chainSegment: row.chainSegment,
  chainNode: row.chainNode,
  expectedOutputYuan: row.expectedOutputYuan,
  expectedTaxYuan: row.expectedTaxYuan,
  pool: row.pool,
  poolChangedAt: row.poolChangedAt.toISOString(),
  withdrawnReason: row.withdrawnReason,
  customValues: row.customValues as Project['customValues'],
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  warning: colourOfLevel(row.warningLevel),
  abilities: projectAbilities(actor, row),
  lockedFields: lockedFields(actor),
  datesFromPlan: PLAN_DATE_FIELDS.filter((field) => datesFromPlan(row.planMilestones ?? [])[field] !== undefined),
});

/** A project as a list row shows it. */
export const presentProjectListItem = (actor: Actor, row: ProjectListRow): ProjectListItem => ({
  id: row.id,
  name: row.name,
  code: row.code,
  pool: row.pool,
  nature: row.nature,
  categoryCode: row.categoryCode,
  industryCode: row.industryCode,
  isProvincialKey: row.isProvincialKey,
  isCityKey: row.isCityKey,
  totalInvestmentYuan: row.totalInvestmentYuan,
  leadUnitId: row.leadUnitId,
  leadUnitName: row.leadUnitName,
  leaders: row.leaders,
  streetName: row.streetName,
  plannedStart: row.plannedStart,
  plannedCompletion: row.plannedCompletion,
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
  customValues: row.customValues as ProjectListItem['customValues'],
  warning: colourOfLevel(row.warningLevel),
  abilities: projectAbilities(actor, row),
});

/** A move check as the API shows it: each condition with its label in the reader's language. */
export const presentMoveCheck = (actor: Actor, check: MoveCheck) => ({
  from: check.from,
  to: check.to,
  allowed: check.allowed,
  conditions: check.conditions.map((c) => ({ key: c.key, met: c.met, label: translate(actor.locale, c.messageKey, c.params) })),
});
