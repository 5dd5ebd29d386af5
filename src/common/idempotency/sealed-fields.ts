/**
 * Secrets a stored response may carry (a kiosk visitor's access code, a new kiosk's token): kept with the
 * Idempotency-Key only encrypted with the PII key, so that a replay still shows them to the one who asked and a
 * read of the table shows nothing.
 */
export const SECRET_FIELDS = new Set(['accessCode', 'token', 'accessToken']);

const MARK = '$sealed';
const MAX_DEPTH = 6;

interface Cipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

function map(value: unknown, depth: number, leaf: (key: string, v: unknown) => unknown): unknown {
  if (depth > MAX_DEPTH || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => map(item, depth + 1, leaf));
  // Dates and other class instances serialise themselves; only plain objects are walked.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_FIELDS.has(key) ? leaf(key, v) : map(v, depth + 1, leaf);
  }
  return out;
}

export function sealSecrets(body: unknown, cipher: Cipher): unknown {
  return map(body, 0, (_key, v) => (typeof v === 'string' ? { [MARK]: cipher.encrypt(v) } : v));
}

export function unsealSecrets(body: unknown, cipher: Cipher): unknown {
  return map(body, 0, (_key, v) =>
    v && typeof v === 'object' && typeof (v as Record<string, unknown>)[MARK] === 'string'
      ? cipher.decrypt((v as Record<string, string>)[MARK])
      : v,
  );
}
