import { DataSource } from 'typeorm';
import { hashPassword } from 'src/common/crypto/password';
import { TestApp, login, unique } from 'test/harness/app';

export interface TestRecipient {
  id: string;
  email: string;
  phone: string;
  token: string;
}

let phoneCounter = 0;

/** A unique valid Russian mobile number (+7 916 …). */
export function uniquePhone(): string {
  phoneCounter += 1;
  const n = (Date.now() * 10 + process.pid + phoneCounter * 7919) % 10_000_000;
  return `+7916${String(n).padStart(7, '0')}`;
}

/** A migrant user with e-mail, phone and a preferred language, logged in. */
export async function createRecipient(t: TestApp, preferredLanguage = 'ru'): Promise<TestRecipient> {
  const email = `${unique('recipient')}@test.jobfair.local`;
  const phone = uniquePhone();
  const password = 'recipient-password-1';
  const [row] = await t.app.get(DataSource).query(
    `INSERT INTO users (email, phone, password_hash, role, display_name, preferred_language)
       VALUES ($1, $2, $3, 'migrant', 'Aziz Karimov', $4) RETURNING id`,
    [email, phone, await hashPassword(password), preferredLanguage],
  );
  return { id: row.id, email, phone, token: await login(t, { email, password }) };
}

/** The first web address in a message's text (a full stop or bracket after it is not part of it). */
export function firstLink(text: string): string | undefined {
  return /https?:\/\/\S+[^\s.,)]/.exec(text)?.[0];
}
