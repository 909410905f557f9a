import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(...)` typed into a queue name) is written as text:
 * OWASP's advice for CSV injection, a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
};

/** RFC 4180 lines (csv-stringify quotes what needs quoting), header first when given. */
export function csvLines(rows: unknown[][], header?: string[]): string {
  return stringify(
    rows.map((row) => row.map(safeCell)),
    { header: header !== undefined, columns: header, record_delimiter: '\r\n' },
  );
}
