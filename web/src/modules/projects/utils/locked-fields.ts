import type { GovernedProjectField } from '../../../../../common/domain/project-fields';
import type { Project } from '../api/projects-api';

/** Whether the form shows a field read-only: a field the project office governs, for someone who may not change it. */
export const isLocked = (editing: Project | null, field: GovernedProjectField): boolean => editing?.lockedFields.includes(field) ?? false;
