import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ImportJob, ImportKind } from '../../../common/schemas/imports';
import type { Client } from '../../test/harness';

/** A private data folder for a test app, so uploads land somewhere real and disposable. */
export const testDataDir = () => mkdtempSync(path.join(tmpdir(), 'lantu-imports-'));

type Cell = string | number | Date | boolean | null;

/** A workbook whose first sheet has the given header and rows, as a person would fill the template. */
export async function workbookOf(header: string[], rows: Cell[][], sheetName = '项目'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The minimal projects sheet: name, lead unit and whatever other columns a test sets, one object per row. */
export async function projectsWorkbook(rows: Record<string, Cell>[]): Promise<Buffer> {
  const header = [...new Set(['项目名称', '责任单位', ...rows.flatMap((r) => Object.keys(r))])];
  return workbookOf(
    header,
    rows.map((r) => header.map((h) => r[h] ?? null)),
  );
}

/** A multipart body with the kind and the file, as the page's upload sends it. */
export function multipartOf(fields: Record<string, string>, file: { name: string; content: Buffer; type?: string } | null) {
  const boundary = `----lantu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file for import as the client. */
export function upload(
  client: Client,
  kind: ImportKind | string,
  content: Buffer,
  name = '项目台账.xlsx',
): Promise<LightMyRequestResponse> {
  const body = multipartOf({ kind }, { name, content });
  return client.request('POST', '/api/v1/imports', body.payload, { 'content-type': body.contentType });
}

/** Waits for the background validation to finish and answers the job. */
export async function settled(client: Client, id: string): Promise<ImportJob> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const response = await client.get(`/api/v1/imports/${id}`);
    expect(response.statusCode).toBe(200);
    const job = response.json() as ImportJob;
    if (job.status !== 'validating') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} still validating`);
}

/** Uploads a file and waits for its validation. */
export async function uploadAndSettle(client: Client, kind: ImportKind, content: Buffer): Promise<ImportJob> {
  const response = await upload(client, kind, content);
  expect(response.statusCode, response.body).toBe(202);
  return settled(client, (response.json() as ImportJob).id);
}
