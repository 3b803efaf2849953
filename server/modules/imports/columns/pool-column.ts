import type { Pool } from '../../../../common/schemas/projects';
import { listColumn } from '../../../lib/spreadsheets/columns/define';
import { projectColumns } from './projects';

/**
 * 所属库: the pool a row's new project is created in (empty = the planning pool), and the pool an existing project
 * is in (empty or equal = unchanged; moves go through their gates on the project page). It is no field of a
 * project request: the import reads it beside the request (`project-rows.ts`), the list export writes `pool`.
 */
export const poolColumn = listColumn<'pool', Pool>('pool', { 'zh-CN': '所属库', 'en-US': 'Pool' }, 'pool', {
  width: 12,
  blank: undefined,
});

/** The projects sheet's own columns, before the district's custom fields: every project field, then 所属库. */
export const projectSheetOwnColumns = [...projectColumns, poolColumn];
