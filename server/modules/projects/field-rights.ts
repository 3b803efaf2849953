import { enumLabel } from '../../../common/labels';
import { GOVERNED_PROJECT_FIELDS, type GovernedProjectField, governedFieldsChanged } from '../../../common/domain/project-fields';
import { PLAN_DATE_KIND, planDatesChanged } from '../../../common/domain/plan-dates';
import { type Actor, can } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { type ProjectDraft, draftOf } from './draft';
import type { ProjectDetailRow } from './repository';

// Field rights (common/domain/project-fields.ts): the governed fields need `project.govern`. The one writer of project
// changes (write-projects.ts) calls the guard, so the API, imports and any later caller are held to it alike.

/** The fields the actor may see but not change on a project he may edit: none for the project office. */
export const lockedFields = (actor: Actor): GovernedProjectField[] => (can(actor, 'project.govern') ? [] : [...GOVERNED_PROJECT_FIELDS]);

/** Refuses (403, naming each field) a change of a governed field by an actor without `project.govern`. */
export function assertFieldRights(actor: Actor, changes: { current: ProjectDetailRow; draft: ProjectDraft }[]): void {
  if (can(actor, 'project.govern')) return;
  for (const { current, draft } of changes) {
    const fields = governedFieldsChanged(draftOf(current), draft);
    if (fields.length === 0) continue;
    throw new AppError(
      403,
      'field_locked',
      'error.field_locked',
      { name: current.name },
      fields.map((field) => ({
        path: field,
        messageKey: 'project.field_locked',
        params: { field: enumLabel(actor.locale, 'governedField', field) },
      })),
    );
  }
}

/**
 * Refuses (422, naming each field) a change of a header date the project's plan decides (its 开工 or 竣工 milestone's
 * planned date, or the day it was reached): that date is edited in the plan. Sending the same value back is fine.
 */
export function assertDatesFromPlan(actor: Actor, changes: { current: ProjectDetailRow; draft: ProjectDraft }[]): void {
  for (const { current, draft } of changes) {
    const fields = planDatesChanged(current.planMilestones ?? [], current, draft);
    if (fields.length === 0) continue;
    throw new AppError(
      422,
      'field_from_plan',
      'error.field_from_plan',
      { name: current.name },
      fields.map((field) => ({
        path: field,
        messageKey: 'project.field_from_plan',
        params: {
          field: enumLabel(actor.locale, 'planDateField', field),
          milestone: enumLabel(actor.locale, 'milestoneKind', PLAN_DATE_KIND[field]),
        },
      })),
    );
  }
}
