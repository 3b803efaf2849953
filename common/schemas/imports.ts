import { z } from 'zod';
import { IMPORT_KINDS } from '../import-kinds';
import { abilities, uuid } from './shared';

export { IMPORT_KINDS, IMPORT_KIND_PERMISSIONS, type ImportKind } from '../import-kinds';
export const IMPORT_STATUSES = ['validating', 'invalid', 'ready', 'committing', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The most data rows one file may hold; a larger file is refused before its rows are read. */
export const MAX_IMPORT_ROWS = 100_000;
/** The most columns a sheet may use (a ledger has a few dozen; the projects template about fifty). */
export const MAX_IMPORT_COLUMNS = 2_000;
/** The most filled cells a sheet may hold, which bounds the work of checking it and of writing its marked file. */
export const MAX_IMPORT_CELLS = 5_000_000;
/** The largest upload accepted, in bytes (20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How many problems a job answer carries; the marked file shows them all. */
export const MAX_PROBLEMS_SHOWN = 2_000;

/** One thing wrong with the file: a cell (row and column), a whole row (no column) or the sheet (row 0). */
export const importProblemSchema = z.object({
  /** The spreadsheet row number (1 = the header row; 0 = the file or sheet as a whole). */
  row: z.number().int(),
  /** The spreadsheet column letter (A, B, …, AA), or null for a problem with the whole row. */
  column: z.string().nullable(),
  /** The column's header as the user's language names it, when the problem is in a known column. */
  columnLabel: z.string().nullable(),
  /** The API field of the column (`totalInvestmentYuan`, `leaderIds.1`), for programs. */
  field: z.string().nullable(),
  /** A stable code of the problem (`import.unknown_value`, `project.duplicate_code`, `format.yuanNegative`…). */
  code: z.string(),
  /** The problem in the reader's language. */
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importSummarySchema = z.object({ create: z.number().int(), update: z.number().int() });

/**
 * Why a column of the file is not imported; every reason but `computed` (Lantu's own figures) and `ignored` (the user
 * chose 不导入 in the mapping step) must be acknowledged.
 */
export const UNMAPPED_REASONS = ['period', 'sequence', 'computed', 'unknown', 'ignored'] as const;
export type UnmappedReason = (typeof UNMAPPED_REASONS)[number];

/**
 * How sure the reading is of a column's field: `header` (the field's own header), `synonym` (another spelling offices
 * use, or the header with a unit), `saved` (the mapping saved for files of this shape), `chosen` (the user chose it for
 * this file), `none` (no field: not imported).
 */
export const MAPPING_CONFIDENCES = ['header', 'synonym', 'saved', 'chosen', 'none'] as const;
export type MappingConfidence = (typeof MAPPING_CONFIDENCES)[number];
/** How many values of each column the mapping step shows. */
export const MAPPING_SAMPLES = 3;
export const SKIPPED_ROW_REASONS = ['group', 'subtotal'] as const;

/**
 * How Lantu read the file, shown before anything is written: where the header was found, the columns it does not
 * import (which the user must acknowledge before committing), the rows it skipped, and the values it interpreted.
 */
export const importReadingSchema = z.object({
  /** The sheet rows of the header (two for a merged two-row header); rows above it were a title. */
  headerRows: z.array(z.number().int()),
  /** Columns with a header no field takes: not imported. `period`: a figure of the monthly report. */
  unmapped: z.array(
    z.object({
      column: z.number().int(),
      header: z.string(),
      reason: z.enum(UNMAPPED_REASONS),
    }),
  ),
  /** Group rows (一、产业项目) and 小计/合计 rows, left out. */
  skipped: z.array(z.object({ row: z.number().int(), reason: z.enum(SKIPPED_ROW_REASONS), text: z.string() })),
  /**
   * Every headed column of the file with the field it is read as (null: not imported), how sure the reading is, and
   * its first values. Absent on jobs read before the mapping step existed.
   */
  columns: z
    .array(
      z.object({
        column: z.number().int(),
        header: z.string(),
        field: z.string().nullable(),
        confidence: z.enum(MAPPING_CONFIDENCES),
        samples: z.array(z.string()),
      }),
    )
    .optional(),
  /** A digest of the header's texts and places: files of the same shape share a saved mapping. */
  shape: z.string().optional(),
  /** Values read by interpretation: 3.2亿 → 32,000.00 万元, 2024年3月 → 2024-03-01, — → empty (the first few hundred). */
  interpretations: z.array(
    z.object({ row: z.number().int(), column: z.number().int(), field: z.string(), from: z.string(), to: z.string() }),
  ),
  interpretationCount: z.number().int(),
});
export type ImportReading = z.infer<typeof importReadingSchema>;

/** The reading as the API shows it: columns as letters, with the header of each unmapped column. */
export const importReadingViewSchema = z.object({
  headerRows: z.array(z.number().int()),
  unmapped: z.array(z.object({ column: z.string(), header: z.string(), reason: z.enum(UNMAPPED_REASONS) })),
  skipped: importReadingSchema.shape.skipped,
  /** The mapping step: each headed column (as a letter), the field it is read as, how sure, its first values. */
  columns: z.array(
    z.object({
      column: z.string(),
      header: z.string(),
      field: z.string().nullable(),
      fieldLabel: z.string().nullable(),
      confidence: z.enum(MAPPING_CONFIDENCES),
      samples: z.array(z.string()),
    }),
  ),
  /** The fields a column may be mapped to, in the template's order, named in the reader's language. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  interpretations: z.array(
    z.object({ row: z.number().int(), column: z.string(), columnLabel: z.string().nullable(), from: z.string(), to: z.string() }),
  ),
  interpretationCount: z.number().int(),
});
export type ImportReadingView = z.infer<typeof importReadingViewSchema>;

/** Committing a ready import: columns the file has that are not imported must be acknowledged. */
export const importCommitBody = z.strictObject({
  /** The user has seen the columns that will not be imported (`reading.unmapped`) and imports without them. */
  acknowledgeUnmapped: z.boolean().optional(),
});

/**
 * The mapping step's answer: the field each headed column is read as (null: 不导入). Every column named must be one
 * of the file's headed columns (by letter), every field one of the kind's and taken by one column at most. The job is
 * checked again with it, and it is saved for the district's next file of the same shape.
 */
export const importMappingBody = z.strictObject({
  columns: z
    .array(
      z.strictObject({
        column: z.string().regex(/^[A-Z]{1,3}$/),
        field: z.string().min(1).max(200).nullable(),
      }),
    )
    .min(1)
    .max(MAX_IMPORT_COLUMNS),
});
export type ImportMappingBody = z.infer<typeof importMappingBody>;

export const importJobSchema = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  problemCount: z.number().int(),
  /** The first problems (at most MAX_PROBLEMS_SHOWN), in row order. */
  problems: z.array(importProblemSchema),
  /** What a commit does (ready) or did (committed): projects or items created and updated. */
  summary: importSummarySchema.nullable(),
  /** Why the job failed, in the reader's language (an unreadable file, a crash, a stale job). */
  failure: z.string().nullable(),
  /** How the file was read (header, columns not imported, skipped rows, interpreted values); null while validating. */
  reading: importReadingViewSchema.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  abilities,
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** A job in the recent-imports list: the job without its problems. */
export const importJobListItemSchema = importJobSchema.omit({ problems: true, reading: true });
export type ImportJobListItem = z.infer<typeof importJobListItemSchema>;
export const importJobListSchema = z.object({ items: z.array(importJobListItemSchema) });

export const importJobParam = z.strictObject({ id: uuid });
export const importKindParam = z.strictObject({ kind: z.enum(IMPORT_KINDS) });
/** The multipart form field naming the kind of file uploaded. */
export const importKindField = z.enum(IMPORT_KINDS);
