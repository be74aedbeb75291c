import { describe, expect, it } from 'vitest';

import { csvField, csvRow } from './csv.js';

describe('CSV', () => {
  it('quotes fields holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere"\r\n',
    );
  });

  it('writes empty fields for null and undefined, and numbers and booleans as they are', () => {
    expect(csvRow([null, undefined, 0, -3, true])).toBe(',,0,-3,true\r\n');
  });

  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])(
    'guards %j against formula injection',
    (value) => {
      expect(csvField(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    },
  );

  it('leaves ordinary text and negative numbers given as numbers alone', () => {
    expect(csvField('Policy review')).toBe('Policy review');
    expect(csvField(-5)).toBe('-5');
  });
});
