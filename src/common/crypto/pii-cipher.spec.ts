import { PiiCipher } from 'src/common/crypto/pii-cipher';

const key = (fill: number) => Buffer.alloc(32, fill);

describe('PiiCipher', () => {
  it('round-trips and never stores the clear text', () => {
    const cipher = new PiiCipher({ piiEncryptionKeys: [{ id: 'a', key: key(1) }] });
    const stored = cipher.encrypt('AB1234567');
    expect(stored).not.toContain('AB1234567');
    expect(stored.startsWith('a:')).toBe(true);
    expect(cipher.decrypt(stored)).toBe('AB1234567');
  });

  it('decrypts values written with an older key after rotation', () => {
    const old = new PiiCipher({ piiEncryptionKeys: [{ id: 'old', key: key(1) }] });
    const stored = old.encrypt('FA0011223');
    const rotated = new PiiCipher({
      piiEncryptionKeys: [
        { id: 'new', key: key(2) },
        { id: 'old', key: key(1) },
      ],
    });
    expect(rotated.decrypt(stored)).toBe('FA0011223');
    expect(rotated.encrypt('x').startsWith('new:')).toBe(true);
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new PiiCipher({ piiEncryptionKeys: [{ id: 'a', key: key(1) }] });
    const parts = cipher.encrypt('AB1234567').split(':');
    parts[3] = Buffer.from('tampered!').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('masks all but the last three characters', () => {
    expect(PiiCipher.mask('AB1234567')).toBe('••••••567');
  });
});
