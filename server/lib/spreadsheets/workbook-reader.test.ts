import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetRows } from './sheet-reader';
import { wholeUtf8Chunks, wholeUtf8Length } from './workbook-reader';

describe('reading Chinese text from a streamed workbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lantu-reader-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // 3,000 rows of distinct Chinese names: the sheet and its shared strings span many 16 KiB chunks, so characters
  // fall across chunk boundaries (ExcelJS alone turned some of them into U+FFFD).
  const names = Array.from({ length: 3000 }, (_, i) => `历城区第${i}号重点项目蓝图崩溃测试导入（济南市）`);

  for (const sharedStrings of [true, false]) {
    it(`reads every character intact (${sharedStrings ? 'shared' : 'inline'} strings)`, async () => {
      const file = path.join(dir, `names-${sharedStrings}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings });
      const sheet = workbook.addWorksheet('项目');
      sheet.addRow(['项目名称']).commit();
      for (const name of names) sheet.addRow([name]).commit();
      await workbook.commit();
      const read: string[] = [];
      for await (const row of sheetRows(file)) if (row.number > 1) read.push(String(row.cells[1]));
      expect(read).toEqual(names);
    });
  }

  // ExcelJS's own unzipping now and then ended the workbook part early (a workbook "without sheets", about one read
  // in a thousand): a file read many times must give the same rows every time.
  it('reads the same small file the same way every time', async () => {
    const file = path.join(dir, 'small.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('项目').addRows([
      ['项目名称', '责任单位'],
      ['天桥广场', '北园街道办事处'],
      ['黄河大桥', '区住建局'],
    ]);
    await workbook.xlsx.writeFile(file);
    for (let read = 0; read < 1500; read += 1) {
      const rows: string[] = [];
      for await (const row of sheetRows(file)) rows.push(row.cells.slice(1).join('|'));
      expect(rows).toEqual(['项目名称|责任单位', '天桥广场|北园街道办事处', '黄河大桥|区住建局']);
    }
    // 1,500 reads take ~12 s alone and three times that on a loaded 2-core machine: a regression guard, not a timing.
  }, 120_000);

  it('cuts a byte stream only between whole UTF-8 characters, losing and adding nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.array(fc.nat(40), { maxLength: 20 }), async (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        const chunks: Buffer[] = [];
        let at = 0;
        for (const size of cuts) {
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        chunks.push(bytes.subarray(at));
        async function* source() {
          yield* chunks;
        }
        const out: Buffer[] = [];
        for await (const chunk of wholeUtf8Chunks(source())) {
          expect(wholeUtf8Length(chunk)).toBe(chunk.length);
          out.push(chunk);
        }
        expect(out.map((c) => c.toString('utf8')).join('')).toBe(text);
      }),
    );
  });
});
