import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Locale } from '../../../common/locale';
import { enumLabel } from '../../../common/labels';
import type { MessageKey } from '../../lib/messages';
import type { MonthlyBriefing } from './data';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

// A4 with the margins of 党政机关公文格式 (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips.
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = { top: 2_098, bottom: 1_984, left: 1_588, right: 1_474 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const RED = 'C00000';

// 仿宋_GB2312 for the body and 黑体 for headings, as government documents are set; a reader without them gets his own
// substitute (Word: FangSong/SimHei; LibreOffice: its replacement table, Noto Serif/Sans CJK on Linux).
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体' };

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

// Every piece of user text goes into a TextRun, which the docx package escapes as XML text: never markup.
const run = (text: string, options: { bold?: boolean; size?: number; color?: string; heading?: boolean } = {}) =>
  new TextRun({ text, bold: options.bold, size: options.size, color: options.color, font: options.heading ? HEADING_FONT : undefined });

const wan = (yuan: number) => (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const yi = (yuan: number, locale: Locale) =>
  locale === 'en-US'
    ? `${(yuan / 100_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })} 100M yuan`
    : `${(yuan / 100_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })}亿元`;

function cell(text: string, width: number, options: { header?: boolean; align?: 'left' | 'center' | 'right' } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment:
          options.header || options.align === 'center'
            ? AlignmentType.CENTER
            : options.align === 'right'
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
        children: [run(text, { size: 21, heading: options.header })],
      }),
    ],
  });
}

/** A bordered table: a header row of column names and the rows; the widths are shares of the page's width. */
function table(columns: { title: string; share: number; align?: 'left' | 'center' | 'right' }[], rows: string[][]): Table {
  const total = columns.reduce((n, c) => n + c.share, 0);
  const widths = columns.map((c) => Math.floor((c.share / total) * CONTENT_WIDTH));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.title, widths[i] ?? 0, { header: true })) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, widths[i] ?? 0, { align: columns[i]?.align })) })),
    ],
  });
}

const heading = (text: string) =>
  new Paragraph({ spacing: { before: 240, after: 120 }, indent: { firstLine: 640 }, children: [run(text, { size: 32, heading: true })] });
const body = (text: string) =>
  new Paragraph({ spacing: { after: 80, line: 560 }, indent: { firstLine: 640 }, children: [run(text, { size: 32 })] });

/** The title block; dated the day the figures stand at, so a past month's 通报 reads the same whenever it is made. */
function titleBlock(b: MonthlyBriefing, t: Translate): Paragraph[] {
  const [year, month, day] = b.asOf.split('-').map(Number);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(t('briefing.title', { district: b.district.name }), { size: 52, bold: true, color: RED, heading: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(t('briefing.issue', { month: b.month, year: b.year }), { size: 32 })],
    }),
    // The issuer on the left, the date on the right, over the red rule (红线) of a 红头 document.
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      spacing: { after: 360 },
      children: [
        run(t('briefing.issuer', { district: b.district.name }), { size: 28 }),
        run(`\t${t('briefing.date', { year: year ?? b.year, month: month ?? b.month, day: day ?? 1 })}`, { size: 28 }),
      ],
    }),
  ];
}

function overall(b: MonthlyBriefing, t: Translate, locale: Locale): Paragraph[] {
  const { kpis } = b.dashboard;
  return [
    heading(t('briefing.section.overall')),
    body(
      t('briefing.overall', {
        year: b.year,
        count: kpis.projects.count,
        total: yi(kpis.projects.totalInvestmentYuan, locale),
        month: b.month,
        completed: yi(kpis.annual.completedYuan, locale),
        planned: yi(kpis.annual.plannedYuan, locale),
        words: kpis.annual.words,
      }),
    ),
    body(
      t('briefing.warnings', {
        date: b.asOf,
        red: kpis.warnings.red.count,
        yellow: kpis.warnings.yellow.count,
        overdue: kpis.matters.overdue,
      }),
    ),
  ];
}

function indicatorSection(b: MonthlyBriefing, t: Translate, locale: Locale): (Paragraph | Table)[] {
  if (b.indicators.length === 0) return [heading(t('briefing.section.indicators')), body(t('briefing.no_indicators'))];
  const none = t('briefing.none');
  const measure = (m: Parameters<typeof enumLabel<'targetMeasure'>>[2]) => enumLabel(locale, 'targetMeasure', m);
  return [
    heading(t('briefing.section.indicators')),
    table(
      [
        { title: t('briefing.col.no'), share: 6, align: 'center' },
        { title: t('briefing.col.indicator'), share: 24 },
        { title: t('briefing.col.target'), share: 14, align: 'right' },
        { title: t('briefing.col.actual'), share: 12, align: 'right' },
        { title: t('briefing.col.standing'), share: 28 },
        { title: t('briefing.col.owner'), share: 16 },
      ],
      b.indicators.map((i, n) => {
        const qualifier = enumLabel(locale, 'targetQualifier', i.row.qualifier);
        const target = `${Number(i.row.targetValue).toLocaleString('en-US', { maximumFractionDigits: 2 })}${measure(i.row.measure)}${qualifier}`;
        return [
          String(n + 1),
          i.row.name,
          target,
          i.actual === null ? none : `${Number(i.actual).toLocaleString('en-US', { maximumFractionDigits: 2 })}${measure(i.row.measure)}`,
          i.standing.wording,
          i.row.ownerUnitName,
        ];
      }),
    ),
  ];
}

function unitSection(b: MonthlyBriefing, t: Translate): (Paragraph | Table)[] {
  const lines = b.dashboard.byUnit.filter((u) => u.plannedYuan > 0 || u.completedYuan > 0);
  if (lines.length === 0) return [heading(t('briefing.section.units')), body(t('briefing.no_units'))];
  return [
    heading(t('briefing.section.units')),
    table(
      [
        { title: t('briefing.col.no'), share: 6, align: 'center' },
        { title: t('briefing.col.unit'), share: 22 },
        { title: t('briefing.col.projects'), share: 8, align: 'right' },
        { title: t('briefing.col.planned'), share: 14, align: 'right' },
        { title: t('briefing.col.completed'), share: 14, align: 'right' },
        { title: t('briefing.col.standing'), share: 36 },
      ],
      lines.map((u, n) => [
        String(n + 1),
        u.name ?? t('briefing.none'),
        String(u.count),
        wan(u.plannedYuan),
        wan(u.completedYuan),
        u.words,
      ]),
    ),
  ];
}

function warningSection(b: MonthlyBriefing, t: Translate, locale: Locale): (Paragraph | Table)[] {
  const projects = b.dashboard.attention;
  if (projects.length === 0) return [heading(t('briefing.section.warnings')), body(t('briefing.no_warnings'))];
  const separator = locale === 'en-US' ? '; ' : '；';
  return [
    heading(t('briefing.section.warnings')),
    table(
      [
        { title: t('briefing.col.no'), share: 6, align: 'center' },
        { title: t('briefing.col.project'), share: 28 },
        { title: t('briefing.col.colour'), share: 8, align: 'center' },
        { title: t('briefing.col.lead_unit'), share: 18 },
        { title: t('briefing.col.reasons'), share: 40 },
      ],
      projects.map((p, n) => [
        String(n + 1),
        p.name,
        t(p.colour === 'red' ? 'briefing.colour.red' : 'briefing.colour.yellow'),
        p.leadUnitName,
        p.reasons.join(separator) || t('briefing.none'),
      ]),
    ),
  ];
}

function matterSection(b: MonthlyBriefing, t: Translate): (Paragraph | Table)[] {
  const { rows, total } = b.overdue;
  if (total === 0) return [heading(t('briefing.section.matters')), body(t('briefing.no_matters'))];
  const parts: (Paragraph | Table)[] = [
    heading(t('briefing.section.matters')),
    table(
      [
        { title: t('briefing.col.no'), share: 6, align: 'center' },
        { title: t('briefing.col.matter'), share: 36 },
        { title: t('briefing.col.project'), share: 24 },
        { title: t('briefing.col.lead_unit'), share: 20 },
        { title: t('briefing.col.deadline'), share: 14, align: 'center' },
      ],
      rows.map((m, n) => [String(n + 1), m.title, m.projectName ?? t('briefing.none'), m.leadUnitName, m.deadline]),
    ),
  ];
  if (total > rows.length) parts.push(body(t('briefing.more_matters', { count: total - rows.length })));
  return parts;
}

function reportSection(b: MonthlyBriefing, t: Translate, locale: Locale): Paragraph[] {
  if (b.notReported.length === 0) return [heading(t('briefing.section.reports')), body(t('briefing.all_reported'))];
  const separator = locale === 'en-US' ? ', ' : '、';
  return [
    heading(t('briefing.section.reports')),
    ...b.notReported.map((u) =>
      body(t('briefing.not_reported', { unit: u.unitName, count: u.projects.length, projects: u.projects.join(separator) })),
    ),
  ];
}

/** The two terms that moved a unit's score most, signed (+14.00 2 * count_projects(…)), for the ranking's table. */
function mainTerms(terms: MonthlyBriefing['ranking']['items'][number]['terms']): string {
  return [...terms]
    .filter((term) => term.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, 2)
    .map((term) => `${term.value < 0 ? '−' : '+'}${Math.abs(term.value).toFixed(2)} ${term.text}`)
    .join('；');
}

/** The ranking's table of some lines: rank (within their group), unit, score and the terms that moved it most. */
function rankingTable(lines: MonthlyBriefing['ranking']['items'], t: Translate): Table {
  return table(
    [
      { title: t('briefing.col.rank'), share: 8, align: 'center' },
      { title: t('briefing.col.unit'), share: 30 },
      { title: t('briefing.col.score'), share: 12, align: 'right' },
      { title: t('briefing.col.main_terms'), share: 50 },
    ],
    lines.map((line) => [
      line.rank === null ? t('briefing.none') : String(line.rank),
      line.unitName,
      line.score === null ? t('briefing.none') : line.score.toFixed(2),
      line.error ?? mainTerms(line.terms),
    ]),
  );
}

/** 七、考核排名: one table, or — when the rule ranks in groups (街道, 区直部门) — a sub-heading and a table per group. */
function rankingSection(b: MonthlyBriefing, t: Translate): (Paragraph | Table)[] {
  const { snapshot, items, groups } = b.ranking;
  if (!snapshot) return [heading(t('briefing.section.ranking')), body(t('briefing.no_ranking'))];
  const basis = [
    heading(t('briefing.section.ranking')),
    body(t('briefing.ranking_basis', { year: b.year, version: snapshot.ruleVersion, date: snapshot.computedAt.slice(0, 10) })),
  ];
  if (!groups.length) return [...basis, rankingTable(items, t)];
  return [
    ...basis,
    ...groups.flatMap((group, i) => {
      const lines = items.filter((line) => line.group === group);
      const cn = '一二三四五六七八九十'[i] ?? String(i + 1);
      return [body(t('briefing.ranking_group', { n: i + 1, cn, group, count: lines.length })), rankingTable(lines, t)];
    }),
  ];
}

function pageFooter(t: Translate): Footer {
  const [before = '', after = ''] = t('briefing.page', { page: '\u0000' }).split('\u0000');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before, PageNumber.CURRENT, after], size: 28 })],
      }),
    ],
  });
}

/**
 * The month's 通报 as a .docx styled like a government document: the red title block (title from the district's name,
 * 第N期 = the month, issuer and date over a red rule), the headline totals in officials' words, the indicator table,
 * completion against time by unit, the red and yellow projects with their reasons, the overdue matters and the units
 * that have not reported; bordered tables, page numbers in the footer.
 */
export async function buildBriefingDocx(b: MonthlyBriefing, t: Translate, locale: Locale): Promise<Buffer> {
  const document = new Document({
    creator: 'Lantu 蓝图',
    title: t('briefing.title', { district: b.district.name }),
    styles: { default: { document: { run: { size: 32, font: BODY_FONT } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: { default: pageFooter(t) },
        children: [
          ...titleBlock(b, t),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              run(t('briefing.as_of', { date: b.asOf, state: t(b.periodClosed ? 'briefing.closed' : 'briefing.open') }), { size: 28 }),
            ],
          }),
          ...overall(b, t, locale),
          ...indicatorSection(b, t, locale),
          ...unitSection(b, t),
          ...warningSection(b, t, locale),
          ...matterSection(b, t),
          ...reportSection(b, t, locale),
          ...rankingSection(b, t),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
