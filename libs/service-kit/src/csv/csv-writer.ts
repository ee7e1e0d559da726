/** One cell of an exported table: text, a number, a yes/no, or empty. */
export type CsvCell = string | number | boolean | null;

/**
 * Characters that make a spreadsheet program read a cell as a formula (OWASP, "CSV Injection"):
 * `=`, `+`, `-`, `@`, and a leading tab or carriage return, which some programs strip before
 * looking at the next character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV text. Text that a spreadsheet would run as a formula (a unit named
 * `=HYPERLINK(...)` by an admin) is neutralised with a leading apostrophe, so it shows as the
 * text it is; numbers and yes/no values are ours and written as they are (a negative number is
 * not a formula). Quoted when it holds a quote, comma or line break.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as a CSV file: UTF-8 with a byte-order mark (so spreadsheet programs read Chinese
 * headers), CRLF line ends (RFC 4180), every text cell neutralised by {@link csvCell}. Every CSV
 * export of the platform is written here.
 */
export function csvFile(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
