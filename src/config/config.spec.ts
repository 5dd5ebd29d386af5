import { ConfigError, loadConfig } from 'src/config/config';

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
    const ok = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PII_ENCRYPTION_KEY: `new:${Buffer.alloc(32, 7).toString('base64')},old:${Buffer.alloc(32, 1).toString('base64')}`,
    });
    expect(ok.piiEncryptionKeys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(ok.warnings).toEqual([]);
  });
});
