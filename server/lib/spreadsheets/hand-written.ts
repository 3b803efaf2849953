import JSZip from 'jszip';

// Workbooks written the way other programs write them, for tests: the XML by hand, in a chosen dialect.

export type Dialect = {
  /** Cells and rows carry their `r` reference (ExcelJS, Excel) or not (legal; some writers leave it out). */
  refs: boolean;
  /** Text as shared strings (Excel) or inline strings (streaming writers). */
  strings: 'shared' | 'inline';
  /** Whether the package has a styles part (it may be left out). */
  styles: boolean;
};

type Cell = string | number | boolean | null;

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const letters = (column: number) => {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};

/** An .xlsx of one sheet holding `rows` (row 1 first), written in `dialect`, with optional merged ranges (A5:A6). */
export async function handWrittenWorkbook(rows: Cell[][], dialect: Dialect, merges: string[] = []): Promise<Buffer> {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const rowXml = rows.map((cells, r) => {
    const cellXml = cells.map((cell, c) => {
      const ref = dialect.refs ? ` r="${letters(c + 1)}${r + 1}"` : '';
      if (cell === null) return `<c${ref}/>`;
      if (typeof cell === 'number') return `<c${ref}><v>${cell}</v></c>`;
      if (typeof cell === 'boolean') return `<c${ref} t="b"><v>${cell ? 1 : 0}</v></c>`;
      if (dialect.strings === 'inline') return `<c${ref} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
      let index = sharedIndex.get(cell);
      if (index === undefined) {
        index = shared.length;
        shared.push(cell);
        sharedIndex.set(cell, index);
      }
      return `<c${ref} t="s"><v>${index}</v></c>`;
    });
    return `<row${dialect.refs ? ` r="${r + 1}"` : ''}>${cellXml.join('')}</row>`;
  });
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${shared.length ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${dialect.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="项目" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const parts = [`<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (shared.length) parts.push(`<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (dialect.styles) parts.push(`<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.join('')}</Relationships>`,
  );
  if (shared.length) {
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('')}</sst>`,
    );
  }
  if (dialect.styles) {
    zip.file(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`,
    );
  }
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData>${rowXml.join('')}</sheetData>${mergeXml}</worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
