/**
 * Bulk loading for the data generator (issue 18): rows as `COPY … FROM STDIN` text on PostgreSQL (pg-copy-streams),
 * and `COPY … FROM '/dev/blob'` on PGlite (its `blob` query option) — one statement per batch instead of thousands
 * of INSERTs or a large JSON parameter.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value of a COPY row: null, text, number, boolean, Date, or JSON (objects and arrays go in as jsonb text). */
export type Cell = string | number | boolean | Date | null | undefined | object;

/** Copies `rows` (arrays in `columns` order) into `table`. */
export type Copy = (table: string, columns: readonly string[], rows: readonly Cell[][]) => Promise<void>;

/** COPY's text format: tab-separated, `\N` for null, backslash, tab, newline and carriage return escaped. */
function cell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string);
}

/** The rows as COPY text, in chunks of about 1 MB (a province's reports never sit in one string). */
function* chunks(rows: readonly Cell[][]): Generator<string> {
  let buffer = '';
  for (const row of rows) {
    buffer += `${row.map(cell).join('\t')}\n`;
    if (buffer.length > 1_000_000) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

const statement = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${source}`;

/** COPY through a `pg` client (PostgreSQL). */
export const pgCopy =
  (client: pg.Client): Copy =>
  async (table, columns, rows) => {
    if (!rows.length) return;
    const stream = client.query(copyFrom(statement(table, columns, 'STDIN')));
    await pipeline(Readable.from(chunks(rows)), stream);
  };

/** COPY into PGlite: the rows as a Blob its virtual file `/dev/blob` reads. */
export const pgliteCopy =
  (db: PGlite): Copy =>
  async (table, columns, rows) => {
    if (!rows.length) return;
    await db.query(statement(table, columns, `'/dev/blob'`), [], { blob: new Blob([...chunks(rows)]) });
  };
