/**
 * A date (or date and time) in the page's language, in a <time> element that keeps the ISO value; with a time
 * zone, on that zone's clock with its offset (an interview abroad reads in the candidate's zone, not the browser's).
 */
export function formatDate(value: string, lang: string, withTime = false, timeZone?: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  if (withTime && timeZone) {
    return new Intl.DateTimeFormat(lang, {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(date);
  }
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

/** The wall-clock time alone on a zone's clock, e.g. "10:00 GMT+3". */
export function formatTime(value: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(value));
}

export function DateTime({ value, lang, withTime }: { value: string; lang: string; withTime?: boolean }) {
  return <time dateTime={value}>{formatDate(value, lang, withTime)}</time>;
}
