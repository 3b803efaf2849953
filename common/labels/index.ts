import {
  type ApprovalStatus,
  type ApprovalType,
  type ChainSegment,
  type FeasibilityStatus,
  type MilestoneKind,
  type Nature,
  PROJECT_LEVELS,
  type Pool,
  type ProjectLevel,
} from '../enums';
import type { Locale } from '../locale';
import { enumLabelsEnUS } from './en-US';
import { enumLabelsZhCN } from './zh-CN';

/**
 * The names of the enum values both sides show: the page, the spreadsheets and the Word documents call a pool, a
 * nature or an approval state by the same words. Each enum is a Record over its values, so a value added to an
 * enum without its label is a compile error in every language.
 */
export type EnumLabels = {
  pool: Record<Pool, string>;
  nature: Record<Nature, string>;
  level: Record<ProjectLevel, string>;
  approvalType: Record<ApprovalType, string>;
  approvalStatus: Record<ApprovalStatus, string>;
  feasibilityStatus: Record<FeasibilityStatus, string>;
  chainSegment: Record<ChainSegment, string>;
  milestoneKind: Record<MilestoneKind, string>;
};
export type EnumName = keyof EnumLabels;

const LABELS: Record<Locale, EnumLabels> = { 'zh-CN': enumLabelsZhCN, 'en-US': enumLabelsEnUS };

/** The name of one enum value in the reader's language (`enumLabel('zh-CN', 'pool', 'advancing')` → 推进库). */
export const enumLabel = <E extends EnumName>(locale: Locale, name: E, value: keyof EnumLabels[E]): string =>
  (LABELS[locale][name] as Record<typeof value, string>)[value];

/** The message key of an enum value in the web's catalogs: `pool.advancing`, `approvalStatus.done` … */
export type EnumMessageKey = { [E in EnumName]: `${E}.${keyof EnumLabels[E] & string}` }[EnumName];

/** One language's labels as message keys, for the web's catalogs to spread in. */
export function enumMessages(locale: Locale): Record<EnumMessageKey, string> {
  const entries = Object.entries(LABELS[locale]).flatMap(([name, values]) =>
    Object.entries(values).map(([value, label]) => [`${name}.${value}`, label] as const),
  );
  return Object.fromEntries(entries) as Record<EnumMessageKey, string>;
}

/** The key-project lists (省级重点、市级重点、区级重点) a project is on, named in the reader's language. */
export function levelsOf(
  locale: Locale,
  project: { isProvincialKey: boolean; isCityKey: boolean; isDistrictKey: boolean },
  separator: string,
): string {
  const flags: Record<ProjectLevel, boolean> = {
    provincial: project.isProvincialKey,
    city: project.isCityKey,
    district: project.isDistrictKey,
  };
  return PROJECT_LEVELS.filter((level) => flags[level])
    .map((level) => enumLabel(locale, 'level', level))
    .join(separator);
}
