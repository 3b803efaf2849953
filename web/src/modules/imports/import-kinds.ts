import type { ImportKind } from '../../../../common/import-kinds';
import type { MessageKey, Translate } from '../../i18n';
export { IMPORT_PAGES, importPath, importPermission, REGISTER_PATHS } from './import-pages';

/** A kind's words on the import page; where its rows land is `REGISTER_PATHS` (import-pages.ts). */
type ImportRegister = {
  /** The button that leads back to the register once the rows are written. */
  toRegister: MessageKey;
  /** What the upload area says the import matches and writes. */
  dropHint: MessageKey;
};

const PROJECT_SHEETS: ImportRegister = { toRegister: 'import.toProjects', dropHint: 'import.dropHint' };

export const IMPORT_REGISTERS: Record<ImportKind, ImportRegister> = {
  projects: PROJECT_SHEETS,
  approval_items: PROJECT_SHEETS,
  funding_lines: PROJECT_SHEETS,
  enterprises: { toRegister: 'import.toEnterprises', dropHint: 'import.dropHint.enterprises' },
  leads: { toRegister: 'import.toLeads', dropHint: 'import.dropHint.leads' },
  parcels: { toRegister: 'import.toParcels', dropHint: 'import.dropHint.parcels' },
  visits: { toRegister: 'import.toVisits', dropHint: 'import.dropHint.visits' },
  land_figures: { toRegister: 'import.toLandEfficiency', dropHint: 'import.dropHint.land_figures' },
};

/** The confirmation's words: what a change meanwhile would refuse, named as the kind's records. */
export const readyText = (kind: ImportKind, t: Translate) =>
  kind === 'visits' ? t('import.readyText.visits') : t('import.readyText', { records: t(`import.records.${kind}`) });
