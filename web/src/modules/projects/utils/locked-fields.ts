import type { GovernedProjectField } from '../../../../../common/domain/project-fields';
import type { Translate } from '../../../i18n';
import type { Project } from '../api/projects-api';

/** Whether the form shows a field read-only: a field the project office governs, for someone who may not change it. */
export const isLocked = (editing: Project | null, field: GovernedProjectField): boolean => editing?.lockedFields.includes(field) ?? false;

/** The note under a field shown read-only, saying who keeps it, so the reason sits beside the greyed value. */
export const lockedNote = (editing: Project | null, fields: GovernedProjectField[], t: Translate): string | undefined =>
  fields.some((field) => isLocked(editing, field)) ? t('project.lockedField') : undefined;
