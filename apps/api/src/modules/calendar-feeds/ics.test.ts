import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

import { escapeText, foldLine, writeIcs } from './ics.js';

/** Events as an independent parser (ical.js) reads them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return {
        uid: event.uid,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        allDay: event.startDate.isDate,
        summary: event.summary,
        description: event.description,
      };
    }),
  };
}

describe('the iCalendar writer', () => {
  it('escapes text values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it('writes all-day events that another parser reads back unchanged', () => {
    const summary =
      'ISMS, Zürich: recertification; day 1 of 3 — with a long name that needs folding twice over';
    const text = writeIcs({
      name: 'Certflow: Acme Inc',
      generatedAt: new Date('2027-01-10T08:30:00Z'),
      events: [
        {
          uid: 'p-1-recertification@certflow',
          date: '2027-12-31',
          summary,
          description: 'Line one\nLine two',
        },
        { uid: 'task-1@certflow', date: '2028-02-28', summary: 'Task due' },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(parse(text)).toEqual({
      name: 'Certflow: Acme Inc',
      events: [
        {
          uid: 'p-1-recertification@certflow',
          start: '2027-12-31',
          end: '2028-01-01',
          allDay: true,
          summary,
          description: 'Line one\nLine two',
        },
        {
          uid: 'task-1@certflow',
          start: '2028-02-28',
          end: '2028-02-29',
          allDay: true,
          summary: 'Task due',
          description: null,
        },
      ],
    });
  });
});
