import { ApiError, NetworkError } from '../api/errors';

/** What went wrong, as the person should read it: the problem's detail and its field errors. */
export function describeError(error: unknown, offline: string): string {
  if (error instanceof NetworkError) return offline;
  if (error instanceof ApiError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}

/** A problem+json answer (or any error) shown as an alert; nothing when there is none. */
export function Problem({ error, offline }: { error: unknown; offline: string }) {
  if (error === null || error === undefined) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <div class="error" role="alert" data-problem={problem?.type ?? undefined}>
      {describeError(error, offline)
        .split('\n')
        .map((line, i) => (
          <p key={i} style={{ margin: 0 }}>
            {line}
          </p>
        ))}
    </div>
  );
}
