import { Inject, Injectable, Logger } from '@nestjs/common';
import { constants } from 'node:fs';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from 'src/config/config';

export interface SmsMessage {
  /** E.164 phone number. */
  to: string;
  text: string;
  /** The notification id: a gateway that keeps it can drop a repeat. */
  id: string;
}

const TIMEOUT_MS = 10_000;

/** The file an SMS is written to under SMS_DIR, named by the notification id (a retry rewrites it). */
export function smsFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9_-]/g, '_')}.txt`;
}

/** A person reads it with any text viewer; headers first, a blank line, then the message as sent. */
export function formatSmsFile(message: SmsMessage, at: Date): string {
  return `To: ${message.to}\nId: ${message.id}\nDate: ${at.toISOString()}\n\n${message.text}\n`;
}

/**
 * The SMS provider behind one HTTP endpoint (SMS_GATEWAY_URL): JSON POST `{ to, text, id }`, any 2xx is accepted.
 * Without a gateway each message is written as a text file under SMS_DIR, as mail goes to MAIL_DIR without SMTP,
 * so a default run delivers every SMS somewhere a person (or a test) can read it.
 */
@Injectable()
export class SmsGateway {
  private readonly logger = new Logger(SmsGateway.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  mode(): 'http' | 'files' {
    return this.config.smsGatewayUrl ? 'http' : 'files';
  }

  /** Returns the provider's message id when its answer carries one; the file name when written to SMS_DIR. */
  async send(message: SmsMessage): Promise<string | null> {
    if (this.mode() === 'files') return this.writeFile(message);
    const response = await fetch(this.config.smsGatewayUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.text().catch(() => '');
    if (!response.ok) {
      throw new Error(`SMS gateway answered ${response.status}: ${body.slice(0, 200)}`);
    }
    try {
      const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
      const id = parsed.messageId ?? parsed.id;
      return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    } catch {
      return null;
    }
  }

  /** Reachability only: any HTTP answer means the gateway is there; nothing is sent. Files: the folder is writable. */
  async check(): Promise<string> {
    if (this.mode() === 'files') {
      const dir = resolve(this.config.smsDir);
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      return 'files';
    }
    const response = await fetch(this.config.smsGatewayUrl!, {
      method: 'HEAD',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return `HTTP ${response.status}`;
  }

  private async writeFile(message: SmsMessage): Promise<string> {
    const dir = resolve(this.config.smsDir);
    await mkdir(dir, { recursive: true });
    const name = smsFileName(message.id);
    // Written aside and renamed, so a reader never sees half a message.
    const partial = join(dir, `.${name}.${process.pid}.partial`);
    await writeFile(partial, formatSmsFile(message, new Date()), 'utf8');
    await rename(partial, join(dir, name));
    this.logger.log(`SMS written to ${this.config.smsDir} (${name})`);
    return name;
  }
}
