import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dialect, handWrittenWorkbook } from './hand-written';
import { columnOfRef, rowOfRef } from './sheet-xml';
import { measureSheet, sheetRows } from './sheet-reader';

const DIALECTS: Dialect[] = [
  { refs: true, strings: 'shared', styles: true },
  { refs: false, strings: 'shared', styles: true },
  { refs: false, strings: 'inline', styles: false },
  { refs: true, strings: 'inline', styles: false },
];

describe('reading worksheets written by any program', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lantu-sheet-xml-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const read = async (bytes: Buffer, name: string, fillMerged = false) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    const rows: { number: number; cells: unknown[] }[] = [];
    for await (const row of sheetRows(file, { fillMerged })) rows.push({ number: row.number, cells: row.cells.slice(1) });
    return rows;
  };

  for (const dialect of DIALECTS) {
    it(`places cells by order when they carry no reference (${JSON.stringify(dialect)})`, async () => {
      const bytes = await handWrittenWorkbook(
        [
          ['项目名称', '责任单位', '总投资（万元）'],
          ['天桥广场 <改造> & 提升', '北园街道办事处', 1200.5],
          [null, null, null],
          ['黄河大桥', null, 30],
        ],
        dialect,
      );
      const rows = await read(bytes, `d-${DIALECTS.indexOf(dialect)}.xlsx`);
      expect(rows).toEqual([
        { number: 1, cells: ['项目名称', '责任单位', '总投资（万元）'] },
        { number: 2, cells: ['天桥广场 <改造> & 提升', '北园街道办事处', 1200.5] },
        { number: 4, cells: ['黄河大桥', null, 30] },
      ]);
    });
  }

  it('fills a merged cell down the rows it spans, and a merged header across its columns', async () => {
    const bytes = await handWrittenWorkbook(
      [
        ['项目名称', '投资情况', null, '包挂领导'],
        [null, '总投资', '2024年计划投资', null],
        ['甲', 1, 2, '刘志强'],
        ['乙', 3, 4, null],
      ],
      { refs: true, strings: 'shared', styles: true },
      ['A1:A2', 'B1:C1', 'D1:D2', 'D3:D4'],
    );
    const rows = await read(bytes, 'merged.xlsx', true);
    expect(rows.map((r) => r.cells)).toEqual([
      ['项目名称', '投资情况', '投资情况', '包挂领导'],
      ['项目名称', '总投资', '2024年计划投资', '包挂领导'],
      ['甲', 1, 2, '刘志强'],
      ['乙', 3, 4, '刘志强'],
    ]);
  });

  it('decodes references it can and refuses none', () => {
    expect(columnOfRef('AB12')).toBe(28);
    expect(columnOfRef('$C$3')).toBe(3);
    expect(columnOfRef('XFE1')).toBeNull();
    expect(columnOfRef('12')).toBeNull();
    expect(columnOfRef(undefined)).toBeNull();
    expect(rowOfRef('A1048577')).toBeNull();
    expect(rowOfRef('b7')).toBe(7);
  });

  it('answers broken XML as an unreadable file, not a crash', async () => {
    const good = await handWrittenWorkbook([['项目名称'], ['甲']], { refs: false, strings: 'inline', styles: false });
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c t="inlineStr"><is><t>甲</t></is></c></row><row></c></row>');
    const file = path.join(dir, 'broken.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(measureSheet(file)).rejects.toMatchObject({ status: 400, messageKey: 'import.unreadable' });
    // A sheet cut short reads the rows it completes.
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>甲</t></is></c></row><row><c t="inlineStr"><is><t>乙',
    );
    expect(await read(await zip.generateAsync({ type: 'nodebuffer' }), 'cut.xlsx')).toEqual([{ number: 1, cells: ['甲'] }]);
  });
});
