/**
 * Text a spreadsheet must show as text, never run as a formula (formula injection): a cell whose text starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote (OWASP's advice), so
 * `=HYPERLINK(...)` typed into a project name stays visible text in Excel and LibreOffice.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCellText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
