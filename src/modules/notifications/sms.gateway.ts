import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/config';

export interface SmsMessage {
  /** E.164 phone number. */
  to: string;
  text: string;
  /** The notification id: a gateway that keeps it can drop a repeat. */
  id: string;
}

const TIMEOUT_MS = 10_000;

/** The SMS provider behind one HTTP endpoint (SMS_GATEWAY_URL): JSON POST `{ to, text, id }`, any 2xx is accepted. */
@Injectable()
export class SmsGateway {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configured(): boolean {
    return !!this.config.smsGatewayUrl;
  }

  /** Returns the provider's message id when its answer carries one. */
  async send(message: SmsMessage): Promise<string | null> {
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

  /** Reachability only: any HTTP answer means the gateway is there; nothing is sent. */
  async check(): Promise<string> {
    const response = await fetch(this.config.smsGatewayUrl!, {
      method: 'HEAD',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return `HTTP ${response.status}`;
  }
}
