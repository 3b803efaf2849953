import { type ClockFacts, nextStages, overdueClocks } from '../../../common/domain/leads';
import type { FollowUp, Lead, LeadDetail, LeadEvent } from '../../../common/schemas/leads';
import type { Actor } from '../../lib/actor';
import { leadAbilities } from './policy';
import type { LeadRecord, LeadRow, followUpsOf, movesOf } from './repository';

/** The dates the service clocks read. */
export const clockFacts = (row: LeadRecord): ClockFacts => ({
  stage: row.stage,
  receivedOn: row.receivedOn,
  firstContactOn: row.firstContactOn,
  lastContactOn: row.lastContactOn,
  assessedOn: row.assessedOn,
  hasReferrer: !!row.referrer,
  feedbackOn: row.feedbackOn,
});

/** A lead as the API answers it: its facts, its overdue clocks as of `today`, and the reader's abilities. */
export function presentLead(actor: Actor, row: LeadRow, today: string): Lead {
  const abilities = leadAbilities(actor, row);
  return {
    id: row.id,
    regionCode: row.regionCode,
    name: row.name,
    enterprise: row.enterpriseId && row.enterpriseName ? { id: row.enterpriseId, name: row.enterpriseName } : null,
    method: row.method,
    event: row.eventId && row.eventName && row.eventKind ? { id: row.eventId, name: row.eventName, kind: row.eventKind } : null,
    referrer: row.referrer,
    owner: { id: row.ownerId, name: row.ownerName },
    unit: { id: row.unitId, name: row.unitName },
    leader: row.leaderId && row.leaderName ? { id: row.leaderId, name: row.leaderName } : null,
    estimatedInvestmentYuan: row.estimatedInvestmentYuan,
    outOfCityPercent: row.outOfCityPercent,
    outOfProvincePercent: row.outOfProvincePercent,
    foreignPercent: row.foreignPercent,
    landMu: row.landMu,
    spaceM2: row.spaceM2,
    industryCode: row.industryCode,
    industryName: row.industryName,
    chainCode: row.chainCode,
    chainName: row.chainName,
    chainNodeId: row.chainNodeId,
    chainNode: row.chainNode,
    notes: row.notes,
    stage: row.stage,
    stageOn: row.stageOn,
    receivedOn: row.receivedOn,
    lastContactOn: row.lastContactOn,
    droppedReason: row.droppedReason,
    contractValueYuan: row.contractValueYuan,
    contractDate: row.contractDate,
    project: row.projectId && row.projectName ? { id: row.projectId, name: row.projectName, pool: row.projectPool ?? '' } : null,
    overdue: overdueClocks(clockFacts(row), today),
    nextStages: abilities.move ? nextStages(row.stage) : [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number];
type MoveRow = Awaited<ReturnType<typeof movesOf>>[number];

export const presentFollowUp = (row: FollowUpRow): FollowUp => ({
  id: row.id,
  on: row.on,
  way: row.way,
  text: row.text,
  nextStep: row.nextStep,
  toReferrer: row.toReferrer,
  authorName: row.authorName,
  createdAt: row.createdAt.toISOString(),
});

/** A lead with its follow-up log and the stages it went through (the lead page). */
export function presentLeadDetail(actor: Actor, row: LeadRow, today: string, followUps: FollowUpRow[], moves: MoveRow[]): LeadDetail {
  return {
    ...presentLead(actor, row, today),
    followUps: followUps.map(presentFollowUp),
    moves: moves.map((m) => ({ from: m.fromStage, to: m.toStage, on: m.on, reason: m.reason, actorName: m.actorName })),
  };
}

type EventRow = {
  id: string;
  regionCode: string;
  kind: 'trip' | 'fair';
  name: string;
  startsOn: string;
  endsOn: string;
  places: string[];
  notes: string | null;
  leadCount: number;
  version: number;
};

/** A source event (trip or fair) with how many leads it produced; `manage`: the reader may edit it. */
export const presentEvent = (row: EventRow, manage: boolean): LeadEvent => ({
  id: row.id,
  regionCode: row.regionCode,
  kind: row.kind,
  name: row.name,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  places: row.places,
  notes: row.notes,
  leadCount: row.leadCount,
  version: row.version,
  abilities: { update: manage },
});
