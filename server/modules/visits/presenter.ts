import type { Visit } from '../../../common/schemas/visits';
import type { Actor } from '../../lib/actor';
import type { MatterOutcome } from '../matters';
import { visitAbilities } from './policy';
import type { VisitRow } from './repository';

/** What a visit's presentation needs besides its row: its demands' matters and the names of its platform visitors. */
export type VisitLinks = { demandIds: Map<string, string[]>; outcomes: Map<string, MatterOutcome>; userNames: Map<string, string> };

/** A visit as the API answers it: its visitors (platform users first), its demands with where they stand, abilities. */
export function presentVisit(actor: Actor, row: VisitRow, links: VisitLinks): Visit {
  const demands = (links.demandIds.get(row.id) ?? []).flatMap((id) => {
    const m = links.outcomes.get(id);
    return m
      ? [
          {
            matterId: m.id,
            title: m.title,
            status: m.status,
            leadUnitName: m.leadUnitName,
            deadline: m.deadline,
            overdue: m.overdue,
            closedOn: m.closedOn,
          },
        ]
      : [];
  });
  return {
    id: row.id,
    regionCode: row.regionCode,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    unitId: row.unitId,
    unitName: row.unitName,
    visitDate: row.visitDate,
    visitors: [
      ...row.visitorUserIds.map((userId) => ({ userId, name: links.userNames.get(userId) ?? '—' })),
      ...row.visitorNames.map((name) => ({ userId: null, name })),
    ],
    purpose: row.purpose,
    notes: row.notes,
    demands,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    abilities: visitAbilities(actor, row),
  };
}
