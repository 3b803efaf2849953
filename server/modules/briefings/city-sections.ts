import { enumLabel } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import { type CityBriefing, RED_LISTED_PER_DISTRICT } from './city-data';
import { type BriefingSection, type BriefingTable, type Translate, figure, mainTerms, overallFigures, warningsLine } from './sections';

function overall(b: CityBriefing, t: Translate, locale: Locale): BriefingSection {
  const { kpis } = b.dashboard;
  return {
    heading: t('briefing.section.overall'),
    parts: [
      t('briefing.city.overall', {
        ...overallFigures(kpis, b.year, b.month, locale),
        region: b.region.name,
        districts: b.districts.length,
      }),
      warningsLine(kpis, b.asOf, t),
    ],
  };
}

/** 二、a line per district under each indicator (target, actual, completion against time), and the districts' sum where it adds up. */
function indicators(b: CityBriefing, t: Translate, locale: Locale): BriefingSection {
  const heading = t('briefing.city.section.indicators');
  const { rows, districts } = b.indicators;
  if (rows.length === 0) return { heading, parts: [t('briefing.no_indicators')] };
  const lines: (string | number | null)[][] = [];
  rows.forEach((row, n) => {
    const measure = enumLabel(locale, 'targetMeasure', row.measure);
    const cells = row.cells.flatMap((cell, i) => (cell ? [{ cell, district: districts[i]?.name ?? cell.regionCode }] : []));
    cells.forEach(({ cell, district }, i) => {
      lines.push([
        i === 0 ? n + 1 : '',
        i === 0 ? row.name : '',
        district,
        `${figure(cell.targetValue)}${measure}${enumLabel(locale, 'targetQualifier', cell.qualifier)}`,
        cell.actual === null ? null : `${figure(cell.actual)}${measure}`,
        cell.standing,
      ]);
    });
    if (row.total)
      lines.push([
        '',
        '',
        t('briefing.city.total'),
        `${figure(row.total.targetValue)}${measure}`,
        `${figure(row.total.actual)}${measure}`,
        row.total.standing,
      ]);
  });
  const table: BriefingTable = {
    sheet: t('briefing.sheet.indicators'),
    columns: [
      { title: t('briefing.col.no'), share: 6, align: 'center', kind: 'count' },
      { title: t('briefing.col.indicator'), share: 22 },
      { title: t('briefing.col.district'), share: 12 },
      { title: t('briefing.col.target'), share: 16, align: 'right' },
      { title: t('briefing.col.actual'), share: 14, align: 'right' },
      { title: t('briefing.col.standing'), share: 30 },
    ],
    rows: lines,
  };
  return { heading, parts: [table] };
}

/** 三、completion against time by district, as the dashboard's 区县对比 ranks them (furthest ahead first). */
function districts(b: CityBriefing, t: Translate): BriefingSection {
  const heading = t('briefing.city.section.districts');
  if (b.districts.length === 0) return { heading, parts: [t('briefing.city.no_districts')] };
  return {
    heading,
    parts: [
      t('briefing.city.districts_basis'),
      {
        sheet: t('briefing.sheet.districts'),
        columns: [
          { title: t('briefing.col.rank'), share: 7, align: 'center', kind: 'count' },
          { title: t('briefing.col.district'), share: 13 },
          { title: t('briefing.col.projects'), share: 9, align: 'right', kind: 'count' },
          { title: t('briefing.col.planned'), share: 16, align: 'right', kind: 'wan' },
          { title: t('briefing.col.completed'), share: 16, align: 'right', kind: 'wan' },
          { title: t('briefing.col.standing'), share: 39 },
        ],
        rows: b.districts.map((d) => [d.rank, d.name, d.projects, d.plannedYuan, d.completedYuan, d.words]),
      },
    ],
  };
}

/** 四、the month's ranking of the districts by the city's rule, from its snapshot. */
function ranking(b: CityBriefing, t: Translate): BriefingSection {
  const heading = t('briefing.city.section.ranking');
  const { snapshot, items } = b.ranking;
  if (!snapshot) return { heading, parts: [t('briefing.no_ranking')] };
  return {
    heading,
    parts: [
      t('briefing.ranking_basis', { year: b.year, version: snapshot.ruleVersion, date: snapshot.computedAt.slice(0, 10) }),
      {
        sheet: t('briefing.sheet.ranking'),
        columns: [
          { title: t('briefing.col.rank'), share: 8, align: 'center', kind: 'count' },
          { title: t('briefing.col.district'), share: 30 },
          { title: t('briefing.col.score'), share: 12, align: 'right', kind: 'points' },
          { title: t('briefing.col.main_terms'), share: 50 },
        ],
        rows: items.map((line) => [line.rank, line.unitName, line.score, line.error ?? mainTerms(line.terms)]),
      },
    ],
  };
}

/** 五、red and yellow counted by district, then each district's red projects with their reasons (capped per district). */
function warnings(b: CityBriefing, t: Translate, locale: Locale): BriefingSection {
  const heading = t('briefing.city.section.warnings');
  const withWarnings = b.districts.filter((d) => d.red > 0 || d.yellow > 0);
  if (withWarnings.length === 0) return { heading, parts: [t('briefing.no_warnings')] };
  const separator = locale === 'en-US' ? '; ' : '；';
  const reds = withWarnings.flatMap((d) => d.redListed.map((p) => ({ district: d.name, p })));
  const parts: BriefingSection['parts'] = [
    {
      sheet: t('briefing.sheet.warnings'),
      columns: [
        { title: t('briefing.col.district'), share: 40 },
        { title: t('briefing.col.red'), share: 30, align: 'right', kind: 'count' },
        { title: t('briefing.col.yellow'), share: 30, align: 'right', kind: 'count' },
      ],
      rows: withWarnings.map((d) => [d.name, d.red, d.yellow]),
    },
  ];
  if (reds.length === 0) return { heading, parts };
  parts.push(t('briefing.city.red_list', { limit: RED_LISTED_PER_DISTRICT }), {
    sheet: t('briefing.sheet.red'),
    columns: [
      { title: t('briefing.col.no'), share: 6, align: 'center', kind: 'count' },
      { title: t('briefing.col.district'), share: 10 },
      { title: t('briefing.col.project'), share: 26 },
      { title: t('briefing.col.lead_unit'), share: 18 },
      { title: t('briefing.col.reasons'), share: 40 },
    ],
    rows: reds.map(({ district, p }, n) => [n + 1, district, p.name, p.leadUnitName, p.reasons.join(separator) || null]),
  });
  for (const d of withWarnings)
    if (d.red > d.redListed.length) parts.push(t('briefing.city.more_red', { district: d.name, count: d.red - d.redListed.length }));
  return { heading, parts };
}

/** 六、open and overdue matters counted by district. */
function matters(b: CityBriefing, t: Translate): BriefingSection {
  const heading = t('briefing.city.section.matters');
  if (b.districts.every((d) => d.overdueMatters === 0)) return { heading, parts: [t('briefing.no_matters')] };
  return {
    heading,
    parts: [
      {
        sheet: t('briefing.sheet.matters'),
        columns: [
          { title: t('briefing.col.district'), share: 40 },
          { title: t('briefing.col.open_matters'), share: 30, align: 'right', kind: 'count' },
          { title: t('briefing.col.overdue_matters'), share: 30, align: 'right', kind: 'count' },
        ],
        rows: b.districts.map((d) => [d.name, d.openMatters, d.overdueMatters]),
      },
    ],
  };
}

/** 七、each district's reporting period of the month and how many of its units and projects still owe reports. */
function reports(b: CityBriefing, t: Translate): BriefingSection {
  return {
    heading: t('briefing.city.section.reports'),
    parts: [
      {
        sheet: t('briefing.sheet.reports'),
        columns: [
          { title: t('briefing.col.district'), share: 25 },
          { title: t('briefing.col.period'), share: 21, align: 'center' },
          { title: t('briefing.col.units_not_reported'), share: 27, align: 'right', kind: 'count' },
          { title: t('briefing.col.projects_not_reported'), share: 27, align: 'right', kind: 'count' },
        ],
        rows: b.districts.map((d) => [
          d.name,
          t(`briefing.period.${d.period}`),
          d.period === 'none' ? null : d.unitsNotReported,
          d.period === 'none' ? null : d.projectsNotReported,
        ]),
      },
    ],
  };
}

/**
 * The month's 通报 of a city or province over its districts, as data: headline totals, the indicators by district,
 * completion against time by district, the districts' ranking, red and yellow projects by district (the red ones
 * listed with reasons), overdue matters by district, reporting by district. The .docx and the .xlsx lay out the same.
 */
export function citySections(b: CityBriefing, t: Translate, locale: Locale): BriefingSection[] {
  return [
    overall(b, t, locale),
    indicators(b, t, locale),
    districts(b, t),
    ranking(b, t),
    warnings(b, t, locale),
    matters(b, t),
    reports(b, t),
  ];
}
