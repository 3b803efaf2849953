import type { z } from 'zod';
import { daysBetween } from '../../../common/domain/dates';
import type { matterDetailSchema, matterEntrySchema, matterSchema, matterSourceVisitSchema } from '../../../common/schemas/matters';
import type { Actor } from '../../lib/actor';
import { matterAbilities } from './policy';
import type { MatterEntryRow, MatterRow } from './repository';

/** A matter for the board and its page: overdue computed against today (China Standard Time), with the reader's step buttons. */
export function presentMatter(actor: Actor, row: MatterRow, today: string): z.infer<typeof matterSchema> {
  const daysOverdue = row.status === 'closed' ? 0 : Math.max(0, daysBetween(row.deadline, today));
  return {
    id: row.id,
    regionCode: row.regionCode,
    source: row.source,
    projectId: row.projectId,
    projectName: row.projectName,
    title: row.title,
    description: row.description,
    category: row.category,
    priority: row.priority,
    leadUnitId: row.leadUnitId,
    leadUnitName: row.leadUnitName,
    coUnits: row.coUnits,
    raisingUnitId: row.raisingUnitId,
    raisingUnitName: row.raisingUnitName,
    raisedBy: row.raisedBy,
    deadline: row.deadline,
    status: row.status,
    overdue: daysOverdue > 0,
    daysOverdue,
    escalationLevel: row.escalationLevel,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    escalationTarget: row.escalationTarget ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    abilities: matterAbilities(actor, row),
  };
}

export const presentEntry = (row: MatterEntryRow): z.infer<typeof matterEntrySchema> => ({
  id: row.id,
  kind: row.kind,
  authorId: row.authorId,
  authorName: row.authorName,
  unitId: row.unitId,
  unitName: row.unitName,
  text: row.text,
  status: row.status,
  escalationLevel: row.escalationLevel,
  escalationTarget: row.escalationTarget ?? null,
  attachmentIds: row.attachmentIds,
  createdAt: row.createdAt.toISOString(),
});

/** A matter with its timeline, the monthly report it was raised from and the visit a demand was raised in. */
export const presentMatterDetail = (
  actor: Actor,
  row: MatterRow,
  entries: MatterEntryRow[],
  today: string,
  sourceVisit: z.infer<typeof matterSourceVisitSchema> | null,
): z.infer<typeof matterDetailSchema> => ({
  ...presentMatter(actor, row, today),
  sourceReport:
    row.sourceReportId && row.sourceReportYear !== null && row.sourceReportMonth !== null
      ? { id: row.sourceReportId, year: row.sourceReportYear, month: row.sourceReportMonth }
      : null,
  sourceVisit,
  entries: entries.map(presentEntry),
});
