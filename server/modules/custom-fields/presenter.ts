import type { CustomField } from '../../../common/schemas/custom-fields';
import { type Actor, can } from '../../lib/actor';
import { type CustomFieldRow, definitionOf } from './repository';

/**
 * A definition as the API shows it. `projectCount` (how many projects hold a value) is given to those who manage
 * fields, since it decides whether delete or a type change is possible; readers get null.
 */
export const presentCustomField = (actor: Actor, row: CustomFieldRow, projectCount: number | null): CustomField => {
  const manage = can(actor, 'custom_field.manage');
  return {
    id: row.id,
    ...definitionOf(row),
    projectCount: manage ? projectCount : null,
    version: row.version,
    abilities: { update: manage, delete: manage && projectCount === 0 },
  };
};
