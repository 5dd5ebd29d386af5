import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from 'src/config/config';

const SCHEME = 'hmac-sha256';

/**
 * Kiosk access codes are random server-made secrets (8 characters from 31, about 40 bits), not
 * chosen passwords, so a keyed hash is enough; guessing is stopped by the login throttle. A slow
 * password hash here would cap kiosk submissions at a few dozen a second on a small server.
 */
@Injectable()
export class AccessCodeHasher {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'jwtSecret'>) {
    this.key = createHmac('sha256', config.jwtSecret).update('kiosk-access-code').digest();
  }

  hash(code: string): string {
    return `${SCHEME}$${createHmac('sha256', this.key).update(code.trim().toUpperCase()).digest('base64url')}`;
  }

  verify(code: string, stored: string | null | undefined): boolean {
    const expected = Buffer.from(stored ?? `${SCHEME}$${'A'.repeat(43)}`);
    const actual = Buffer.from(this.hash(code));
    return stored != null && expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
