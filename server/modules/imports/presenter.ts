import { z } from 'zod';
import type { Locale } from '../../../common/locale';
import type { ImportJob, ImportJobListItem, ImportProblem, ImportReading, ImportReadingView } from '../../../common/schemas/imports';
import { MAX_PROBLEMS_SHOWN } from '../../../common/schemas/imports';
import { POOLS, type Pool } from '../../../common/schemas/projects';
import { type Actor, can } from '../../lib/actor';
import { isMessageKey, translate } from '../../lib/messages';
import { enumLabel } from '../../../common/labels';
import type { ImportJobRow, StoredSummary } from './jobs-repository';
import type { Column } from '../../lib/spreadsheets/columns/types';
import type { StoredProblem } from './problems';
import { columnLetter } from '../../lib/spreadsheets/sheet-reader';

const isPool = (value: unknown): value is Pool => (POOLS as readonly unknown[]).includes(value);

const zodLocales = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() } as const;

/** A stored problem's message in the reader's language: a message key with its parameters, or a zod issue. */
export function problemMessage(locale: Locale, problem: Pick<StoredProblem, 'code' | 'params'>): string {
  const params = { ...problem.params };
  if (problem.code === 'zod') {
    const issue = JSON.parse(String(params.issue ?? '{}')) as z.core.$ZodIssue;
    const rendered = zodLocales[locale].localeError(issue as never);
    return typeof rendered === 'string' ? rendered : (rendered?.message ?? issue.code);
  }
  const listKey = `import.list.${params.list}`;
  if (params.list && isMessageKey(listKey)) params.list = translate(locale, listKey);
  // A pool and a gate condition are stored by code and named as the page names them.
  const conditionKey = `gate.${params.condition}`;
  if (params.condition && isMessageKey(conditionKey)) params.condition = translate(locale, conditionKey);
  if (isPool(params.pool)) params.pool = enumLabel(locale, 'pool', params.pool);
  return isMessageKey(problem.code) ? translate(locale, problem.code, params) : problem.code;
}

/** The columns of the job's sheet, as `ImportKindHandler.columns` gives them for its district. */
export type SheetColumns = readonly Column<string, unknown>[];

/** A stored problem as the API shows it: the column's letter and header in the reader's language, the message. */
export function presentProblem(locale: Locale, columns: SheetColumns, problem: StoredProblem): ImportProblem {
  const field = problem.field ?? '';
  const column = columns.find((c) => c.key === field) ?? columns.find((c) => c.key === field.split('.')[0]);
  return {
    row: problem.row,
    column: problem.column ? columnLetter(problem.column) : null,
    columnLabel: column ? column.header[locale] : null,
    field: problem.field,
    code: problem.code,
    message: problemMessage(locale, problem),
  };
}

function failureMessage(locale: Locale, failure: string | null): string | null {
  if (!failure) return null;
  const { code, params } = JSON.parse(failure) as { code: string; params?: Record<string, string | number> };
  return problemMessage(locale, { code, ...(params ? { params } : {}) });
}

/** A job in the recent list: status, progress, counts, outcome. */
export function presentImportJobListItem(actor: Actor, row: ImportJobRow): ImportJobListItem {
  const summary = row.summary as StoredSummary | null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    problemCount: (row.problems as StoredProblem[]).length,
    summary: summary && row.status !== 'invalid' ? { create: summary.create, update: summary.update } : null,
    failure: failureMessage(actor.locale, row.failure),
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    abilities: {
      commit: row.status === 'ready' && can(actor, 'project.import'),
      downloadMarked: row.status === 'invalid',
    },
  };
}

/** A job with its first problems, translated for the reader. */
export function presentImportJob(actor: Actor, row: ImportJobRow, columns: SheetColumns): ImportJob {
  const problems = (row.problems as StoredProblem[]).slice(0, MAX_PROBLEMS_SHOWN);
  const reading = (row.summary as StoredSummary | null)?.reading;
  return {
    ...presentImportJobListItem(actor, row),
    problems: problems.map((p) => presentProblem(actor.locale, columns, p)),
    reading: reading ? presentReading(actor.locale, columns, reading) : null,
  };
}

/** How the file was read, with columns as letters and the interpreted values' columns named in the reader's language. */
export function presentReading(locale: Locale, columns: SheetColumns, reading: ImportReading): ImportReadingView {
  return {
    headerRows: reading.headerRows,
    unmapped: reading.unmapped.map((u) => ({ column: columnLetter(u.column), header: u.header, reason: u.reason })),
    skipped: reading.skipped,
    columns: (reading.columns ?? []).map((c) => ({
      column: columnLetter(c.column),
      header: c.header,
      field: c.field,
      fieldLabel: c.field ? (columns.find((k) => k.key === c.field)?.header[locale] ?? null) : null,
      confidence: c.confidence,
      samples: c.samples,
    })),
    fields: columns.map((c) => ({ key: c.key, label: c.header[locale], required: c.required })),
    interpretations: reading.interpretations.map((i) => ({
      row: i.row,
      column: columnLetter(i.column),
      columnLabel: columns.find((c) => c.key === i.field)?.header[locale] ?? null,
      from: i.from,
      to: i.to,
    })),
    interpretationCount: reading.interpretationCount,
  };
}
