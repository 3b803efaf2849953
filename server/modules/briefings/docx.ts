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
import type { MonthlyBriefing } from './data';
import { districtSections } from './district-sections';
import { type BriefingColumn, type BriefingSection, type Translate, cellText } from './sections';

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
function table(columns: BriefingColumn[], rows: string[][]): Table {
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

/** Whose 通报 of which month, standing at which day: what the title block and the document's shell say. */
export type BriefingHead = { regionName: string; year: number; month: number; asOf: string; periodClosed: boolean };

/** The title block; dated the day the figures stand at, so a past month's 通报 reads the same whenever it is made. */
function titleBlock(b: BriefingHead, t: Translate): Paragraph[] {
  const [year, month, day] = b.asOf.split('-').map(Number);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(t('briefing.title', { district: b.regionName }), { size: 52, bold: true, color: RED, heading: true })],
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
        run(t('briefing.issuer', { district: b.regionName }), { size: 28 }),
        run(`\t${t('briefing.date', { year: year ?? b.year, month: month ?? b.month, day: day ?? 1 })}`, { size: 28 }),
      ],
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
 * A 通报 as a .docx styled like a government document: the red title block (title from the region's name, 第N期 = the
 * month, issuer and date over a red rule), the day the figures stand at, then the sections given; A4 with GB/T 9704
 * margins, page numbers in the footer. The district's and the city's 通报 are both laid out by it.
 */
async function briefingDocument(head: BriefingHead, t: Translate, sections: (Paragraph | Table)[]): Promise<Buffer> {
  const document = new Document({
    creator: 'Lantu 蓝图',
    title: t('briefing.title', { district: head.regionName }),
    styles: { default: { document: { run: { size: 32, font: BODY_FONT } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: { default: pageFooter(t) },
        children: [
          ...titleBlock(head, t),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              run(t('briefing.as_of', { date: head.asOf, state: t(head.periodClosed ? 'briefing.closed' : 'briefing.open') }), {
                size: 28,
              }),
            ],
          }),
          ...sections,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A 通报's sections laid out: each heading, its paragraphs as body text and its tables as bordered tables. */
export function sectionsDocument(head: BriefingHead, t: Translate, sections: BriefingSection[]): Promise<Buffer> {
  return briefingDocument(
    head,
    t,
    sections.flatMap((section) => [
      heading(section.heading),
      ...section.parts.map((part) =>
        typeof part === 'string'
          ? body(part)
          : table(
              part.columns,
              part.rows.map((row) => row.map((v, i) => cellText(v, part.columns[i]?.kind))),
            ),
      ),
    ]),
  );
}

/** The month's 通报 of a district (`districtSections`) as Word. */
export async function buildBriefingDocx(b: MonthlyBriefing, t: Translate, locale: Locale): Promise<Buffer> {
  const head = { regionName: b.district.name, year: b.year, month: b.month, asOf: b.asOf, periodClosed: b.periodClosed };
  return sectionsDocument(head, t, districtSections(b, t, locale));
}
