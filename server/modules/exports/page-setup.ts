import type ExcelJS from 'exceljs';

/**
 * How Lantu's wide project sheets print (the ledger, the project list): A3 landscape, fitted to one page wide and as
 * many tall as needed, centred, with narrow margins, the header rows (`titleRows`, e.g. `1:1`) repeated on every page.
 */
export const widePrintSetup = (titleRows: string): Partial<ExcelJS.PageSetup> => ({
  paperSize: 8 as ExcelJS.PaperSize, // A3
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  printTitlesRow: titleRows,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
});
