import { IMPORT_KINDS, IMPORT_KIND_PERMISSIONS, type ImportKind } from '../../../../common/import-kinds';

/** The register's page a kind's rows land in; the import page of the kind lives under it (`/leads/import`). */
export type RegisterPath = '/projects' | '/enterprises' | '/leads' | '/parcels' | '/visits' | '/land-efficiency';

/**
 * Where each kind's rows land. Kept apart from the words of the import page (import-kinds.ts) because the routes read
 * it: the frame loads this file, and its catalog need not carry the import page's words.
 */
export const REGISTER_PATHS: Record<ImportKind, RegisterPath> = {
  projects: '/projects',
  approval_items: '/projects',
  funding_lines: '/projects',
  enterprises: '/enterprises',
  leads: '/leads',
  parcels: '/parcels',
  visits: '/visits',
  land_figures: '/land-efficiency',
};

/** Who may import a kind (the server's own table). */
export const importPermission = (kind: ImportKind) => IMPORT_KIND_PERMISSIONS[kind];

/** The import page of a kind, under its register's page (a job to look at, when given). */
export function importPath(kind: ImportKind, job?: string | null) {
  const params = new URLSearchParams({ kind });
  if (job) params.set('job', job);
  return `${REGISTER_PATHS[kind]}/import?${params}`;
}

/**
 * The import pages, one under each register, and who may open each: whoever may import one of the kinds there. The
 * project library's (`/projects/import`, the old address of every kind) opens to any importer and moves a kind of
 * another register to its own page.
 */
export const IMPORT_PAGES = [...new Set(Object.values(REGISTER_PATHS))].map((path) => ({
  path: `${path.slice(1)}/import`,
  permissions: [...new Set(IMPORT_KINDS.filter((k) => path === '/projects' || REGISTER_PATHS[k] === path).map(importPermission))],
}));
