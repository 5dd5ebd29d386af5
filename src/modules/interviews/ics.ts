/**
 * iCalendar (RFC 5545) invitation for an interview, sent by e-mail as an iTIP (RFC 5546) REQUEST or CANCEL.
 * A later change of the same interview keeps the UID and raises SEQUENCE, so calendars update the event
 * instead of adding a second one.
 */

export interface IcsPerson {
  name: string;
  email: string;
}

export interface InterviewIcsInput {
  uid: string;
  /** Starts at 0; raise it on every reschedule or cancellation of the same interview. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the venue, e.g. `Europe/Moscow`, `Asia/Almaty`. */
  timezone: string;
  summary: string;
  description: string;
  location?: string;
  organizer: IcsPerson;
  attendee?: IcsPerson;
  /** When the message is created; defaults to now. */
  dtstamp?: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

/** Parameter value: RFC 6868 caret encoding for `^`, DQUOTE and newlines; quoted when it holds `:;,`. */
function paramValue(value: string): string {
  const clean = value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/[\u0000-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function mailto(email: string): string {
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(email))
    throw new RangeError(`Invalid e-mail address for iCalendar: ${email}`);
  return `mailto:${email}`;
}

/** Folds a content line at 75 octets of UTF-8 without splitting a character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatUtc(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** Wall-clock fields of an instant in a zone, via Intl (throws RangeError for an unknown zone). */
function wallClock(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** UTC offset of the zone at that instant, in minutes east of UTC. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((asUtc - instant) / 60_000);
}

function formatLocal(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

export function buildInterviewIcs(input: InterviewIcsInput): string {
  const { uid, sequence, method, startsAt, endsAt, timezone } = input;
  if (!uid || /[\r\n]/.test(uid)) throw new RangeError('iCalendar UID must be a non-empty single line');
  if (!Number.isInteger(sequence) || sequence < 0)
    throw new RangeError('SEQUENCE must be a non-negative integer');
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) {
    throw new RangeError('Interview must end after it starts');
  }

  const startOffset = zoneOffsetMinutes(startsAt, timezone);
  // RU and KZ zones have no DST now, so one STANDARD block with the offset at the event is exact. If the
  // offset changes during the event (a DST zone), write UTC times instead of a VTIMEZONE that would be wrong.
  const fixedOffset = zoneOffsetMinutes(endsAt, timezone) === startOffset;
  const time = (name: string, date: Date) =>
    fixedOffset ? `${name};TZID=${timezone}:${formatLocal(date, timezone)}` : `${name}:${formatUtc(date)}`;

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//jobfair//interviews//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
  ];
  if (fixedOffset) {
    const offset = formatOffset(startOffset);
    lines.push(
      'BEGIN:VTIMEZONE',
      `TZID:${timezone}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    );
  }
  lines.push(
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(uid)}`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${formatUtc(input.dtstamp ?? new Date())}`,
    time('DTSTART', startsAt),
    time('DTEND', endsAt),
    `SUMMARY:${escapeIcsText(input.summary)}`,
    `DESCRIPTION:${escapeIcsText(input.description)}`,
  );
  if (input.location) lines.push(`LOCATION:${escapeIcsText(input.location)}`);
  lines.push(`ORGANIZER;CN=${paramValue(input.organizer.name)}:${mailto(input.organizer.email)}`);
  if (input.attendee) {
    lines.push(
      `ATTENDEE;CN=${paramValue(input.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:` +
        mailto(input.attendee.email),
    );
  }
  lines.push(
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return lines.map(foldLine).join(CRLF) + CRLF;
}
