import { IMPORT_KINDS, IMPORT_KIND_PERMISSIONS, type ImportKind } from '../../../../common/import-kinds';
import type { MessageKey, Translate } from '../../i18n';

/** The register a kind's rows land in: its page (the side menu's item) and its words on the import page. */
type ImportRegister = {
  /** The register's page; the import page of the kind lives under it (`/leads/import`), so the menu shows where one is. */
  path: '/projects' | '/enterprises' | '/leads' | '/parcels' | '/visits' | '/land-efficiency';
  /** The button that leads back to the register once the rows are written. */
  toRegister: MessageKey;
  /** What the upload area says the import matches and writes. */
  dropHint: MessageKey;
};

const PROJECT_SHEETS: ImportRegister = { path: '/projects', toRegister: 'import.toProjects', dropHint: 'import.dropHint' };

export const IMPORT_REGISTERS: Record<ImportKind, ImportRegister> = {
  projects: PROJECT_SHEETS,
  approval_items: PROJECT_SHEETS,
  funding_lines: PROJECT_SHEETS,
  enterprises: { path: '/enterprises', toRegister: 'import.toEnterprises', dropHint: 'import.dropHint.enterprises' },
  leads: { path: '/leads', toRegister: 'import.toLeads', dropHint: 'import.dropHint.leads' },
  parcels: { path: '/parcels', toRegister: 'import.toParcels', dropHint: 'import.dropHint.parcels' },
  visits: { path: '/visits', toRegister: 'import.toVisits', dropHint: 'import.dropHint.visits' },
  land_figures: { path: '/land-efficiency', toRegister: 'import.toLandEfficiency', dropHint: 'import.dropHint.land_figures' },
};

/** Who may import a kind (the server's own table). */
export const importPermission = (kind: ImportKind) => IMPORT_KIND_PERMISSIONS[kind];

/** The import page of a kind, under its register's page (a job to look at, when given). */
export function importPath(kind: ImportKind, job?: string | null) {
  const params = new URLSearchParams({ kind });
  if (job) params.set('job', job);
  return `${IMPORT_REGISTERS[kind].path}/import?${params}`;
}

/** The confirmation's words: what a change meanwhile would refuse, named as the kind's records. */
export const readyText = (kind: ImportKind, t: Translate) =>
  kind === 'visits' ? t('import.readyText.visits') : t('import.readyText', { records: t(`import.records.${kind}`) });

/**
 * The import pages, one under each register, and who may open each: whoever may import one of the kinds there. The
 * project library's (`/projects/import`, the old address of every kind) opens to any importer and moves a kind of
 * another register to its own page.
 */
export const IMPORT_PAGES = [...new Set(Object.values(IMPORT_REGISTERS).map((r) => r.path))].map((path) => ({
  path: `${path.slice(1)}/import`,
  permissions: [...new Set(IMPORT_KINDS.filter((k) => path === '/projects' || IMPORT_REGISTERS[k].path === path).map(importPermission))],
}));
