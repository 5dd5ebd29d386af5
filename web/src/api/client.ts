/**
 * The only way the pages talk to the server: openapi-fetch typed by schema.d.ts, which the build
 * generates from the service's own OpenAPI document (npm run api:types). A changed DTO breaks the web
 * type check. `call()` turns an answer into its data or throws ApiError / NetworkError.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiError, NetworkError, Problem } from './errors';

export type Schemas = components['schemas'];
export type Api = ReturnType<typeof createApi>;

export function createApi(token: () => string | null = () => null, timeoutMs = 20_000) {
  const client = createClient<paths>({
    baseUrl: typeof location === 'undefined' ? '' : location.origin,
    fetch: (request: Request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) }),
  });
  client.use({
    onRequest({ request }) {
      const value = token();
      if (value) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  });
  return client;
}

/** Awaits an openapi-fetch call: its data, or ApiError with the problem+json body, or NetworkError. */
export async function call<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Exclude<T, undefined>> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await pending;
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }
  if (!answer.response.ok) {
    const body = (typeof answer.error === 'object' && answer.error) || { detail: String(answer.error ?? '') };
    throw new ApiError(answer.response.status, {
      ...(body as object),
      status: answer.response.status,
    } as Problem);
  }
  return answer.data as Exclude<T, undefined>;
}

/** A random key for Idempotency-Key headers. */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
