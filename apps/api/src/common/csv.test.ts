import { describe, expect, it } from 'vitest';

import { csvField, csvLine, csvLines, safeFilename } from './csv.js';

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const line of lines) text += line;
  return text;
}

describe('CSV', () => {
  it('quotes only what needs quoting and doubles quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField('Zürich – ✓')).toBe('Zürich – ✓');
  });

  it('defuses values a spreadsheet would run as formulas, but leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('ends every line with CRLF and writes the header first', async () => {
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
    const text = await collect(
      csvLines(
        [
          { header: 'Id', value: (r: { id: string; n: number }) => r.id },
          { header: 'N', value: (r) => r.n },
        ],
        [
          { id: 'x', n: 1 },
          { id: 'y "z"', n: 2 },
        ],
      ),
    );
    expect(text).toBe('Id,N\r\nx,1\r\n"y ""z""",2\r\n');
  });

  it('keeps file names to safe characters', () => {
    expect(safeFilename('soa ISO/IEC 27001 "x".csv')).toBe('soa-ISO-IEC-27001-x-.csv');
    expect(safeFilename('"\r\n')).toBe('export.csv');
  });
});
