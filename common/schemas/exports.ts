import type { z } from 'zod';
import { projectListQuery } from './projects';

/**
 * The query of the project exports (list, ledger): the list's filters, search and sort, without paging — an export
 * holds every project the filters find in the caller's scope.
 */
export const projectExportQuery = projectListQuery.omit({ page: true, pageSize: true });
export type ProjectExportQuery = z.infer<typeof projectExportQuery>;
