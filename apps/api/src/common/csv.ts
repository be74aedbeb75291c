import { Readable } from 'node:stream';

import type { Response } from 'express';

/**
 * CSV as spreadsheets and auditors' tools read it: RFC 4180 (fields quoted when they hold a comma, quote, CR or
 * LF; quotes doubled; CRLF line ends), UTF-8, a header row. A value starting with = + - @, a tab or a CR would be
 * run as a formula by Excel, LibreOffice and Google Sheets (CSV injection), so it is prefixed with `'`.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Numbers are data, never formulas: a negative number keeps its minus sign.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** One column: its header and how a row fills it. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** The lines of a CSV document, header first, pulled one at a time (rows may come from a database cursor). */
export async function* csvLines<T>(
  columns: readonly CsvColumn<T>[],
  rows: AsyncIterable<T> | Iterable<T>,
): AsyncGenerator<string> {
  yield csvLine(columns.map((c) => c.header));
  for await (const row of rows as AsyncIterable<T>) yield csvLine(columns.map((c) => c.value(row)));
}

/** `Content-Disposition` filename: letters, digits, dot, dash and underscore only, so no header injection. */
export function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export.csv';
}

/**
 * Streams CSV lines to an Express response as an attachment, respecting back-pressure (the next row is read only
 * when the client has taken the previous ones). A failure after the first byte can only end the connection.
 */
export async function sendCsv(res: Response, filename: string, lines: AsyncIterable<string>): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${safeFilename(filename)}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  const stream = Readable.from(lines, { objectMode: false });
  await new Promise<void>((resolve, reject) => {
    stream.on('error', (error) => {
      res.destroy(error);
      reject(error);
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
