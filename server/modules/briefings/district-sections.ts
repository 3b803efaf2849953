import { enumLabel } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import type { MonthlyBriefing } from './data';
import { type BriefingSection, type BriefingTable, type Translate, figure, mainTerms, overallFigures, warningsLine } from './sections';

function overall(b: MonthlyBriefing, t: Translate, locale: Locale): BriefingSection {
  const { kpis } = b.dashboard;
  return {
    heading: t('briefing.section.overall'),
    parts: [t('briefing.overall', overallFigures(kpis, b.year, b.month, locale)), warningsLine(kpis, b.asOf, t)],
  };
}

function indicators(b: MonthlyBriefing, t: Translate, locale: Locale): BriefingSection {
  const heading = t('briefing.section.indicators');
  if (b.indicators.length === 0) return { heading, parts: [t('briefing.no_indicators')] };
  const measure = (m: Parameters<typeof enumLabel<'targetMeasure'>>[2]) => enumLabel(locale, 'targetMeasure', m);
  const table: BriefingTable = {
    sheet: t('briefing.sheet.indicators'),
    columns: [
      { title: t('briefing.col.no'), share: 6, align: 'center', kind: 'count' },
      { title: t('briefing.col.indicator'), share: 24 },
      { title: t('briefing.col.target'), share: 14, align: 'right' },
      { title: t('briefing.col.actual'), share: 12, align: 'right' },
      { title: t('briefing.col.standing'), share: 28 },
      { title: t('briefing.col.owner'), share: 16 },
    ],
    rows: b.indicators.map((i, n) => [
      n + 1,
      i.row.name,
      `${figure(i.row.targetValue)}${measure(i.row.measure)}${enumLabel(locale, 'targetQualifier', i.row.qualifier)}`,
      i.actual === null ? null : `${figure(i.actual)}${measure(i.row.measure)}`,
      i.standing.wording,
      i.row.ownerUnitName,
    ]),
  };
  return { heading, parts: [table] };
}

function units(b: MonthlyBriefing, t: Translate): BriefingSection {
  const heading = t('briefing.section.units');
  const lines = b.dashboard.byUnit.filter((u) => u.plannedYuan > 0 || u.completedYuan > 0);
  if (lines.length === 0) return { heading, parts: [t('briefing.no_units')] };
  const table: BriefingTable = {
    sheet: t('briefing.sheet.units'),
    columns: [
      { title: t('briefing.col.no'), share: 6, align: 'center', kind: 'count' },
      { title: t('briefing.col.unit'), share: 22 },
      { title: t('briefing.col.projects'), share: 8, align: 'right', kind: 'count' },
      { title: t('briefing.col.planned'), share: 14, align: 'right', kind: 'wan' },
      { title: t('briefing.col.completed'), share: 14, align: 'right', kind: 'wan' },
      { title: t('briefing.col.standing'), share: 36 },
    ],
    rows: lines.map((u, n) => [n + 1, u.name ?? null, u.count, u.plannedYuan, u.completedYuan, u.words]),
  };
  return { heading, parts: [table] };
}

function warnings(b: MonthlyBriefing, t: Translate, locale: Locale): BriefingSection {
  const heading = t('briefing.section.warnings');
  const projects = b.dashboard.attention;
  if (projects.length === 0) return { heading, parts: [t('briefing.no_warnings')] };
  const separator = locale === 'en-US' ? '; ' : '；';
  const table: BriefingTable = {
    sheet: t('briefing.sheet.warnings'),
    columns: [
      { title: t('briefing.col.no'), share: 6, align: 'center', kind: 'count' },
      { title: t('briefing.col.project'), share: 28 },
      { title: t('briefing.col.colour'), share: 8, align: 'center' },
      { title: t('briefing.col.lead_unit'), share: 18 },
      { title: t('briefing.col.reasons'), share: 40 },
    ],
    rows: projects.map((p, n) => [
      n + 1,
      p.name,
      t(p.colour === 'red' ? 'briefing.colour.red' : 'briefing.colour.yellow'),
      p.leadUnitName,
      p.reasons.join(separator) || null,
    ]),
  };
  return { heading, parts: [table] };
}

function matters(b: MonthlyBriefing, t: Translate): BriefingSection {
  const heading = t('briefing.section.matters');
  const { rows, total } = b.overdue;
  if (total === 0) return { heading, parts: [t('briefing.no_matters')] };
  const parts: BriefingSection['parts'] = [
    {
      sheet: t('briefing.sheet.matters'),
      columns: [
        { title: t('briefing.col.no'), share: 6, align: 'center', kind: 'count' },
        { title: t('briefing.col.matter'), share: 36 },
        { title: t('briefing.col.project'), share: 24 },
        { title: t('briefing.col.lead_unit'), share: 20 },
        { title: t('briefing.col.deadline'), share: 14, align: 'center' },
      ],
      rows: rows.map((m, n) => [n + 1, m.title, m.projectName ?? null, m.leadUnitName, m.deadline]),
    },
  ];
  if (total > rows.length) parts.push(t('briefing.more_matters', { count: total - rows.length }));
  return { heading, parts };
}

function reports(b: MonthlyBriefing, t: Translate, locale: Locale): BriefingSection {
  const heading = t('briefing.section.reports');
  if (b.notReported.length === 0) return { heading, parts: [t('briefing.all_reported')] };
  const separator = locale === 'en-US' ? ', ' : '、';
  return {
    heading,
    parts: b.notReported.map((u) =>
      t('briefing.not_reported', { unit: u.unitName, count: u.projects.length, projects: u.projects.join(separator) }),
    ),
  };
}

/** The ranking's table of some lines: rank (within their group), unit, score and the terms that moved it most. */
const rankingTable = (lines: MonthlyBriefing['ranking']['items'], t: Translate): BriefingTable => ({
  sheet: t('briefing.sheet.ranking'),
  columns: [
    { title: t('briefing.col.rank'), share: 8, align: 'center', kind: 'count' },
    { title: t('briefing.col.unit'), share: 30 },
    { title: t('briefing.col.score'), share: 12, align: 'right', kind: 'points' },
    { title: t('briefing.col.main_terms'), share: 50 },
  ],
  rows: lines.map((line) => [line.rank, line.unitName, line.score, line.error ?? mainTerms(line.terms)]),
});

/** 七、考核排名: one table, or — when the rule ranks in groups (街道, 区直部门) — a sub-heading and a table per group. */
function ranking(b: MonthlyBriefing, t: Translate): BriefingSection {
  const heading = t('briefing.section.ranking');
  const { snapshot, items, groups } = b.ranking;
  if (!snapshot) return { heading, parts: [t('briefing.no_ranking')] };
  const basis = t('briefing.ranking_basis', { year: b.year, version: snapshot.ruleVersion, date: snapshot.computedAt.slice(0, 10) });
  if (!groups.length) return { heading, parts: [basis, rankingTable(items, t)] };
  return {
    heading,
    parts: [
      basis,
      ...groups.flatMap((group, i) => {
        const lines = items.filter((line) => line.group === group);
        const cn = '一二三四五六七八九十'[i] ?? String(i + 1);
        return [
          t('briefing.ranking_group', { n: i + 1, cn, group, count: lines.length }),
          { ...rankingTable(lines, t), sheet: `${t('briefing.sheet.ranking')}-${group}` },
        ];
      }),
    ],
  };
}

/**
 * The month's 通报 of a district, as data: the headline totals in officials' words, the indicator table, completion
 * against time by unit, the red and yellow projects with their reasons, the overdue matters, the units that have not
 * reported and the month's ranking. The .docx and the .xlsx lay out the same.
 */
export function districtSections(b: MonthlyBriefing, t: Translate, locale: Locale): BriefingSection[] {
  return [
    overall(b, t, locale),
    indicators(b, t, locale),
    units(b, t),
    warnings(b, t, locale),
    matters(b, t),
    reports(b, t, locale),
    ranking(b, t),
  ];
}
