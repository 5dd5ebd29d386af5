import { ConfigError, DEV_LEGAL_HELP_PHONE, legalHelpPhoneFor, loadConfig } from 'src/config/config';

describe('loadConfig', () => {
  it('works on this machine with no variables set, warning about development secrets', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/jobfair');
    expect(config.databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.searchDriver).toBe('postgres');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.warnings.join(' ')).toMatch(/JWT_SECRET/);
    expect(config.warnings.join(' ')).toMatch(/PII_ENCRYPTION_KEY/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ SEARCH_DRIVER: 'elastic' }, 'SEARCH_DRIVER'],
    [{ SEARCH_DRIVER: 'meilisearch' }, 'MEILI_URL'],
    [{ WORKERS: 'maybe' }, 'WORKERS'],
    [{ PII_ENCRYPTION_KEY: 'short' }, 'PII_ENCRYPTION_KEY'],
    [{ ADMIN_EMAIL: 'a@b.c' }, 'ADMIN_PASSWORD'],
  ])('stops on %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it('requires real secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /PII_ENCRYPTION_KEY/,
    );
    const secrets = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PII_ENCRYPTION_KEY: `new:${Buffer.alloc(32, 7).toString('base64')},old:${Buffer.alloc(32, 1).toString('base64')}`,
    };
    expect(() => loadConfig(secrets)).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ ...secrets, PUBLIC_BASE_URL: 'https://jobs.example.gov' })).toThrow(
      /LEGAL_HELP_PHONE/,
    );
    const ok = loadConfig({
      ...secrets,
      PUBLIC_BASE_URL: 'https://jobs.example.gov/',
      LEGAL_HELP_PHONE: '+7 495 123-45-67',
    });
    expect(ok.piiEncryptionKeys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(ok.warnings).toEqual([]);
  });

  describe('links and the legal-help number', () => {
    it('takes the public address without a trailing slash, and refuses one with a query or fragment', () => {
      expect(loadConfig({ PUBLIC_BASE_URL: 'https://jobs.example.gov/fairs/' }).publicBaseUrl).toBe(
        'https://jobs.example.gov/fairs',
      );
      expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
      expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://jobs.example.gov/#x' })).toThrow(/PUBLIC_BASE_URL/);
      expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://jobs.example.gov' })).toThrow(/PUBLIC_BASE_URL/);
    });

    it('keeps one number for every host country, or one per country', () => {
      const one = loadConfig({ LEGAL_HELP_PHONE: '+7 495 123-45-67' });
      expect(legalHelpPhoneFor(one, 'RU')).toBe('+7 495 123-45-67');
      expect(legalHelpPhoneFor(one, 'KZ')).toBe('+7 495 123-45-67');
      const each = loadConfig({ LEGAL_HELP_PHONE: 'RU=+7 495 123-45-67; KZ=+7 7172 12-34-56' });
      expect(each.legalHelpPhones).toEqual({ RU: '+7 495 123-45-67', KZ: '+7 7172 12-34-56' });
      expect(legalHelpPhoneFor(each, 'KZ')).toBe('+7 7172 12-34-56');
      expect(legalHelpPhoneFor(each, 'RU')).toBe('+7 495 123-45-67');
      expect(legalHelpPhoneFor(each, 'TJ')).toBe('+7 495 123-45-67');
      expect(legalHelpPhoneFor(each, undefined)).toBe('+7 495 123-45-67');
      const rest = loadConfig({ LEGAL_HELP_PHONE: 'KZ=+7 7172 12-34-56;*=+7 800 100-00-00' });
      expect(legalHelpPhoneFor(rest, 'RU')).toBe('+7 800 100-00-00');
    });

    it('refuses a malformed number or country, and outside production says the number is missing', () => {
      expect(() => loadConfig({ LEGAL_HELP_PHONE: '8 800 100-00-00' })).toThrow(/LEGAL_HELP_PHONE/);
      expect(() => loadConfig({ LEGAL_HELP_PHONE: 'Russia=+7 495 123-45-67' })).toThrow(/country/);
      expect(() => loadConfig({ LEGAL_HELP_PHONE: 'RU=+7 495 123-45-67;RU=+7 495 000-00-01' })).toThrow(
        /twice/,
      );
      const dev = loadConfig({});
      expect(dev.legalHelpPhones).toEqual({});
      expect(legalHelpPhoneFor(dev, 'RU')).toBe(DEV_LEGAL_HELP_PHONE);
      expect(dev.warnings.join('\n')).toMatch(/LEGAL_HELP_PHONE is not set/);
    });
  });
});
