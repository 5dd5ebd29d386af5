/** A date (or date and time) in the page's language, in a <time> element that keeps the ISO value. */
export function formatDate(value: string, lang: string, withTime = false): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

export function DateTime({ value, lang, withTime }: { value: string; lang: string; withTime?: boolean }) {
  return <time dateTime={value}>{formatDate(value, lang, withTime)}</time>;
}
