import type { Permission } from './permissions';

/**
 * The kinds of sheet the import takes and who may import each: projects and their sheets the project office, the
 * enterprise register its keepers, leads whoever records them, parcels the carriers' keepers, visits whoever records
 * visits, a year's 亩均效益 figures the register's keepers. One table for the server's check and the page's offer;
 * free of zod, so the page's frame (its menu of import pages) carries no schema library.
 */
export const IMPORT_KINDS = [
  'projects',
  'approval_items',
  'funding_lines',
  'enterprises',
  'leads',
  'parcels',
  'visits',
  'land_figures',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_PERMISSIONS = {
  projects: 'project.import',
  approval_items: 'project.import',
  funding_lines: 'project.import',
  enterprises: 'enterprise.manage',
  leads: 'lead.manage',
  parcels: 'carrier.manage',
  visits: 'visit.manage',
  land_figures: 'enterprise.manage',
} as const satisfies Record<ImportKind, Permission>;
