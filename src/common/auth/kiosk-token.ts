import { createHash, randomBytes } from 'node:crypto';
import { KioskPrincipal } from 'src/common/auth/principal';

export const KIOSK_TOKEN_PREFIX = 'kiosk_';

export function newKioskToken(): { token: string; hash: string } {
  const token = KIOSK_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashKioskToken(token) };
}

/** Only the hash is stored: a leaked table does not leak working tokens. */
export function hashKioskToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Provided by the fairs module; resolves a kiosk token to its principal, or undefined when not valid now. */
export interface KioskTokenResolver {
  /** `afterFair`: also while the fair ended no more than KIOSK_REPORT_DAYS ago (see @KioskAfterFair). */
  resolve(tokenHash: string, now: Date, afterFair?: boolean): Promise<KioskPrincipal | undefined>;
}

/** How long after its fair a kiosk may still hand over the submissions it holds. */
export const KIOSK_REPORT_DAYS = 7;

export const KIOSK_TOKEN_RESOLVER = Symbol('KIOSK_TOKEN_RESOLVER');
