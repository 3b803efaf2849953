import type { Permission } from '../../../../../common/permissions';
import { useCan } from '../../auth/hooks/use-me';
import type { Project } from '../api/projects-api';

/** The actions the page offers on a project, each with the permission that grants it in general. */
const ABILITIES = {
  update: 'project.update',
  plan: 'project.plan',
  move: 'project.move',
  moveBack: 'project.move_back',
} as const satisfies Record<string, Permission>;

export type ProjectAbility = keyof typeof ABILITIES;

/**
 * Whether the user may take an action on this project: the record's own abilities when the server sent that key
 * (they know the data scope), else the permission. Only for hiding; the server enforces either way.
 */
export function useProjectAbilities(project: Pick<Project, 'abilities'> | undefined) {
  const can = useCan();
  return (ability: ProjectAbility) => project?.abilities[ability] ?? can(ABILITIES[ability]);
}
