/** The only way the pages talk to the server: JSON over /v1 with a bearer token, problem+json errors. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** Detail plus the field errors, for showing under a form. */
  describe(): string {
    const fields = (this.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
    return [this.message, ...fields].join('\n');
  }
}

/** The network did not answer (offline, timeout): the request may or may not have reached the server. */
export class NetworkError extends Error {}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
    });
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = { status: res.status, detail: text.slice(0, 200) };
  }
  if (!res.ok) throw new ApiError(res.status, { status: res.status, ...(data as object) });
  return data as T;
}

/** A random key for Idempotency-Key headers. */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A signed-in session kept in localStorage under one key per face. */
export class Session {
  constructor(private readonly key: string) {}
  get token(): string | null {
    return localStorage.getItem(this.key);
  }
  set token(value: string | null) {
    if (value) localStorage.setItem(this.key, value);
    else localStorage.removeItem(this.key);
  }
}

export interface Me {
  id: string;
  role: string;
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  employerId?: string | null;
  migrantId?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
