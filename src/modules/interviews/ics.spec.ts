import ICAL from 'ical.js';
import {
  buildInterviewIcs,
  foldLine,
  InterviewIcsInput,
  zoneOffsetMinutes,
} from 'src/modules/interviews/ics';

const base: InterviewIcsInput = {
  uid: 'interview-42@jobfair.example',
  sequence: 0,
  method: 'REQUEST',
  startsAt: new Date('2026-12-01T09:00:00Z'),
  endsAt: new Date('2026-12-01T09:30:00Z'),
  timezone: 'Europe/Moscow',
  summary: 'Собеседование: повар, ООО «Ромашка»',
  description: 'Стенд 12; возьмите паспорт.\nВопросы: 8-800-000-00-00, горячая линия\\ярмарка',
  location: 'ВДНХ, павильон 57, стенд 12',
  organizer: { name: 'ООО "Ромашка", отдел кадров', email: 'hr@romashka.example' },
  attendee: { name: 'Алишер Каримов', email: 'alisher@example.org' },
  dtstamp: new Date('2026-11-20T08:15:00Z'),
};

function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = root.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { root, vevent, event: new ICAL.Event(vevent) };
}

describe('buildInterviewIcs', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it('produces a REQUEST that ical.js reads back with the same UID, SEQUENCE and text', () => {
    const { root, vevent, event } = parse(buildInterviewIcs(base));
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.summary).toBe(base.summary);
    expect(event.description).toBe(base.description);
    expect(event.location).toBe(base.location);
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:hr@romashka.example');
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe(base.organizer.name);
    expect(vevent.getFirstPropertyValue('attendee')).toBe('mailto:alisher@example.org');
  });

  it('writes local times with a TZID whose VTIMEZONE converts DTSTART to the right UTC instant', () => {
    const ics = buildInterviewIcs(base);
    expect(ics).toContain('DTSTART;TZID=Europe/Moscow:20261201T120000\r\n');
    expect(ics).toContain('TZOFFSETTO:+0300\r\n');
    expect(ics).toContain('DTSTAMP:20261120T081500Z\r\n');
    const { event } = parse(ics);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-01T09:30:00.000Z');
  });

  it('handles a Kazakhstan venue (UTC+5 since March 2024)', () => {
    const { event } = parse(buildInterviewIcs({ ...base, timezone: 'Asia/Almaty' }));
    expect(event.startDate.toString()).toBe('2026-12-01T14:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('marks a CANCEL as STATUS:CANCELLED with a higher SEQUENCE', () => {
    const { root, vevent, event } = parse(buildInterviewIcs({ ...base, method: 'CANCEL', sequence: 2 }));
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('uses CRLF line endings and folds every line at 75 octets', () => {
    const ics = buildInterviewIcs({ ...base, description: 'Описание '.repeat(40) });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(ics).event.description).toBe('Описание '.repeat(40));
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const ics = buildInterviewIcs({ ...base, summary: 'a,b;c\\d\ne' });
    expect(ics).toContain('SUMMARY:a\\,b\\;c\\\\d\\ne\r\n');
  });

  it('falls back to UTC times when the offset changes during the event', () => {
    // Europe/Berlin switches to summer time at 01:00 UTC on 2026-03-29.
    const ics = buildInterviewIcs({
      ...base,
      timezone: 'Europe/Berlin',
      startsAt: new Date('2026-03-29T00:30:00Z'),
      endsAt: new Date('2026-03-29T01:30:00Z'),
    });
    expect(ics).not.toContain('VTIMEZONE');
    expect(parse(ics).event.startDate.toJSDate().toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('rejects an unknown time zone, an empty interval and a header-injecting e-mail', () => {
    expect(() => buildInterviewIcs({ ...base, timezone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => buildInterviewIcs({ ...base, endsAt: base.startsAt })).toThrow(RangeError);
    expect(() =>
      buildInterviewIcs({ ...base, attendee: { name: 'x', email: 'a@b.c\r\nATTENDEE:mailto:evil@x.y' } }),
    ).toThrow(RangeError);
  });
});

describe('zoneOffsetMinutes', () => {
  it('computes offsets east and west of UTC', () => {
    expect(zoneOffsetMinutes(new Date('2026-06-01T00:00:00Z'), 'Europe/Moscow')).toBe(180);
    expect(zoneOffsetMinutes(new Date('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(new Date('2026-01-01T00:00:00Z'), 'America/New_York')).toBe(-300);
  });
});

describe('foldLine', () => {
  it('never splits a multi-byte character', () => {
    const folded = foldLine('Ж'.repeat(100));
    expect(folded.split('\r\n ').join('')).toBe('Ж'.repeat(100));
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
  });
});
