import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { compareDates } from '../../../common/domain/dates';
import type { Locale } from '../../../common/locale';
import type { MessageKey } from '../../lib/messages';
import { enumLabel, levelsOf } from '../../../common/labels';
import type { ProjectSummaryData } from './summary-data';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export { DOCX_CONTENT_TYPE } from '../../lib/download';

// A4 in twentieths of a point, with 2 cm margins: the width a full-width table fills.
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_134;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const LABEL_WIDTH = 1_700;
const VALUE_WIDTH = CONTENT_WIDTH / 2 - LABEL_WIDTH;
const MAX_MILESTONES = 5;
const MAX_OPEN_APPROVALS = 6;

const border = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
const borders = { top: border, bottom: border, left: border, right: border };

// Every piece of user text goes into a TextRun, which the docx package escapes as XML text: never markup.
const run = (text: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text, ...options });

function cell(text: string, width: number, options: { label?: boolean; span?: number } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    borders,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.label ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF7' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ children: [run(text, { bold: options.label })] })],
  });
}

const wan = (t: Translate, yuan: number | null) =>
  yuan === null
    ? '—'
    : t('summary.wan', { amount: (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
const span = (t: Translate, start: string | null, end: string | null) =>
  start || end ? t('summary.date_span', { start: start ?? '—', end: end ?? '—' }) : '—';
const orDash = (text: string | null | undefined) => (text ? text : '—');

/** The key facts as label/value pairs; a pair marked wide spans the whole row. */
function facts(data: ProjectSummaryData, t: Translate, locale: Locale): { label: string; value: string; wide?: boolean }[] {
  const { project: p, names } = data;
  const separator = t('export.list_separator');
  const place = [p.streetName, names.cluster, names.park].filter(Boolean).join(' / ');
  const contact = [p.contactName, p.contactPhone].filter(Boolean).join('  ');
  const segment = p.chainSegment ? enumLabel(locale, 'chainSegment', p.chainSegment) : null;
  const chain = [names.chain, segment, p.chainNode].filter(Boolean).join(' · ');
  return [
    { label: t('summary.field.code'), value: orDash(p.code) },
    { label: t('summary.field.owner'), value: orDash(p.ownerName) },
    { label: t('summary.field.category'), value: orDash(names.category) },
    { label: t('summary.field.industry'), value: orDash(names.industry) },
    { label: t('summary.field.level'), value: orDash(levelsOf(locale, p, separator)) },
    { label: t('summary.field.pool'), value: `${enumLabel(locale, 'pool', p.pool)} · ${enumLabel(locale, 'nature', p.nature)}` },
    { label: t('summary.field.total'), value: wan(t, p.totalInvestmentYuan) },
    { label: t('summary.field.fixed_assets'), value: wan(t, p.fixedAssetInvestmentYuan) },
    { label: t('summary.field.expected_output'), value: wan(t, p.expectedOutputYuan) },
    { label: t('summary.field.expected_tax'), value: wan(t, p.expectedTaxYuan) },
    { label: t('summary.field.planned_dates'), value: span(t, p.plannedStart, p.plannedCompletion) },
    { label: t('summary.field.actual_dates'), value: span(t, p.actualStart, p.actualCompletion) },
    { label: t('summary.field.lead_unit'), value: p.leadUnitName },
    { label: t('summary.field.leaders'), value: orDash(p.leaders.map((l) => l.name).join(separator)) },
    { label: t('summary.field.place'), value: orDash(place), wide: true },
    { label: t('summary.field.chain'), value: orDash(chain), wide: true },
    { label: t('summary.field.co_units'), value: orDash(p.coUnits.map((u) => u.name).join(separator)), wide: true },
    { label: t('summary.field.contact'), value: orDash(contact), wide: true },
  ];
}

function factsTable(data: ProjectSummaryData, t: Translate, locale: Locale): Table {
  const rows: TableRow[] = [];
  let pair: TableCell[] = [];
  for (const fact of facts(data, t, locale)) {
    if (fact.wide) {
      rows.push(
        new TableRow({
          children: [cell(fact.label, LABEL_WIDTH, { label: true }), cell(fact.value, CONTENT_WIDTH - LABEL_WIDTH, { span: 3 })],
        }),
      );
      continue;
    }
    pair.push(cell(fact.label, LABEL_WIDTH, { label: true }), cell(fact.value, VALUE_WIDTH));
    if (pair.length === 4) {
      rows.push(new TableRow({ children: pair }));
      pair = [];
    }
  }
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH],
    layout: TableLayoutType.FIXED,
    rows,
  });
}

const heading = (text: string) => new Paragraph({ spacing: { before: 200, after: 80 }, children: [run(text, { bold: true, size: 24 })] });
const body = (text: string) => new Paragraph({ spacing: { after: 60 }, indent: { firstLine: 420 }, children: [run(text)] });

function annualSection(data: ProjectSummaryData, t: Translate): Paragraph[] {
  const plan = data.annualPlan;
  if (!plan) return [body(t('summary.no_annual_plan'))];
  const state = t(plan.frozenAt ? 'summary.annual_frozen' : 'summary.annual_draft');
  return [
    body(`${t('summary.annual_plan', { planned: wan(t, plan.plannedYuan), version: plan.versionNo, state })}${data.progress.summary}`),
  ];
}

function approvalsSection(data: ProjectSummaryData, t: Translate, locale: Locale): Paragraph[] {
  const items = data.approvals;
  if (items.length === 0) return [body(t('summary.no_approvals'))];
  const countOf = (status: string) => items.filter((i) => i.status === status).length;
  const paragraphs = [
    body(
      t('summary.approvals', {
        total: items.length,
        done: countOf('done'),
        inProgress: countOf('in_progress'),
        pending: countOf('pending'),
        notRequired: countOf('not_required'),
      }),
    ),
  ];
  const open = items.filter((i) => i.status === 'pending' || i.status === 'in_progress').slice(0, MAX_OPEN_APPROVALS);
  if (open.length > 0) {
    const name = (i: (typeof open)[number]) => (i.type ? (locale === 'en-US' ? i.type.nameEn : i.type.name) : i.typeCode);
    const list = open
      .map((i) => t('summary.approval_item', { name: name(i), status: enumLabel(locale, 'approvalStatus', i.status) }))
      .join(t('export.list_separator'));
    paragraphs.push(body(t('summary.approvals_open', { items: list })));
  }
  return paragraphs;
}

function milestonesSection(data: ProjectSummaryData, t: Translate): Paragraph[] {
  // The next milestones: those not finished, the most urgent (latest allowed finish) first.
  const due = (m: (typeof data.plan.milestones)[number]) => m.latestFinish ?? m.earliestFinish;
  const open = data.plan.milestones
    .filter((m) => !m.actualFinish)
    .sort((a, b) => {
      const [da, db] = [due(a), due(b)];
      return da && db ? compareDates(da, db) : da ? -1 : db ? 1 : a.sortOrder - b.sortOrder;
    })
    .slice(0, MAX_MILESTONES);
  if (open.length === 0) return [body(t('summary.no_milestones'))];
  return open.map((m) => {
    const finish = due(m);
    return body(
      finish
        ? t('summary.milestone', { name: m.name, latestFinish: finish, overdue: m.overdue ? t('summary.overdue') : '' })
        : t('summary.milestone_unscheduled', { name: m.name }),
    );
  });
}

/**
 * The one-page A4 项目简介 as a .docx: the project's name, a table of its key facts, what it builds, the year's
 * plan with completion against time, where its approvals stand, and its next milestones.
 */
export async function buildProjectSummaryDocx(data: ProjectSummaryData, t: Translate, locale: Locale): Promise<Buffer> {
  const document = new Document({
    creator: 'Lantu 蓝图',
    title: `${data.project.name} — ${t('summary.heading')}`,
    styles: {
      default: {
        document: { run: { size: 21, font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' } } },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 60 },
            children: [run(data.project.name, { bold: true, size: 36 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [
              run(`${t('summary.heading')}　${t('summary.generated', { region: data.district.name, date: data.today })}`, { size: 20 }),
            ],
          }),
          factsTable(data, t, locale),
          heading(t('summary.section.content')),
          body(data.project.constructionContent || t('summary.none')),
          heading(t('summary.section.annual', { year: data.progress.year })),
          ...annualSection(data, t),
          heading(t('summary.section.approvals')),
          ...approvalsSection(data, t, locale),
          heading(t('summary.section.milestones')),
          ...milestonesSection(data, t),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
