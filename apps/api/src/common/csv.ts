/**
 * CSV per RFC 4180 (comma, CRLF, fields quoted when they hold a comma, quote, CR or LF; quotes doubled), UTF-8,
 * with a guard against formula injection: a value a spreadsheet would evaluate (starting with = + - @, a tab or
 * a carriage return) gets a leading apostrophe, as OWASP recommends.
 */
export type CsvValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
