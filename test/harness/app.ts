import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AppConfig, loadConfig } from 'src/config/config';
import { createApp } from 'src/bootstrap';

export const ADMIN_EMAIL = 'admin@test.jobfair.local';
export const ADMIN_PASSWORD = 'admin-password-123';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** Boots the real application (Fastify, PostgreSQL, Redis, workers, outbox relay) for one spec file. */
export async function bootTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    OUTBOX_POLL_MS: '100',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    MAIL_DIR: 'var/test-mail',
    SMS_DIR: 'var/test-sms',
    // Each app gets its own queues, so a job is handled by the app (and mail transport) that made it.
    REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'jf-test'}-${unique('app')}`,
    // Specs log in and register many times from one address; the limits have a spec of their own.
    RATE_LIMIT_LOGIN_PER_IP: '1000000/60',
    RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '1000000/60',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000000/60',
    RATE_LIMIT_REGISTER_PER_IP: '1000000/60',
    RATE_LIMIT_IDENTIFY_PER_PHONE: '1000000/60',
    RATE_LIMIT_IDENTIFICATION_CODES_PER_PHONE: '1000000/60',
    RATE_LIMIT_IDENTIFY_FAILURES_PER_KIOSK: '1000000/60',
    ...env,
  });
  const app = await createApp(config);
  // A spec that sets PORT (to know PUBLIC_BASE_URL before boot) gets that port; any other a free one.
  await app.listen({ port: env.PORT ? Number(env.PORT) : 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return {
    app,
    config,
    url,
    http: () => request(url),
    close: () => app.close(),
  };
}

/** A port free right now, for a spec that must know its address (PUBLIC_BASE_URL) before it boots. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function login(t: TestApp, credentials: Record<string, string>): Promise<string> {
  const res = await t.http().post('/v1/auth/login').send(credentials);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export function adminToken(t: TestApp): Promise<string> {
  return login(t, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
}

let counter = 0;
/** Unique per process and call, for emails, phones and keys. */
export function unique(prefix = ''): string {
  counter += 1;
  return `${prefix}${process.pid.toString(36)}${Date.now().toString(36)}${counter}`;
}

export async function staffToken(t: TestApp): Promise<string> {
  const admin = await adminToken(t);
  const email = `${unique('staff')}@test.jobfair.local`;
  const res = await t
    .http()
    .post('/v1/staff')
    .set('authorization', `Bearer ${admin}`)
    .send({ email, password: 'staff-password-123', displayName: 'Test Staff' });
  if (res.status !== 201) throw new Error(`staff create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return login(t, { email, password: 'staff-password-123' });
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, stepMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
