export type SearchDriver = 'postgres' | 'meilisearch';

export interface AppConfig {
  nodeEnv: string;
  port: number;
  host: string;
  databaseUrl: string;
  /** Connections the API process keeps to PostgreSQL. */
  databasePoolSize: number;
  redisUrl: string;
  redisPrefix: string;
  searchDriver: SearchDriver;
  meiliUrl?: string;
  meiliKey?: string;
  smtpUrl?: string;
  mailFrom: string;
  mailDir: string;
  smsGatewayUrl?: string;
  /** Where SMS go as text files when no gateway is configured. */
  smsDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  piiEncryptionKeys: { id: string; key: Buffer }[];
  adminEmail?: string;
  adminPassword?: string;
  workers: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  outboxPollMs: number;
  notificationRatePerSecond: number;
  /** Base delay of notification retries; unset means the default retry policy. */
  notificationBackoffMs?: number;
  reminderOffsetsMinutes: number[];
  /**
   * The address people open the faces at (scheme, host, optional path; no trailing slash). Every link in a
   * message is made absolute against it.
   */
  publicBaseUrl: string;
  /** The operator's free legal-help number in migrants' messages, per host country (`*` for any other). */
  legalHelpPhones: Record<string, string>;
  demo: boolean;
  warnings: string[];
  /** Whom to believe about the client's address (X-Forwarded-For): off, on, a hop count or a list of proxies. */
  trustProxy: boolean | number | string[];
  /** Per-client limits: requests allowed per window, in Redis (see docs/SECURITY.md). */
  rateLimits: Record<RateLimitName, RateLimit>;
  /** Bearer token that /metrics asks for; without one, /metrics is closed in production. */
  metricsToken: string | undefined;
  /** How long a completed Idempotency-Key (and its stored response) is kept for replays. */
  idempotencyKeyTtlHours: number;
  /** How long dispatched outbox rows are kept (for tracing) before they are pruned. */
  outboxRetentionDays: number;
  /** How long after its fair ends a kiosk submission held for staff is kept. */
  kioskHeldRetentionDays: number;
}

export type RateLimitName =
  | 'loginPerIp'
  | 'loginPerAccountAndIp'
  | 'loginPerAccount'
  | 'registerPerIp'
  | 'identifyPerPhone'
  | 'identificationCodesPerPhone'
  | 'identifyFailuresPerKiosk';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

const RATE_LIMIT_DEFAULTS: Record<RateLimitName, { env: string; value: string }> = {
  loginPerIp: { env: 'RATE_LIMIT_LOGIN_PER_IP', value: '60/60' },
  loginPerAccountAndIp: { env: 'RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP', value: '10/900' },
  loginPerAccount: { env: 'RATE_LIMIT_LOGIN_PER_ACCOUNT', value: '100/900' },
  registerPerIp: { env: 'RATE_LIMIT_REGISTER_PER_IP', value: '30/600' },
  identifyPerPhone: { env: 'RATE_LIMIT_IDENTIFY_PER_PHONE', value: '10/900' },
  identificationCodesPerPhone: { env: 'RATE_LIMIT_IDENTIFICATION_CODES_PER_PHONE', value: '3/900' },
  identifyFailuresPerKiosk: { env: 'RATE_LIMIT_IDENTIFY_FAILURES_PER_KIOSK', value: '30/900' },
};

function rateLimits(env: Env): Record<RateLimitName, RateLimit> {
  const out = {} as Record<RateLimitName, RateLimit>;
  for (const [name, { env: key, value }] of Object.entries(RATE_LIMIT_DEFAULTS)) {
    const raw = (env[key] || value).trim();
    const match = /^(\d{1,9})\/(\d{1,7})$/.exec(raw);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      throw new ConfigError(key, `must be <requests>/<seconds>, e.g. ${value}; got "${raw}"`);
    }
    out[name as RateLimitName] = { max: Number(match[1]), windowSeconds: Number(match[2]) };
  }
  return out;
}

function trustProxy(env: Env): boolean | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (!raw || /^(false|off|0|no)$/i.test(raw)) return false;
  if (/^(true|on|yes)$/i.test(raw)) return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((part) => part.trim());
  if (list.some((part) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part))) {
    throw new ConfigError(
      'TRUST_PROXY',
      'must be off, on, a hop count or a comma-separated list of proxy IPs/CIDRs',
    );
  }
  return list;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';
// 32 bytes, base64; only for development and tests, refused in production.
const DEV_PII_KEY = 'ZGV2LW9ubHktcGlpLWtleS0zMi1ieXRlcy1sb25nISE=';

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback?: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    if (fallback === undefined) throw new ConfigError(name, 'is required');
    return fallback;
  }
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be on/off (true/false, 1/0), got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = env[name] || fallback;
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use one of ${protocols.join(', ')}, got ${parsed.protocol}`);
  }
  return raw;
}

/** Shown where no number is configured, outside production: recognisably not a real number. */
export const DEV_LEGAL_HELP_PHONE = '+7 000 000-00-00 (LEGAL_HELP_PHONE not set)';

const PHONE = /^\+[0-9][0-9 ()-]{5,22}[0-9]$/;

/**
 * Parses `LEGAL_HELP_PHONE`: one number for every host country (`+7 495 123-45-67`), or numbers per host
 * country, `RU=+7 495 123-45-67;KZ=+7 7172 12-34-56`, optionally with `*=…` for the rest.
 */
function legalHelp(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const numbers: Record<string, string> = {};
  for (const part of raw
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [country, number] = part.includes('=') ? part.split('=', 2).map((x) => x.trim()) : ['*', part];
    if (!/^([A-Z]{2}|\*)$/.test(country))
      throw new ConfigError('LEGAL_HELP_PHONE', `has a bad country "${country}" (ISO 3166-1 alpha-2, or *)`);
    if (!PHONE.test(number))
      throw new ConfigError(
        'LEGAL_HELP_PHONE',
        `has a bad number "${number}" (international, starting with +)`,
      );
    if (numbers[country]) throw new ConfigError('LEGAL_HELP_PHONE', `names ${country} twice`);
    numbers[country] = number;
  }
  return numbers;
}

/** The legal-help number for a host country: its own, else the `*` one, else the first one given. */
export function legalHelpPhoneFor(
  config: Pick<AppConfig, 'legalHelpPhones'>,
  country?: string | null,
): string {
  const numbers = config.legalHelpPhones;
  return (country && numbers[country]) || numbers['*'] || Object.values(numbers)[0] || DEV_LEGAL_HELP_PHONE;
}

/** Parses `PII_ENCRYPTION_KEY`: either one base64 key or `id1:base64,id2:base64` (first one encrypts). */
function piiKeys(raw: string): { id: string; key: Buffer }[] {
  const parts = raw.split(',').map((p) => p.trim());
  return parts.map((part, index) => {
    const [id, b64] = part.includes(':') ? part.split(':', 2) : [`k${index + 1}`, part];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError('PII_ENCRYPTION_KEY', 'must hold 32-byte keys in base64');
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id))
      throw new ConfigError('PII_ENCRYPTION_KEY', `has a bad key id "${id}"`);
    return { id, key };
  });
}

export function loadConfig(env: Env = process.env): AppConfig {
  const warnings: string[] = [];
  const nodeEnv = str(env, 'NODE_ENV', 'development');
  const production = nodeEnv === 'production';

  const searchDriver = str(env, 'SEARCH_DRIVER', 'postgres');
  if (searchDriver !== 'postgres' && searchDriver !== 'meilisearch') {
    throw new ConfigError('SEARCH_DRIVER', `must be "postgres" or "meilisearch", got "${searchDriver}"`);
  }
  const meiliUrl = url(env, 'MEILI_URL', ['http:', 'https:']);
  if (searchDriver === 'meilisearch' && !meiliUrl) {
    throw new ConfigError('MEILI_URL', 'is required when SEARCH_DRIVER=meilisearch');
  }

  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret) {
    if (production) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    warnings.push('JWT_SECRET is not set: using the development default. NEVER run like this in production.');
    jwtSecret = DEV_JWT_SECRET;
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }

  let piiRaw = env.PII_ENCRYPTION_KEY;
  if (!piiRaw) {
    if (production) throw new ConfigError('PII_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
    warnings.push(
      'PII_ENCRYPTION_KEY is not set: using the development key. NEVER run like this in production.',
    );
    piiRaw = `dev:${DEV_PII_KEY}`;
  }

  const adminEmail = env.ADMIN_EMAIL || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !adminPassword)
    throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  if (adminPassword && adminPassword.length < 10)
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters');

  const offsets = str(env, 'REMINDER_OFFSETS_MINUTES', '1440,120')
    .split(',')
    .map((s) => s.trim());
  if (offsets.some((o) => !/^\d+$/.test(o))) {
    throw new ConfigError('REMINDER_OFFSETS_MINUTES', 'must be a comma-separated list of minutes');
  }

  const port = int(env, 'PORT', 3000, 0, 65535);
  let publicBaseUrl = url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']);
  if (!publicBaseUrl) {
    if (production) throw new ConfigError('PUBLIC_BASE_URL', 'is required when NODE_ENV=production');
    publicBaseUrl = `http://localhost:${port || 3000}`;
  } else if (/[?#]/.test(publicBaseUrl)) {
    throw new ConfigError('PUBLIC_BASE_URL', 'must not carry a query or a fragment');
  }
  publicBaseUrl = publicBaseUrl.replace(/\/+$/, '');

  const legalHelpPhones = legalHelp(env.LEGAL_HELP_PHONE);
  if (!legalHelpPhones) {
    if (production) throw new ConfigError('LEGAL_HELP_PHONE', 'is required when NODE_ENV=production');
    warnings.push(
      `LEGAL_HELP_PHONE is not set: messages carry the placeholder ${DEV_LEGAL_HELP_PHONE}. Set the real number before launch.`,
    );
  }

  return {
    nodeEnv,
    port,
    host: str(env, 'HOST', '0.0.0.0'),
    databaseUrl: url(
      env,
      'DATABASE_URL',
      ['postgres:', 'postgresql:'],
      'postgres://postgres@127.0.0.1:5432/jobfair',
    )!,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 500),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379')!,
    redisPrefix: str(env, 'REDIS_PREFIX', 'jobfair'),
    searchDriver,
    meiliUrl,
    meiliKey: env.MEILI_MASTER_KEY || undefined,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str(env, 'MAIL_FROM', 'Job fair service <no-reply@jobfair.local>'),
    mailDir: str(env, 'MAIL_DIR', 'var/mail'),
    smsGatewayUrl: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']),
    smsDir: str(env, 'SMS_DIR', 'var/sms'),
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    piiEncryptionKeys: piiKeys(piiRaw),
    adminEmail,
    adminPassword,
    workers: bool(env, 'WORKERS', true),
    logLevel: str(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 500, 10, 60000),
    notificationRatePerSecond: int(env, 'NOTIFICATION_RATE_PER_SECOND', 500, 1, 100000),
    notificationBackoffMs: env.NOTIFICATION_BACKOFF_MS
      ? int(env, 'NOTIFICATION_BACKOFF_MS', 30_000, 1, 3_600_000)
      : undefined,
    reminderOffsetsMinutes: offsets.map(Number),
    publicBaseUrl,
    legalHelpPhones: legalHelpPhones ?? {},
    demo: bool(env, 'DEMO', false),
    trustProxy: trustProxy(env),
    rateLimits: rateLimits(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    idempotencyKeyTtlHours: int(env, 'IDEMPOTENCY_KEY_TTL_HOURS', 7 * 24, 1, 365 * 24),
    outboxRetentionDays: int(env, 'OUTBOX_RETENTION_DAYS', 7, 1, 3650),
    kioskHeldRetentionDays: int(env, 'KIOSK_HELD_RETENTION_DAYS', 30, 1, 3650),
    warnings,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
