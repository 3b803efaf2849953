import type { Locale } from '../../../common/locale';
import type { MessageKey } from '../../lib/messages';
import type { readMonthScores } from '../assessment';

// The 通报 as data — sections of paragraphs and tables — so that its Word document and its workbook say the same.

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A table of the 通报: a number cell is printed by its column's kind (a count, 元 shown as 万元, points) and written to
 * the workbook as a number; null is printed as —.
 */
export type BriefingColumn = { title: string; share: number; align?: 'left' | 'center' | 'right'; kind?: 'count' | 'wan' | 'points' };
export type BriefingTable = { sheet: string; columns: BriefingColumn[]; rows: (string | number | null)[][] };
/** A section: its heading, then paragraphs and tables in order. */
export type BriefingSection = { heading: string; parts: (string | BriefingTable)[] };

export const wan = (yuan: number) => (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** An indicator's figure as the 通报 prints it: up to two decimals, thousands separated. */
export const figure = (value: string | number) => Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
export const yi = (yuan: number, locale: Locale) =>
  locale === 'en-US'
    ? `${(yuan / 100_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })} 100M yuan`
    : `${(yuan / 100_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })}亿元`;

/** A cell as the document prints it, by its column's kind; text as it is; nothing as —. */
export function cellText(value: string | number | null, kind: BriefingColumn['kind']): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (kind === 'wan') return wan(value);
  if (kind === 'points') return value.toFixed(2);
  return String(value);
}

type RankingTerms = Awaited<ReturnType<typeof readMonthScores>>['items'][number]['terms'];

/** The two terms that moved a score most, signed (+14.00 2 * count_projects(…)), for the ranking's table. */
export function mainTerms(terms: RankingTerms): string {
  return [...terms]
    .filter((term) => term.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, 2)
    .map((term) => `${term.value < 0 ? '−' : '+'}${Math.abs(term.value).toFixed(2)} ${term.text}`)
    .join('；');
}

/** The dashboard's key figures a 通报's 一、总体情况 reads (a district's or a city's over its districts). */
type OverallKpis = {
  projects: { count: number; totalInvestmentYuan: number };
  annual: { completedYuan: number; plannedYuan: number; words: string };
  warnings: { red: { count: number }; yellow: { count: number } };
  matters: { overdue: number };
};

/** The figures of the overall paragraph, as its message (briefing.overall, briefing.city.overall) names them. */
export const overallFigures = (kpis: OverallKpis, year: number, month: number, locale: Locale) => ({
  year,
  count: kpis.projects.count,
  total: yi(kpis.projects.totalInvestmentYuan, locale),
  month,
  completed: yi(kpis.annual.completedYuan, locale),
  planned: yi(kpis.annual.plannedYuan, locale),
  words: kpis.annual.words,
});

/** The warnings paragraph: red and yellow projects and overdue matters on the day of the figures. */
export const warningsLine = (kpis: OverallKpis, asOf: string, t: Translate) =>
  t('briefing.warnings', { date: asOf, red: kpis.warnings.red.count, yellow: kpis.warnings.yellow.count, overdue: kpis.matters.overdue });
