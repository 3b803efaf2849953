import { downloadFile } from '../../../lib/download';
import { type ProjectFilters, listQueryOf } from './projects-api';

/** The list's filters and sort as an export's query: no paging, an export holds every project the filters find. */
export function exportQueryOf(filters: ProjectFilters, sort: string | undefined) {
  const { page: _page, pageSize: _pageSize, ...query } = listQueryOf({ ...filters, sort, page: 1, pageSize: 1 });
  return query;
}

/** The project library's downloads; each answers the file name the browser saved. */
export const exportsApi = {
  list: (filters: ProjectFilters, sort?: string) => downloadFile('/projects/export.xlsx', exportQueryOf(filters, sort)),
  ledger: (filters: ProjectFilters, sort?: string) => downloadFile('/projects/ledger.xlsx', exportQueryOf(filters, sort)),
  summary: (projectId: string) => downloadFile(`/projects/${projectId}/summary.docx`),
};
