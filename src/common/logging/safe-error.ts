/**
 * What of an error may go to a log line. A database error carries the statement's parameters (names, phones, birth
 * dates) and PostgreSQL's `detail` ("Key (phone)=(+998…) already exists"); a message may quote a rejected value
 * ("invalid input syntax for type date: "…""). Kept: the kind of error, the SQLSTATE and the names of the
 * constraint, table and column, the statement's text (placeholders, no values), the message with quoted values
 * blanked, and the stack frames.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const message = safeMessage(error);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    type: error.name,
    message,
    ...databaseFields(error),
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  };
}

/** The safe fields of a PostgreSQL error (TypeORM's QueryFailedError or the driver's own), or undefined. */
export function databaseFields(error: unknown): Record<string, unknown> | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as Record<string, unknown>;
  const driver = (e.driverError ?? e) as Record<string, unknown>;
  if (typeof driver.code !== 'string' || !/^[0-9A-Z]{5}$/.test(driver.code)) return undefined;
  const out: Record<string, unknown> = { code: driver.code };
  for (const key of ['constraint', 'table', 'column', 'routine'] as const) {
    if (typeof driver[key] === 'string') out[key] = driver[key];
  }
  if (typeof e.query === 'string') out.query = statementText(e.query);
  return out;
}

/** A statement for a log line: whitespace folded, at most 500 characters. Parameters are never part of it. */
export function statementText(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/**
 * An error's message for a log line: e-mail addresses and phone numbers blanked (an SMTP refusal names the
 * recipient), and for a database error every quoted value too.
 */
export function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = databaseFields(error)
    ? message.replace(/"[^"]*"|'[^']*'|\([^()]*\)=\([^()]*\)/g, '"…"')
    : message;
  return quoted
    .replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '[email]')
    .replace(/(?<![\w-])\+?\d(?:[\s()-]*\d){8,}(?![\w-])/g, '[number]');
}
