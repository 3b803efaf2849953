import type { DictionaryItem, DictionaryType } from '../../../common/schemas/reference';
import { type Actor, can } from '../../lib/actor';
import type { DictionaryItemRow } from './repository';

/** A dictionary item as the API shows it; items are disabled rather than deleted, so there is no delete ability. */
export const presentDictionaryItem = (actor: Actor, row: DictionaryItemRow): DictionaryItem => ({
  id: row.id,
  type: row.type as DictionaryType,
  code: row.code,
  name: row.name,
  nameEn: row.nameEn,
  parentCode: row.parentCode,
  sortOrder: row.sortOrder,
  enabled: row.enabled,
  version: row.version,
  abilities: { update: can(actor, 'dictionary.manage') },
});
