import type { Locale } from '../../../common/locale';
import { projectsEnUS } from '../../../web/src/i18n/projects.en-US';
import { projectsZhCN } from '../../../web/src/i18n/projects.zh-CN';

// Pools, natures, levels and approval states are named in a download exactly as the page names them: one set of
// labels, the web page's, for page, sheet and document.
const LABELS = { 'zh-CN': projectsZhCN, 'en-US': projectsEnUS } as const;

export type ProjectLabelKey = keyof typeof projectsZhCN;

/** The page's label for a project enum value (`pool.implementing`, `nature.new_start`, `level.city` …). */
export const projectLabel = (locale: Locale, key: ProjectLabelKey): string => LABELS[locale][key];

/** The levels (省级重点、市级重点、区级重点) a project is on, in the reader's language. */
export function levelsOf(
  locale: Locale,
  project: { isProvincialKey: boolean; isCityKey: boolean; isDistrictKey: boolean },
  separator: string,
): string {
  const levels = [project.isProvincialKey && 'provincial', project.isCityKey && 'city', project.isDistrictKey && 'district'];
  return levels
    .filter((level): level is 'provincial' | 'city' | 'district' => !!level)
    .map((level) => projectLabel(locale, `level.${level}`))
    .join(separator);
}
