import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from 'src/config/config';

/**
 * AES-256-GCM for identifiers such as passport numbers. The stored form is
 * `keyId:iv:tag:ciphertext` (base64), so keys can be rotated: the first key encrypts, all decrypt.
 */
@Injectable()
export class PiiCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { id: string; key: Buffer };

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'piiEncryptionKeys'>) {
    this.keys = new Map(config.piiEncryptionKeys.map((k) => [k.id, k.key]));
    this.current = config.piiEncryptionKeys[0];
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      this.current.id,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const [id, iv, tag, data] = stored.split(':');
    const key = this.keys.get(id);
    if (!key) throw new Error(`No PII key with id ${id}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for equality lookups (e.g. a passport seen twice) without storing the number in clear. */
  blindIndex(plain: string): string {
    return createHmac('sha256', this.current.key)
      .update(plain.replace(/\s+/g, '').toUpperCase())
      .digest('base64url');
  }

  static mask(plain: string): string {
    const visible = plain.slice(-3);
    return `${'•'.repeat(Math.max(3, plain.length - 3))}${visible}`;
  }
}
